// Vectorised float32 batch kernels (four lanes; WebAssembly SIMD in the module): the functions charts and
// training call most, and the piecewise ones, whose scalar path would spend its time converting. Each
// matches the float64 reference within 2 ulp (float32), including NaN, ±inf, ±0 and subnormal results,
// and takes the catalogue's parameter array.
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
void prelu_f32(const float* xs, float* out, std::size_t n, const double* params);
void hardtanh_f32(const float* xs, float* out, std::size_t n, const double* params);
// hardtanh's derivative in float32, with the bounds rounded to float32 first as PyTorch does.
void hardtanh_d_f32(const float* xs, float* out, std::size_t n, const double* params);
void relu6_f32(const float* xs, float* out, std::size_t n, const double* params);
void hardsigmoid_f32(const float* xs, float* out, std::size_t n, const double* params);
void hardswish_f32(const float* xs, float* out, std::size_t n, const double* params);
void softsign_f32(const float* xs, float* out, std::size_t n, const double* params);

}  // namespace alab::fast
