// The computed properties (expression_properties.hpp). The strongest check: every catalogue row, typed as the
// formula `<id>(x)`, gets back the properties the row states by hand — output range (read from its TeX),
// monotonic, zero-centred, smoothness, saturation, ≈ identity near 0 — and itself as the closest row, with
// the exceptions listed below, each with its reason. Then hand-written formulas: the examples, jumps,
// kinks, bends and cusps at known places, poles, gaps, limits, and the parameters' effect.
#include "core/expression_properties.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <numbers>
#include <optional>
#include <utility>
#include <ostream>
#include <string>
#include <vector>

#include "core/activations.hpp"
#include "core/catalogue.hpp"
#include "core/expression.hpp"

namespace alab {
void PrintTo(const FnInfo& row, std::ostream* os) { *os << row.id; }
}  // namespace alab

namespace {

using alab::FnInfo;
using alab::Saturation;
using alab::Smoothness;
using alab::expr::analyse;
using alab::expr::Properties;

constexpr double kInf = std::numeric_limits<double>::infinity();

// The properties of `text` with its parameters (in the order they first appear) at `params`.
Properties properties(const std::string& text, std::vector<double> params = {}) {
  auto compiled = alab::expr::compile(text);
  auto* program = std::get_if<std::shared_ptr<alab::expr::Program>>(&compiled);
  if (!program) {
    ADD_FAILURE() << text << " does not compile";
    return {};
  }
  params.resize(alab::expr::kMaxParams, 1.0);
  return analyse(**program, params.data());
}

void expect_points(const std::vector<double>& got, const std::vector<double>& want, const char* what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-9) << what << " " << i;
}

// A row's output range as its TeX writes it: an interval of numbers, ±∞, ≈ numbers and the row's own symbols.
struct Bounds {
  double lo, hi;
  bool lo_closed, hi_closed;
  double tolerance;
};

double param_of(const FnInfo& row, const std::string& name) {
  for (std::size_t i = 0; i < row.param_count(); ++i)
    if (name == row.params[i].name) return row.params[i].def;
  ADD_FAILURE() << row.id << " has no parameter " << name;
  return NAN;
}

// One bound of an interval; sets `approximate` for a value written with \approx.
double read_bound(const FnInfo& row, std::string text, bool& approximate) {
  std::erase(text, ' ');
  if (text == "{-\\infty}" || text == "-\\infty") return -kInf;
  if (text == "\\infty") return kInf;
  if (text.rfind("\\approx", 0) == 0) {
    approximate = true;
    return std::strtod(text.c_str() + 7, nullptr);
  }
  if (text == "-\\alpha") return -param_of(row, "alpha");
  if (text == "-\\lambda\\alpha") return -alab::act::kSeluScale * alab::act::kSeluAlpha;
  if (text.rfind("\\text{", 0) == 0) {
    std::string name = text.substr(6, text.size() - 7);
    std::erase(name, '\\');
    return param_of(row, name);
  }
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (*end) ADD_FAILURE() << row.id << ": cannot read the bound " << text;
  return v;
}

// nullopt for a range that is not one interval (a union).
std::optional<Bounds> read_range(const FnInfo& row) {
  const std::string tex = row.output_range;
  if (tex.find("\\cup") != std::string::npos) return std::nullopt;
  // The comma between the bounds is the one outside braces.
  int depth = 0;
  std::size_t comma = std::string::npos;
  for (std::size_t i = 1; i + 1 < tex.size(); ++i) {
    if (tex[i] == '{') ++depth;
    if (tex[i] == '}') --depth;
    if (tex[i] == ',' && depth == 0) comma = i;
  }
  if (comma == std::string::npos) {
    ADD_FAILURE() << row.id << ": cannot read the range " << tex;
    return std::nullopt;
  }
  bool approximate = false;
  Bounds b{};
  b.lo = read_bound(row, tex.substr(1, comma - 1), approximate);
  b.hi = read_bound(row, tex.substr(comma + 1, tex.size() - comma - 2), approximate);
  b.lo_closed = tex.front() == '[';
  b.hi_closed = tex.back() == ']';
  b.tolerance = approximate ? 5e-4 : 1e-9;
  return b;
}

