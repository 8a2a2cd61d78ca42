// The activations whose stable forms need more than a line (see activations.hpp for the contract).
#include "activations.hpp"

#include <cfloat>

#include "activations_fits.hpp"
#include "double_double.hpp"

namespace alab::act {
namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440084436210485;
// 1/√2 split into a double and its rounding error, so x/√2 can be carried as hi + lo.
constexpr double kInvSqrt2Lo = -4.833646656726457e-17;
constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;  // 1/√(2π)
constexpr double kInvSqrt2PiLo = -2.49232720227773e-17;
constexpr double kTwoOverSqrtPi = 1.1283791670955125738961589031215;
// 6·√(2/π)·0.044715, the cubic coefficient of 2x·u′, as hi + lo.
constexpr double kGeluTanhCubic = 0.21406444881780073;
constexpr double kGeluTanhCubicLo = 1.2025242832367862e-17;

using dd::Dd;
using dd::two_prod;
using dd::two_sum;

// P(u) for coefficients listed highest power first, `lo` the rounding errors of the last three. Horner's
// rule in double, its last three steps in double-double: those carry most of the value, so the result
// is good to about an ulp however much the higher terms cancel.
template <std::size_t N>
inline Dd polynomial(const double (&c)[N], const double (&lo)[3], Dd u) {
  static_assert(N > 3);
  double r = c[0];
  for (std::size_t i = 1; i + 3 < N; ++i) r = r * u.hi + c[i];
  Dd acc{r, 0.0};
  for (std::size_t k = 0; k < 3; ++k) acc = dd::add(dd::mul(acc, u), Dd{c[N - 3 + k], lo[k]});
  return acc;
}

// f'(x) = d·P(d − centre) with d = x − x0 exact to double-double: near the root of a derivative the
// result keeps its relative accuracy however small it gets.
template <std::size_t N>
inline double near_root(const fits::RootRegion& r, const double (&c)[N], const double (&lo)[3], double x) {
  const Dd d = dd::add(two_sum(x, -r.root_hi), Dd{-r.root_lo, 0.0});
  return dd::round(dd::mul(d, polynomial(c, lo, dd::add(d, Dd{-r.centre, 0.0}))));
}

inline bool in_region(const fits::RootRegion& r, double x) { return x >= r.lo && x <= r.hi; }

// e·N/(1 + e)² in double-double, the shape several derivatives take left of their root.
inline double over_one_plus_e_squared(double e, Dd numerator) {
  const Dd d = two_sum(1.0, e);
  return dd::round(dd::div(dd::mul(numerator, e), dd::mul(d, d)));
}

// exp(−x²/2)/√(2π), the standard normal density, in double-double with the square carried exactly:
// only exp's own error remains.
inline Dd normal_pdf(double x) {
  const Dd sq = two_prod(x, x);
  const Dd scale = dd::mul(Dd{kInvSqrt2Pi, kInvSqrt2PiLo}, 1.0 - 0.5 * sq.lo);
  return dd::mul(scale, std::exp(-0.5 * sq.hi));
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
  const double cx3lo = cx3.lo + kGeluTanhCoeff * x3lo + kGeluTanhCoeffLo * x3.hi;
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

// Beyond |x| = 40 every GELU form is x or 0 (value) and 1 or 0 (slope) in double; NaN stays NaN.
constexpr double kGeluSaturation = 40;
inline double gelu_limit(double x) { return std::isnan(x) ? x : (x > 0 ? x : -0.0); }
inline double gelu_slope_limit(double x) { return std::isnan(x) ? x : (x > 0 ? 1.0 : 0.0); }

}  // namespace

double celu(double x, const double* p) {
  if (!(x <= 0)) return x;
  const double alpha = p[0];
  const double q = x / alpha;
  if (q < -800) return -alpha;  // e^q is 0 in double; also keeps −∞ and overflowed quotients finite
  // x/alpha = q + lo exactly enough: lo = (x − q·alpha)/alpha, with q·alpha carried as hi + lo.
  const Dd qa = two_prod(q, alpha);
  const double lo = ((x - qa.hi) - qa.lo) / alpha;
  const double em = std::expm1(q);
  return alpha * (em + (em + 1.0) * lo);
}

double celu_d(double x, const double* p) {
  if (!(x <= 0)) return std::isnan(x) ? x : 1.0;
  const double alpha = p[0];
  const double q = x / alpha;
  if (q < -800) return 0.0;
  const Dd qa = two_prod(q, alpha);
  const double lo = ((x - qa.hi) - qa.lo) / alpha;
  return std::exp(q) * (1.0 + lo);
}

double gelu(double x, const double*) {
  if (!(std::fabs(x) <= kGeluSaturation)) return gelu_limit(x);
  return x * normal_cdf(x);
}

double gelu_d(double x, const double*) {
  if (!(std::fabs(x) <= kGeluSaturation)) return gelu_slope_limit(x);
  if (in_region(fits::kGeluDerivativeRegion, x))
    return near_root(fits::kGeluDerivativeRegion, fits::kGeluDerivativeNearRoot, fits::kGeluDerivativeNearRootLo, x);
  const fits::Interval& left = fits::kGeluDerivativeLeftRegion;
  if (x >= left.lo && x < left.hi)
    return dd::round(polynomial(fits::kGeluDerivativeLeft, fits::kGeluDerivativeLeftLo, two_sum(x, -left.centre)));
  // Left of the fits x·φ dominates and Φ is a small correction; right of them both are positive.
  return dd::round(dd::add(dd::mul(normal_pdf(x), x), Dd{normal_cdf(x), 0.0}));
}

double gelu_tanh(double x, const double*) {
  if (!(std::fabs(x) <= kGeluSaturation)) return gelu_limit(x);
  double s, sneg;
  sigmoid_pair(gelu_tanh_arg(x), s, sneg);
  return x * s;
}

double gelu_tanh_d(double x, const double*) {
  if (!(std::fabs(x) <= kGeluSaturation)) return gelu_slope_limit(x);
  if (in_region(fits::kGeluTanhDerivativeRegion, x))
    return near_root(fits::kGeluTanhDerivativeRegion, fits::kGeluTanhDerivativeNearRoot,
                     fits::kGeluTanhDerivativeNearRootLo, x);
  const Dd z = gelu_tanh_arg(x);
  if (x > 0) {  // both terms positive
    double s, sneg;
    sigmoid_pair(z, s, sneg);
    const double du = kSqrt2OverPi * (1.0 + 3.0 * kGeluTanhCoeff * x * x);
    return s + 2.0 * x * s * sneg * du;
  }
  // Below the fitted region: f' = E(1 + 2x·u' + E)/(1 + E)², E = e^{2u}, with 1 + 2x·u' = 1 + 2kx + 6kc·x³
  // carried as hi + lo, since its terms partly cancel.
  const Dd x3 = dd::mul(two_prod(x, x), x);
  const Dd linear = dd::mul(Dd{2.0 * kSqrt2OverPi, 2.0 * kSqrt2OverPiLo}, x);
  const Dd cubic = dd::mul(x3, Dd{kGeluTanhCubic, kGeluTanhCubicLo});
  const Dd w = dd::add(dd::add(Dd{1.0, 0.0}, linear), cubic);
  const double e2u = std::exp(z.hi) * (1.0 + z.lo);
  return over_one_plus_e_squared(e2u, dd::add(w, Dd{e2u, 0.0}));
}

double silu_d(double x, const double*) {
  if (in_region(fits::kSiluDerivativeRegion, x))
    return near_root(fits::kSiluDerivativeRegion, fits::kSiluDerivativeNearRoot, fits::kSiluDerivativeNearRootLo, x);
  if (x < -800) return 0.0;  // also −∞, where x·σ(x) would be NaN
  if (x > 800) return 1.0;   // also +∞, where x·σ(−x) would be NaN
  if (x < fits::kSiluDerivativeRegion.lo) {
    // σ(x)(1 + x·σ(−x)) = e(1 + x + e)/(1 + e)² with e = eˣ: 1 + x is exact for x ≤ −1 and only
    // the root's neighbourhood (fitted above) would cancel.
    const double e = std::exp(x);
    return over_one_plus_e_squared(e, two_sum(1.0 + x, e));
  }
  const double s = sigmoid_of(x);
  return s + x * s * sigmoid_of(-x);
}

namespace {
// n = eˣ(eˣ + 2) in double-double: tanh(softplus(x)) = n/(n + 2).
Dd mish_n(double e) { return dd::mul(two_sum(e, 2.0), e); }
}  // namespace

// mish = x·tanh(softplus(x)) = x·n/(n + 2), the ratio in double-double so only exp's error remains.
double mish(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x > 40) return x;  // tanh(softplus(x)) rounds to 1 beyond about 19.6
  if (x < -800) return -0.0;
  const Dd n = mish_n(std::exp(x));
  return dd::round(dd::mul(dd::div(n, dd::add(n, Dd{2.0, 0.0})), x));
}

