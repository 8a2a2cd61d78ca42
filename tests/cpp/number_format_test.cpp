// Rounding to float16, bfloat16 and float32 against tables PyTorch and numpy wrote
// (tests/reference/number_formats.py): every 16-bit pattern decodes to torch's value and round-trips;
// the midpoint between each pair of neighbours, and the inputs one float32 and one float64 step either
// side of it, round as torch (float32 inputs) and exact rational rounding (float64 inputs) say: ties to
// even, subnormals, overflow to infinity. Also the markers of format_markers.hpp.
#include "core/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/format_markers.hpp"

namespace alab {
namespace {

struct Entry {
  std::uint32_t value_bits;
  std::uint16_t rounded[5];
};

std::vector<Entry> load(const std::string& name) {
  std::ifstream in(std::string(ALAB_SOURCE_DIR) + "/tests/reference/formats/" + name + ".bin", std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<Entry> entries;
  if (bytes.size() != 65536u * 14) return entries;
  for (std::size_t b = 0; b < 65536; ++b) {
    const unsigned char* p = bytes.data() + 14 * b;
    Entry e{};
    e.value_bits = p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
    for (int i = 0; i < 5; ++i) e.rounded[i] = static_cast<std::uint16_t>(p[4 + 2 * i] | (p[5 + 2 * i] << 8));
    entries.push_back(e);
  }
  return entries;
}

double float_of(std::uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

float next_float(float x, float toward) { return std::nextafter(x, toward); }

struct Format16 {
  const char* name;
  NumberFormat format;
  double (*decode)(std::uint16_t);
  std::uint16_t (*encode)(double);
};

class EveryPattern : public testing::TestWithParam<Format16> {};

TEST_P(EveryPattern, DecodesRoundTripsAndRoundsLikeTorch) {
  const Format16 f = GetParam();
  const std::vector<Entry> table = load(f.name);
  ASSERT_EQ(table.size(), 65536u) << "missing or short tests/reference/formats/" << f.name << ".bin";
  int failures = 0, checked = 0;
  for (std::uint32_t b = 0; b < 65536 && failures < 10; ++b) {
    const double expected = float_of(table[b].value_bits);
    const double value = f.decode(static_cast<std::uint16_t>(b));
    if (std::isnan(expected)) {
      EXPECT_TRUE(std::isnan(value)) << std::hex << b;
      EXPECT_TRUE(std::isnan(round_to_format(value, f.format)));
      continue;
    }
    if (value != expected || std::signbit(value) != std::signbit(expected)) {
      ADD_FAILURE() << f.name << " pattern 0x" << std::hex << b << " decodes to " << value << ", torch " << expected;
      ++failures;
    }
    // Round trip: every value of the format is its own rounding, with the same bits.
    EXPECT_EQ(round_to_format(expected, f.format), expected);
    EXPECT_EQ(f.encode(expected), b) << std::hex << b;
    if (table[b].rounded[0] == 0xFFFF) continue;
    const std::uint32_t up = b + 1;
    double neighbour = float_of(table[up].value_bits);
    if (std::isinf(neighbour)) neighbour = std::copysign(2 * std::ldexp(1.0, std::ilogb(expected)), expected);
    const double m = (expected + neighbour) / 2;
    const float m32 = static_cast<float>(m);
    const float towards_zero = std::signbit(m) ? std::numeric_limits<float>::infinity() : -std::numeric_limits<float>::infinity();
    const double inputs[5] = {next_float(m32, towards_zero), m, next_float(m32, -towards_zero),
                              std::nextafter(m, static_cast<double>(towards_zero)),
                              std::nextafter(m, -static_cast<double>(towards_zero))};
    for (int i = 0; i < 5; ++i) {
      const std::uint16_t got = f.encode(inputs[i]);
      ++checked;
      if (got != table[b].rounded[i]) {
        char line[200];
        std::snprintf(line, sizeof line, "%s: %a (input %d near pattern 0x%04x) rounds to 0x%04x, reference 0x%04x",
                      f.name, inputs[i], i, b, got, table[b].rounded[i]);
        ADD_FAILURE() << line;
        ++failures;
      }
    }
  }
  EXPECT_GT(checked, 5 * 60000);
}

INSTANTIATE_TEST_SUITE_P(Formats, EveryPattern,
                         testing::Values(Format16{"float16", NumberFormat::float16, half_from_bits, half_bits},
                                         Format16{"bfloat16", NumberFormat::bfloat16, bfloat16_from_bits, bfloat16_bits}),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Float32Rounding, MatchesNumpyOnMidpointsSubnormalsAndOverflow) {
  std::ifstream in(std::string(ALAB_SOURCE_DIR) + "/tests/reference/formats/float32.txt");
  unsigned long long x_bits = 0;
  unsigned int y_bits = 0;
  int count = 0;
  std::string line;
  while (std::getline(in, line)) {
    ASSERT_EQ(std::sscanf(line.c_str(), "%llx %x", &x_bits, &y_bits), 2);
    double x;
    std::memcpy(&x, &x_bits, sizeof x);
    const double got = round_to_format(x, NumberFormat::float32);
    const double expected = float_of(y_bits);
    EXPECT_TRUE(got == expected && std::signbit(got) == std::signbit(expected)) << std::hexfloat << x << " → " << got
                                                                                 << ", numpy " << expected;
    ++count;
  }
  EXPECT_GT(count, 15000);
}

TEST(NumberFormats, TiesGoToEvenAndSpecialValuesSurvive) {
  // 1 + 2^-11 is halfway between 1 and 1 + 2^-10 in float16: ties to even keeps 1; 1 + 3·2^-11 goes up.
  EXPECT_EQ(round_to_format(1 + 0x1p-11, NumberFormat::float16), 1.0);
  EXPECT_EQ(round_to_format(1 + 3 * 0x1p-11, NumberFormat::float16), 1 + 0x1p-9);
  EXPECT_EQ(round_to_format(1 + 0x1p-8, NumberFormat::bfloat16), 1.0);
  EXPECT_EQ(round_to_format(65519.99, NumberFormat::float16), 65504.0);
  EXPECT_TRUE(std::isinf(round_to_format(65520, NumberFormat::float16)));
  EXPECT_EQ(round_to_format(0x1p-25, NumberFormat::float16), 0.0);      // half the smallest subnormal: to even (0)
  EXPECT_EQ(round_to_format(0x1.8p-25, NumberFormat::float16), 0x1p-24);
  EXPECT_TRUE(std::signbit(round_to_format(-1e-30, NumberFormat::float16)));
  EXPECT_TRUE(std::isnan(round_to_format(NAN, NumberFormat::bfloat16)));
  EXPECT_EQ(round_to_format(-INFINITY, NumberFormat::float16), -INFINITY);
  EXPECT_EQ(round_to_format(0.1, NumberFormat::float64), 0.1);
  // Rounding once from the double: through float32 first would round 1 + 2^-8 + 2^-30 to the tie 1 + 2^-8
  // and then to 1; directly it is above the tie and goes up.
  EXPECT_EQ(round_to_format(1 + 0x1p-8 + 0x1p-30, NumberFormat::bfloat16), 1 + 0x1p-7);
}

double sigmoid_params[kMaxParams] = {0, 0};

TEST(FormatMarkers, SigmoidSaturatesWhereEachFormatRoundsItToOne) {
  // σ(x) rounds to 1 once 1 − σ(x) ≈ e^−x is below half the spacing just under 1: 2^-p, so x ≈ p·ln 2.
  const struct { NumberFormat f; double x; } cases[] = {
      {NumberFormat::float16, std::log(2048.0 * 2) /* 2^-12 → 8.32 */},
      {NumberFormat::bfloat16, std::log(512.0)},
      {NumberFormat::float32, std::log(0x1p25)},
  };
  for (const auto& c : cases) {
    const FormatMarkers m = format_markers(Fn::sigmoid, sigmoid_params, c.f, -30, 30);
    EXPECT_NEAR(m.saturates_above, c.x, 2e-3) << to_string(c.f);
    EXPECT_EQ(round_to_format(info(Fn::sigmoid).kernels.value(m.saturates_above, sigmoid_params), c.f), 1.0);
    EXPECT_LT(round_to_format(info(Fn::sigmoid).kernels.value(m.saturates_above - 1e-3, sigmoid_params), c.f), 1.0);
  }
  // float16's derivative underflows to 0 beyond x ≈ 17.3 (σ' < 2^-25); bfloat16's and float32's not within ±30.
  EXPECT_NEAR(format_markers(Fn::sigmoid, sigmoid_params, NumberFormat::float16, -30, 30).derivative_zero_above,
              std::log(0x1p25), 1e-2);
  EXPECT_TRUE(std::isnan(format_markers(Fn::sigmoid, sigmoid_params, NumberFormat::bfloat16, -30, 30).derivative_zero_above));
  // ReLU's derivative is 0 for x < 0 in every format already: not a rounding effect, no marker.
  EXPECT_TRUE(std::isnan(format_markers(Fn::relu, sigmoid_params, NumberFormat::float16, -5, 5).derivative_zero_below));
}

TEST(FormatMarkers, ExpOverflowsAtEachFormatsLogOfMax) {
  EXPECT_NEAR(exp_overflow_threshold(NumberFormat::float16), std::log(65520.0), 1e-9);
  EXPECT_NEAR(exp_overflow_threshold(NumberFormat::bfloat16), std::log(0x1.ffp127), 1e-9);
  EXPECT_NEAR(exp_overflow_threshold(NumberFormat::float32), std::log(0x1.ffffffp127), 1e-9);
  EXPECT_NEAR(exp_overflow_threshold(NumberFormat::float64), 709.782712893384, 1e-9);
}

TEST(FormatMarkers, RejectsBadRanges) {
  EXPECT_NE(check_markers(Fn::sigmoid, sigmoid_params, 1, 1), "");
  EXPECT_NE(check_markers(Fn::sigmoid, sigmoid_params, -1e5, 1), "");
  EXPECT_NE(check_markers(Fn::sigmoid, sigmoid_params, NAN, 1), "");
  EXPECT_EQ(check_markers(Fn::sigmoid, sigmoid_params, -10, 10), "");
}

}  // namespace
}  // namespace alab
