// float64 batch kernels, two lanes at a time, written with the compiler's generic vector types: the same
// source is compiled natively (SSE2, and tested there) and to WebAssembly SIMD with -msimd128.
// The polynomials were fitted for this file with mpmath.chebyfit (tests/reference/fit_fast_f64.py).
// Where a kernel's accuracy needs more than double arithmetic gives, the comment says which step carries
// hi + lo and why; the bar is the catalogue's (≤ 4 ulp), measured at 1-2.5 ulp (fast_kernels_test.cpp).
#include "fast_f64.hpp"

#include "core/activations.hpp"
#include "core/activations_fits.hpp"
#include "simd_f64.hpp"
#include "simd_loop.hpp"

#include <iterator>
#include <span>

namespace alab::fast {
namespace {

// e^r − 1 = r + r²/2 + r³·p(r) on |r| ≤ ln2/2, p of degree 9, relative error 2.5e-18
// (tests/reference/fit_fast_f64.py); highest power first.
constexpr double kExpm1Tail[] = {2.091122972975856e-09,  2.5100375832561234e-08, 2.755728298405588e-07,
                                 2.7557268480310024e-06, 2.4801587317135164e-05, 0.00019841269863040545,
                                 0.0013888888888886554,  0.008333333333330065,   0.041666666666666664,
                                 0.16666666666666669};
constexpr double kLn2Hi = 0.6931471803691238;  // 32 significant bits: n·kLn2Hi is exact for |n| < 2^21
constexpr double kLn2Lo = 1.9082149292705877e-10;
constexpr double kLog2e = 1.4426950408889634;
constexpr double kRoundingShift = 0x1.8p52;  // v + it rounds v to an integer held in the low mantissa bits

// e^y − 1 for y in [−700, 700] (NaN stays NaN). y = n·ln2 + r, |r| ≤ ln2/2, and
// e^y − 1 = 2^n·(e^r − 1) + (2^n − 1): for n = 0 (|y| ≤ ln2/2) r is y itself, so small results keep their
// relative accuracy; otherwise the two terms have the result's sign and add without cancelling much.
// 2^n is built in the exponent bits from the rounding shift (no float-to-integer conversion).
inline f64x2 expm1_lanes(f64x2 y) {
  const f64x2 shifted = y * kLog2e + kRoundingShift;
  const f64x2 n = shifted - kRoundingShift;
  const f64x2 r = (y - n * kLn2Hi) - n * kLn2Lo;
  f64x2 p = splat(kExpm1Tail[0]);
  for (const double c : std::span(kExpm1Tail).subspan(1)) p = p * r + c;
  const f64x2 r2 = r * r;
  const f64x2 em = r + (r2 * 0.5 + (r2 * r) * p);
  const f64x2 scale = from_bits((bits(shifted) + 1023) << 52);
  return scale * em + (scale - 1.0);
}

// tanh|x| = m/(m + 2) with m = e^{2|x|} − 1, the sign of x put on last (tanh(−0) = −0). Beyond |x| = 20
// the double result is ±1. NaN propagates.
inline f64x2 tanh2(f64x2 x) {
  const f64x2 m = expm1_lanes(min_keep_nan(abs(x), 20.0) * 2.0);
  const f64x2 magnitude = m / (m + 2.0);
  return from_bits(bits(magnitude) | (bits(x) & kSignBit));
}

// alpha·(e^x − 1) below 0, x itself for x ≥ 0, ±0 and NaN. Below −700 e^x − 1 is −1 in double.
inline f64x2 elu2(f64x2 x, double alpha) {
  const f64x2 em = expm1_lanes(max_keep_nan(min_keep_nan(x, 0.0), -700.0));
  return select(x < 0.0, alpha * em, x);
}

// e^y = m·s·2^-200 for y in [−800, 0] (NaN stays NaN): m = e^r in [0.7, 1.42] and s = 2^(n+200), both
// normal, so a caller can multiply m by something before the scaling and round into the subnormal range
// only once, at the end.
// The same with m − 1 = e^r − 1 instead of m, for callers that multiply by m as c + c·(m − 1): one rounding fewer.
inline void expm1_nonpositive_parts(f64x2 y, f64x2& m_minus_1, f64x2& s) {
  const f64x2 shifted = y * kLog2e + kRoundingShift;
  const f64x2 n = shifted - kRoundingShift;
  const f64x2 r = (y - n * kLn2Hi) - n * kLn2Lo;
  f64x2 p = splat(kExpm1Tail[0]);
  for (const double c : std::span(kExpm1Tail).subspan(1)) p = p * r + c;
  const f64x2 r2 = r * r;
  m_minus_1 = r + (r2 * 0.5 + (r2 * r) * p);
  s = from_bits((bits(shifted) + (1023 + 200)) << 52);
}

inline void exp_nonpositive_parts(f64x2 y, f64x2& m, f64x2& s) {
  expm1_nonpositive_parts(y, m, s);
  m = 1.0 + m;
}

// e^y for y ≤ 0, rounded once into the subnormal range; below −800 (and −∞) the parts of e^-800, which
// round to 0. NaN stays NaN.
inline f64x2 exp_nonpositive(f64x2 y) {
  f64x2 m, s;
  exp_nonpositive_parts(max_keep_nan(y, -800.0), m, s);
  return (m * s) * 0x1p-200;
}

// 1/(1 + e) for x ≥ 0 and e/(1 + e) below, e = e^{−|x|}: no overflow, no cancellation. NaN propagates.
inline f64x2 sigmoid2(f64x2 x) {
  const f64x2 e = exp_nonpositive(-abs(x));
  return select(x < 0.0, e, splat(1.0)) / (1.0 + e);
}

// x/(1 + e) for x ≥ 0 and x·e/(1 + e) below, e = e^{−|x|}; x·e is formed before the power of two (one
// rounding into the subnormal range), with x clamped at −800 so that −∞ gives −0. NaN propagates.
inline f64x2 silu2(f64x2 x) {
  f64x2 m, s;
  exp_nonpositive_parts(max_keep_nan(-abs(x), -800.0), m, s);
  const f64x2 e = (m * s) * 0x1p-200;
  const f64x2 below = ((max_keep_nan(x, -800.0) * m) * s) * 0x1p-200;
  return select(x < 0.0, below, x) / (1.0 + e);
}

// T(z) = (2·atanh(√z)/√z − 2)/z on z in [0, 0.0295], degree 7 (tests/reference/fit_fast_f64.py); highest
// power first.
constexpr double kLogTail[] = {0.13086626147840102, 0.13268773138656886, 0.15386239702814658, 0.18181795640132906, 0.22222222391713917, 0.28571428570803614, 0.4000000000000088, 0.6666666666666666};
constexpr double kLn2 = 0.6931471805599453;
constexpr double kLn2Low = 2.3190468138462996e-17;  // ln2 − kLn2

// log(w) for w in [1, 2]: w = 2^k·(1 + f) with k in {0, 1} and f in [√2/2 − 1, √2 − 1]; with
// s = f/(2 + f), log(1 + f) = f − (f²/2 − s·(f²/2 + s²·T(s²))), whose last terms are small corrections.
inline f64x2 log_one_to_two(f64x2 w) {
  const i64x2 upper = w > 1.4142135623730951;
  const f64x2 m = select(upper, w * 0.5, w);
  const f64x2 f = m - 1.0;  // exact
  const f64x2 s = f / (2.0 + f);
  const f64x2 z = s * s;
  f64x2 t = splat(kLogTail[0]);
  for (const double c : std::span(kLogTail).subspan(1)) t = t * z + c;
  const f64x2 half_f2 = 0.5 * f * f;
  const f64x2 log1p_f = f - (half_f2 - s * (half_f2 + z * t));
  const f64x2 k = from_bits(bits(splat(1.0)) & upper);
  return k * kLn2 + (log1p_f + k * kLn2Low);
}

// c[0]·u^(N−1) + … + c[N−1] (highest power first) as four interleaved Horner chains in u⁴, combined at
// the end: a quarter of the latency of one chain, which is what bounds these loops (measured).
template <std::size_t N>
inline f64x2 polynomial4(const double* c, f64x2 u) {
  static_assert(N >= 4);
  const f64x2 u2 = u * u, u4 = u2 * u2;
  f64x2 chain[4];  // chain[j] collects the terms in u^(4k + j)
  for (std::size_t i = 0; i < N; ++i) {
    f64x2& acc = chain[(N - 1 - i) % 4];
    acc = i < 4 ? splat(c[i]) : acc * u4 + c[i];
  }
  return (chain[0] + u * chain[1]) + u2 * (chain[2] + u * chain[3]);
}

// GELU's lower tail Φ(−a) = t·e^{−a²/2 + P(t)}, t = 4/(4 + a), a in [0, 40]; P in u = 2t − 1 (exact for
// t ≥ 1/4), degree 24, absolute error 1.2e-17 (tests/reference/fit_fast_f64.py); highest power first, the
// constant term also as hi + lo.
constexpr double kGeluTail[] = {
    7.721194146904156e-09, -1.290337973202033e-08, -5.983710041096998e-08,
    7.868428538513146e-08, 3.2335794650552924e-07, -2.1888466983543684e-07,
    -1.5357667047462395e-06, 8.502549259733432e-08, 6.471633216349332e-06,
    3.137994536793871e-06, -2.4030141524735936e-05, -2.5320428055258487e-05,
    7.700357905480093e-05, 0.00014197901350375321, -0.000193535992307873,
    -0.0006695615583747279, 0.0001921831007382193, 0.002751855678362065,
    0.00206558961439474, -0.009219441070329312, -0.02303182153129758,
    0.008203119400896, 0.1886736728017544, 0.8048571559157687,
    -1.6669543059673455};
constexpr double kGeluTailConstantLo = -9.321318944483646e-18;
// 1 + t·P'(t) in u, cubic (a few per cent is enough): how much t's relative rounding error moves Φ(−a).
constexpr double kGeluTailSlope[] = {-0.12414698034836993, 0.30904448633444664, 1.200406490851148, 1.8141521945990335};
constexpr double kGeluTailEnd = 40;  // beyond, GELU is x or −0 in double

// a·b = hi + lo exactly (Dekker's product: WebAssembly SIMD has no fused multiply-add), |a|, |b| < 2^996.
inline void product_exact(f64x2 a, f64x2 b, f64x2& hi, f64x2& lo) {
  const f64x2 ca = a * 134217729.0, cb = b * 134217729.0;  // 2^27 + 1
  const f64x2 ah = ca - (ca - a), al = a - ah;
  const f64x2 bh = cb - (cb - b), bl = b - bh;
  hi = a * b;
  lo = ((ah * bh - hi) + ah * bl + al * bh) + al * bl;
}

// a² = hi + lo exactly: Dekker's product with both factors the same split (two products fewer).
inline void square_exact(f64x2 a, f64x2& hi, f64x2& lo) {
  const f64x2 ca = a * 134217729.0;  // 2^27 + 1
  const f64x2 ah = ca - (ca - a), al = a - ah;
  hi = a * a;
  lo = ((ah * ah - hi) + (ah + ah) * al) + al * al;
}

// GELU x·Φ(x). With a = min(|x|, 40) and Q = Φ(−a): below 0 the result is −a·Q, above x·(1 − Q), where
// Q ≤ 1/2 so nothing cancels. The exponent −a²/2 + P(t) is carried as hi + lo (a² exact): one rounding of
// it would cost |a²|·2^-53 relative. e^y = 2^n·e^r with 2^n applied as 2^(n+200), then 2^-200: results
// deep in the tail (x < −37) round once into the subnormal range.
inline f64x2 gelu2(f64x2 x) {
  const f64x2 a = min_keep_nan(abs(x), kGeluTailEnd);
  f64x2 sq_hi, sq_lo;
  square_exact(a, sq_hi, sq_lo);
  // t = 4/(4 + a) and its relative rounding error δ: with 4 + a = d_hi + d_lo and t·d_hi = e_hi + e_lo
  // exactly, δ = (4 − t·(d_hi + d_lo))/4 to first order.
  const f64x2 d_hi = 4.0 + a;
  const f64x2 d_back = d_hi - a;
  const f64x2 d_lo = (a - (d_hi - d_back)) + (4.0 - d_back);  // Knuth's two-sum
  const f64x2 t = 4.0 / d_hi;
  f64x2 e_hi, e_lo;
  product_exact(t, d_hi, e_hi, e_lo);
  const f64x2 delta = (((4.0 - e_hi) - e_lo) - t * d_lo) * 0.25;
  const f64x2 u = t * 2.0 - 1.0;
  // P(u) = c_const + c_lin·u + u²·w(u). The exponent's terms of size 1 (c_const, c_lin·u, −a²/2) are
  // summed exactly: their rounding would be about an ulp of Φ(−a). w, whose coefficients are small, takes
  // its high powers in four chains and its last two steps by Horner's rule.
  constexpr std::size_t kN = std::size(kGeluTail);
  constexpr double kConst = kGeluTail[kN - 1], kLin = kGeluTail[kN - 2];
  f64x2 w = polynomial4<kN - 4>(kGeluTail, u);
  w = (w * u + kGeluTail[kN - 4]) * u + kGeluTail[kN - 3];
  f64x2 g = splat(kGeluTailSlope[0]);
  for (const double c : std::span(kGeluTailSlope).subspan(1)) g = g * u + c;
  f64x2 lin_hi, lin_lo;
  product_exact(u, splat(kLin), lin_hi, lin_lo);
  const f64x2 y = sq_hi * -0.5;
  const f64x2 s1_hi = kConst + lin_hi;  // |kConst| > |kLin| ≥ |lin_hi|: fast two-sum
  const f64x2 s1_lo = lin_hi - (s1_hi - kConst);
  const f64x2 s2_hi = s1_hi + y;
  const f64x2 s2_back = s2_hi - y;
  const f64x2 s2_lo = (y - (s2_hi - s2_back)) + (s1_hi - s2_back);
  // The small terms: a²'s low part, the constant's low part, t's rounding (δ·g) and u²·w.
  const f64x2 small = ((sq_lo * -0.5 + kGeluTailConstantLo) + delta * g) + (u * u) * w;
  const f64x2 s_lo = s2_lo + (s1_lo + (lin_lo + small));
  const f64x2 hi = s2_hi + s_lo;
  const f64x2 lo = s_lo - (hi - s2_hi);
  // e^{hi + lo} = 2^n·e^r, r = hi − n·ln2 + lo.
  const f64x2 shifted = hi * kLog2e + kRoundingShift;
  const f64x2 n = shifted - kRoundingShift;
  const f64x2 r = (hi - n * kLn2Hi) + (lo - n * kLn2Lo);  // the first difference is exact
  const f64x2 q = polynomial4<std::size(kExpm1Tail)>(kExpm1Tail, r);
  const f64x2 r2 = r * r;
  const f64x2 expm1_r = r + (r2 * 0.5 + (r2 * r) * q);
  const f64x2 scale = from_bits((bits(shifted) + (1023 + 200)) << 52);
  const i64x2 negative = x < 0.0;
  const f64x2 factor = select(negative, -a, splat(1.0));
  const f64x2 front = factor * t;
  // front·e^r as front + front·(e^r − 1): one rounding fewer than forming e^r first.
  const f64x2 tail = ((front + front * expm1_r) * scale) * 0x1p-200;  // x·Φ(x) below 0, Φ(−x) above
  return select(negative, tail, x * (1.0 - tail));
}

// PyTorch's softplus: x where z = βx (rounded, as PyTorch compares it) exceeds the threshold, else
// (max(z, 0) + log(1 + e^{−|z|}))/β with z carried as hi + lo (z_lo·σ(z) added: log(1 + e^z) moves by
// σ(z) per unit of z). log(1 + e) = log(w) + (e − (w − 1))/w with w = 1 + e rounded. Below z = −800
// (also −∞ and products that overflowed) the result is 0; NaN propagates.
inline f64x2 softplus2(f64x2 x, double beta, double threshold) {
  f64x2 z, z_lo;
  product_exact(x, splat(beta), z, z_lo);
  const f64x2 e = exp_nonpositive(-abs(z));
  const f64x2 w = 1.0 + e;
  const f64x2 inv_w = 1.0 / w;
  const f64x2 log1p_e = log_one_to_two(w) + (e - (w - 1.0)) * inv_w;
  const f64x2 sigmoid = select(z < 0.0, e, splat(1.0)) * inv_w;
  const f64x2 base = max_keep_nan(z, 0.0) + log1p_e;
  const f64x2 value = (base + z_lo * sigmoid) / beta;
  return select(z > threshold, x, select(z < -800.0, splat(0.0), value));
}

// SELU: scale·x above 0, scale·alpha·(e^x − 1) below, each constant as hi + lo as the scalar kernel has it
// (a plain product would already cost an ulp). x itself decides, so −0 keeps its sign and NaN propagates.
inline f64x2 selu2(f64x2 x) {
  const f64x2 em = expm1_lanes(max_keep_nan(min_keep_nan(x, 0.0), -700.0));
  const f64x2 below = act::kSeluScaleAlpha * em + act::kSeluScaleAlphaLo * em;
  return select(x < 0.0, below, act::kSeluScale * x + act::kSeluScaleLo * x);
}

// CELU below 0: alpha·(e^q − 1) with q = x/alpha carried as q + lo (its rounding is multiplied by |q| in
// the exponential): lo = (x − q·alpha)/alpha with q·alpha exact, and e^{q+lo} − 1 = em + (em + 1)·lo.
// q need not be the rounded quotient (it is x·(1/alpha)): lo takes whatever remains. Below q = −700 the
// result is −alpha in double (and lo is dropped, which also keeps −∞ finite); above 0, ±0 and NaN: as the
// scalar kernel (x for x > 0 and NaN, +0 for −0).
inline f64x2 celu2(f64x2 x, double alpha, double inv_alpha) {
  const f64x2 q = x * inv_alpha;
  const f64x2 qc = max_keep_nan(min_keep_nan(q, 0.0), -700.0);
  f64x2 qa_hi, qa_lo;
  product_exact(qc, splat(alpha), qa_hi, qa_lo);
  const f64x2 lo = select(q < -700.0, splat(0.0), ((x - qa_hi) - qa_lo) * inv_alpha);
  const f64x2 em = expm1_lanes(qc);
  const f64x2 below = alpha * (em + (em + 1.0) * lo);
  return select(x <= 0.0, below, x);
}

// gelu_tanh x·σ(z), z = 2u = 2·√(2/π)(x + 0.044715x³), with z carried as hi + lo (x², x³ and both constant
// products exact): in the tails σ(z) multiplies an error in z by |z|. σ(hi + lo) = σ(hi)·(1 + lo·σ(−hi)).
// With e = e^{−|hi|} = m·2^n: x/(1 + e) above 0 and x·e/(1 + e) below. To keep the roundings few, x times
// the factors near 1 (m and 1 + lo·σ(−hi)) is formed as x + x·(small), the power of two goes on before the
// quotient (one rounding into the subnormal range), and the quotient is corrected for 1 + e's own rounding.
// Beyond |x| = 40 the double result is x or −0, as the scalar kernel gives (x is clamped there so that
// nothing overflows); NaN propagates.
inline f64x2 gelu_tanh2(f64x2 x) {
  const f64x2 xc = max_keep_nan(min_keep_nan(x, 40.0), -40.0);
  f64x2 x2_hi, x2_lo, x3_hi, x3_lo, c_hi, c_lo, u_hi, u_lo;
  square_exact(xc, x2_hi, x2_lo);
  product_exact(x2_hi, xc, x3_hi, x3_lo);
  x3_lo = x3_lo + x2_lo * xc;
  product_exact(x3_hi, splat(act::kGeluTanhCoeff), c_hi, c_lo);
  c_lo = c_lo + act::kGeluTanhCoeff * x3_lo + act::kGeluTanhCoeffLo * x3_hi;
  const f64x2 in_hi = xc + c_hi;  // Knuth's two-sum of x and the cubic term
  const f64x2 in_back = in_hi - c_hi;
  const f64x2 in_lo = ((xc - in_back) + (c_hi - (in_hi - in_back))) + c_lo;
  product_exact(in_hi, splat(act::kSqrt2OverPi), u_hi, u_lo);
  u_lo = u_lo + act::kSqrt2OverPi * in_lo + act::kSqrt2OverPiLo * in_hi;
  const f64x2 z = u_hi * 2.0, z_lo = u_lo * 2.0;
  f64x2 em, s;
  expm1_nonpositive_parts(max_keep_nan(-abs(z), -800.0), em, s);
  const f64x2 e = ((1.0 + em) * s) * 0x1p-200;
  const f64x2 w = 1.0 + e;
  const f64x2 w_err = e - (w - 1.0);  // 1 + e = w + w_err exactly (e ≤ 1)
  const i64x2 negative = z < 0.0;
  // σ(−hi) = 1/(1 + e) below 0, e/(1 + e) above: it only scales lo, so a rounded quotient is plenty.
  const f64x2 lo_term = z_lo * (select(negative, splat(1.0), e) / w);
  // Below 0: x·m·(1 + lo_term) = x + x·(m − 1 + lo_term·m); above: x + x·lo_term.
  const f64x2 small = select(negative, em + lo_term * (1.0 + em), lo_term);
  const f64x2 front = xc + xc * small;
  const f64x2 num = select(negative, (front * s) * 0x1p-200, front);
  const f64x2 q = num / w;
  // The correction never changes the sign, but −0 − (−0) would be +0: q's sign goes back on.
  const f64x2 value = from_bits((bits(q - (q * w_err) / w) & ~kSignBit) | (bits(q) & kSignBit));
  return select(x > 40.0, x, value);
}

// tanhshrink x − tanh x: x³·P(x² − 1/2) for |x| ≤ 1 (the fit the scalar kernel uses, where the subtraction
// would cancel), beyond (|x| − 1) + 2e/(1 + e) with e = e^{−2|x|} and the sign of x: two positive terms.
// A zero result is +0, as PyTorch's x − tanh x gives for −0 and for the x whose x³/3 underflows (adding +0
// does that and changes nothing else); NaN propagates.
inline f64x2 tanhshrink2(f64x2 x) {
  const f64x2 a = abs(x);
  // x³·P with x² and x³ exact and P's constant term as hi + lo: the rounding left is P's last step's and the
  // final product's (about 1.5 ulp at most, where three plain products reached 4).
  constexpr std::size_t kN = std::size(act::fits::kTanhshrinkSmall);
  constexpr double kLo = act::fits::kTanhshrinkSmallLo[std::size(act::fits::kTanhshrinkSmallLo) - 1];
  f64x2 x2_hi, x2_lo, x3_hi, x3_lo;
  square_exact(min_keep_nan(a, 1.0), x2_hi, x2_lo);
  product_exact(x2_hi, x, x3_hi, x3_lo);
  x3_lo = x3_lo + x2_lo * x;
  const f64x2 u = (x2_hi - 0.5) + x2_lo;
  const f64x2 p = act::fits::kTanhshrinkSmall[kN - 1] + (u * polynomial4<kN - 1>(act::fits::kTanhshrinkSmall, u) + kLo);
  const f64x2 small = (x3_hi * p + x3_lo * p) + 0.0;
  const f64x2 e = exp_nonpositive(a * -2.0);
  const f64x2 large = (a - 1.0) + (e + e) / (1.0 + e);
  return select(a <= 1.0, small, from_bits(bits(large) | (bits(x) & kSignBit)));
}

// The shared two-vectors-per-step loop (simd_loop.hpp) over f64x2 lanes.
template <typename Op>
void for_each2(const double* xs, double* out, std::size_t n, Op op) {
  simd::for_each_vector<f64x2>(xs, out, n, op);
}

}  // namespace

void tanh_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return tanh2(v); });
}

void elu_f64(const double* xs, double* out, std::size_t n, const double* params) {
  const double alpha = params[0];
  for_each2(xs, out, n, [alpha](f64x2 v) { return elu2(v, alpha); });
}

void sigmoid_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return sigmoid2(v); });
}

void silu_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return silu2(v); });
}

void softplus_f64(const double* xs, double* out, std::size_t n, const double* params) {
  const double beta = params[0], threshold = params[1];
  for_each2(xs, out, n, [beta, threshold](f64x2 v) { return softplus2(v, beta, threshold); });
}

void selu_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return selu2(v); });
}

void celu_f64(const double* xs, double* out, std::size_t n, const double* params) {
  const double alpha = params[0], inv_alpha = 1.0 / alpha;
  for_each2(xs, out, n, [alpha, inv_alpha](f64x2 v) { return celu2(v, alpha, inv_alpha); });
}

void gelu_tanh_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return gelu_tanh2(v); });
}

void tanhshrink_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return tanhshrink2(v); });
}

void gelu_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return gelu2(v); });
}

}  // namespace alab::fast
