// float32 batch kernels, four lanes at a time. Written with the compiler's generic vector type, so the
// same source is compiled natively (and tested there) and to WebAssembly SIMD with -msimd128; a few
// primitives use WebAssembly's own instructions where they exist (pmax is one instruction).
// Polynomial and rational coefficients were fitted for this file with mpmath (tests/reference/fit_fast_f32.py).
#include "fast_f32.hpp"
#include "core/activations.hpp"
#include "simd_f64.hpp"
#include "simd_loop.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace alab::fast {
namespace {

// The float64-lane helpers (simd_f64.hpp) and the float32 ones below are overloads of the same names.
using fast::abs, fast::bits, fast::from_bits, fast::max_keep_nan, fast::min_keep_nan, fast::select, fast::splat;

typedef float f32x4 __attribute__((vector_size(16)));
typedef std::int32_t i32x4 __attribute__((vector_size(16)));

inline f32x4 splat(float v) { return f32x4{v, v, v, v}; }
inline i32x4 bits(f32x4 v) { return __builtin_bit_cast(i32x4, v); }
inline f32x4 from_bits(i32x4 v) { return __builtin_bit_cast(f32x4, v); }
// Lanes of `a` where `mask` is set, else lanes of `b`.
inline f32x4 select(i32x4 mask, f32x4 a, f32x4 b) { return from_bits((bits(a) & mask) | (bits(b) & ~mask)); }
inline f32x4 abs(f32x4 v) { return from_bits(bits(v) & 0x7fffffff); }

// max(v, 0) that keeps NaN: WebAssembly's pmax(v, 0) is exactly (v < 0 ? 0 : v). Adding +0 turns −0
// into +0, as the float64 kernel (x > 0 ? x : 0) gives.
inline f32x4 relu4(f32x4 v) {
#ifdef __wasm_simd128__
  return f32x4(wasm_f32x4_pmax(v128_t(v), wasm_f32x4_splat(0.0f))) + 0.0f;
#else
  return from_bits(bits(v) & ~(v < 0.0f)) + 0.0f;
#endif
}

// Lanes of v below c become c; NaN stays NaN (WebAssembly's pmax(v, c) is exactly (v < c ? c : v), one
// instruction, where f32x4.max must also order NaN and ±0 and costs several).
inline f32x4 max_keep_nan(f32x4 v, float c) {
#ifdef __wasm_simd128__
  return f32x4(wasm_f32x4_pmax(v128_t(v), wasm_f32x4_splat(c)));
#else
  return select(v < c, splat(c), v);
#endif
}

// Lanes of v above c become c; NaN stays NaN (pmin(v, c) is (c < v ? c : v)).
inline f32x4 min_keep_nan(f32x4 v, float c) {
#ifdef __wasm_simd128__
  return f32x4(wasm_f32x4_pmin(v128_t(v), wasm_f32x4_splat(c)));
#else
  return select(v > c, splat(c), v);
#endif
}

constexpr float kLog2e = 1.44269504088896341f;
constexpr float kLn2Hi = 0.693359375f;         // 9 significant bits: n·kLn2Hi is exact for |n| < 2^15
constexpr float kLn2Lo = -2.12194442e-4f;
constexpr float kRoundingShift = 12582912.0f;  // 1.5·2^23: v + it rounds v to an integer in the low bits

// e^r − 1 − r = r²·p(r) on |r| ≤ ln2/2, Chebyshev fit of degree 5 (relative error 3e-9).
inline f32x4 expm1_reduced(f32x4 r) {
  f32x4 p = splat(1.98909809e-4f);
  p = p * r + 1.39336410e-3f;
  p = p * r + 8.33331093e-3f;
  p = p * r + 4.16664650e-2f;
  p = p * r + 1.66666667e-1f;
  p = p * r + 5.00000001e-1f;
  return r + (r * r) * p;
}

// y = n·ln2 + r with |r| ≤ ln2/2, n an integer with |n| < 2^15. `shifted` = n + 1.5·2^23 holds n in its
// low mantissa bits, from which 2^n is built without a float-to-integer conversion (a saturating
// conversion is several instructions in WebAssembly on x86).
struct Reduced {
  f32x4 r, shifted;
};
inline Reduced reduce(f32x4 y) {
  const f32x4 shifted = y * kLog2e + kRoundingShift;
  const f32x4 n = shifted - kRoundingShift;
  return {(y - n * kLn2Hi) - n * kLn2Lo, shifted};  // y − n·kLn2Hi is exact (Sterbenz)
}

// 2^(n + bias) from `shifted`, for n + bias in [−126, 127].
inline f32x4 pow2(f32x4 shifted, int bias = 0) { return from_bits((bits(shifted) + (127 + bias)) << 23); }

// e^y for y ≤ 0 (NaN stays NaN), correct into the subnormal range: 2^n is applied as 2^(n+100), exact,
// then 2^-100, so a subnormal result is rounded once. Below −120 the result is 0.
inline f32x4 exp_nonpositive(f32x4 y) {
  const Reduced red = reduce(max_keep_nan(y, -120.0f));
  return ((expm1_reduced(red.r) + 1.0f) * pow2(red.shifted, 100)) * 0x1p-100f;
}

// NaN propagates through exp_nonpositive and the division; ±∞ give 1 and 0.
inline f32x4 sigmoid4(f32x4 x) {
  const f32x4 e = exp_nonpositive(-abs(x));
  const f32x4 num = select(x >= 0.0f, splat(1.0f), e);
  return num / (1.0f + e);
}

// tanh|x| = m/(m + 2) with m = e^{2|x|} − 1 = 2^n·expm1(r) + (2^n − 1): one formula for every |x|, since
// m keeps its relative accuracy as |x| → 0 (there n = 0 and m = r + r²·p(r) with r = 2|x| exact).
// Beyond 9.1 the float32 result is 1. The sign of x goes on last (tanh(−0) = −0); NaN propagates.
inline f32x4 tanh4(f32x4 x) {
  const Reduced red = reduce(min_keep_nan(abs(x), 9.1f) * 2.0f);
  const f32x4 scale = pow2(red.shifted);
  const f32x4 m = scale * expm1_reduced(red.r) + (scale - 1.0f);
  const f32x4 magnitude = m / (m + 2.0f);
  return from_bits(bits(magnitude) | (bits(x) & static_cast<std::int32_t>(0x80000000u)));
}

// e^x − 1 for x ≤ 0 (NaN stays NaN): the polynomial alone on (−ln2/2, 0], else 2^n·expm1(r) + (2^n − 1);
// below −87 (2^n still normal) the result is −1 in float32.
inline f32x4 expm1_nonpositive(f32x4 x) {
  const Reduced red = reduce(max_keep_nan(x, -87.0f));
  const f32x4 scale = pow2(red.shifted);
  return scale * expm1_reduced(red.r) + (scale - 1.0f);
}

inline f32x4 elu4(f32x4 x, float alpha) {
  const f32x4 neg = alpha * expm1_nonpositive(min_keep_nan(x, 0.0f));
  return select(x < 0.0f, neg, x);  // x itself for x ≥ 0, ±0 and NaN
}

// e^r on |r| ≤ ln2/2, Chebyshev fit of degree 6, relative error 2.5e-09 (tests/reference/fit_fast_f32.py);
// lowest first.
constexpr double kExpReduced[] = {1.0, 1.000000037716214, 0.5000000047117757, 0.16666415514653277,
                                  0.04166635289677516, 0.008375126398153335, 0.001394110843397268};
// e^y for y in [−700, 0] (NaN stays NaN): y = n·ln2 + r, 2^n built in the exponent bits.
inline f64x2 exp_nonpositive2(f64x2 y) {
  const f64x2 shifted = y * 1.4426950408889634 + 0x1.8p52;  // n in the low mantissa bits
  const f64x2 n = shifted - 0x1.8p52;
  const f64x2 r = y - n * 0.6931471805599453;
  f64x2 e = splat(kExpReduced[6]);
  for (int k = 5; k >= 0; --k) e = e * r + kExpReduced[k];
  return e * from_bits((bits(shifted) + 1023) << 52);
}

// The lanes where x < 0, as a float64 mask. Compared on x + 0.0 (the same answer, −0 and NaN included):
// on a value promoted from float32, clang turns x < 0.0 into a float32 compare whose mask it widens with
// 64-bit arithmetic shifts, which x86 lacks and V8 emulates (SiLU 2.79 → 2.19 ns; the float32 GELU, then in
// float64 lanes, 3.56 → 3.22).
inline i64x2 negative2(f64x2 x) { return (x + 0.0) < 0.0; }

// SiLU x·σ(x) = x/(1 + e) for x ≥ 0 and x·e/(1 + e) below, e = e^{−|x|}; past |x| = 200 the float32
// result is x or −0, which the clamped forms give (also for ±∞).
inline f64x2 silu2(f64x2 x) {
  const f64x2 e = exp_nonpositive2(-min_keep_nan(abs(x), 200.0));
  return select(negative2(x), max_keep_nan(x, -200.0) * e, x) / (1.0 + e);
}

// PyTorch's tanh-approximated GELU, x·σ(2u) with u = √(2/π)(x + 0.044715x³): x/(1 + e) above 0 and
// x·e/(1 + e) below, e = e^{−|2u|}. In double, 2u's rounding (amplified by |2u| ≤ 200 in e) stays far
// below a float32 ulp; past |2u| = 200 the result is x or −0 (x clamped so that −∞ gives −0).
inline f64x2 gelu_tanh2(f64x2 x) {
  const f64x2 two_u = (x + ((x * x) * x) * 0.044715) * 1.5957691216057308;  // 2·√(2/π)
  const f64x2 e = exp_nonpositive2(-min_keep_nan(abs(two_u), 200.0));
  return select(negative2(x), max_keep_nan(x, -200.0) * e, x) / (1.0 + e);
}

typedef float f32x2 __attribute__((vector_size(8)));

// Four floats as two float64 pairs, exactly, and back with one rounding each (subnormal results included).
// (clang 14 leaves the generic conversions of two-float vectors lane by lane in WebAssembly, hence the
// intrinsics.)
inline void promote(f32x4 v, f64x2& lo, f64x2& hi) {
#ifdef __wasm_simd128__
  lo = f64x2(wasm_f64x2_promote_low_f32x4(v128_t(v)));
  hi = f64x2(wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v128_t(v), v128_t(v), 2, 3, 2, 3)));
