// float32 batch kernels, four lanes at a time. Written with the compiler's generic vector type, so the
// same source is compiled natively (and tested there) and to WebAssembly SIMD with -msimd128; a few
// primitives use WebAssembly's own instructions where they exist (pmax is one instruction).
// Polynomial coefficients were fitted for this file with mpmath.chebyfit (see tests/reference).
#include "fast_f32.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace alab::fast {
namespace {

typedef float f32x4 __attribute__((vector_size(16)));
typedef std::int32_t i32x4 __attribute__((vector_size(16)));

inline f32x4 splat(float v) { return f32x4{v, v, v, v}; }
inline i32x4 bits(f32x4 v) {
  i32x4 r;
  std::memcpy(&r, &v, sizeof r);
  return r;
}
inline f32x4 from_bits(i32x4 v) {
  f32x4 r;
  std::memcpy(&r, &v, sizeof r);
  return r;
}
// Lanes of `a` where `mask` is set, else lanes of `b`.
inline f32x4 select(i32x4 mask, f32x4 a, f32x4 b) { return from_bits((bits(a) & mask) | (bits(b) & ~mask)); }
inline f32x4 abs(f32x4 v) { return from_bits(bits(v) & 0x7fffffff); }

// max(v, 0) that keeps NaN: WebAssembly's pmax(v, 0) is exactly (v < 0 ? 0 : v).
inline f32x4 relu4(f32x4 v) {
#ifdef __wasm_simd128__
  return f32x4(wasm_f32x4_pmax(v128_t(v), wasm_f32x4_splat(0.0f)));
#else
  return from_bits(bits(v) & ~(v < 0.0f));
#endif
}

// Round to nearest integer for |v| < 2^22 by the 1.5·2^23 trick (no rounding-mode dependence).
inline f32x4 round_nearest(f32x4 v) {
  const f32x4 magic = splat(12582912.0f);
  return (v + magic) - magic;
}

constexpr float kLog2e = 1.44269504088896341f;
constexpr float kLn2Hi = 0.693359375f;         // 12 significant bits: n·kLn2Hi is exact
constexpr float kLn2Lo = -2.12194442e-4f;

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

// Splits y into n·ln2 + r, |r| ≤ ln2/2 (y must be in [−104, 89]).
inline f32x4 reduce(f32x4 y, f32x4& n) {
  n = round_nearest(y * kLog2e);
  return (y - n * kLn2Hi) - n * kLn2Lo;
}

// 2^n for integer-valued n in [−126, 127], built in the exponent bits.
inline f32x4 pow2(f32x4 n) {
  const i32x4 e = __builtin_convertvector(n, i32x4) + 127;
  return from_bits(e << 23);
}

// e^y for y ≤ 0, correct into the subnormal range: the scale is applied in two normal halves so the
// only rounding into a subnormal happens once, at the end.
inline f32x4 exp_nonpositive(f32x4 y) {
  y = select(y < -104.0f, splat(-104.0f), y);
  f32x4 n;
  const f32x4 r = reduce(y, n);
  const f32x4 e = expm1_reduced(r) + 1.0f;
  const f32x4 half = round_nearest(n * 0.5f);
  return (e * pow2(half)) * pow2(n - half);
}

inline f32x4 sigmoid4(f32x4 x) {
  const f32x4 e = exp_nonpositive(-abs(x));
  const f32x4 num = select(x >= 0.0f, splat(1.0f), e);
  return select(x != x, x, num / (1.0f + e));
}

// tanh(x) = x + x³·q(x²) for |x| < 0.625 (Chebyshev fit of degree 5, error 2e-9), else
// sign(x)·(1 − 2/(e^{2|x|} + 1)); beyond 9.1 the float32 result is ±1.
inline f32x4 tanh4(f32x4 x) {
  const f32x4 z = x * x;
  f32x4 q = splat(2.29274482e-3f);
  q = q * z - 8.34394552e-3f;
  q = q * z + 2.17689187e-2f;
  q = q * z - 5.39592596e-2f;
  q = q * z + 1.33333036e-1f;
  q = q * z - 3.33333332e-1f;
  const f32x4 small = x + (x * z) * q;

  const f32x4 a = abs(x);
  const f32x4 y = select(a > 9.1f, splat(18.2f), a + a);
  f32x4 n;
  const f32x4 r = reduce(y, n);
  const f32x4 e2 = (expm1_reduced(r) + 1.0f) * pow2(n);
  const f32x4 big = 1.0f - 2.0f / (e2 + 1.0f);
  const f32x4 signed_big = from_bits(bits(big) | (bits(x) & static_cast<std::int32_t>(0x80000000u)));
  return select(a < 0.625f, small, select(x != x, x, signed_big));
}

// e^x − 1 for x ≤ 0: the polynomial alone on (−ln2/2, 0], else 2^n·expm1(r) + (2^n − 1).
inline f32x4 expm1_nonpositive(f32x4 x) {
  const f32x4 y = select(x < -88.0f, splat(-88.0f), x);
  f32x4 n;
  const f32x4 r = reduce(y, n);
  const f32x4 scale = pow2(n);
  return scale * expm1_reduced(r) + (scale - 1.0f);
}

inline f32x4 elu4(f32x4 x, float alpha) {
  const f32x4 neg = alpha * expm1_nonpositive(select(x > 0.0f, splat(0.0f), x));
  return select(x > 0.0f, x, select(x != x, x, neg));
}

// Applies `op` to n floats, four at a time; the tail goes through a zero-padded vector.
template <typename Op>
void for_each4(const float* xs, float* out, std::size_t n, Op op) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    f32x4 v;
    std::memcpy(&v, xs + i, sizeof v);
    const f32x4 r = op(v);
    std::memcpy(out + i, &r, sizeof r);
  }
  if (i < n) {
    f32x4 v = splat(0.0f);
    std::memcpy(&v, xs + i, (n - i) * sizeof(float));
    const f32x4 r = op(v);
    std::memcpy(out + i, &r, (n - i) * sizeof(float));
  }
}

}  // namespace

void relu_f32(const float* xs, float* out, std::size_t n, const double*) {
  for_each4(xs, out, n, [](f32x4 v) { return relu4(v); });
}

// Slope 0 is ReLU (and keeps −∞·0 from becoming NaN: the limit is 0).
void leaky_relu_f32(const float* xs, float* out, std::size_t n, const double* params) {
  const float s = static_cast<float>(params[0]);
  if (s == 0.0f) return relu_f32(xs, out, n, params);
  for_each4(xs, out, n, [s](f32x4 v) { return select(v > 0.0f, v, v * s); });
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

}  // namespace alab::fast
