// core/random.hpp: the demos' seeded stream is SplitMix64 bit for bit (vectors from the reference algorithm,
// computed independently in Python's integers), and its derived draws keep their documented ranges.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/random.hpp"

namespace {

std::vector<std::uint64_t> first_bits(std::uint64_t seed, int n) {
  alab::Random rng(seed);
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(rng.next_bits());
  return out;
}

TEST(Random, IsSplitMix64BitForBit) {
  EXPECT_EQ(first_bits(1234567, 5), (std::vector<std::uint64_t>{6457827717110365317ull, 3203168211198807973ull,
                                                                9817491932198370423ull, 4593380528125082431ull,
                                                                16408922859458223821ull}));
  EXPECT_EQ(first_bits(0, 3), (std::vector<std::uint64_t>{16294208416658607535ull, 7960286522194355700ull,
                                                          487617019471545679ull}));
  EXPECT_EQ(first_bits(~0ull, 2), (std::vector<std::uint64_t>{16490336266968443936ull, 16834447057089888969ull}));
}

TEST(Random, UniformIsTheTop53BitsScaledIntoTheHalfOpenUnitInterval) {
  alab::Random bits(42), draws(42);
  for (int i = 0; i < 10000; ++i) {
    const std::uint64_t b = bits.next_bits();
    const double u = draws.uniform();
    EXPECT_EQ(u, std::ldexp(static_cast<double>(b >> 11), -53));
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

TEST(Random, UniformInARangeStaysInIt) {
  alab::Random rng(7);
  for (int i = 0; i < 10000; ++i) {
    const double v = rng.uniform(-1.0, 1.0);
    EXPECT_GE(v, -1.0);
    EXPECT_LT(v, 1.0);
  }
}

TEST(Random, BelowCoversEveryValueAndNoOther) {
  alab::Random rng(3);
  for (std::uint32_t n : {1u, 2u, 7u, 1000u}) {
    std::vector<int> seen(n, 0);
    for (int i = 0; i < 20000; ++i) {
      const std::uint32_t k = rng.below(n);
      ASSERT_LT(k, n);
      ++seen[k];
    }
    if (n <= 7) {
      for (std::uint32_t k = 0; k < n; ++k) EXPECT_GT(seen[k], 0) << "n = " << n << ", k = " << k;
    }
  }
}

TEST(Random, NormalHasMeanZeroVarianceOneAndTailsWithinSix) {
  alab::Random rng(2024);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double v = rng.normal();
    ASSERT_GE(v, -6.0);
    ASSERT_LE(v, 6.0);
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / n;
  // Five standard errors: the sample mean's is 1/√n, the sample variance's about √(2/n).
  EXPECT_NEAR(mean, 0.0, 5.0 / std::sqrt(n));
  EXPECT_NEAR(sum2 / n - mean * mean, 1.0, 5.0 * std::sqrt(2.0 / n));
}

TEST(Random, TheSameSeedGivesTheSameStream) {
  alab::Random a(99), b(99), c(100);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t x = a.next_bits();
    EXPECT_EQ(x, b.next_bits());
    differs |= x != c.next_bits();
  }
  EXPECT_TRUE(differs);
}

}  // namespace
