// The scalar kernels of every catalogue row: derivative against a central difference away from kinks,
// PyTorch's autograd conventions at the kinks, parameter validation, id lookup and the heap API's refusals.
// (Accuracy against the mpmath reference is accuracy_test.cpp.)
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "core/activations.hpp"
#include "core/catalogue.hpp"
#include "wasm/heap_api.hpp"

namespace alab {
void PrintTo(const FnInfo& row, std::ostream* os) { *os << row.id; }
}  // namespace alab

namespace {

using alab::FnInfo;
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// The defaults, then each parameter at its min and max (the others at defaults), when valid.
std::vector<std::array<double, alab::kMaxParams>> parameter_sets(const FnInfo& row) {
  std::array<double, alab::kMaxParams> defaults{};
  alab::default_params(row.fn, defaults.data());
  std::vector<std::array<double, alab::kMaxParams>> sets{defaults};
  for (std::size_t i = 0; i < row.param_count(); ++i) {
    for (const double v : {row.params[i].min, row.params[i].max}) {
      auto set = defaults;
      set[i] = v;
      if (alab::check_params(row.fn, set.data()).empty()) sets.push_back(set);
    }
  }
  return sets;
}

class Kernels : public testing::TestWithParam<FnInfo> {};

TEST_P(Kernels, DerivativeMatchesCentralDifferenceAwayFromKinks) {
  const FnInfo& row = GetParam();
  for (const auto& set : parameter_sets(row)) {
    const double* p = set.data();
    int checked = 0, skipped = 0;
    for (int i = 0; i <= 200; ++i) {
      const double x = row.lo + (row.hi - row.lo) * (i + 0.37) / 201;
      const double h = 1e-5 * std::max(1.0, std::fabs(x));
      const double left = (row.kernels.value(x, p) - row.kernels.value(x - h, p)) / h;
      const double right = (row.kernels.value(x + h, p) - row.kernels.value(x, p)) / h;
      if (std::fabs(left - right) > 1e-3 * std::max(1.0, std::fabs(left))) {  // a kink within h
        ++skipped;
        continue;
      }
      const double central = (row.kernels.value(x + h, p) - row.kernels.value(x - h, p)) / (2 * h);
      EXPECT_NEAR(row.kernels.derivative(x, p), central, 1e-6 * std::max(1.0, std::fabs(central)))
          << row.id << " at x = " << x << ", params (" << p[0] << ", " << p[1] << ")";
      ++checked;
    }
    EXPECT_LE(skipped, 4) << row.id << ": too many points look like kinks";
    EXPECT_GE(checked, 190);
  }
}

TEST_P(Kernels, NanInNanOutAndFiniteEverywhereElse) {
  const FnInfo& row = GetParam();
  for (const auto& set : parameter_sets(row)) {
    EXPECT_TRUE(std::isnan(row.kernels.value(kNan, set.data()))) << row.id;
    EXPECT_TRUE(std::isnan(row.kernels.derivative(kNan, set.data()))) << row.id;
    for (const double x : {-1e300, -30.0, -1.0, -0.0, 0.0, 5e-324, 1.0, 30.0, 1e300}) {
      EXPECT_TRUE(std::isfinite(row.kernels.value(x, set.data()))) << row.id << " at " << x;
      EXPECT_TRUE(std::isfinite(row.kernels.derivative(x, set.data()))) << row.id << "' at " << x;
    }
  }
}

// PyTorch's autograd values at kinks: {x, f'(x)} at default parameters.
const std::map<std::string, std::vector<std::pair<double, double>>> kKinkConventions = {
    {"relu", {{0.0, 0.0}, {-0.0, 0.0}}},
    {"leaky_relu", {{0.0, 0.01}}},
    {"elu", {{0.0, 1.0}}},
    {"selu", {{0.0, 1.7580993408473768}}},  // scale·alpha of PyTorch's decimal constants, rounded once
    {"celu", {{0.0, 1.0}}},
    {"hardtanh", {{-1.0, 0.0}, {1.0, 0.0}, {std::nextafter(-1.0, 0.0), 1.0}, {std::nextafter(1.0, 0.0), 1.0}}},
    {"relu6", {{0.0, 0.0}, {6.0, 0.0}, {std::nextafter(6.0, 0.0), 1.0}}},
    {"hardsigmoid", {{-3.0, 0.0}, {3.0, 0.0}, {std::nextafter(-3.0, 0.0), 1.0 / 6}, {std::nextafter(3.0, 0.0), 1.0 / 6}}},
    {"hardswish", {{-3.0, -0.5}, {3.0, 1.5}, {std::nextafter(-3.0, -4.0), 0.0}, {std::nextafter(3.0, 4.0), 1.0}}},
    {"prelu", {{0.0, 0.25}}},
    {"softplus", {{std::nextafter(20.0, 21.0), 1.0}, {1e6, 1.0}}},
    {"rrelu", {{0.0, (0.125 + 1.0 / 3.0) / 2}, {-1.0, (0.125 + 1.0 / 3.0) / 2}}},
    {"softshrink", {{0.5, 0.0}, {-0.5, 0.0}, {std::nextafter(0.5, 1.0), 1.0}, {std::nextafter(-0.5, -1.0), 1.0}}},
    {"hardshrink", {{0.5, 0.0}, {-0.5, 0.0}, {std::nextafter(0.5, 1.0), 1.0}, {std::nextafter(-0.5, -1.0), 1.0}}},
    {"threshold", {{1.0, 0.0}, {std::nextafter(1.0, 2.0), 1.0}}},
};

TEST_P(Kernels, KinksFollowPyTorchAutograd) {
  const FnInfo& row = GetParam();
  double p[alab::kMaxParams];
  alab::default_params(row.fn, p);
  const auto it = kKinkConventions.find(row.id);
  if (row.smoothness == alab::Smoothness::c0 || row.smoothness == alab::Smoothness::discontinuous) {
    ASSERT_NE(it, kKinkConventions.end()) << row.id << " has kinks: add its autograd convention here";
  }
  if (it == kKinkConventions.end()) return;
  for (const auto& [x, slope] : it->second) EXPECT_EQ(row.kernels.derivative(x, p), slope) << row.id << "'(" << x << ")";
}

TEST(Kernels, SoftplusIsLinearAboveItsThresholdAndParameterisedKinksFollowTheParameters) {
  const double sp[] = {2.0, 10.0};
  EXPECT_EQ(alab::act::softplus(5.5, sp), 5.5);      // 2·5.5 = 11 > 10
  EXPECT_EQ(alab::act::softplus_d(5.5, sp), 1.0);
  EXPECT_NE(alab::act::softplus(5.0, sp), 5.0);      // 2·5 = 10 is not above: log1p(e^10)/2
  const double slope[] = {0.2};
  EXPECT_EQ(alab::act::leaky_relu_d(0.0, slope), 0.2);
  EXPECT_EQ(alab::act::leaky_relu(-std::numeric_limits<double>::infinity(), std::array{0.0}.data()), 0.0);
  const double alpha[] = {2.0};
  EXPECT_EQ(alab::act::elu_d(0.0, alpha), 2.0);
  const double clamp[] = {-2.0, 0.5};
  EXPECT_EQ(alab::act::hardtanh_d(-2.0, clamp), 0.0);
  EXPECT_EQ(alab::act::hardtanh_d(0.5, clamp), 0.0);
  EXPECT_EQ(alab::act::hardtanh(7.0, clamp), 0.5);
}

TEST_P(Kernels, ParametersAreValidatedAgainstTheirRanges) {
  const FnInfo& row = GetParam();
  double p[alab::kMaxParams];
  alab::default_params(row.fn, p);
  EXPECT_EQ(alab::check_params(row.fn, p), "");
  for (std::size_t i = 0; i < row.param_count(); ++i) {
    const alab::Param& param = row.params[i];
    EXPECT_LE(param.min, param.def);
    EXPECT_LE(param.def, param.max);
    for (const double bad : {param.min - 1, param.max + 1, kNan, std::numeric_limits<double>::infinity()}) {
      double q[alab::kMaxParams];
      alab::default_params(row.fn, q);
      q[i] = bad;
      const std::string message = alab::check_params(row.fn, q);
      EXPECT_NE(message.find(param.name), std::string::npos) << row.id << "." << param.name << " = " << bad;
    }
  }
}

TEST(Kernels, HardtanhNeedsMinBelowMax) {
  const double equal[] = {0.5, 0.5}, reversed[] = {1.0, -1.0};
  EXPECT_NE(alab::check_params(alab::Fn::hardtanh, equal), "");
  EXPECT_NE(alab::check_params(alab::Fn::hardtanh, reversed), "");
}

TEST_P(Kernels, IdsRoundTripThroughFindFn) {
  const FnInfo& row = GetParam();
  const auto fn = alab::find_fn(row.id);
  ASSERT_TRUE(fn.has_value());
  EXPECT_EQ(*fn, row.fn);
  EXPECT_STREQ(alab::info(*fn).id, row.id);
}

TEST(Kernels, UnknownIdsAreNotFound) {
  for (const char* id : {"", "RELU", "relu ", "gelu_tanh2", "softmax", "Sigmoid"}) EXPECT_FALSE(alab::find_fn(id)) << id;
}

TEST(Kernels, HeapApiRefusesUnknownFunctionsAndBadParameters) {
  using alab::wasm::Address;
  const auto addr = [](const void* p) { return reinterpret_cast<Address>(p); };
  double xs[] = {1, 2}, out[] = {42, 42}, params[alab::kMaxParams] = {};
  float xs32[] = {1, 2}, out32[] = {42, 42};
  for (const int index : {-1, static_cast<int>(alab::kFnCount), 1000}) {
    EXPECT_FALSE(alab::wasm::apply_f64(index, false, addr(xs), addr(out), 2, addr(params)));
    EXPECT_FALSE(alab::wasm::apply_f32(index, true, addr(xs32), addr(out32), 2, addr(params)));
    EXPECT_NE(alab::wasm::check(index, addr(params)), "");
  }
  const int leaky = static_cast<int>(alab::Fn::leaky_relu);
  double bad[alab::kMaxParams] = {5.0, 0};
  EXPECT_FALSE(alab::wasm::apply_f64(leaky, false, addr(xs), addr(out), 2, addr(bad)));
  EXPECT_FALSE(alab::wasm::apply_f64(leaky, false, addr(xs), addr(out), 2, 0));
  EXPECT_FALSE(alab::wasm::apply_f64(leaky, false, 0, addr(out), 2, addr(params)));
  EXPECT_EQ(out[0], 42);  // nothing written on refusal
  EXPECT_EQ(out32[0], 42);
  EXPECT_TRUE(alab::wasm::apply_f64(leaky, false, addr(xs), addr(out), 2, addr(params)));
  EXPECT_EQ(out[1], 2);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, Kernels, testing::ValuesIn(alab::catalogue().begin(), alab::catalogue().end()),
                         [](const testing::TestParamInfo<FnInfo>& info) { return std::string(info.param.id); });

}  // namespace
