// The loop every vectorised batch kernel shares: two independent vectors per step (one's long latency
// chain overlaps the other's), and the array's tail run through
// the same loop from a zero-padded copy, so each kernel body is inlined once (the module stays small).
#pragma once

#include <cstddef>
#include <cstring>

namespace alab::simd {

// out[i] = op(xs[i]) lane-wise for i < n, with `Vec` a compiler vector of `T` (e.g. 4 floats, 2 doubles).
template <typename Vec, typename T, typename Op>
void for_each_vector(const T* xs, T* out, std::size_t n, Op op) {
  constexpr std::size_t lanes = sizeof(Vec) / sizeof(T);
  constexpr std::size_t step = 2 * lanes;
  T padded_in[step] = {}, padded_out[step];
  const T* src = xs;
  T* dst = out;
  std::size_t count = n - n % step;
  const std::size_t left = n - count;
  // Kept a loop (clang would otherwise unroll these two passes into two copies of the kernel).
#if defined(__clang__)
#pragma clang loop unroll(disable)
#endif
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < count; i += step) {
      Vec v0, v1;
      std::memcpy(&v0, src + i, sizeof v0);
      std::memcpy(&v1, src + i + lanes, sizeof v1);
      const Vec r0 = op(v0), r1 = op(v1);
      std::memcpy(dst + i, &r0, sizeof r0);
      std::memcpy(dst + i + lanes, &r1, sizeof r1);
    }
    if (pass == 1 || left == 0) break;
    std::memcpy(padded_in, xs + (n - left), left * sizeof(T));
    src = padded_in, dst = padded_out, count = step;
  }
  if (left) std::memcpy(out + (n - left), padded_out, left * sizeof(T));
}

}  // namespace alab::simd
