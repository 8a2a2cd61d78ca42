// A small seedable random source whose stream is identical natively and in WebAssembly: integer
// arithmetic plus IEEE additions and multiplications only (no libm), so a seed names the same data
// on every platform the lesson runs on.
#pragma once

#include <cstdint>

namespace alab {

class Random {
 public:
  // Any 64-bit seed is fine, including 0 (SplitMix64 has no bad seeds).
  explicit Random(std::uint64_t seed) : state_(seed) {}

  // SplitMix64 (Steele, Lea, Flood 2014): the next 64 uniformly distributed bits.
  std::uint64_t next_bits() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next_bits() >> 11) * 0x1.0p-53; }

  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n) for n ≥ 1 (multiply-shift; the bias is below 2⁻³² for the sizes we use).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next_bits() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }

  // Mean 0, variance 1: the Irwin–Hall sum of twelve uniforms minus 6. Tails stop at ±6, which
  // suits toy data and initialisation, and it needs no logarithm, so it is bit-identical everywhere.
  double normal() {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += uniform();
    return sum - 6.0;
  }

 private:
  std::uint64_t state_;
};

}  // namespace alab
