// alab::torch::randn natively, against bit patterns PyTorch 1.13.1 printed (Debian's python3-torch, AVX2 CPU):
// `torch.manual_seed(s); torch.randn(n).view(torch.int32)`. The conformance layer (tests/torch) checks many
// more seeds and sizes against PyTorch itself; these keep the native build honest without it.
#include "core/torch_random.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace {

std::vector<std::uint32_t> randn_bits(std::uint64_t seed, std::size_t n) {
  std::vector<float> values(n);
  alab::torch::randn(seed, n, values.data());
  std::vector<std::uint32_t> bits(n);
  std::memcpy(bits.data(), values.data(), n * sizeof(float));
  return bits;
}

TEST(TorchRandn, BelowSixteenIsTheDoubleBoxMullerPath) {
  EXPECT_EQ(randn_bits(0, 5), (std::vector<std::uint32_t>{0x3fc53f5c, 0xbe963c50, 0xc00b7149, 0x3f1184b6, 0xbf8ad1a1}));
  // torch.manual_seed(-1) stores 2^64 − 1.
  EXPECT_EQ(randn_bits(UINT64_MAX, 3), (std::vector<std::uint32_t>{0x3f9c2132, 0xbec9349b, 0x3f82f420}));
}

TEST(TorchRandn, SeventeenRedrawsTheLastBlockOfSixteen) {
  EXPECT_EQ(randn_bits(0, 17),
            (std::vector<std::uint32_t>{0xbf901b85, 0xbfd91446, 0x3f111004, 0x3f4b235d, 0x3f194d8b, 0xbfc70d5b,
                                        0xbeaec6ca, 0x3fed2f4e, 0x3eefaa55, 0xbf15e32b, 0xbe318eeb, 0x3e3be1a4,
                                        0x3fb1d6c0, 0x3fcb0d00, 0x3f72409c, 0xbf57fb33, 0x3f6e8c30}));
}

TEST(TorchRandn, ThirtyTwoIsTwoWholeBlocks) {
  const auto bits = randn_bits(123, 32);
  EXPECT_EQ(bits.front(), 0x3eacbbc9u);
  EXPECT_EQ(bits[15], 0x3e89d465u);
  EXPECT_EQ(bits[16], 0xbd9dbcc9u);
  EXPECT_EQ(bits.back(), 0xc035c276u);
}

TEST(TorchRandn, OnlyTheLowThirtyTwoBitsOfTheSeedReachTheEngine) {
  EXPECT_EQ(randn_bits(5, 20), randn_bits((std::uint64_t{7} << 32) | 5, 20));
}

}  // namespace
