// The batch paths of every catalogue row (the vectorised kernels of fast_f32.cpp and fast_f64.cpp where a
// row has them). float32: against the row's own scalar float64 kernel rounded to float32, over a sweep of
// float32 bit patterns (every sign, exponent and a spread of mantissas). float64: against the scalar
// kernel's special values exactly, and each vectorised one (sigmoid, tanh, elu, selu, celu, gelu, gelu_tanh,
// silu, softplus, tanhshrink) against the x87 long double libm (an independent reference 11 bits wider) over
// a million points. Both: every array length's tail.
// The mpmath reference checks the scalar kernels and both batch paths at its points (accuracy_test.cpp).
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string_view>
#include <vector>

#include "core/catalogue.hpp"

namespace alab {
void PrintTo(const FnInfo& row, std::ostream* os) { *os << row.id; }
}  // namespace alab

namespace {

using alab::FnInfo;

// Error of `got` in float32 ulps of `want` (a float32), as accuracy_test.cpp measures it, except that a
// result in the subnormal range must be within two subnormal steps (the catalogue bar only asks for
// FLT_MIN there; the fast kernels round such results once). −1 breaks the NaN/infinity rules.
double ulp_error(float got, float want) {
  if (std::isnan(want)) return std::isnan(got) ? 0 : -1;
  if (std::isinf(want) || std::isnan(got) || std::isinf(got)) return got == want ? 0 : -1;
  if (std::fabs(want) < FLT_MIN) return std::fabs(double{got} - want) <= 2 * double{FLT_TRUE_MIN} ? 0 : -1;
  const double ulp = std::ldexp(1.0, std::ilogb(want) - 23);
  return std::fabs(double{got} - want) / ulp;
}

float from_bits(std::uint32_t b) {
  float f;
  std::memcpy(&f, &b, sizeof f);
  return f;
}

std::vector<float> special_values() {
  return {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, FLT_MIN, -FLT_MIN, FLT_TRUE_MIN, -FLT_TRUE_MIN,
          FLT_MAX, -FLT_MAX, 1.0f, -1.0f, 1e-30f, -1e-30f, 14.5f, -14.5f, 104.0f, -104.0f, 200.0f, -200.0f};
}

class FastF32 : public testing::TestWithParam<FnInfo> {
 protected:
  void SetUp() override { alab::default_params(GetParam().fn, params_); }

  float reference(float x) const { return static_cast<float>(GetParam().kernels.value(x, params_)); }

  // Runs the batch kernel over xs and checks each result; returns the worst error seen.
  double check(const std::vector<float>& xs) const {
    std::vector<float> out(xs.size());
    GetParam().kernels.value_f32(xs.data(), out.data(), xs.size(), params_);
    double worst = 0;
    int reported = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const float want = reference(xs[i]);
      const double err = ulp_error(out[i], want);
      if ((err < 0 || err > 2) && reported++ < 5)
        ADD_FAILURE() << GetParam().id << "(" << xs[i] << ") = " << out[i] << ", want " << want << " (" << err
                      << " ulp)";
      worst = std::max(worst, err);
    }
    return worst;
  }

  double params_[alab::kMaxParams]{};
};

// Every 65,537th bit pattern (65,536 values spread over all exponents and both signs), plus the
// special values.
TEST_P(FastF32, WithinTwoUlpOfTheFloat64KernelOverABitPatternSweep) {
  std::vector<float> xs = special_values();
  for (std::uint64_t b = 12345; b < (std::uint64_t{1} << 32); b += 65537) xs.push_back(from_bits(static_cast<std::uint32_t>(b)));
  const double worst = check(xs);
  RecordProperty("max_ulp", std::to_string(worst));
}

// Dense over the row's chart range, where students look (and where the fits live).
TEST_P(FastF32, WithinTwoUlpOfTheFloat64KernelOverTheChartRange) {
  const FnInfo& row = GetParam();
  std::vector<float> xs;
  const double lo = std::min(row.lo, -20.0), hi = std::max(row.hi, 20.0);
  for (int i = 0; i <= 100000; ++i) xs.push_back(static_cast<float>(lo + (hi - lo) * i / 100000));
  check(xs);
}

