// Vectorised float32 batch kernels (four lanes; WebAssembly SIMD in the module) for the functions that
// charts and training call most. Each matches the float64 reference within 2 ulp (float32), including
// NaN, ±inf, ±0 and subnormal results, and takes the catalogue's parameter array.
#pragma once

#include <cstddef>

namespace alab::fast {

void identity_f32(const float* xs, float* out, std::size_t n, const double* params);
void relu_f32(const float* xs, float* out, std::size_t n, const double* params);
void leaky_relu_f32(const float* xs, float* out, std::size_t n, const double* params);
void sigmoid_f32(const float* xs, float* out, std::size_t n, const double* params);
void tanh_f32(const float* xs, float* out, std::size_t n, const double* params);
void elu_f32(const float* xs, float* out, std::size_t n, const double* params);
void gelu_f32(const float* xs, float* out, std::size_t n, const double* params);
void gelu_tanh_f32(const float* xs, float* out, std::size_t n, const double* params);
void silu_f32(const float* xs, float* out, std::size_t n, const double* params);

}  // namespace alab::fast