#else
  lo = __builtin_convertvector(__builtin_shufflevector(v, v, 0, 1), f64x2);
  hi = __builtin_convertvector(__builtin_shufflevector(v, v, 2, 3), f64x2);
#endif
}
inline f32x4 demote(f64x2 lo, f64x2 hi) {
#ifdef __wasm_simd128__
  return f32x4(wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(v128_t(lo)), wasm_f32x4_demote_f64x2_zero(v128_t(hi)), 0,
                                  1, 4, 5));
#else
  return __builtin_shufflevector(__builtin_convertvector(lo, f32x2), __builtin_convertvector(hi, f32x2), 0, 1, 2, 3);
#endif
}

// Applies a two-lane float64 kernel to four floats and rounds each result once.
template <typename Op>
inline f32x4 via_f64(f32x4 x, Op op) {
  f64x2 lo, hi;
  promote(x, lo, hi);
  return demote(op(lo), op(hi));
}

// a·Φ(−a)·e^{a²/2} = g·a/(a + c)·(1 + K(a)) on [0, 14.5], K = P/Q in [-0.071, 0.071], relative error 5.4e-09
// (tests/reference/fit_fast_f32.py); lowest power first.
constexpr double kGeluG = 0.45248707761089946, kGeluC = 0.85;
constexpr float kGeluKNum[] = {-0.06074666f, 0.25212225f, 0.1178034f, 0.014287578f, -0.004199801f, -0.0014325599f};
constexpr float kGeluKDen[] = {1.0f, 1.7032406f, 1.2479107f, 0.49996158f, 0.112130016f, 0.012106613f};
// Beyond |x| = 14.5 the float32 GELU is x (above) or −0 (below): x·Φ(x) < 2^-150.
constexpr float kGeluTailEnd = 14.5f;
constexpr float kGeluHalfBelow = 0x1p-25f;

