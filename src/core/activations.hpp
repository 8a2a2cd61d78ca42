// Scalar activation functions and their derivatives with respect to x, in float64.
// Each follows PyTorch's definition (including autograd's values at kinks) and is written in a
// numerically stable form: the catalogue's accuracy bar is a few ulp against a high-precision reference.
// Parameters arrive as an array in the order the catalogue lists them.
#pragma once

#include <cmath>
#include <cstddef>

#include "double_double.hpp"

namespace alab::act {

// SELU's constants as PyTorch writes them (torch/nn/functional.py, ATen Activation.cpp).
inline constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
inline constexpr double kSeluScale = 1.0507009873554804934193349852946;

// gelu_tanh's u = √(2/π)(x + 0.044715x³) needs both constants as hi + lo: in the tails σ(2u) multiplies any
// error in u by |2u| (the scalar kernel and the vectorised one in fast_f64.cpp share them).
inline constexpr double kSqrt2OverPi = 0.79788456080286535587989211986876;  // √(2/π)
inline constexpr double kSqrt2OverPiLo = -4.98465440455546e-17;
inline constexpr double kGeluTanhCoeff = 0.044715;  // PyTorch's decimal
inline constexpr double kGeluTanhCoeffLo = 2.1960211427085595e-18;

// Logistic function without overflow or cancellation on either side: 1/(1 + e) or e/(1 + e) with
// e = exp(−|x|), the ratio in double-double so that only exp's own error remains.
inline double sigmoid_of(double x) {
  const double e = std::exp(-std::fabs(x));
  return dd::round(dd::div(dd::Dd{x >= 0 ? 1.0 : e, 0.0}, dd::two_sum(1.0, e)));
}

// c·e/(1 + e)², the derivative of the logistic function's family, in double-double.
inline double scaled_logistic_slope(double c, double e) {
  const dd::Dd d = dd::two_sum(1.0, e);
  return dd::round(dd::div(dd::two_prod(c, e), dd::mul(d, d)));
}

inline double identity(double x, const double*) { return x; }
inline double identity_d(double x, const double*) { return std::isnan(x) ? x : 1.0; }

inline double relu(double x, const double*) { return x > 0 ? x : (std::isnan(x) ? x : 0.0); }
inline double relu_d(double x, const double*) { return x > 0 ? 1.0 : (std::isnan(x) ? x : 0.0); }

inline double sigmoid(double x, const double*) { return sigmoid_of(x); }
// σ'(x) = e/(1+e)² with e = exp(−|x|): no 1−σ cancellation for large |x|.
inline double sigmoid_d(double x, const double*) { return scaled_logistic_slope(1.0, std::exp(-std::fabs(x))); }

inline double tanh(double x, const double*) { return std::tanh(x); }
// sech²(x) = 4e/(1+e)² with e = exp(−2|x|): 1 − tanh² loses every digit for large |x|.
inline double tanh_d(double x, const double*) { return scaled_logistic_slope(4.0, std::exp(-2.0 * std::fabs(x))); }

// slope·x, as PyTorch computes it (a zero slope gives −0 for a negative x), except that a zero slope maps
// −∞ to the limit 0 rather than to 0·∞ = NaN.
inline double scaled_negative(double x, double slope) { return slope == 0 && std::isinf(x) ? 0.0 : x * slope; }

inline double leaky_relu(double x, const double* p) { return x > 0 ? x : scaled_negative(x, p[0]); }
inline double leaky_relu_d(double x, const double* p) { return x > 0 ? 1.0 : (std::isnan(x) ? x : p[0]); }

inline double elu(double x, const double* p) { return x > 0 ? x : p[0] * std::expm1(x); }
inline double elu_d(double x, const double* p) { return x > 0 ? 1.0 : p[0] * std::exp(x); }

// scale and scale·alpha from PyTorch's decimal constants, each as hi + lo: a plain double product
// would already cost an ulp before the exponential's own error.
inline constexpr double kSeluScaleLo = 3.9874847667154144e-17;
inline constexpr double kSeluScaleAlpha = 1.7580993408473768;
inline constexpr double kSeluScaleAlphaLo = 1.41535193800845e-17;

inline double selu(double x, const double*) {
  if (x > 0) return kSeluScale * x + kSeluScaleLo * x;
  const double e = std::expm1(x);
  return kSeluScaleAlpha * e + kSeluScaleAlphaLo * e;
}
inline double selu_d(double x, const double*) {
  if (x > 0) return kSeluScale;
  const double e = std::exp(x);
  return kSeluScaleAlpha * e + kSeluScaleAlphaLo * e;
}

// celu needs x/alpha beyond double precision: its rounding is multiplied by |x/alpha| in the exponential.
double celu(double x, const double* p);
double celu_d(double x, const double* p);

double gelu(double x, const double*);
double gelu_d(double x, const double*);
double gelu_tanh(double x, const double*);
double gelu_tanh_d(double x, const double*);

// Below −800, σ(x) is 0 in double and x·0 would turn −∞ into NaN; the limit is 0.
inline double silu(double x, const double*) { return x < -800 ? -0.0 : x * sigmoid_of(x); }
// silu' = σ(x) + x·σ(x)·σ(−x), with a fit around its root where the two terms cancel.
double silu_d(double x, const double*);

double mish(double x, const double*);
double mish_d(double x, const double*);

double softplus(double x, const double* p);
double softplus_d(double x, const double* p);

inline double softsign(double x, const double*) {
  if (std::isinf(x)) return x > 0 ? 1.0 : -1.0;
  return x / (1.0 + std::fabs(x));
}
inline double softsign_d(double x, const double*) {
  const double d = 1.0 + std::fabs(x);
  return 1.0 / d / d;
}

// PyTorch clamps with NaN propagation; the gradient is 0 at and beyond the clamp points.
inline double hardtanh(double x, const double* p) {
  if (std::isnan(x)) return x;
  return x < p[0] ? p[0] : (x > p[1] ? p[1] : x);
}
inline double hardtanh_d(double x, const double* p) {
  if (std::isnan(x)) return x;
  return (x <= p[0] || x >= p[1]) ? 0.0 : 1.0;
}

inline double relu6(double x, const double*) {
  if (std::isnan(x)) return x;
  return x < 0 ? 0.0 : (x > 6 ? 6.0 : x);
}
inline double relu6_d(double x, const double*) {
  if (std::isnan(x)) return x;
  return (x <= 0 || x >= 6) ? 0.0 : 1.0;
}

inline double hardsigmoid(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x <= -3) return 0.0;
  if (x >= 3) return 1.0;
  return (x + 3.0) / 6.0;
}
inline double hardsigmoid_d(double x, const double*) {
  if (std::isnan(x)) return x;
  return (x > -3 && x < 3) ? 1.0 / 6.0 : 0.0;
}

