// The loop every vectorised batch kernel shares: `Unroll` independent vectors per step (two by default, so
// one's long latency chain overlaps the other's; eight for kernels of one or two instructions, whose loop
// would otherwise spend as much on its own counting as on the data), and the array's tail run through
// the same loop from a zero-padded copy, so each kernel body is inlined once (the module stays small).
#pragma once

#include <cstddef>
#include <cstring>
#include <utility>

namespace alab::simd {

// out[i] = op(xs[i]) lane-wise for i < n, with `Vec` a compiler vector of `T` (e.g. 4 floats, 2 doubles).
template <typename Vec, std::size_t Unroll = 2, typename T, typename Op>
void for_each_vector(const T* xs, T* out, std::size_t n, Op op) {
  constexpr std::size_t lanes = sizeof(Vec) / sizeof(T);
  constexpr std::size_t step = Unroll * lanes;
  const std::size_t stepped = n - n % step;  // values the unrolled loop takes
  std::size_t done = stepped;
  // With a wide step, whole vectors past the last step go one at a time (a cheap body copied once more),
  // so the padded pass below only ever holds part of one vector.
  if constexpr (Unroll > 2) {
    for (; done + lanes <= n; done += lanes) {
      Vec v;
      std::memcpy(&v, xs + done, sizeof v);
      v = op(v);
      std::memcpy(out + done, &v, sizeof v);
    }
  }
  const std::size_t left = n - done;
  T padded_in[step] = {}, padded_out[step];
  const T* src = xs;
  T* dst = out;
  std::size_t count = stepped;
  // Kept a loop (clang would otherwise unroll these two passes into two copies of the kernel).
#if defined(__clang__)
#pragma clang loop unroll(disable)
#endif
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < count; i += step) {
      // Expanded at compile time (a loop over the vectors was left rolled for large kernels: GELU float64
      // ran 20 % slower).
      [&]<std::size_t... U>(std::index_sequence<U...>) {
        Vec v[Unroll];
        (std::memcpy(&v[U], src + i + U * lanes, sizeof(Vec)), ...);
        ((v[U] = op(v[U])), ...);
        (std::memcpy(dst + i + U * lanes, &v[U], sizeof(Vec)), ...);
      }(std::make_index_sequence<Unroll>{});
    }
    if (pass == 1 || left == 0) break;
    std::memcpy(padded_in, xs + (n - left), left * sizeof(T));
    src = padded_in, dst = padded_out, count = step;
  }
  if (left) std::memcpy(out + (n - left), padded_out, left * sizeof(T));
}

}  // namespace alab::simd