// Exact GELU x·Φ(x) = max(x, −0) − t with t = a·Φ(−a), a = min(|x|, 14.5): x − t above 0 (t ≤ x/2, so
// nothing cancels), −t below; NaN propagates, ±∞ give ∞ and −0; x/2 for |x| < 2^-25 (±0 included).
// t = e^{−a²/2}·F(a) with F(a) = a·Φ(−a)·e^{a²/2} = g·a/(a + c)·(1 + K(a)), |K| ≤ 0.071.
// Most of the work is in float32 lanes, arranged so that no float32 rounding lands on a factor of t whole:
//  - a² is exact as hi² + lo·(hi + a) with hi = a's top 12 bits (hi² exact), so −a²/2 = n·ln2 + r keeps r
//    to a float32 rounding of r itself (|r| ≤ ln2/2), and e^{−a²/2} = 2^n·(1 + m), m = e^r − 1;
//  - K's roundings (its Horner steps reach several ulps of K) count only as K's share of 1 + K;
//  - a/(a + c), the 1 in 1 + w and the products are taken in float64 lanes: t = A·(1 + w)/((a + c)·2^64/g) with
//    A = a·2^(n+64) (exact in float32, normal down to a = 14.5) and w = m + K·(1 + m), rounded to float32 once
//    (subnormal results too).
// Against the correctly rounded GELU: at most 1 ulp for every float (1.47 ulp against the exact value; −t is
// rounded once, x − t twice). All in float32 lanes (R = P4/Q5 as the earlier float64-lane kernel had it) was
// 8 ulp off: the rational alone 7.8, and each float32-rounded factor of t can cost an ulp. That version ran
// at 1.6 ns per value in the module (n = 1000); this one (gelu_f32 below) 2.3, the float64-lane one 3.3.
inline f32x4 gelu4(f32x4 x) {
  const f32x4 a = min_keep_nan(abs(x), kGeluTailEnd);
  const f32x4 hi = from_bits(bits(a) & static_cast<std::int32_t>(0xfffff000u));
  const f32x4 lo = a - hi;
  const f32x4 y_hi = (hi * -0.5f) * hi;         // −hi²/2, exact
  const f32x4 y_lo = (lo * -0.5f) * (hi + a);   // −a²/2 − y_hi, to a rounding or two of a term below 2^-4
  const f32x4 shifted = y_hi * kLog2e + kRoundingShift;
  const f32x4 n = shifted - kRoundingShift;
  const f32x4 r = (y_hi - n * kLn2Hi) + (y_lo - n * kLn2Lo);  // the first difference is exact (Sterbenz)
  const f32x4 m = expm1_reduced(r);
  f32x4 num = splat(kGeluKNum[5]);
  for (int k = 4; k >= 0; --k) num = num * a + kGeluKNum[k];
  f32x4 den = splat(kGeluKDen[5]);
  for (int k = 4; k >= 0; --k) den = den * a + kGeluKDen[k];
  const f32x4 w = m + (num / den) * (m + 1.0f);  // (1 + m)(1 + K) = 1 + w
  const f32x4 scaled_a = a * pow2(shifted, 64);
  f64x2 w_lo, w_hi, sa_lo, sa_hi, a_lo, a_hi;
  promote(w, w_lo, w_hi);
  promote(scaled_a, sa_lo, sa_hi);
  promote(a, a_lo, a_hi);
  constexpr double kSlope = 0x1p64 / kGeluG, kOffset = kGeluC * 0x1p64 / kGeluG;
  const f64x2 t_lo = (sa_lo * (1.0 + w_lo)) / (a_lo * kSlope + kOffset);
  const f64x2 t_hi = (sa_hi * (1.0 + w_hi)) / (a_hi * kSlope + kOffset);
  const f32x4 gelu = max_keep_nan(x, -0.0f) - demote(t_lo, t_hi);
  // Below 2^-25, x·Φ(x) is within x²/√(2π) < half an ulp of x/2: x/2 itself, rounded as the float64 kernel's
  // result is (its subnormal halves are ties, which x − t would round the other way, once through t).
  return select(a < kGeluHalfBelow, x * 0.5f, gelu);
}

