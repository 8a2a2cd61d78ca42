// Typed formulas against the catalogue's mpmath reference vectors (tests/reference/vectors): the same
// point sets and parameter sets the catalogue's accuracy test uses, values and forward-mode derivatives.
// Each formula is the textbook one, not the catalogue's stable rewrite, so the bar is per formula and
// says why where it is looser than the catalogue's 4 ulp (the README's module API section lists them):
//   worst error in ulps of max(|reference|, 1) (see ulps below), for |x| ≤ 30 and beyond; at ±∞ and NaN inputs
//   the count of points where the formula's value differs (0·∞ = NaN where the catalogue takes a limit).
// Kinks are excluded only where the formula's tie rule and PyTorch disagree (listed per formula).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/expression.hpp"

namespace {

struct Point {
  double x, value, derivative;
};
struct ParamSet {
  std::vector<double> params;
  std::vector<Point> points;
};

std::vector<ParamSet> load(const std::string& id) {
  std::ifstream in(std::string(ALAB_SOURCE_DIR) + "/tests/reference/vectors/" + id + ".txt");
  std::vector<ParamSet> sets;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    std::string kind;
    f >> kind;
    if (kind == "params") {
      sets.emplace_back();
      std::string v;
      while (f >> v) sets.back().params.push_back(std::strtod(v.c_str(), nullptr));
      continue;
    }
    if (kind != "d") continue;
    std::string x, v, d;
    f >> x >> v >> d;
    if (sets.empty()) sets.emplace_back();
    sets.back().points.push_back({std::strtod(x.c_str(), nullptr), std::strtod(v.c_str(), nullptr),
                                  std::strtod(d.c_str(), nullptr)});
  }
  return sets;
}

// Error in ulps of max(|want|, 1): relative above 1, absolute (in units of 2^-52) below. The textbook
// formulas cancel where f or f′ crosses 0 (silu′ at x ≈ −1.28 is σ(x) + xσ′(x) with the terms ≈ ±0.2;
// hardsigmoid's x/6 + 1/2 at −3), where a relative measure would count the rounding of the terms as
// 10^15 ulp of a result that is nearly 0.
double ulps(double got, double want) {
  if (std::isnan(want) || std::isnan(got) || std::isinf(want) || std::isinf(got)) return got == want ? 0 : 1e300;
  return std::fabs(got - want) / std::ldexp(1.0, std::max(std::ilogb(want), 0) - 52);
}

struct Case {
  const char* id;
  const char* text;
  double value_ulps, derivative_ulps;     // |x| ≤ 30
  double value_far, derivative_far;       // 30 < |x| < ∞, same measure; 1e300: not finite there (why: below)
  std::vector<double> skip;               // kinks where the tie rule and PyTorch differ
};

struct Measured {
  double v_ulp = 0, d_ulp = 0, v_rel = 0, d_rel = 0, v_at = 0, d_at = 0;
  int special_mismatch = 0, points = 0;
};

