// float64 batch kernels, two lanes at a time, written with the compiler's generic vector types: the same
// source is compiled natively (SSE2, and tested there) and to WebAssembly SIMD with -msimd128.
// The polynomial was fitted for this file with mpmath.chebyfit (tests/reference/fit_fast_f64.py).
#include "fast_f64.hpp"

#include <cstdint>
#include <cstring>
#include <span>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace alab::fast {
namespace {

typedef double f64x2 __attribute__((vector_size(16)));
typedef std::int64_t i64x2 __attribute__((vector_size(16)));

inline f64x2 splat(double v) { return f64x2{v, v}; }
inline i64x2 bits(f64x2 v) {
  i64x2 r;
  std::memcpy(&r, &v, sizeof r);
  return r;
}
inline f64x2 from_bits(i64x2 v) {
  f64x2 r;
  std::memcpy(&r, &v, sizeof r);
  return r;
}
// Lanes of `a` where `mask` is set, else lanes of `b`.
inline f64x2 select(i64x2 mask, f64x2 a, f64x2 b) { return from_bits((bits(a) & mask) | (bits(b) & ~mask)); }
inline f64x2 abs(f64x2 v) { return from_bits(bits(v) & 0x7fffffffffffffff); }
constexpr std::int64_t kSignBit = static_cast<std::int64_t>(0x8000000000000000u);

// Lanes of v above c become c; NaN stays NaN (WebAssembly's pmin(v, c) is exactly (c < v ? c : v), one
// instruction, where f64x2.min must also order NaN and ±0 and costs several).
inline f64x2 min_keep_nan(f64x2 v, double c) {
#ifdef __wasm_simd128__
  return f64x2(wasm_f64x2_pmin(v128_t(v), wasm_f64x2_splat(c)));
#else
  return select(v > c, splat(c), v);
#endif
}

// Lanes of v below c become c; NaN stays NaN.
inline f64x2 max_keep_nan(f64x2 v, double c) {
#ifdef __wasm_simd128__
  return f64x2(wasm_f64x2_pmax(v128_t(v), wasm_f64x2_splat(c)));
#else
  return select(v < c, splat(c), v);
#endif
}

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

// Applies `op` to n doubles, four at a time (two independent vectors per step), then two, then the last
// one through a zero-padded vector.
template <typename Op>
void for_each2(const double* xs, double* out, std::size_t n, Op op) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    f64x2 v0, v1;
    std::memcpy(&v0, xs + i, sizeof v0);
    std::memcpy(&v1, xs + i + 2, sizeof v1);
    const f64x2 r0 = op(v0), r1 = op(v1);
    std::memcpy(out + i, &r0, sizeof r0);
    std::memcpy(out + i + 2, &r1, sizeof r1);
  }
  for (; i + 2 <= n; i += 2) {
    f64x2 v;
    std::memcpy(&v, xs + i, sizeof v);
    const f64x2 r = op(v);
    std::memcpy(out + i, &r, sizeof r);
  }
  if (i < n) {
    const f64x2 r = op(f64x2{xs[i], 0.0});
    out[i] = r[0];
  }
}

}  // namespace

void tanh_f64(const double* xs, double* out, std::size_t n, const double*) {
  for_each2(xs, out, n, [](f64x2 v) { return tanh2(v); });
}

void elu_f64(const double* xs, double* out, std::size_t n, const double* params) {
  const double alpha = params[0];
  for_each2(xs, out, n, [alpha](f64x2 v) { return elu2(v, alpha); });
}

}  // namespace alab::fast