// The shared loop (simd_loop.hpp) over f32x4 lanes, `Unroll` vectors per step.
template <std::size_t Unroll = 2, typename Op>
void for_each4(const float* xs, float* out, std::size_t n, Op op) {
  simd::for_each_vector<f32x4, Unroll>(xs, out, n, op);
}

// relu and leaky_relu are two instructions per vector: eight vectors per step cut the loop's share
// (prepared calls in the module, float32: n = 1000 0.095 → 0.086 ns per element, n = 1e6 0.31 → 0.29).
constexpr std::size_t kCheapUnroll = 8;

}  // namespace

// A copy (xs and out may be the same array): every value, NaN payloads and −0 included, comes back as it went.
void identity_f32(const float* xs, float* out, std::size_t n, const double*) {
  if (n) std::memmove(out, xs, n * sizeof(float));
}

void relu_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4<kCheapUnroll>(xs, out, n, [](f32x4 v) { return relu4(v); });
}

// Slope 0 is the scalar kernel's 0·x (−0 for a negative x, as in PyTorch; 0 for −∞, the limit): rare enough
// for the scalar loop.
void leaky_relu_f32(const float* xs, float* out, std::size_t n, const double* params) {
  const float s = static_cast<float>(params[0]);
  if (s == 0.0f) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(act::leaky_relu(xs[i], params));
    return;
  }
  // For 0 < s ≤ 1, leaky_relu(v) = (s·v < v ? v : s·v), which is WebAssembly's pmax(s·v, v): one
  // multiply and one instruction, NaN and −∞ carried through as the float64 kernel does.
  for_each4<kCheapUnroll>(xs, out, n, [s](f32x4 v) {
    const f32x4 sv = v * s;
#ifdef __wasm_simd128__
    return f32x4(wasm_f32x4_pmax(v128_t(sv), v128_t(v)));
#else
    return select(sv < v, v, sv);
#endif
  });
}