// Where the analysis and a row's own words part, and why. Each entry replaces what the row says.
struct Exception {
  std::optional<Bounds> range;  // the interval the analysis gives instead
  const char* closest = nullptr;
  const char* reason;
};

const std::map<std::string, Exception>& exceptions() {
  static const std::map<std::string, Exception> list = {
      {"hardshrink", {.range = Bounds{-kInf, kInf, false, false, 0},
                      .reason = "its range {0} ∪ {|y| > λ} is a union; the analysis reports inf and sup (−∞, ∞)"}},
      {"threshold", {.range = Bounds{0, kInf, true, false, 0},
                     .reason = "its range {v} ∪ (θ, ∞) is a union; at v = 0 < θ = 1 inf and sup give [0, ∞)"}},
      {"celu", {.closest = "elu", .reason = "celu at alpha = 1 is elu at alpha = 1, everywhere; the first row wins"}},
  };
  return list;
}

// Where each row jumps, kinks (f′ jumps) and bends (f″ jumps), at its defaults; rows not listed have none.
struct Places {
  std::vector<double> jumps, kinks, bends;
};

const std::map<std::string, Places>& places() {
  static const std::map<std::string, Places> list = {
      {"relu", {.kinks = {0}}},           {"leaky_relu", {.kinks = {0}}},       {"selu", {.kinks = {0}}},
      {"prelu", {.kinks = {0}}},          {"rrelu", {.kinks = {0}}},            {"hardtanh", {.kinks = {-1, 1}}},
      {"relu6", {.kinks = {0, 6}}},       {"hardsigmoid", {.kinks = {-3, 3}}}, {"hardswish", {.kinks = {-3, 3}}},
      {"softshrink", {.kinks = {-0.5, 0.5}}}, {"elu", {.bends = {0}}},      {"celu", {.bends = {0}}},
      {"softsign", {.bends = {0}}},       {"hardshrink", {.jumps = {-0.5, 0.5}}}, {"threshold", {.jumps = {1}}},
  };
  return list;
}

std::string row_name(const testing::TestParamInfo<FnInfo>& info) { return info.param.id; }

class CatalogueRowAnalysed : public testing::TestWithParam<FnInfo> {};

TEST_P(CatalogueRowAnalysed, AgreesWithTheRowsOwnProperties) {
  const FnInfo& row = GetParam();
  const Properties p = properties(std::string(row.id) + "(x)");
  const auto exception = exceptions().find(row.id);
  const Exception* ex = exception == exceptions().end() ? nullptr : &exception->second;

  EXPECT_EQ(p.monotonic, row.monotonic);
  EXPECT_EQ(p.zero_centred, row.zero_centred);
  EXPECT_STREQ(alab::to_string(p.smoothness), alab::to_string(row.smoothness));
  EXPECT_STREQ(alab::to_string(p.saturation), alab::to_string(row.saturation));
  EXPECT_EQ(p.identity_near_zero, row.identity_near_zero);

  const std::optional<Bounds> range = ex && ex->range ? ex->range : read_range(row);
  ASSERT_TRUE(range.has_value()) << row.id << ": a union range needs an exception";
  auto expect_bound = [&](double got, double want, bool attained, bool closed, const char* side) {
    if (std::isinf(want)) EXPECT_EQ(got, want) << side;
    else EXPECT_NEAR(got, want, range->tolerance) << side;
    EXPECT_EQ(attained, closed) << side << " attained";
  };
  expect_bound(p.lo, range->lo, p.lo_attained, range->lo_closed, "lo");
  expect_bound(p.hi, range->hi, p.hi_attained, range->hi_closed, "hi");

  ASSERT_TRUE(p.closest.has_value());
  EXPECT_STREQ(alab::info(*p.closest).id, ex && ex->closest ? ex->closest : row.id);
  EXPECT_LE(p.closest_distance, 1e-15);
  EXPECT_TRUE(p.undefined_where.empty());

  const auto at = places().find(row.id);
  const Places want = at == places().end() ? Places{} : at->second;
  expect_points(p.jumps, want.jumps, "jumps");
  expect_points(p.kinks, want.kinks, "kinks");
  expect_points(p.bends, want.bends, "bends");
}