TEST_P(FastF32, SpecialValuesKeepNanSignsAndLimits) {
  const std::vector<float> xs = special_values();
  std::vector<float> out(xs.size());
  GetParam().kernels.value_f32(xs.data(), out.data(), xs.size(), params_);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const float want = reference(xs[i]);
    if (std::isnan(want)) {
      EXPECT_TRUE(std::isnan(out[i])) << GetParam().id << "(" << xs[i] << ")";
    } else if (want == 0 || std::isinf(want)) {
      EXPECT_EQ(out[i], want) << GetParam().id << "(" << xs[i] << ")";
      EXPECT_EQ(std::signbit(out[i]), std::signbit(want)) << GetParam().id << "(" << xs[i] << ") sign";
    }
  }
}

// The vector loops handle every tail (the widest step is 8 vectors, 32 floats, then single vectors, then
// part of one): every length up to past two steps gives what the long call gives.
TEST_P(FastF32, EveryArrayLengthMatchesTheLongCall) {
  std::vector<float> xs;
  for (int i = 0; i < 75; ++i) xs.push_back(-6.0f + 0.17f * static_cast<float>(i));
  std::vector<float> full(xs.size());
  GetParam().kernels.value_f32(xs.data(), full.data(), xs.size(), params_);
  for (std::size_t n = 0; n <= xs.size(); ++n) {
    std::vector<float> out(n + 1, 42.0f);  // one guard element past the end
    GetParam().kernels.value_f32(xs.data(), out.data(), n, params_);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(std::memcmp(&out[i], &full[i], sizeof(float)), 0) << "n=" << n;
    EXPECT_EQ(out[n], 42.0f) << GetParam().id << " wrote past n=" << n;
  }
}

class FastF64 : public testing::TestWithParam<FnInfo> {
 protected:
  void SetUp() override { alab::default_params(GetParam().fn, params_); }
  double params_[alab::kMaxParams]{};
};

// NaN, infinities, zeros (with their sign), extremes and subnormals give exactly what the scalar kernel
// gives (a batch kernel's special-case handling is where vector code usually slips).
TEST_P(FastF64, SpecialValuesMatchTheScalarKernel) {
  const std::vector<double> xs = {0.0,     -0.0,     INFINITY, -INFINITY, NAN,   DBL_MIN, -DBL_MIN, 4.9e-324,
                                  -4.9e-324, DBL_MAX, -DBL_MAX, 1e-300,   -1e-300, 700,   -700,     745,
                                  -745,    1e300,    -1e300,   20,        -20,   40,      -40};
  std::vector<double> out(xs.size());
  GetParam().kernels.value_f64(xs.data(), out.data(), xs.size(), params_);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double want = GetParam().kernels.value(xs[i], params_);
    if (std::isnan(want)) {
      EXPECT_TRUE(std::isnan(out[i])) << GetParam().id << "(" << xs[i] << ")";
    } else if (want == 0 || std::isinf(want) || std::fabs(want) == 1) {
      EXPECT_EQ(out[i], want) << GetParam().id << "(" << xs[i] << ")";
      EXPECT_EQ(std::signbit(out[i]), std::signbit(want)) << GetParam().id << "(" << xs[i] << ") sign";
    } else {
      // Near each other (both paths meet the 4 ulp bar); in the subnormal range the bar is 2^-1022.
      const double tolerance = std::fabs(want) < DBL_MIN ? DBL_MIN : 8 * std::fabs(want) * DBL_EPSILON;
      EXPECT_NEAR(out[i], want, tolerance) << GetParam().id << "(" << xs[i] << ")";
    }
  }
}

TEST_P(FastF64, EveryArrayLengthMatchesTheLongCall) {
  std::vector<double> xs;
  for (int i = 0; i < 11; ++i) xs.push_back(-6.0 + 1.1 * i);
  std::vector<double> full(xs.size());
  GetParam().kernels.value_f64(xs.data(), full.data(), xs.size(), params_);
  for (std::size_t n = 0; n <= xs.size(); ++n) {
    std::vector<double> out(n + 1, 42.0);  // one guard element past the end
    GetParam().kernels.value_f64(xs.data(), out.data(), n, params_);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(std::memcmp(&out[i], &full[i], sizeof(double)), 0) << "n=" << n;
    EXPECT_EQ(out[n], 42.0) << GetParam().id << " wrote past n=" << n;
  }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, FastF64, testing::ValuesIn(alab::catalogue().begin(), alab::catalogue().end()),
                         [](const auto& info) { return std::string(info.param.id); });

// x87 long double libm (tanhl, expm1l, expl, log1pl, erfcl: 11 bits more than double) as the reference for the
// vectorised float64 kernels, against the catalogue's bar.
class FastF64LongDouble : public testing::TestWithParam<std::string_view> {};