// PReLU's weight (in [0, 1]) is leaky_relu's slope, and the two scalar kernels are the same expression.
void prelu_f32(const float* xs, float* out, std::size_t n, const double* params) { leaky_relu_f32(xs, out, n, params); }

// clamp(x, min_val, max_val) as the scalar kernels write it (hardtanh, and relu6 between 0 and 6):
// (x < lo ? lo : (x > hi ? hi : x)). pmax then pmin are exactly those two comparisons, so NaN and −0 come
// through alike. A bound that is not a float rounds to the nearest float, which is what the float64 result
// rounds to as well.
static void clamp_f32(const float* xs, float* out, std::size_t n, float lo, float hi) {
  for_each4<kCheapUnroll>(xs, out, n, [lo, hi](f32x4 v) { return min_keep_nan(max_keep_nan(v, lo), hi); });
}

void hardtanh_f32(const float* xs, float* out, std::size_t n, const double* params) {
  clamp_f32(xs, out, n, static_cast<float>(params[0]), static_cast<float>(params[1]));
}

void relu6_f32(const float* xs, float* out, std::size_t n, const double*) { clamp_f32(xs, out, n, 0.0f, 6.0f); }

// PyTorch's float32 kernel converts min_val and max_val to float32 before comparing, so an input equal to a
// bound's float32 rounding sits on the clamp point (gradient 0) even when the float64 bound lies beyond it.
void hardtanh_d_f32(const float* xs, float* out, std::size_t n, const double* params) {
  const double bounds[2] = {static_cast<float>(params[0]), static_cast<float>(params[1])};
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(act::hardtanh_d(xs[i], bounds));
}

// (x + 3)/6 on [−3, 3], 0 below and 1 above: clamping first gives both ends (0/6 is +0, 6/6 is 1). x + 3 is
// exact near −3 (Sterbenz) and the quotient is rounded once, so the result stays within an ulp even where
// it is near 0 (x/6 + 1/2 would cancel there).
void hardsigmoid_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) { return (min_keep_nan(max_keep_nan(v, -3.0f), 3.0f) + 3.0f) / 6.0f; });
}

// x·(x + 3)/6 on (−3, 3), +0 at and below −3, x at and above 3 (chosen by comparisons, as the scalar kernel
// does: x·6/6 need not give x back); NaN falls through the middle formula. The middle in float64 lanes: three
// float32 roundings reached 2 ulp, while in double x·(x + 3) is exact and the sixth's rounding is far below a
// float32 ulp, so the result is within half an ulp or so of the float64 kernel's, rounded. The
// choice is made on the float32 lanes (float64 masks from float32 compares would need 64-bit arithmetic
// shifts, which x86 lacks: 1.8 ns per value instead of 0.55).
void hardswish_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) {
    const f32x4 middle = via_f64(v, [](f64x2 x) { return (x * (x + 3.0)) * (1.0 / 6.0); });
    return select(v >= 3.0f, v, select(v <= -3.0f, splat(0.0f), middle));
  });
}

// x/(1 + |x|), with |x| clamped at 2^25 where the float32 result is ±1 already (so ±∞ give ±1, not ∞/∞).
void softsign_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) {
    const f32x4 c = min_keep_nan(max_keep_nan(v, -0x1p25f), 0x1p25f);
    return c / (1.0f + abs(c));
  });
}

void sigmoid_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) { return sigmoid4(v); });
}

void tanh_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) { return tanh4(v); });
}

void elu_f32(const float* xs, float* out, std::size_t n, const double* params) {
  const float alpha = static_cast<float>(params[0]);
  for_each4(xs, out, n, [alpha](f32x4 v) { return elu4(v, alpha); });
}

// Four vectors per step: each has three divisions (one float32, two float64) whose latency the other three
// vectors cover (2.6 → 2.3 ns per value; without the small-|x| select, two vectors 2.4, three 2.3, four 2.15,
// eight 2.9).
void gelu_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4<4>(xs, out, n, [](f32x4 v) { return gelu4(v); });
}

void gelu_tanh_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) { return via_f64(v, gelu_tanh2); });
}

void silu_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) { return via_f64(v, silu2); });
}

}  // namespace alab::fast