Measured measure(const Case& c) {
  const auto compiled = alab::expr::compile(c.text);
  const auto* program = std::get_if<std::shared_ptr<alab::expr::Program>>(&compiled);
  EXPECT_TRUE(program) << c.text;
  Measured m;
  if (!program) return m;
  const alab::FnInfo& row = alab::info(*alab::find_fn(c.id));
  const auto sets = load(c.id);
  EXPECT_FALSE(sets.empty()) << c.id;
  for (const ParamSet& set : sets) {
    // The formula's parameters are named as the row's: map them by name.
    std::vector<double> ps;
    for (const auto& spec : (*program)->params()) {
      double v = spec.def;
      for (std::size_t k = 0; k < row.param_count(); ++k)
        if (spec.name == row.params[k].name && k < set.params.size()) v = set.params[k];
      ps.push_back(v);
    }
    for (const Point& p : set.points) {
      bool skipped = false;
      // A kink and its neighbours within a few ulps: rounding inside the formula moves its kink there.
      for (double s : c.skip) skipped = skipped || std::fabs(p.x - s) <= 0x1p-48 * std::fabs(s);
      if (skipped) continue;
      const double v = (*program)->value_at(p.x, ps.data());
      const double d = (*program)->derivative_at(p.x, ps.data());
      ++m.points;
      if (!std::isfinite(p.x)) {
        if (!(v == p.value || (std::isnan(v) && std::isnan(p.value)))) ++m.special_mismatch;
        continue;
      }
      if (std::fabs(p.x) <= 30) {
        const double ev = ulps(v, p.value), ed = ulps(d, p.derivative);
        if (ev > m.v_ulp) m.v_ulp = ev, m.v_at = p.x;
        if (ed > m.d_ulp) m.d_ulp = ed, m.d_at = p.x;
      } else {
        m.v_rel = std::max(m.v_rel, ulps(v, p.value));
        m.d_rel = std::max(m.d_rel, ulps(d, p.derivative));
      }
    }
  }
  return m;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      // x·σ(x) with the catalogue's stable sigmoid: one rounding more than silu's own kernel.
      {"silu", "x*sigmoid(x)", 2, 1, 1, 1, {}},
      {"mish", "x*tanh(softplus(x))", 1, 1, 1, 1, {}},
      {"relu", "max(0, x)", 0, 0, 0, 0, {}},
      {"leaky_relu", "max(negative_slope*x, x)", 0, 0, 0, 0, {}},
      {"elu", "x > 0 ? x : alpha*expm1(x)", 1, 1, 1, 1, {}},
      {"celu", "x > 0 ? x : alpha*expm1(x/alpha)", 1, 1, 1, 1, {}},
      {"selu", "1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * expm1(x))", 2, 2, 1, 1, {}},
      {"relu6", "min(max(0, x), 6)", 0, 0, 0, 0, {}},
      {"hardtanh", "max(min_val, min(max_val, x))", 0, 0, 0, 0, {}},
      // x/6 + 1/2 rounds to 1 (or 0) a few ulps inside ±3, where the tie rule then gives 0, not 1/6.
      {"hardsigmoid", "max(0, min(1, x/6 + 1/2))", 1, 1, 0, 0, {-3.0, 3.0}},
      // Also PyTorch's hardswish′ is −½ at −3 and 1.5 at 3 (one-sided values); the tie rule gives 0 and 1.
      {"hardswish", "x * max(0, min(1, x/6 + 1/2))", 1, 1, 1, 1, {-3.0, 3.0}},
      {"softsign", "x / (1 + abs(x))", 1, 1, 1, 1, {}},
      // The quotient rule's e^−x overflows for x < −709: the derivative is NaN there (the catalogue's is 0).
      {"sigmoid", "1 / (1 + exp(-x))", 1, 1, 1, 1e300, {}},
      {"softplus", "beta*x > threshold ? x : log1p(exp(beta*x))/beta", 2, 1, 1, 1, {}},
      {"gelu", "x/2 * (1 + erf(x/sqrt(2)))", 1, 1, 1, 1, {}},
      // x − tanh(x) cancels near 0: every digit of the tiny result is lost, but ≤ 1 ulp of 1 absolutely.
      {"tanhshrink", "x - tanh(x)", 1, 1, 1, 1, {}},
  };
  return all;
}

TEST(ExpressionVectors, FormulasMatchTheCatalogueReference) {
  for (const Case& c : cases()) {
    const Measured m = measure(c);
    std::printf("%-12s %-52s value %.3g ulp (x=%g) derivative %.3g ulp (x=%g) |x|>30 %.3g/%.3g ulp; "
                "at ±inf/NaN %d of %d points differ\n",
                c.id, c.text, m.v_ulp, m.v_at, m.d_ulp, m.d_at, m.v_rel, m.d_rel, m.special_mismatch, m.points);
    EXPECT_LE(m.v_ulp, c.value_ulps) << c.id << " value at x=" << m.v_at;
    EXPECT_LE(m.d_ulp, c.derivative_ulps) << c.id << " derivative at x=" << m.d_at;
    EXPECT_LE(m.v_rel, c.value_far) << c.id << " value, |x| > 30";
    EXPECT_LE(m.d_rel, c.derivative_far) << c.id << " derivative, |x| > 30";
  }
}

}  // namespace
