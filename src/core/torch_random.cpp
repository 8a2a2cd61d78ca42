// PyTorch 1.13's CPU path for torch.randn on float32 (aten/src/ATen/native/cpu/DistributionTemplates.h,
// core/DistributionsHelper.h, core/TransformationHelper.h, CPUGeneratorImpl.cpp, core/MT19937RNGEngine.h).
// Every float operation below is one statement, in PyTorch's order, so no compiler can fuse or reorder it:
// the kernels are reproduced to the bit, not approximated.
#include "torch_random.hpp"

#include <cmath>
#include <numbers>
#include <random>

namespace alab::torch {
namespace {

// PyTorch's mt19937 is the standard MT19937 (same 32-bit initialisation, same tempering); it keeps the low
// 32 bits of the 64-bit seed.
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : engine_(static_cast<std::uint32_t>(seed)) {}

  std::uint32_t random() { return static_cast<std::uint32_t>(engine_()); }
  // Two draws, the first one in the high half (make64BitsFrom32Bits).
  std::uint64_t random64() {
    const std::uint64_t hi = random();
    const std::uint64_t lo = random();
    return (hi << 32) | lo;
  }
  // uniform_real_distribution<float>(0, 1): the low 24 bits of one draw, times 2^-24.
  float uniform_float() { return static_cast<float>(random() & 0xFFFFFFu) * 0x1p-24f; }
  // uniform_real_distribution<double>(0, 1): the low 53 bits of two draws, times 2^-53.
  double uniform_double() { return static_cast<double>(random64() & ((std::uint64_t{1} << 53) - 1)) * 0x1p-53; }

  // normal_distribution<double>(0, 1): Box–Muller on two uniforms; the sine half is cached for the next
  // call (the generator's next_double_normal_sample), and torch.manual_seed clears that cache.
  double normal_double() {
    if (has_cached_) {
      has_cached_ = false;
      return cached_;
    }
    const double u1 = uniform_double();
    const double u2 = uniform_double();
    const double r = std::sqrt(-2.0 * std::log(1.0 - u2));
    const double theta = 2.0 * std::numbers::pi * u1;
    cached_ = r * std::sin(theta);
    has_cached_ = true;
    return r * std::cos(theta);
  }

 private:
  std::mt19937 engine_;
  double cached_ = 0;
  bool has_cached_ = false;
};

// (Emscripten 3.1.6's libc++ has no std::bit_cast; the builtin behind it is there.)
float from_bits(std::uint32_t bits) { return __builtin_bit_cast(float, bits); }
std::uint32_t to_bits(float x) { return __builtin_bit_cast(std::uint32_t, x); }

// One lane of avx_mathfun's log256_ps (Cephes' logf): the natural log for 0 < x ≤ 1 as PyTorch's AVX2
// kernel computes it.
float cephes_log(float x) {
  x = std::fmax(x, from_bits(0x00800000u));  // the smallest normal float; u1 ≥ 2^-24 never needs it
  const std::uint32_t bits = to_bits(x);
  const auto exponent = static_cast<std::int32_t>(bits >> 23) - 0x7f;
  x = from_bits((bits & ~0x7f800000u) | to_bits(0.5f));  // mantissa in [0.5, 1)
  float e = static_cast<float>(exponent);
  e = e + 1.0f;
  const bool below = x < 0.707106781186547524f;
  const float tmp0 = below ? x : 0.0f;
  x = x - 1.0f;
  e = e - (below ? 1.0f : 0.0f);
  x = x + tmp0;
  const float z = x * x;
  static constexpr float p[] = {7.0376836292E-2f,  -1.1514610310E-1f, 1.1676998740E-1f,
                                -1.2420140846E-1f, 1.4249322787E-1f,  -1.6668057665E-1f,
                                2.0000714765E-1f,  -2.4999993993E-1f, 3.3333331174E-1f};
  float y = p[0];
  for (int i = 1; i < 9; ++i) y = std::fma(y, x, p[i]);
  y = y * x;
  const float e_q1 = e * -2.12194440e-4f;
  y = std::fma(y, z, e_q1);
  y = std::fma(-z, 0.5f, y);
  x = x + y;
  return std::fma(e, 0.693359375f, x);
}

// One lane of avx_mathfun's sincos256_ps (Cephes' sinf/cosf with its three-part reduction by π/4).
void cephes_sincos(float x, float& sine, float& cosine) {
  std::uint32_t sign_sin = to_bits(x) & 0x80000000u;
  x = std::fabs(x);
  float y = x * 1.27323954473516f;  // 4/π
  auto j = static_cast<std::int32_t>(y);  // truncation, as _mm256_cvttps_epi32
  j = (j + 1) & ~1;
  y = static_cast<float>(j);
  const std::uint32_t swap_sign_sin = static_cast<std::uint32_t>(j & 4) << 29;
  const bool first_polynomial = (j & 2) == 0;
  x = std::fma(y, -0.78515625f, x);
  x = std::fma(y, -2.4187564849853515625e-4f, x);
  x = std::fma(y, -3.77489497744594108e-8f, x);
  const std::uint32_t sign_cos = static_cast<std::uint32_t>(~(j - 2) & 4) << 29;
  sign_sin ^= swap_sign_sin;

  const float z = x * x;
  float c = 2.443315711809948E-005f;
  c = std::fma(c, z, -1.388731625493765E-003f);
  c = std::fma(c, z, 4.166664568298827E-002f);
  c = c * z;
  const float half_z = z * 0.5f;
  c = std::fma(c, z, -half_z);
  c = c + 1.0f;

  float s = -1.9515295891E-4f;
  s = std::fma(s, z, 8.3321608736E-3f);
  s = std::fma(s, z, -1.6666654611E-1f);
  s = s * z;
  s = std::fma(s, x, x);

  // The kernel selects with masks and adds the unselected zero back in; the adds are kept for −0.
  const float sin_from_s = first_polynomial ? s : 0.0f;
  const float sin_from_c = first_polynomial ? 0.0f : c;
  s = s - sin_from_s;
  c = c - sin_from_c;
  sine = from_bits(to_bits(sin_from_c + sin_from_s) ^ sign_sin);
  cosine = from_bits(to_bits(c + s) ^ sign_cos);
}

// normal_fill_16_AVX2 over one block: data[0..8) become the cosine halves, data[8..16) the sine halves.
void normal_block(float* data) {
  const auto two_pi = static_cast<float>(2.0f * std::numbers::pi);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - data[j];
    const float u2 = data[j + 8];
    const float log_u1 = cephes_log(u1);
    const float radius = std::sqrt(-2.0f * log_u1);
    const float theta = two_pi * u2;
    float sine = 0;
    float cosine = 0;
    cephes_sincos(theta, sine, cosine);
    const float n1 = radius * cosine;
    const float n2 = radius * sine;
    data[j] = std::fma(n1, 1.0f, 0.0f);  // _mm256_fmadd_ps(n, std = 1, mean = 0)
    data[j + 8] = std::fma(n2, 1.0f, 0.0f);
  }
}

}  // namespace

void randn(std::uint64_t seed, std::size_t n, float* out) {
  Generator generator(seed);
  if (n < 16) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(generator.normal_double());
    return;
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = generator.uniform_float();
  for (std::size_t i = 0; i + 16 <= n; i += 16) normal_block(out + i);
  if (n % 16 != 0) {
    float* last = out + n - 16;
    for (std::size_t i = 0; i < 16; ++i) last[i] = generator.uniform_float();
    normal_block(last);
  }
}

}  // namespace alab::torch
