#include "batch.hpp"

namespace alab {

void batch_f32_via_f64(BatchF64 kernel, const float* xs, float* out, std::size_t n, const double* params) {
  constexpr std::size_t kChunk = 256;
  double in64[kChunk], out64[kChunk];
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t m = n - start < kChunk ? n - start : kChunk;
    for (std::size_t i = 0; i < m; ++i) in64[i] = xs[start + i];
    kernel(in64, out64, m, params);
    for (std::size_t i = 0; i < m; ++i) out[start + i] = static_cast<float>(out64[i]);
  }
}

}  // namespace alab