double mish_d(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x > 40) return 1.0;
  if (x < -800) return 0.0;
  if (in_region(fits::kMishDerivativeRegion, x))
    return near_root(fits::kMishDerivativeRegion, fits::kMishDerivativeNearRoot, fits::kMishDerivativeNearRootLo, x);
  const double e = std::exp(x);
  if (x < fits::kMishDerivativeRegion.lo) {
    // tanh(sp) + x·sech²(sp)·σ(x) over one denominator: e·B/((n + 2)²(1 + e)) with
    // B = 4(1 + x) + e(e³ + 5e² + 10e + 10 + 4x(e + 2)), whose terms only cancel near the root.
    // Right of the root the textbook form is the more accurate one (its terms barely cancel there).
    const double b = 4.0 * (1.0 + x) + e * (((e + 5.0) * e + 10.0) * e + 10.0 + 4.0 * x * (e + 2.0));
    const Dd m = dd::add(mish_n(e), Dd{2.0, 0.0});
    return dd::round(dd::div(two_prod(e, b), dd::mul(dd::mul(m, m), two_sum(1.0, e))));
  }
  const double n = e * (e + 2.0);
  const double t = n / (n + 2.0);
  const double sech2 = 4.0 * (n + 1.0) / ((n + 2.0) * (n + 2.0));
  return t + x * sech2 * sigmoid_of(x);
}