INSTANTIATE_TEST_SUITE_P(All, CatalogueRowAnalysed,
                         testing::ValuesIn(alab::catalogue().begin(), alab::catalogue().end()), row_name);

TEST(ExpressionProperties, EveryExceptionNamesARowAndSaysWhy) {
  for (const auto& [id, ex] : exceptions()) {
    EXPECT_TRUE(alab::find_fn(id).has_value()) << id;
    EXPECT_GT(std::string(ex.reason).size(), 20u) << id;
  }
}

TEST(ExpressionProperties, ClosestRowByShape) {
  const Properties silu = properties("x*sigmoid(x)");
  ASSERT_TRUE(silu.closest);
  EXPECT_STREQ(alab::info(*silu.closest).id, "silu");
  EXPECT_LT(silu.closest_distance, 1e-12);

  const Properties relu = properties("max(0,x)");
  ASSERT_TRUE(relu.closest);
  EXPECT_STREQ(alab::info(*relu.closest).id, "relu");
  EXPECT_EQ(relu.closest_distance, 0);

  const Properties mish = properties("x*tanh(softplus(x))");
  ASSERT_TRUE(mish.closest);
  EXPECT_STREQ(alab::info(*mish.closest).id, "mish");
  EXPECT_LT(mish.closest_distance, 1e-12);

  // relu6 is relu up to 6: the whole grid tells them apart.
  const Properties relu6 = properties("min(max(0, x), 6)");
  ASSERT_TRUE(relu6.closest);
  EXPECT_STREQ(alab::info(*relu6.closest).id, "relu6");

  // Not the same curve: the nearest one, at a distance.
  const Properties swish2 = properties("x*sigmoid(2*x)");
  ASSERT_TRUE(swish2.closest);
  EXPECT_GT(swish2.closest_distance, 1e-3);
}

TEST(ExpressionProperties, SqrtIsUndefinedBelowZero) {
  const Properties p = properties("sqrt(x)");
  ASSERT_EQ(p.undefined_where.size(), 1u);
  EXPECT_EQ(p.undefined_where[0].lo, -kInf);
  EXPECT_EQ(p.undefined_where[0].hi, 0);
  EXPECT_EQ(p.lo, 0);
  EXPECT_TRUE(p.lo_attained);
  EXPECT_EQ(p.hi, kInf);
  EXPECT_TRUE(p.monotonic);
  EXPECT_EQ(p.smoothness, Smoothness::c_inf);  // on its domain: the edge of the domain is no kink
  EXPECT_EQ(p.saturation, Saturation::positive);
  EXPECT_FALSE(p.zero_centred);
  EXPECT_TRUE(std::isnan(p.limit_negative));
  EXPECT_EQ(p.limit_positive, kInf);
}

