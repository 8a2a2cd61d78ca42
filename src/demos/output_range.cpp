#include "output_range.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/random.hpp"

namespace alab {

std::string check_histogram(const HistogramSpec& spec) {
  char message[160];
  if (spec.samples < 1 || spec.samples > kMaxHistogramSamples) {
    std::snprintf(message, sizeof message, "samples must be in [1, %u], got %u", kMaxHistogramSamples, spec.samples);
    return message;
  }
  if (spec.bins < 1 || spec.bins > kMaxHistogramBins) {
    std::snprintf(message, sizeof message, "bins must be in [1, %u], got %u", kMaxHistogramBins, spec.bins);
    return message;
  }
  if (!(spec.scale > 0 && spec.scale <= 100)) {
    std::snprintf(message, sizeof message, "scale must be in (0, 100], got %g", spec.scale);
    return message;
  }
  if (!(std::isfinite(spec.lo) && std::isfinite(spec.hi) && spec.lo < spec.hi)) {
    return "the histogram range needs finite lo < hi";
  }
  if (static_cast<std::size_t>(spec.activation) >= kFnCount) return "unknown activation";
  return check_params(spec.activation, spec.params);
}

void output_histogram(const HistogramSpec& spec, double* out) {
  const Kernels& k = info(spec.activation).kernels;
  Random rng(spec.seed);
  const std::uint32_t bins = spec.bins;
  std::fill(out, out + bins + 2, 0.0);
  double smallest = std::numeric_limits<double>::infinity(), largest = -smallest;
  const double width = (spec.hi - spec.lo) / bins;
  constexpr std::uint32_t kBlock = 256;
  double z[kBlock], y[kBlock];
  for (std::uint32_t start = 0; start < spec.samples; start += kBlock) {
    const std::uint32_t count = std::min(kBlock, spec.samples - start);
    for (std::uint32_t i = 0; i < count; ++i) z[i] = spec.scale * rng.normal();
    k.value_f64(z, y, count, spec.params);
    for (std::uint32_t i = 0; i < count; ++i) {
      smallest = std::min(smallest, y[i]);
      largest = std::max(largest, y[i]);
      if (y[i] < spec.lo) {
        out[bins] += 1;
      } else if (y[i] >= spec.hi) {
        out[bins + 1] += 1;
      } else {
        const auto bin = std::min<std::uint32_t>(static_cast<std::uint32_t>((y[i] - spec.lo) / width), bins - 1);
        out[bin] += 1;
      }
    }
  }
  out[bins + 2] = smallest;
  out[bins + 3] = largest;
}

}  // namespace alab
