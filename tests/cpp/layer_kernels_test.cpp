// The layer kernels' tanh and sigmoid (float64 and float32) against libm-based references.
#include "demos/network/layer_kernels.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/activations.hpp"

namespace alab {
namespace {

std::vector<double> sweep() {
  std::vector<double> xs;
  for (double x = -40; x <= 40; x += 0.0137) xs.push_back(x);
  for (double x : {0.0, -0.0, 1e-300, -1e-300, 1e-8, 710.0, -710.0, 1e308, -1e308}) xs.push_back(x);
  xs.push_back(std::numeric_limits<double>::infinity());
  xs.push_back(-std::numeric_limits<double>::infinity());
  return xs;
}

TEST(LayerKernels, ExpMatchesLibm) {
  for (double x = -700; x <= 0; x += 0.731) {
    EXPECT_NEAR(layer::exp_nonpositive(x) / std::exp(x), 1.0, 4e-16) << x;
  }
  EXPECT_EQ(layer::exp_nonpositive(0.0), 1.0);
}

TEST(LayerKernels, TanhWithinFourE16Absolute) {
  std::vector<double> xs = sweep(), ys = xs;
  layer::tanh_in_place(ys.data(), ys.size());
  for (std::size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(ys[i], std::tanh(xs[i]), 4e-16) << xs[i];
}

TEST(LayerKernels, SigmoidWithinFourE16Absolute) {
  std::vector<double> xs = sweep(), ys = xs;
  layer::sigmoid_in_place(ys.data(), ys.size());
  for (std::size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(ys[i], act::sigmoid(xs[i], nullptr), 4e-16) << xs[i];
}

TEST(LayerKernels, Float32GridVersionsWithinThreeE7Absolute) {
  std::vector<double> xs = sweep();
  std::vector<float> t(xs.begin(), xs.end()), s(xs.begin(), xs.end());
  layer::tanh_in_place(t.data(), t.size());
  layer::sigmoid_in_place(s.data(), s.size());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double x = static_cast<float>(xs[i]);  // the input the float version saw
    EXPECT_NEAR(t[i], std::tanh(x), 3e-7) << x;
    EXPECT_NEAR(s[i], act::sigmoid(x, nullptr), 3e-7) << x;
  }
}

}  // namespace
}  // namespace alab
