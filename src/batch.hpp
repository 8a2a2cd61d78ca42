// Batch loops over contiguous arrays: one call per array, the scalar kernel inlined in the loop.
#pragma once

#include <cstddef>

#include "catalogue.hpp"

namespace alab {

template <Scalar F>
void batch_f64(const double* xs, double* out, std::size_t n, const double* params) {
  for (std::size_t i = 0; i < n; ++i) out[i] = F(xs[i], params);
}

// float32 in and out, computed in float64 and rounded once: ≤ 0.5 ulp (float32) plus the
// float64 kernel's error.
template <Scalar F>
void batch_f32(const float* xs, float* out, std::size_t n, const double* params) {
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(F(static_cast<double>(xs[i]), params));
}

}  // namespace alab