// PyTorch: x when beta·x > threshold (the product rounded to double, as PyTorch compares it),
// else log1p(exp(beta·x))/beta. beta·x is carried as hi + lo inside the logarithm.
double softplus(double x, const double* p) {
  const double beta = p[0], threshold = p[1];
  const double z = x * beta;
  if (z > threshold) return x;
  if (std::isnan(z)) return z;
  if (z < -800) return 0.0;  // also −∞ and products that overflowed
  const Dd zz = two_prod(x, beta);
  const double base = (z > 0 ? z : 0.0) + std::log1p(std::exp(-std::fabs(z)));
  return (base + zz.lo * sigmoid_of(z)) / beta;
}

double softplus_d(double x, const double* p) {
  const double beta = p[0], threshold = p[1];
  const double z = x * beta;
  if (z > threshold) return 1.0;
  if (std::isnan(z)) return z;
  if (z < -800) return 0.0;
  double s, sneg;
  sigmoid_pair(two_prod(x, beta), s, sneg);
  return s;
}

namespace {
// x − tanh x = x³·P(x² − 1/2) for |x| ≤ 1, fitted (the subtraction itself would cancel).
Dd tanhshrink_small(double x) {
  const Dd x2 = two_prod(x, x);
  const Dd u = dd::add(two_sum(x2.hi, -0.5), Dd{x2.lo, 0.0});
  return dd::mul(dd::mul(x2, x), polynomial(fits::kTanhshrinkSmall, fits::kTanhshrinkSmallLo, u));
}
}  // namespace

// |x| ≤ 1: x³·P(x²), fitted, since x − tanh x cancels there. Beyond: x − tanh x = (|x| − 1) + 2/(e^{2|x|} + 1)
// with the sign of x, two positive terms that cannot cancel.
double tanhshrink(double x, const double*) {
  const double a = std::fabs(x);
  if (a <= 1) return dd::round(tanhshrink_small(x));
  const double r = (a - 1.0) + 2.0 / (std::exp(2.0 * a) + 1.0);
  return std::copysign(r, x);
}

// tanh² with tanh in double-double: x − (x − tanh x) for |x| ≤ 1, 1 − 2/(e^{2|x|} + 1) beyond.
double tanhshrink_d(double x, const double*) {
  const double a = std::fabs(x);
  const Dd t = a <= 1 ? dd::add(Dd{x, 0.0}, dd::mul(tanhshrink_small(x), -1.0))
                      : two_sum(1.0, -2.0 / (std::exp(2.0 * a) + 1.0));
  return dd::round(dd::mul(t, t));
}

// log σ(x) = min(x, 0) − log1p(exp(−|x|)), as PyTorch computes it.
double logsigmoid(double x, const double*) {
  if (std::isnan(x)) return x;
  return (x < 0 ? x : 0.0) - std::log1p(std::exp(-std::fabs(x)));
}

}  // namespace alab::act