TEST_P(FastF64LongDouble, WithinFourUlp) {
  if (LDBL_MANT_DIG < 64) GTEST_SKIP() << "long double is not wider than double on this target";
  const std::string_view id = GetParam();
  const FnInfo& row = alab::info(*alab::find_fn(id));
  double params_[alab::kMaxParams];
  alab::default_params(row.fn, params_);
  std::mt19937_64 rng(20261127);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> xs;
  for (int i = 0; i < 1'000'000; ++i) {
    const double u = unit(rng);
    // Half over the chart-and-beyond range, half log-uniform in magnitude (down to subnormals).
    xs.push_back(i % 2 ? -40 + 80 * u : std::copysign(std::exp(7 - 745 * u), unit(rng) - 0.5));
  }
  std::vector<double> out(xs.size());
  row.kernels.value_f64(xs.data(), out.data(), xs.size(), params_);
  double worst = 0;
  int reported = 0;
  constexpr long double kSqrt2OverPi = 0.79788456080286535587989211986876L;
  constexpr long double kSeluScale = 1.0507009873554804934193349852946L;
  constexpr long double kSeluAlpha = 1.6732632423543772848170429916717L;
  // x − tanh x without cancellation for |x| < 1/2: (x·cosh x − sinh x)/cosh x, whose numerator is
  // Σ 2k·x^(2k+1)/(2k+1)!, all terms of one sign (14 of them leave less than 2^-100 of the sum).
  const auto tanhshrink_ref = [](long double x) {
    if (fabsl(x) >= 0.5L) return x - tanhl(x);
    long double term = x, sum = 0;  // term = x^(2k+1)/(2k+1)!
    for (int k = 1; k <= 14; ++k) {
      term *= x * x / ((2 * k) * (2 * k + 1));
      sum += 2 * k * term;
    }
    return sum / coshl(x);
  };
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const long double x = xs[i];
    const long double two_u = 2 * kSqrt2OverPi * (x + 0.044715L * x * x * x);
    const long double want = id == "tanh"      ? tanhl(x)
                             : id == "selu"    ? kSeluScale * (x > 0 ? x : kSeluAlpha * expm1l(x))
                             : id == "celu"    ? (x > 0 ? x : params_[0] * expm1l(x / params_[0]))
                             : id == "gelu_tanh" ? (fabsl(x) > 40 ? (x > 0 ? x : -0.0L) : x / (1.0L + expl(-two_u)))
                             : id == "tanhshrink" ? tanhshrink_ref(x)
                             : id == "elu"     ? (x > 0 ? x : params_[0] * expm1l(x))
                             : id == "sigmoid" ? 1.0L / (1.0L + expl(-x))
                             : id == "silu"    ? x / (1.0L + expl(-x))
                             : id == "softplus"
                                 ? (xs[i] * params_[0] > params_[1] ? x : log1pl(expl(x * params_[0])) / params_[0])
                                               : x * 0.5L * erfcl(-x / sqrtl(2.0L));
    const double rounded = static_cast<double>(want);
    // The catalogue bar: 4 ulp for |x| ≤ 30, 1e-12 relative beyond (counted here as 4·rel/1e-12 "ulp"),
    // within 2^-1022 for results in the subnormal range.
    const double err = std::fabs(rounded) < DBL_MIN ? (fabsl(out[i] - want) <= DBL_MIN ? 0.0 : 1e9)
                       : std::fabs(xs[i]) > 30
                           ? static_cast<double>(4 * fabsl((out[i] - want) / want) / 1e-12L)
                           : static_cast<double>(fabsl(out[i] - want) / std::ldexp(1.0L, std::ilogb(rounded) - 52));
    if (err > 4 && reported++ < 5)
      ADD_FAILURE() << id << "(" << xs[i] << ") = " << out[i] << ", want " << static_cast<double>(want) << " (" << err
                    << " ulp)";
    worst = std::max(worst, err);
  }
  RecordProperty("max_ulp", std::to_string(worst));
}

INSTANTIATE_TEST_SUITE_P(Vectorised, FastF64LongDouble, testing::Values("sigmoid", "tanh", "elu", "selu", "celu", "gelu", "gelu_tanh",
                                                                  "silu", "softplus", "tanhshrink"),
                         [](const auto& info) { return std::string(info.param); });

INSTANTIATE_TEST_SUITE_P(Catalogue, FastF32, testing::ValuesIn(alab::catalogue().begin(), alab::catalogue().end()),
                         [](const auto& info) { return std::string(info.param.id); });

}  // namespace
