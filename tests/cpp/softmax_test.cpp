// softmax(in, out, temperature) against the mpmath vectors in tests/reference/vectors/softmax.txt, plus
// its validation and the heap entry point the module calls.
#include "core/softmax.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "wasm/heap_api.hpp"

namespace {

struct Case {
  double temperature = 1;
  std::vector<double> xs, expected;
};

std::vector<double> numbers(std::istringstream& fields) {
  std::vector<double> out;
  for (std::string v; fields >> v;) out.push_back(std::strtod(v.c_str(), nullptr));
  return out;
}

std::vector<Case> load_cases() {
  std::ifstream in(std::string(ALAB_SOURCE_DIR) + "/tests/reference/vectors/softmax.txt");
  std::vector<Case> cases;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    if (kind == "case") {
      cases.emplace_back();
      std::string t;
      fields >> t;
      cases.back().temperature = std::strtod(t.c_str(), nullptr);
    } else if (kind == "x") {
      cases.back().xs = numbers(fields);
    } else if (kind == "p") {
      cases.back().expected = numbers(fields);
    }
  }
  return cases;
}

// Error in ulps of `want` (subnormal results: within DBL_MIN counts as 0; -1 breaks a NaN rule).
double ulp_error(double got, double want) {
  if (std::isnan(want)) return std::isnan(got) ? 0 : -1;
  if (std::isnan(got)) return -1;
  if (std::fabs(want) < DBL_MIN) return std::fabs(got - want) <= DBL_MIN ? 0 : -1;
  return std::fabs(got - want) / std::ldexp(1.0, std::ilogb(want) - 52);
}

TEST(Softmax, MatchesTheMpmathReferenceWithin4Ulp) {
  const std::vector<Case> cases = load_cases();
  ASSERT_GT(cases.size(), 200u) << "tests/reference/vectors/softmax.txt missing or short";
  double worst = 0;
  for (const Case& c : cases) {
    ASSERT_EQ(c.xs.size(), c.expected.size());
    std::vector<double> out(c.xs.size());
    ASSERT_TRUE(alab::softmax(c.xs, out, c.temperature));
    for (std::size_t i = 0; i < out.size(); ++i) {
      const double ulps = ulp_error(out[i], c.expected[i]);
      EXPECT_TRUE(ulps >= 0 && ulps <= 4) << "T = " << c.temperature << ", n = " << c.xs.size() << ", element " << i
                                          << " (x = " << c.xs[i] << "): got " << out[i] << ", want " << c.expected[i];
      worst = std::max(worst, ulps);
    }
  }
  std::printf("[max error] softmax %.2f ulp over %zu cases\n", worst, cases.size());
}

TEST(Softmax, WorksInPlaceAndSumsToOne) {
  std::vector<double> v{1000, 1001, 1002, -3};
  ASSERT_TRUE(alab::softmax(v, v, 0.7));
  double sum = 0;
  for (const double p : v) sum += p;
  EXPECT_NEAR(sum, 1.0, 4 * DBL_EPSILON);
  EXPECT_GT(v[2], v[1]);
  EXPECT_GT(v[1], v[0]);
}

TEST(Softmax, HigherTemperatureFlattensTheDistribution) {
  const std::vector<double> xs{0, 1, 2};
  std::vector<double> cold(3), hot(3);
  ASSERT_TRUE(alab::softmax(xs, cold, 0.5));
  ASSERT_TRUE(alab::softmax(xs, hot, 5));
  EXPECT_GT(cold[2], hot[2]);
  EXPECT_LT(cold[0], hot[0]);
}

TEST(Softmax, RejectsBadTemperaturesAndSizesWithoutWriting) {
  const std::vector<double> xs{1, 2};
  for (const double t : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    std::vector<double> out{42, 42};
    EXPECT_FALSE(alab::softmax(xs, out, t)) << t;
    EXPECT_EQ(out, (std::vector<double>{42, 42}));
    EXPECT_NE(alab::check_softmax(2, 2, t).find("temperature"), std::string::npos);
  }
  std::vector<double> short_out(1);
  EXPECT_FALSE(alab::softmax(xs, short_out, 1));
  EXPECT_EQ(alab::check_softmax(2, 2, 1), "");
  std::vector<double> none;
  EXPECT_TRUE(alab::softmax(none, none, 1));
}

TEST(Softmax, HeapEntryPointValidatesAddresses) {
  std::vector<double> xs{0, 0}, out(2);
  const auto addr = [](const void* p) { return reinterpret_cast<alab::wasm::Address>(p); };
  EXPECT_TRUE(alab::wasm::softmax(addr(xs.data()), addr(out.data()), 2, 1));
  EXPECT_DOUBLE_EQ(out[0], 0.5);
  EXPECT_FALSE(alab::wasm::softmax(0, addr(out.data()), 2, 1));
  EXPECT_FALSE(alab::wasm::softmax(addr(xs.data()), 0, 2, 1));
  EXPECT_FALSE(alab::wasm::softmax(addr(xs.data()), addr(out.data()), 2, -1));
  EXPECT_TRUE(alab::wasm::softmax(0, 0, 0, 1));
  EXPECT_NE(alab::wasm::softmax_check(2, 0), "");
  EXPECT_EQ(alab::wasm::softmax_check(2, 1), "");
}

}  // namespace
