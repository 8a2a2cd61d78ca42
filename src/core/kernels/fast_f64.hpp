// Vectorised float64 batch kernels (two lanes; WebAssembly SIMD in the module) for functions whose scalar
// kernels spend their time in libm calls that are slow in WebAssembly (musl's exp, tanh, expm1, log1p, erfc). Each keeps the
// catalogue's float64 bar (≤ 4 ulp of the mpmath reference), including NaN, ±inf, ±0 and subnormal inputs,
// and takes the catalogue's parameter array.
#pragma once

#include <cstddef>

namespace alab::fast {

void sigmoid_f64(const double* xs, double* out, std::size_t n, const double* params);
void tanh_f64(const double* xs, double* out, std::size_t n, const double* params);
void elu_f64(const double* xs, double* out, std::size_t n, const double* params);
void gelu_f64(const double* xs, double* out, std::size_t n, const double* params);
void silu_f64(const double* xs, double* out, std::size_t n, const double* params);
void softplus_f64(const double* xs, double* out, std::size_t n, const double* params);
void selu_f64(const double* xs, double* out, std::size_t n, const double* params);
void celu_f64(const double* xs, double* out, std::size_t n, const double* params);
void gelu_tanh_f64(const double* xs, double* out, std::size_t n, const double* params);
void tanhshrink_f64(const double* xs, double* out, std::size_t n, const double* params);

}  // namespace alab::fast