inline double hardswish(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x <= -3) return 0.0;
  if (x >= 3) return x;
  return x * (x + 3.0) / 6.0;
}
// PyTorch: 0 below −3, x/3 + 1/2 on [−3, 3], 1 above. (2x + 3)/6 is the same line without the
// cancellation of x/3 + 1/2 near its root at −1.5.
inline double hardswish_d(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x < -3) return 0.0;
  if (x > 3) return 1.0;
  return (2.0 * x + 3.0) / 6.0;
}

inline double prelu(double x, const double* p) { return x > 0 ? x : scaled_negative(x, p[0]); }
inline double prelu_d(double x, const double* p) { return x > 0 ? 1.0 : (std::isnan(x) ? x : p[0]); }

double tanhshrink(double x, const double*);
double tanhshrink_d(double x, const double*);

double logsigmoid(double x, const double*);
inline double logsigmoid_d(double x, const double*) { return sigmoid_of(-x); }

// RReLU as PyTorch evaluates it (training=False): a LeakyReLU whose slope is the mean of U(lower, upper),
// (lower + upper)/2 computed in float64 as PyTorch does. While training, PyTorch draws each negative input's
// slope from U(lower, upper) instead: noise, so not a function of x, and not in the catalogue.
inline double rrelu_slope(const double* p) { return (p[0] + p[1]) / 2; }
inline double rrelu(double x, const double* p) { return x > 0 ? x : scaled_negative(x, rrelu_slope(p)); }
inline double rrelu_d(double x, const double* p) { return x > 0 ? 1.0 : (std::isnan(x) ? x : rrelu_slope(p)); }

// Soft thresholding: towards 0 by lambd, 0 on [−lambd, lambd] (where PyTorch's gradient is 0, ends included).
inline double softshrink(double x, const double* p) {
  if (std::isnan(x)) return x;
  return x > p[0] ? x - p[0] : (x < -p[0] ? x + p[0] : 0.0);
}
inline double softshrink_d(double x, const double* p) {
  if (std::isnan(x)) return x;
  return (x >= -p[0] && x <= p[0]) ? 0.0 : 1.0;
}

// Hard thresholding: x where |x| > lambd, else 0; it jumps from 0 to ±lambd at ±lambd.
inline double hardshrink(double x, const double* p) {
  if (std::isnan(x)) return x;
  return (x >= -p[0] && x <= p[0]) ? 0.0 : x;
}
inline double hardshrink_d(double x, const double* p) { return softshrink_d(x, p); }

// x above the threshold, the constant value at or below it (PyTorch: x <= threshold ? value : x).
inline double threshold(double x, const double* p) {
  if (std::isnan(x)) return x;
  return x <= p[0] ? p[1] : x;
}
inline double threshold_d(double x, const double* p) {
  if (std::isnan(x)) return x;
  return x <= p[0] ? 0.0 : 1.0;
}

}  // namespace alab::act
