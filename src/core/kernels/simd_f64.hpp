// Two-lane float64 vector helpers shared by the vectorised kernels: fast_f64.cpp, and fast_f32.cpp where a
// float32 kernel computes in float64 lanes. Written with the compiler's generic vector type, so the same
// source is compiled natively (SSE2, and tested there) and to WebAssembly SIMD with -msimd128.
#pragma once

#include <cstdint>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace alab::fast {

typedef double f64x2 __attribute__((vector_size(16)));
typedef std::int64_t i64x2 __attribute__((vector_size(16)));

inline f64x2 splat(double v) { return f64x2{v, v}; }
inline i64x2 bits(f64x2 v) { return __builtin_bit_cast(i64x2, v); }
inline f64x2 from_bits(i64x2 v) { return __builtin_bit_cast(f64x2, v); }
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

// Lanes of v below c become c; NaN stays NaN (pmax(v, c) is exactly (v < c ? c : v)).
inline f64x2 max_keep_nan(f64x2 v, double c) {
#ifdef __wasm_simd128__
  return f64x2(wasm_f64x2_pmax(v128_t(v), wasm_f64x2_splat(c)));
#else
  return select(v < c, splat(c), v);
#endif
}

}  // namespace alab::fast