TEST(ExpressionProperties, PolesAndGaps) {
  // A pole on a grid sample and one between samples: undefined there, unbounded both ways, smooth elsewhere.
  for (const auto& [text, at] : {std::pair{"1/x", 0.0}, std::pair{"1/(x - 0.3)", 0.3}}) {
    const Properties p = properties(text);
    ASSERT_EQ(p.undefined_where.size(), 1u) << text;
    EXPECT_NEAR(p.undefined_where[0].lo, at, 1e-9) << text;
    EXPECT_NEAR(p.undefined_where[0].hi, at, 1e-9) << text;
    EXPECT_EQ(p.lo, -kInf) << text;
    EXPECT_EQ(p.hi, kInf) << text;
    EXPECT_FALSE(p.monotonic) << text;
    EXPECT_FALSE(p.zero_centred) << text;  // E f(z) does not exist
    EXPECT_EQ(p.smoothness, Smoothness::c_inf) << text;
    EXPECT_EQ(p.limit_negative, 0) << text;
    EXPECT_EQ(p.limit_positive, 0) << text;
  }
  // log(x) → −∞ at its domain's edge.
  const Properties log = properties("log(x)");
  EXPECT_EQ(log.lo, -kInf);
  EXPECT_EQ(log.hi, kInf);
  ASSERT_EQ(log.undefined_where.size(), 1u);
  EXPECT_EQ(log.undefined_where[0].hi, 0);
  EXPECT_FALSE(log.closest.has_value());  // undefined on half of [−5, 5]
  // Overflow is not a gap: exp(x) is +∞ beyond 709.78, which is its limit.
  const Properties exp = properties("exp(x)");
  EXPECT_TRUE(exp.undefined_where.empty());
  EXPECT_EQ(exp.lo, 0);
  EXPECT_FALSE(exp.lo_attained);
  EXPECT_EQ(exp.limit_positive, kInf);
  // Nothing finite at all.
  const Properties none = properties("sqrt(-1 - x^2)");
  ASSERT_EQ(none.undefined_where.size(), 1u);
  EXPECT_EQ(none.undefined_where[0].lo, -kInf);
  EXPECT_EQ(none.undefined_where[0].hi, kInf);
  EXPECT_TRUE(std::isnan(none.lo));
  EXPECT_FALSE(none.closest.has_value());
}

TEST(ExpressionProperties, JumpsKinksBendsAndCusps) {
  const Properties sign = properties("x > 0 ? 1 : -1");
  EXPECT_EQ(sign.smoothness, Smoothness::discontinuous);
  expect_points(sign.jumps, {0}, "sign jumps");
  EXPECT_TRUE(sign.lo_attained && sign.hi_attained);

  const Properties bumps = properties("abs(sin(x))");
  EXPECT_EQ(bumps.smoothness, Smoothness::c0);
  ASSERT_EQ(bumps.kinks.size(), 31u);  // kπ for |k| ≤ 15 in [−50, 50]
  for (std::size_t i = 0; i < bumps.kinks.size(); ++i)
    EXPECT_NEAR(bumps.kinks[i], (static_cast<double>(i) - 15) * std::numbers::pi, 1e-9);
  EXPECT_EQ(bumps.hi, 1);
  EXPECT_TRUE(std::isnan(bumps.limit_positive));  // it oscillates

  // A kink between grid samples, and one where the two slopes differ by little.
  expect_points(properties("max(0, x - 0.3)").kinks, {0.3}, "shifted relu");
  expect_points(properties("max(x, 1.001*x)").kinks, {0}, "slopes 1 and 1.001");
  // max(a·x, x) with a = 1 is x: no kink.
  EXPECT_EQ(properties("max(a*x, x)", {1}).smoothness, Smoothness::c_inf);
  EXPECT_EQ(properties("max(a*x, x)", {0.01}).smoothness, Smoothness::c0);

  // A cusp: f′ → ±∞ at 0.
  const Properties cusp = properties("sqrt(abs(x))");
  EXPECT_EQ(cusp.smoothness, Smoothness::c0);
  expect_points(cusp.kinks, {0}, "cusp");

  // ELU written out, and softsign: f′ continuous, f″ jumps at 0.
  for (const char* text : {"x > 0 ? x : expm1(x)", "x/(1+abs(x))"}) {
    const Properties p = properties(text);
    EXPECT_EQ(p.smoothness, Smoothness::c1) << text;
    expect_points(p.bends, {0}, text);
    EXPECT_TRUE(p.identity_near_zero) << text;
  }
  // A bend away from 0, between grid samples.
  expect_points(properties("x > 0.3 ? (x - 0.3)^2 : 0").bends, {0.3}, "shifted square");

  // A value the derivative takes at one point only is no kink: x == 0 ? 0 : x is x.
  EXPECT_EQ(properties("x == 0 ? 0 : x").smoothness, Smoothness::c_inf);
  // Steep but smooth: no jump.
  EXPECT_EQ(properties("tanh(1000*x)").smoothness, Smoothness::c_inf);
}

