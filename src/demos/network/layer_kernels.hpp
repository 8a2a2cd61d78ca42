// Whole-layer loops for the training network and its decision grid: the affine map and the backward
// sums, two (float64) or four (float32) examples per SIMD step, and branch-free tanh and sigmoid, which
// dominate the cost (libm's tanh is ~14 ns per call in WebAssembly). The float64 tanh/σ are within
// 4e-16 absolute (2 ulp near 1) of the catalogue's kernels, the float32 ones within 3e-7 (tested in
// layer_kernels_test.cpp); the relative error near 0 is larger, which SGD never notices.
// Only + − × ÷ and bit operations, and GCC/Clang vector extensions (no Emscripten header).
#pragma once

#include <cstddef>
#include <cstdint>

namespace alab::layer {

// std::bit_cast is missing from Emscripten 3.1.6's libc++; the builtin is what it wraps (gcc, clang).
template <typename To, typename From>
inline To bits_as(From value) {
  return __builtin_bit_cast(To, value);
}

// e^x for x ≤ 0 (flushes to 0 below −708): x = k·ln2 + r, |r| ≤ ln2/2, eʳ by Taylor to degree 13.
inline double exp_nonpositive(double x) {
  x = x < -708.0 ? -708.0 : x;
  constexpr double kShift = 0x1.8p52;  // adding it rounds to an integer held in the low mantissa bits
  const double shifted = x * 1.4426950408889634 + kShift;
  const double k = shifted - kShift;
  const double r = (x - k * 0x1.62e42fefa3800p-1) - k * 0x1.ef35793c76730p-45;  // ln 2 in two parts
  double p = 1.0 / 6227020800.0;  // 1/13!
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  const std::int64_t exponent = bits_as<std::int64_t>(shifted) - bits_as<std::int64_t>(kShift);
  return p * bits_as<double>(static_cast<std::uint64_t>(exponent + 1023) << 52);
}

// z = W·a + b over a batch, unit-major (unit j's values over the batch at z[j·batch …], likewise a):
// the inner loop runs over examples, so it vectorises. W is out × in, row-major.
template <typename T>
void affine_unit_major(const T* w, const T* b, std::size_t in, std::size_t out, const T* a, T* z, std::size_t batch) {
  for (std::size_t j = 0; j < out; ++j) {
    T* zj = z + j * batch;
    for (std::size_t s = 0; s < batch; ++s) zj[s] = b[j];
    for (std::size_t i = 0; i < in; ++i) {
      const T wji = w[j * in + i];
      const T* ai = a + i * batch;
      for (std::size_t s = 0; s < batch; ++s) zj[s] += wji * ai[s];
    }
  }
}

// Two doubles as one SIMD value (GCC/Clang vector extension: WebAssembly f64x2, SSE2 natively).
// Loads and stores go through memcpy, so they need no alignment.
typedef double f64x2 __attribute__((vector_size(16)));

inline f64x2 load_pair(const double* p) {
  f64x2 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
inline void store_pair(double* p, f64x2 v) { __builtin_memcpy(p, &v, sizeof v); }

// The training network's layer loops over an even number of lanes (`stride`), two examples at a
// time: fixed-width steps with no remainder loop and no runtime alias checks, which cost more than
// the arithmetic at batch sizes around 10. Layouts are unit-major with `stride` lanes per unit.

// z = W·a + b; W is out × in, row-major. `In` fixed at compile time unrolls the inner loop.
template <std::size_t In>
inline void affine_pairs_fixed(const double* w, const double* b, std::size_t in, std::size_t out, const double* a,
                               double* z, std::size_t stride) {
  const std::size_t inputs = In ? In : in;
  for (std::size_t j = 0; j < out; ++j) {
    const double* wj = w + j * inputs;
    for (std::size_t s = 0; s < stride; s += 2) {
      f64x2 sum = {b[j], b[j]};
      for (std::size_t i = 0; i < inputs; ++i) sum += wj[i] * load_pair(a + i * stride + s);
      store_pair(z + j * stride + s, sum);
    }
  }
}

inline void affine_pairs(const double* w, const double* b, std::size_t in, std::size_t out, const double* a,
                         double* z, std::size_t stride) {
  switch (in) {
    case 2: return affine_pairs_fixed<2>(w, b, in, out, a, z, stride);
    case 4: return affine_pairs_fixed<4>(w, b, in, out, a, z, stride);
    case 8: return affine_pairs_fixed<8>(w, b, in, out, a, z, stride);
    default: return affine_pairs_fixed<0>(w, b, in, out, a, z, stride);
  }
}

// below_i = (Σ_j W[j][i]·δ_j) ⊙ f′_i: the deltas one layer down. `Out` as `In` above.
template <std::size_t Out>
inline void backpropagate_pairs_fixed(const double* w, std::size_t in, std::size_t out, const double* delta,
                                      const double* derivative, double* below, std::size_t stride) {
  const std::size_t outputs = Out ? Out : out;
  for (std::size_t i = 0; i < in; ++i) {
    for (std::size_t s = 0; s < stride; s += 2) {
      f64x2 sum = {0, 0};
      for (std::size_t j = 0; j < outputs; ++j) sum += w[j * in + i] * load_pair(delta + j * stride + s);
      store_pair(below + i * stride + s, sum * load_pair(derivative + i * stride + s));
    }
  }
}

inline void backpropagate_pairs(const double* w, std::size_t in, std::size_t out, const double* delta,
                                const double* derivative, double* below, std::size_t stride) {
  switch (out) {
    case 1: return backpropagate_pairs_fixed<1>(w, in, out, delta, derivative, below, stride);
    case 4: return backpropagate_pairs_fixed<4>(w, in, out, delta, derivative, below, stride);
    case 8: return backpropagate_pairs_fixed<8>(w, in, out, delta, derivative, below, stride);
    default: return backpropagate_pairs_fixed<0>(w, in, out, delta, derivative, below, stride);
  }
}

// weights[j·in + i] += scale·Σ_s δ_j[s]·a_i[s] and biases[j] += scale·Σ_s δ_j[s]; with `norm_sq`, also
// adds Σ_ji (Σ_s δ_j[s]·a_i[s])² there (the squared norm of the weights' gradient).
inline void outer_sums_pairs(const double* delta, const double* a, std::size_t in, std::size_t out,
                             std::size_t stride, double scale, double* weights, double* biases,
                             double* norm_sq = nullptr) {
  double squares = 0;
  for (std::size_t j = 0; j < out; ++j) {
    const double* dj = delta + j * stride;
    f64x2 bias = {0, 0};
    for (std::size_t s = 0; s < stride; s += 2) bias += load_pair(dj + s);
    biases[j] += scale * (bias[0] + bias[1]);
    for (std::size_t i = 0; i < in; ++i) {
      const double* ai = a + i * stride;
      f64x2 sum = {0, 0};
      for (std::size_t s = 0; s < stride; s += 2) sum += load_pair(dj + s) * load_pair(ai + s);
      const double g = sum[0] + sum[1];
      weights[j * in + i] += scale * g;
      squares += g * g;
    }
  }
  if (norm_sq) *norm_sq += squares;
}

typedef float f32x4 __attribute__((vector_size(16)));

// The float32 grid's affine map, four lanes at a time (`stride` a multiple of 4), as affine_pairs.
template <std::size_t In>
inline void affine_quads_fixed(const float* w, const float* b, std::size_t in, std::size_t out, const float* a,
                               float* z, std::size_t stride) {
  const std::size_t inputs = In ? In : in;
  for (std::size_t j = 0; j < out; ++j) {
    const float* wj = w + j * inputs;
    for (std::size_t s = 0; s < stride; s += 4) {
      f32x4 sum = {b[j], b[j], b[j], b[j]};
      for (std::size_t i = 0; i < inputs; ++i) {
        f32x4 ai;
        __builtin_memcpy(&ai, a + i * stride + s, sizeof ai);
        sum += wj[i] * ai;
      }
      __builtin_memcpy(z + j * stride + s, &sum, sizeof sum);
    }
  }
}

inline void affine_quads(const float* w, const float* b, std::size_t in, std::size_t out, const float* a, float* z,
                         std::size_t stride) {
  switch (in) {
    case 2: return affine_quads_fixed<2>(w, b, in, out, a, z, stride);
    case 4: return affine_quads_fixed<4>(w, b, in, out, a, z, stride);
    case 8: return affine_quads_fixed<8>(w, b, in, out, a, z, stride);
    default: return affine_quads_fixed<0>(w, b, in, out, a, z, stride);
  }
}

// In place: z[i] = tanh(z[i]) = sign · (1 − e)/(1 + e), e = e^(−2|z|).
inline void tanh_in_place(double* z, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const double x = z[i];
    const double a = x < 0 ? -x : x;
    const double e = exp_nonpositive(-2.0 * a);
    const double t = (1.0 - e) / (1.0 + e);
    z[i] = x < 0 ? -t : t;
  }
}

// In place: z[i] = σ(z[i]) = 1/(1 + e) or e/(1 + e), e = e^(−|z|).
inline void sigmoid_in_place(double* z, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const double x = z[i];
    const double e = exp_nonpositive(x < 0 ? x : -x);
    const double inv = 1.0 / (1.0 + e);
    z[i] = x < 0 ? e * inv : inv;
  }
}

