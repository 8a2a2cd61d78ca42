// Toy datasets: deterministic per seed, balanced, shaped as documented.
#include "demos/datasets.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace alab {
namespace {

struct Data {
  std::vector<double> xs, ys;
};

Data make(Dataset d, std::uint32_t n, double noise, std::uint64_t seed) {
  Data data{std::vector<double>(2 * n), std::vector<double>(n)};
  make_dataset(d, n, noise, seed, data.xs.data(), data.ys.data());
  return data;
}

class EveryDataset : public testing::TestWithParam<Dataset> {};

TEST_P(EveryDataset, SameSeedSameDataOtherSeedOtherData) {
  const Data a = make(GetParam(), 300, 0.1, 42), b = make(GetParam(), 300, 0.1, 42), c = make(GetParam(), 300, 0.1, 43);
  EXPECT_EQ(a.xs, b.xs);
  EXPECT_EQ(a.ys, b.ys);
  EXPECT_NE(a.xs, c.xs);
}

TEST_P(EveryDataset, LabelsAreBalancedZerosAndOnes) {
  const Data d = make(GetParam(), 301, 0.0, 1);
  int ones = 0;
  for (double y : d.ys) {
    ASSERT_TRUE(y == 0.0 || y == 1.0);
    ones += y == 1.0;
  }
  EXPECT_NEAR(ones, 150.5, 1);
}

TEST_P(EveryDataset, PointsWithoutNoiseStayNearTheUnitSquare) {
  const Data d = make(GetParam(), 500, 0.0, 3);
  // Gaussian blobs have (bounded, Irwin–Hall) tails: centre ±0.5, σ = 0.2, at most 6σ out.
  const double limit = GetParam() == Dataset::gaussians ? 1.7 : 1.0;
  for (double v : d.xs) EXPECT_LE(std::fabs(v), limit);
}

INSTANTIATE_TEST_SUITE_P(Datasets, EveryDataset,
                         testing::Values(Dataset::xor_quadrants, Dataset::circle, Dataset::spirals, Dataset::gaussians),
                         [](const auto& p) { return std::string(dataset_id(p.param)); });

TEST(Datasets, XorLabelsFollowTheQuadrantsAndAvoidTheAxes) {
  const Data d = make(Dataset::xor_quadrants, 400, 0.0, 9);
  for (std::size_t i = 0; i < d.ys.size(); ++i) {
    const double x = d.xs[2 * i], y = d.xs[2 * i + 1];
    EXPECT_EQ(d.ys[i], x * y > 0 ? 1.0 : 0.0);
    EXPECT_GE(std::fabs(x), 0.05);
    EXPECT_GE(std::fabs(y), 0.05);
  }
}

TEST(Datasets, CircleSeparatesByRadius) {
  const Data d = make(Dataset::circle, 400, 0.0, 9);
  for (std::size_t i = 0; i < d.ys.size(); ++i) {
    const double r = std::hypot(d.xs[2 * i], d.xs[2 * i + 1]);
    if (d.ys[i] == 1.0) EXPECT_LT(r, 0.5);
    else EXPECT_TRUE(r > 0.7 && r < 1.0) << r;
  }
}

// The spiral uses our own sine and cosine (bit-identical across platforms); check them against libm
// through the geometry: radius 0.9·t and the angle of the arm.
TEST(Datasets, SpiralArmsFollowTheirCurve) {
  const std::uint32_t n = 200;
  const Data d = make(Dataset::spirals, n, 0.0, 1);
  const double pi = std::acos(-1.0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i / 2) / ((n + 1) / 2);
    const double angle = 3.5 * pi * t + (d.ys[i] == 1.0 ? 0.0 : pi);
    EXPECT_NEAR(d.xs[2 * i], 0.9 * t * std::cos(angle), 1e-14);
    EXPECT_NEAR(d.xs[2 * i + 1], 0.9 * t * std::sin(angle), 1e-14);
  }
}

TEST(Datasets, NoiseMovesPointsBySomethingLikeItsSize) {
  const Data clean = make(Dataset::spirals, 2000, 0.0, 5), noisy = make(Dataset::spirals, 2000, 0.2, 5);
  double sum_sq = 0;
  for (std::size_t k = 0; k < clean.xs.size(); ++k) sum_sq += std::pow(noisy.xs[k] - clean.xs[k], 2);
  EXPECT_NEAR(std::sqrt(sum_sq / clean.xs.size()), 0.2, 0.02);
}

// spirals, n = 100, noise 0.3, seed 2024: Σ xs[k]·(k mod 7 + 1), computed once natively.
constexpr double kSpiralFingerprint = 0x1.72ba7877a89eap+4;  // 23.170525042931253

// The WebAssembly test (tests/wasm/network.test.mjs) asserts the same sum for the same call, so
// native and WebAssembly agree on what a seed means.
TEST(Datasets, CrossPlatformFingerprint) {
  const Data d = make(Dataset::spirals, 100, 0.3, 2024);
  double weighted = 0;
  for (std::size_t k = 0; k < d.xs.size(); ++k) weighted += d.xs[k] * static_cast<double>(k % 7 + 1);
  EXPECT_EQ(weighted, kSpiralFingerprint);
}

TEST(Datasets, ChecksAndIds) {
  EXPECT_EQ(check_dataset(100, 0.1), "");
  EXPECT_NE(check_dataset(1, 0.1), "");
  EXPECT_NE(check_dataset(kMaxDatasetSize + 1, 0.1), "");
  EXPECT_NE(check_dataset(100, -0.1), "");
  EXPECT_NE(check_dataset(100, NAN), "");
  for (int i = 0; i < static_cast<int>(Dataset::count); ++i) {
    EXPECT_EQ(find_dataset(dataset_id(static_cast<Dataset>(i))), static_cast<Dataset>(i));
  }
  EXPECT_FALSE(find_dataset("moons"));
}

}  // namespace
}  // namespace alab
