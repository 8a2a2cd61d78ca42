// Output histograms: the same pre-activations land in (0, 1) for sigmoid, (−1, 1) for tanh and
// [0, ∞) for ReLU.
#include "demos/output_range.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace alab {
namespace {

std::vector<double> histogram_of(Fn fn, double lo, double hi, std::uint32_t bins = 20) {
  HistogramSpec spec;
  spec.activation = fn;
  default_params(fn, spec.params);
  spec.samples = 20000;
  spec.scale = 3;
  spec.bins = bins;
  spec.lo = lo;
  spec.hi = hi;
  EXPECT_EQ(check_histogram(spec), "");
  std::vector<double> out(bins + 4);
  output_histogram(spec, out.data());
  double total = 0;
  for (std::uint32_t k = 0; k < bins + 2; ++k) total += out[k];
  EXPECT_EQ(total, spec.samples);
  return out;
}

TEST(OutputRange, SigmoidStaysInsideZeroOne) {
  const auto h = histogram_of(Fn::sigmoid, 0, 1);
  EXPECT_EQ(h[20], 0);  // below 0
  EXPECT_EQ(h[21], 0);  // at or above 1
  EXPECT_GT(h[22], 0.0);
  EXPECT_LT(h[23], 1.0);
  // z ~ N(0, 9) saturates: the outer bins hold more than the middle ones.
  EXPECT_GT(h[0], h[10]);
  EXPECT_GT(h[19], h[10]);
}

TEST(OutputRange, TanhStaysInsideMinusOneOne) {
  const auto h = histogram_of(Fn::tanh, -1, 1);
  EXPECT_EQ(h[20] + h[21], 0);
  EXPECT_GT(h[22], -1.0);
  EXPECT_LT(h[23], 1.0);
}

TEST(OutputRange, ReluPilesHalfAtZeroAndIsUnboundedAbove) {
  const auto h = histogram_of(Fn::relu, 0, 4);
  EXPECT_EQ(h[20], 0);
  EXPECT_NEAR(h[0] / 20000, 0.5, 0.03);  // every negative z becomes exactly 0
  EXPECT_GT(h[21], 0);                    // some outputs beyond 4: no upper bound
  EXPECT_EQ(h[22], 0.0);
  EXPECT_GT(h[23], 4.0);
}

TEST(OutputRange, SameSeedSamePreActivationsForEveryFunction) {
  // identity shows z itself; ReLU must zero exactly the negative ones among the same draws.
  const auto identity = histogram_of(Fn::identity, -100, 0, 1), relu = histogram_of(Fn::relu, -100, 1e-300, 1);
  EXPECT_EQ(identity[0], relu[0]);  // count of z < 0 equals count of relu(z) == 0
}

TEST(OutputRange, ChecksItsSpec) {
  HistogramSpec spec;
  EXPECT_EQ(check_histogram(spec), "");
  spec.lo = 2;
  spec.hi = 1;
  EXPECT_NE(check_histogram(spec), "");
  spec.hi = 3;
  spec.bins = 0;
  EXPECT_NE(check_histogram(spec), "");
  spec.bins = 10;
  spec.scale = 0;
  EXPECT_NE(check_histogram(spec), "");
}

}  // namespace
}  // namespace alab
