// Batch loops over contiguous arrays: one call per array, the scalar kernel inlined in the loop.
#pragma once

#include <cstddef>

#include "catalogue.hpp"

namespace alab {

template <Scalar F>
void batch_f64(const double* xs, double* out, std::size_t n, const double* params) {
  for (std::size_t i = 0; i < n; ++i) out[i] = F(xs[i], params);
}

// float32 through a float64 batch kernel, a stack chunk at a time: rounded once, so ≤ 0.5 ulp (float32)
// plus the float64 kernel's error. One shared loop instead of a float32 copy of every kernel keeps the
// WebAssembly module small; the functions that need float32 speed have their own kernels (fast_f32.hpp).
void batch_f32_via_f64(BatchF64 kernel, const float* xs, float* out, std::size_t n, const double* params);

template <BatchF64 K>
void batch_f32(const float* xs, float* out, std::size_t n, const double* params) {
  batch_f32_via_f64(K, xs, out, n, params);
}

}  // namespace alab
