// Branch-free tanh and sigmoid over whole layers for the training network, where they dominate the
// cost (libm's tanh is ~14 ns per call in WebAssembly; these loops vectorise to 2-lane SIMD).
// Absolute error ≤ 4e-16 (2 ulp near 1) against the catalogue's kernels (tested in network_activations_test.cpp);
// the relative error near 0 is larger, which SGD never notices. Only + − × ÷ and bit operations.
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

}  // namespace alab::layer
