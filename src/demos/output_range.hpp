// The output-range experiment: one set of random pre-activations z ~ N(0, scale²) pushed through an
// activation and counted into a histogram, so sigmoid's (0, 1), tanh's (−1, 1) and ReLU's [0, ∞)
// can be compared on identical inputs (same seed → same z for every function).
#pragma once

#include <cstdint>
#include <string>

#include "core/catalogue.hpp"

namespace alab {

inline constexpr std::uint32_t kMaxHistogramSamples = 1000000;
inline constexpr std::uint32_t kMaxHistogramBins = 1000;

struct HistogramSpec {
  Fn activation = Fn::sigmoid;
  double params[kMaxParams] = {0, 0};
  std::uint32_t samples = 10000;  // 1..kMaxHistogramSamples
  double scale = 2.0;             // standard deviation of z, (0, 100]
  std::uint64_t seed = 1;
  std::uint32_t bins = 40;        // 1..kMaxHistogramBins
  double lo = -3, hi = 3;         // the bins split [lo, hi) evenly; lo < hi
};

// Empty when the spec is in range, else a message naming the problem.
std::string check_histogram(const HistogramSpec& spec);

// Writes bins + 4 values: the count in each bin, then the count below lo, the count at or above hi,
// the smallest and the largest output. Precondition: check_histogram(spec) is empty.
void output_histogram(const HistogramSpec& spec, double* out);

}  // namespace alab