TEST(ExpressionProperties, LimitsAndAttainedBounds) {
  const Properties t = properties("tanh(x)");
  EXPECT_EQ(t.limit_negative, -1);
  EXPECT_EQ(t.limit_positive, 1);
  EXPECT_FALSE(t.lo_attained || t.hi_attained);
  // Reached on a plateau.
  const Properties clip = properties("min(max(x, -2), 3)");
  EXPECT_EQ(clip.lo, -2);
  EXPECT_EQ(clip.hi, 3);
  EXPECT_TRUE(clip.lo_attained && clip.hi_attained);
  expect_points(clip.kinks, {-2, 3}, "clip");
  // Reached at an interior maximum above both limits.
  const Properties bump = properties("exp(-x^2)");
  EXPECT_EQ(bump.hi, 1);
  EXPECT_TRUE(bump.hi_attained);
  EXPECT_EQ(bump.lo, 0);
  EXPECT_FALSE(bump.lo_attained);
  EXPECT_FALSE(bump.monotonic);
  EXPECT_EQ(bump.saturation, Saturation::both);
  // Diverging without being monotonic far out.
  const Properties wobble = properties("x + sin(x)");
  EXPECT_EQ(wobble.limit_negative, -kInf);
  EXPECT_EQ(wobble.limit_positive, kInf);
  EXPECT_TRUE(wobble.monotonic);  // f′ = 1 + cos x ≥ 0
  const Properties constant = properties("2");
  EXPECT_EQ(constant.lo, 2);
  EXPECT_EQ(constant.hi, 2);
  EXPECT_TRUE(constant.lo_attained && constant.hi_attained);
  EXPECT_TRUE(constant.monotonic);
  EXPECT_EQ(constant.saturation, Saturation::both);
  EXPECT_FALSE(constant.zero_centred);
}

TEST(ExpressionProperties, ParametersChangeTheAnswer) {
  const Properties swish = properties("x * sigmoid(beta * x)", {1});
  EXPECT_FALSE(swish.monotonic);
  EXPECT_STREQ(alab::info(*swish.closest).id, "silu");
  const Properties half = properties("x * sigmoid(beta * x)", {0});  // x/2
  EXPECT_TRUE(half.monotonic);
  EXPECT_TRUE(half.zero_centred);
  EXPECT_EQ(half.saturation, Saturation::none);
  EXPECT_FALSE(half.identity_near_zero);
  // A catalogue function with parameter arguments, given by the formula's own parameters.
  const Properties ht = properties("hardtanh(x, lo, hi)", {-0.5, 3});
  EXPECT_EQ(ht.lo, -0.5);
  EXPECT_EQ(ht.hi, 3);
  expect_points(ht.kinks, {-0.5, 3}, "hardtanh(x, -0.5, 3)");
  EXPECT_FALSE(ht.zero_centred);  // E f(z) ≈ 0.2
  EXPECT_TRUE(properties("hardtanh(x, lo, hi)", {-2, 3}).zero_centred);  // E f(z) ≈ 0.008
  EXPECT_TRUE(ht.identity_near_zero);
  const Properties elu2 = properties("elu(x, 2)");
  EXPECT_EQ(elu2.smoothness, Smoothness::c0);  // slopes 2 and 1 at 0
  EXPECT_NEAR(elu2.lo, -2, 1e-12);
}

}  // namespace