// Display precision for the float32 decision grid (absolute error ≤ 3e-7, tested): e^x for x ≤ 0 as
// 2^k·eʳ with eʳ to degree 6, then the same tanh and σ identities as above. Cheaper than the
// catalogue's ≤ 2-ulp kernels, which the grid does not need: it only colours pixels.
inline float exp_nonpositive_f32(float x) {
  x = x < -87.0f ? -87.0f : x;
  constexpr float kShift = 0x1.8p23f;
  const float shifted = x * 1.44269504f + kShift;
  const float k = shifted - kShift;
  const float r = (x - k * 0.693145752f) - k * 1.42860677e-6f;  // ln 2 in two parts
  float p = 1.0f / 720.0f;
  p = p * r + 1.0f / 120.0f;
  p = p * r + 1.0f / 24.0f;
  p = p * r + 1.0f / 6.0f;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  const std::int32_t exponent = bits_as<std::int32_t>(shifted) - bits_as<std::int32_t>(kShift);
  return p * bits_as<float>(static_cast<std::uint32_t>(exponent + 127) << 23);
}

// The same e^x, tanh and σ four lanes at a time, for the grid (n a multiple of 4): the grid spends most of
// its time here, and the scalar loops above do not vectorise (their selects and bit casts stay scalar).
typedef std::int32_t i32x4 __attribute__((vector_size(16)));

