// The activations whose stable forms need more than a line (see activations.hpp for the contract).
#include "activations.hpp"

#include <limits>

namespace alab::act {
namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440084436210485;
// 1/√2 split into a double and its rounding error, so x/√2 can be carried as hi + lo.
constexpr double kInvSqrt2Lo = -4.833646656726457e-17;
constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;  // 1/√(2π)
constexpr double kTwoOverSqrtPi = 1.1283791670955125738961589031215;
constexpr double kSqrt2OverPi = 0.79788456080286535587989211986876;  // √(2/π)
constexpr double kSqrt2OverPiLo = -4.98465440455546e-17;
constexpr double kGeluTanhCoeff = 0.044715;

// x·y as an unevaluated sum hi + lo (exact with fma).
struct Dd {
  double hi, lo;
};
inline Dd two_prod(double a, double b) {
  const double p = a * b;
  return {p, std::fma(a, b, -p)};
}
inline Dd two_sum(double a, double b) {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

// exp(−(hi + lo)²/2)·(1/√(2π)) with the square carried exactly: the standard normal density.
inline double normal_pdf(double x) {
  const Dd sq = two_prod(x, x);
  return kInvSqrt2Pi * std::exp(-0.5 * sq.hi) * (1.0 - 0.5 * sq.lo);
}

// Φ(x) = erfc(−x/√2)/2 with the argument's rounding error corrected to first order, so the
// relative error stays at a few ulp deep in the lower tail.
inline double normal_cdf(double x) {
  const Dd t = two_prod(x, kInvSqrt2);
  const double delta = t.lo + x * kInvSqrt2Lo;
  const double e = std::erfc(-t.hi);
  const double slope = kTwoOverSqrtPi * std::exp(-t.hi * t.hi);
  return 0.5 * (e + slope * delta);
}

// 2u for gelu_tanh, u = √(2/π)(x + 0.044715x³), as hi + lo: in the tails a single rounding of u
// is multiplied by |u| in σ(2u).
inline Dd gelu_tanh_arg(double x) {
  const Dd x2 = two_prod(x, x);
  const Dd x3 = two_prod(x2.hi, x);
  const double x3lo = x3.lo + x2.lo * x;
  const Dd cx3 = two_prod(kGeluTanhCoeff, x3.hi);
  const double cx3lo = cx3.lo + kGeluTanhCoeff * x3lo;
  const Dd inner = two_sum(x, cx3.hi);
  const double innerlo = inner.lo + cx3lo;
  const Dd u = two_prod(kSqrt2OverPi, inner.hi);
  const double ulo = u.lo + kSqrt2OverPi * innerlo + kSqrt2OverPiLo * inner.hi;
  return {2.0 * u.hi, 2.0 * ulo};
}

// σ(hi + lo) and σ(−(hi + lo)), first-order corrected for lo.
inline void sigmoid_pair(Dd z, double& s, double& sneg) {
  const double a = sigmoid_of(z.hi);
  const double b = sigmoid_of(-z.hi);
  const double ab = a * b;
  s = a + z.lo * ab;
  sneg = b - z.lo * ab;
}

}  // namespace

double gelu(double x, const double*) {
  if (std::isinf(x)) return x > 0 ? x : 0.0;
  return x * normal_cdf(x);
}

double gelu_d(double x, const double*) {
  if (std::isinf(x)) return x > 0 ? 1.0 : 0.0;
  return normal_cdf(x) + x * normal_pdf(x);
}

double gelu_tanh(double x, const double*) {
  if (std::isinf(x)) return x > 0 ? x : 0.0;
  double s, sneg;
  sigmoid_pair(gelu_tanh_arg(x), s, sneg);
  return x * s;
}

double gelu_tanh_d(double x, const double*) {
  if (std::isinf(x)) return x > 0 ? 1.0 : 0.0;
  if (std::fabs(x) > 1e100) return x > 0 ? 1.0 : 0.0;
  double s, sneg;
  sigmoid_pair(gelu_tanh_arg(x), s, sneg);
  const double du = kSqrt2OverPi * (1.0 + 3.0 * kGeluTanhCoeff * x * x);
  return s + 2.0 * x * s * sneg * du;
}

// mish = x·tanh(softplus(x)) = x·n/(n + 2) with n = eˣ(eˣ + 2).
double mish(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x > 40) return x;  // tanh(softplus(x)) rounds to 1 beyond about 19.6
  if (x == -std::numeric_limits<double>::infinity()) return 0.0;
  const double e = std::exp(x);
  const double n = e * (e + 2.0);
  return x * n / (n + 2.0);
}

double mish_d(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x > 40) return 1.0;
  if (x == -std::numeric_limits<double>::infinity()) return 0.0;
  const double e = std::exp(x);
  const double n = e * (e + 2.0);
  const double t = n / (n + 2.0);
  const double sech2 = 4.0 * (n + 1.0) / ((n + 2.0) * (n + 2.0));
  return t + x * sech2 * sigmoid_of(x);
}

// PyTorch: x when beta·x > threshold, else log1p(exp(beta·x))/beta.
double softplus(double x, const double* p) {
  const double beta = p[0], threshold = p[1];
  const Dd z = two_prod(x, beta);
  if (z.hi > threshold) return x;
  if (std::isnan(z.hi)) return z.hi;
  const double base = (z.hi > 0 ? z.hi : 0.0) + std::log1p(std::exp(-std::fabs(z.hi)));
  return (base + z.lo * sigmoid_of(z.hi)) / beta;
}

double softplus_d(double x, const double* p) {
  const double beta = p[0], threshold = p[1];
  const Dd z = two_prod(x, beta);
  if (z.hi > threshold) return 1.0;
  if (std::isnan(z.hi)) return z.hi;
  double s, sneg;
  sigmoid_pair(z, s, sneg);
  return s;
}

double tanhshrink(double x, const double*) {
  if (std::isinf(x)) return x;
  return x - std::tanh(x);
}

double tanhshrink_d(double x, const double*) {
  const double t = std::tanh(x);
  return t * t;
}

// log σ(x) = min(x, 0) − log1p(exp(−|x|)), as PyTorch computes it.
double logsigmoid(double x, const double*) {
  if (std::isnan(x)) return x;
  return (x < 0 ? x : 0.0) - std::log1p(std::exp(-std::fabs(x)));
}

}  // namespace alab::act
