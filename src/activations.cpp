// The activations whose stable forms need more than a line (see activations.hpp for the contract).
#include "activations.hpp"

#include <cfloat>

#include "activations_fits.hpp"

namespace alab::act {
namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440084436210485;
// 1/√2 split into a double and its rounding error, so x/√2 can be carried as hi + lo.
constexpr double kInvSqrt2Lo = -4.833646656726457e-17;
constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;  // 1/√(2π)
constexpr double kTwoOverSqrtPi = 1.1283791670955125738961589031215;
constexpr double kSqrt2OverPi = 0.79788456080286535587989211986876;  // √(2/π)
constexpr double kSqrt2OverPiLo = -4.98465440455546e-17;
// PyTorch's decimal 0.044715 as hi + lo: in the tails σ(2u) multiplies any error in u by |2u|.
constexpr double kGeluTanhCoeff = 0.044715;
constexpr double kGeluTanhCoeffLo = 2.1960211427085595e-18;

// An unevaluated sum hi + lo carrying a result beyond double precision.
struct Dd {
  double hi, lo;
};

// a·b exactly as hi + lo for finite |a|, |b| < 2^995 with a product in the normal range. Uses a hardware
// fma where there is one; elsewhere (WebAssembly: std::fma is emulated in software) Dekker's splitting.
inline Dd two_prod(double a, double b) {
  const double p = a * b;
#ifdef FP_FAST_FMA
  return {p, std::fma(a, b, -p)};
#else
  constexpr double kSplitter = 134217729.0;  // 2^27 + 1
  const double ca = kSplitter * a, cb = kSplitter * b;
  const double ah = ca - (ca - a), al = a - ah;
  const double bh = cb - (cb - b), bl = b - bh;
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
#endif
}

inline Dd two_sum(double a, double b) {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

// Horner's rule over coefficients listed highest power first.
template <std::size_t N>
inline double polynomial(const double (&c)[N], double u) {
  double r = c[0];
  for (std::size_t i = 1; i < N; ++i) r = r * u + c[i];
  return r;
}

// f'(x) = d·P(d − centre) with d = x − x0 carried past double precision: near the root of a derivative
// the result keeps its relative accuracy however small it gets.
template <std::size_t N>
inline double near_root(const fits::RootRegion& r, const double (&c)[N], double x) {
  const double d = (x - r.root_hi) - r.root_lo;
  return d * polynomial(c, d - r.centre);
}

inline bool in_region(const fits::RootRegion& r, double x) { return x >= r.lo && x <= r.hi; }

// exp(−x²/2)/√(2π) with the square carried exactly: the standard normal density.
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
    return near_root(fits::kGeluDerivativeRegion, fits::kGeluDerivativeNearRoot, x);
  const fits::Interval& left = fits::kGeluDerivativeLeftRegion;
  if (x >= left.lo && x < left.hi) return polynomial(fits::kGeluDerivativeLeft, x - left.centre);
  return normal_cdf(x) + x * normal_pdf(x);
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
    return near_root(fits::kGeluTanhDerivativeRegion, fits::kGeluTanhDerivativeNearRoot, x);
  const Dd z = gelu_tanh_arg(x);
  if (x > 0) {  // both terms positive
    double s, sneg;
    sigmoid_pair(z, s, sneg);
    const double du = kSqrt2OverPi * (1.0 + 3.0 * kGeluTanhCoeff * x * x);
    return s + 2.0 * x * s * sneg * du;
  }
  // Below the fitted region: f' = E(1 + 2x·u' + E)/(1 + E)², E = e^{2u}, with 1 + 2x·u' = 1 + 2kx + 6kc·x³
  // carried as hi + lo, since its terms partly cancel.
  const Dd x2 = two_prod(x, x);
  const Dd x3 = two_prod(x2.hi, x);
  const Dd linear = two_prod(2.0 * kSqrt2OverPi, x);
  const Dd cubic = two_prod(6.0 * kSqrt2OverPi * kGeluTanhCoeff, x3.hi);
  const Dd sum = two_sum(1.0 + linear.hi, cubic.hi);
  const double w = sum.hi + (sum.lo + linear.lo + cubic.lo + 6.0 * kSqrt2OverPi * kGeluTanhCoeff * (x3.lo + x2.lo * x));
  const double e2u = std::exp(z.hi) * (1.0 + z.lo);
  const double d = 1.0 + e2u;
  return e2u * (w + e2u) / (d * d);
}

double silu_d(double x, const double*) {
  if (in_region(fits::kSiluDerivativeRegion, x))
    return near_root(fits::kSiluDerivativeRegion, fits::kSiluDerivativeNearRoot, x);
  if (x < -800) return 0.0;  // also −∞, where x·σ(x) would be NaN
  if (x > 800) return 1.0;   // also +∞, where x·σ(−x) would be NaN
  if (x < fits::kSiluDerivativeRegion.lo) {
    // σ(x)(1 + x·σ(−x)) = e(1 + x + e)/(1 + e)² with e = eˣ: 1 + x is exact for x ≤ −1 and only
    // the root's neighbourhood (fitted above) would cancel.
    const double e = std::exp(x);
    const double d = 1.0 + e;
    return e * ((1.0 + x) + e) / (d * d);
  }
  const double s = sigmoid_of(x);
  return s + x * s * sigmoid_of(-x);
}

// mish = x·tanh(softplus(x)) = x·n/(n + 2) with n = eˣ(eˣ + 2).
double mish(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x > 40) return x;  // tanh(softplus(x)) rounds to 1 beyond about 19.6
  if (x < -800) return -0.0;
  const double e = std::exp(x);
  const double n = e * (e + 2.0);
  return x * n / (n + 2.0);
}

double mish_d(double x, const double*) {
  if (std::isnan(x)) return x;
  if (x > 40) return 1.0;
  if (x < -800) return 0.0;
  if (in_region(fits::kMishDerivativeRegion, x))
    return near_root(fits::kMishDerivativeRegion, fits::kMishDerivativeNearRoot, x);
  const double e = std::exp(x);
  const double n = e * (e + 2.0);
  if (x < fits::kMishDerivativeRegion.lo) {
    // tanh(sp) + x·sech²(sp)·σ(x) over one denominator: e·B/((n + 2)²(1 + e)) with
    // B = 4(1 + x) + e(e³ + 5e² + 10e + 10 + 4x(e + 2)), whose terms only cancel near the root.
    // Right of the root the textbook form is the more accurate one (its terms barely cancel there).
    const double b = 4.0 * (1.0 + x) + e * (((e + 5.0) * e + 10.0) * e + 10.0 + 4.0 * x * (e + 2.0));
    const double m = n + 2.0;
    return e * b / (m * m * (1.0 + e));
  }
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

// |x| ≤ 1: x³·P(x²), fitted, since x − tanh x cancels there. Beyond: x − tanh x = (|x| − 1) + 2/(e^{2|x|} + 1)
// with the sign of x, two positive terms that cannot cancel.
double tanhshrink(double x, const double*) {
  const double a = std::fabs(x);
  if (a <= 1) {
    const double t = x * x;
    return x * t * polynomial(fits::kTanhshrinkSmall, t - 0.5);
  }
  const double r = (a - 1.0) + 2.0 / (std::exp(2.0 * a) + 1.0);
  return std::copysign(r, x);
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