inline f32x4 exp_nonpositive_f32x4(f32x4 x) {
  const f32x4 floor = {-87.0f, -87.0f, -87.0f, -87.0f};
  x = x < floor ? floor : x;
  const f32x4 shift = {0x1.8p23f, 0x1.8p23f, 0x1.8p23f, 0x1.8p23f};
  const f32x4 shifted = x * 1.44269504f + shift;
  const f32x4 k = shifted - shift;
  const f32x4 r = (x - k * 0.693145752f) - k * 1.42860677e-6f;
  f32x4 p = r * (1.0f / 720.0f) + 1.0f / 120.0f;
  p = p * r + 1.0f / 24.0f;
  p = p * r + 1.0f / 6.0f;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  const i32x4 exponent = __builtin_bit_cast(i32x4, shifted) - __builtin_bit_cast(i32x4, shift);
  return p * __builtin_bit_cast(f32x4, (exponent + 127) << 23);
}

inline void tanh_in_place_quads(float* z, std::size_t n) {
  for (std::size_t i = 0; i < n; i += 4) {
    f32x4 x;
    __builtin_memcpy(&x, z + i, sizeof x);
    const f32x4 a = x < 0 ? -x : x;
    const f32x4 e = exp_nonpositive_f32x4(-2.0f * a);
    const f32x4 t = (1.0f - e) / (1.0f + e);
    const f32x4 out = x < 0 ? -t : t;
    __builtin_memcpy(z + i, &out, sizeof out);
  }
}

inline void sigmoid_in_place_quads(float* z, std::size_t n) {
  for (std::size_t i = 0; i < n; i += 4) {
    f32x4 x;
    __builtin_memcpy(&x, z + i, sizeof x);
    const f32x4 e = exp_nonpositive_f32x4(x < 0 ? x : -x);
    const f32x4 inv = 1.0f / (1.0f + e);
    const f32x4 out = x < 0 ? e * inv : inv;
    __builtin_memcpy(z + i, &out, sizeof out);
  }
}

inline void tanh_in_place(float* z, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const float x = z[i];
    const float e = exp_nonpositive_f32(-2.0f * (x < 0 ? -x : x));
    const float t = (1.0f - e) / (1.0f + e);
    z[i] = x < 0 ? -t : t;
  }
}

inline void sigmoid_in_place(float* z, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const float x = z[i];
    const float e = exp_nonpositive_f32(x < 0 ? x : -x);
    const float inv = 1.0f / (1.0f + e);
    z[i] = x < 0 ? e * inv : inv;
  }
}

}  // namespace alab::layer
