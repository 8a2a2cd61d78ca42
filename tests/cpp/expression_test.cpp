// The formula language (expression.hpp): precedence and associativity against hand-worked values, every
// built-in function's value against <cmath> and its derivative against a central difference, every
// catalogue function by id (with and without parameter arguments) against its own kernels, the tie and
// branch conventions at kinks, every error code with its position, and the length and nesting limits.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/catalogue.hpp"
#include "core/expression.hpp"

using alab::expr::compile;
using alab::expr::Error;
using alab::expr::ErrorCode;
using alab::expr::Program;

namespace {

std::shared_ptr<Program> ok(const std::string& text) {
  auto c = compile(text);
  auto* p = std::get_if<std::shared_ptr<Program>>(&c);
  if (!p) {
    ADD_FAILURE() << text << " → " << alab::expr::to_json(c);
    return nullptr;
  }
  return *p;
}

Error err(const std::string& text) {
  auto c = compile(text);
  const Error* e = std::get_if<Error>(&c);
  if (!e) {
    ADD_FAILURE() << text << " compiled";
    return {};
  }
  return *e;
}

double value(const std::string& text, double x = 0, std::vector<double> params = {}) {
  auto p = ok(text);
  params.resize(8, 1.0);
  return p ? p->value_at(x, params.data()) : NAN;
}

double slope(const std::string& text, double x, std::vector<double> params = {}) {
  auto p = ok(text);
  params.resize(8, 1.0);
  return p ? p->derivative_at(x, params.data()) : NAN;
}

TEST(Expression, Precedence) {
  EXPECT_EQ(value("1 + 2 * 3"), 7);
  EXPECT_EQ(value("(1 + 2) * 3"), 9);
  EXPECT_EQ(value("2 * 3 ^ 2"), 18);
  EXPECT_EQ(value("-2 ^ 2"), -4);       // ^ before unary minus, as in mathematics and Python
  EXPECT_EQ(value("2 ^ -1"), 0.5);      // a signed exponent
  EXPECT_EQ(value("-x ^ 2", 3), -9);
  EXPECT_EQ(value("1 + 1 > 1"), 1);     // comparisons below arithmetic
  EXPECT_EQ(value("2 > 1 ? 10 : 20"), 10);
  EXPECT_EQ(value("1 - 1 ? 10 : 20 + 1"), 21);  // ?: lowest of all
  EXPECT_EQ(value("6 / 2 * 3"), 9);
  EXPECT_EQ(value("--x", 2), 2);
  EXPECT_EQ(value("+x", 2), 2);
  EXPECT_EQ(value("1e-3 * 1E3"), 1);
  EXPECT_EQ(value(".5 + 0.25"), 0.75);
  EXPECT_DOUBLE_EQ(value("pi"), 3.141592653589793);
  EXPECT_DOUBLE_EQ(value("e"), 2.718281828459045);
}

TEST(Expression, Associativity) {
  EXPECT_EQ(value("2 ^ 3 ^ 2"), 512);   // right: 2^(3^2)
  EXPECT_EQ(value("(2 ^ 3) ^ 2"), 64);
  EXPECT_EQ(value("8 - 4 - 2"), 2);     // left
  EXPECT_EQ(value("8 / 4 / 2"), 1);     // left
  EXPECT_EQ(value("1 ? 2 : 0 ? 3 : 4"), 2);  // right: 1 ? 2 : (0 ? 3 : 4)
  EXPECT_EQ(value("0 ? 2 : 0 ? 3 : 4"), 4);
  EXPECT_EQ(value("0 ? 2 : 1 ? 3 : 4"), 3);
  EXPECT_EQ(value("3 > 2 > 1"), 0);     // left: (3 > 2) > 1 = 1 > 1
}

TEST(Expression, Comparisons) {
  EXPECT_EQ(value("1 < 2"), 1);
  EXPECT_EQ(value("2 <= 2"), 1);
  EXPECT_EQ(value("1 > 2"), 0);
  EXPECT_EQ(value("2 >= 3"), 0);
  EXPECT_EQ(value("2 == 2"), 1);
  EXPECT_EQ(value("2 != 2"), 0);
  EXPECT_EQ(slope("x > 0", 1), 0);
  EXPECT_TRUE(std::isnan(value("x > 0 ? 1 : 2", NAN)));  // NaN decides nothing
}

TEST(Expression, BuiltinsValueAndDerivative) {
  struct F {
    const char* name;
    double (*f)(double);
    double x;
  };
  const F fs[] = {{"exp", [](double v) { return std::exp(v); }, 0.7},
                  {"log", [](double v) { return std::log(v); }, 0.7},
                  {"log1p", [](double v) { return std::log1p(v); }, 0.7},
                  {"expm1", [](double v) { return std::expm1(v); }, 0.7},
                  {"sqrt", [](double v) { return std::sqrt(v); }, 0.7},
                  {"abs", [](double v) { return std::fabs(v); }, -0.7},
                  {"sin", [](double v) { return std::sin(v); }, 0.7},
                  {"cos", [](double v) { return std::cos(v); }, 0.7},
                  {"tan", [](double v) { return std::tan(v); }, 0.7},
                  {"sinh", [](double v) { return std::sinh(v); }, 0.7},
                  {"cosh", [](double v) { return std::cosh(v); }, 0.7},
                  {"erf", [](double v) { return std::erf(v); }, 0.7},
                  {"tanh", [](double v) { return std::tanh(v); }, 0.7}};
  for (const F& f : fs) {
    // Through a chain (2x) so that the chain rule is exercised too.
    const std::string text = std::string(f.name) + "(2*x)";
    const double x = f.x / 2;
    EXPECT_NEAR(value(text, x), f.f(f.x), 1e-15 * std::fabs(f.f(f.x))) << text;
    const double h = 1e-6;
    const double central = (f.f(2 * (x + h)) - f.f(2 * (x - h))) / (2 * h);
    EXPECT_NEAR(slope(text, x), central, 1e-8 * std::max(1.0, std::fabs(central))) << text;
  }
  EXPECT_DOUBLE_EQ(value("pow(x, 3)", 2), 8);
  EXPECT_DOUBLE_EQ(slope("pow(x, 3)", 2), 12);
  EXPECT_DOUBLE_EQ(slope("2 ^ x", 3), 8 * std::log(2.0));
  EXPECT_DOUBLE_EQ(slope("x ^ x", 2), 4 * (std::log(2.0) + 1));
  EXPECT_EQ(slope("x ^ 2", 0), 0);
  EXPECT_EQ(slope("x ^ 2", -3), -6);   // a negative base with a constant exponent: no log(−3) term
  EXPECT_EQ(value("min(3, x, 2)", 5), 2);
  EXPECT_EQ(value("max(3, x, 2)", 5), 5);
  EXPECT_EQ(slope("max(3, x, 2)", 5), 1);
  EXPECT_DOUBLE_EQ(slope("x / (1 + x)", 1), 0.25);
  EXPECT_DOUBLE_EQ(slope("x * x * x", 2), 12);
}

TEST(Expression, KinksFollowTheBranchAndTheClosestToZeroTie) {
  EXPECT_EQ(slope("max(0, x)", 0), 0);          // ReLU′(0) = 0 in PyTorch
  EXPECT_EQ(slope("max(x, 0)", 0), 0);          // the order does not matter
  EXPECT_EQ(slope("max(0.01*x, x)", 0), 0.01);  // LeakyReLU′(0) = negative_slope
  EXPECT_EQ(slope("min(max(0, x), 6)", 6), 0);  // ReLU6′(6) = 0
  EXPECT_EQ(slope("min(x, -x)", 0), 0);         // opposite one-sided slopes: 0
  EXPECT_EQ(slope("abs(x)", 0), 0);
  EXPECT_EQ(slope("x > 0 ? x : 2*x", 0), 2);    // the branch taken (x > 0 is false at 0)
  EXPECT_EQ(slope("x >= 0 ? x : 2*x", 0), 1);
  EXPECT_EQ(slope("sqrt(x^2)", 0), 0);          // inner derivative 0: the infinite outer one does not make NaN
  EXPECT_TRUE(std::isinf(slope("sqrt(x)", 0)));
  EXPECT_TRUE(std::isnan(value("sqrt(x)", -1)));
  EXPECT_TRUE(std::isinf(value("1/x", 0)));
}

TEST(Expression, EveryCatalogueFunctionByItsId) {
  for (const alab::FnInfo& row : alab::catalogue()) {
    double p[alab::kMaxParams];
    alab::default_params(row.fn, p);
    for (double x : {-3.7, -0.5, 0.0, 0.25, 2.0, 9.0}) {
      const std::string text = std::string(row.id) + "(x)";
      double batch;  // the expression calls the row's float64 batch kernel (vectorised for some rows)
      row.kernels.value_f64(&x, &batch, 1, p);
      EXPECT_EQ(value(text, x), batch) << text << " at " << x;
      EXPECT_EQ(slope(text, x), row.kernels.derivative(x, p)) << text << " at " << x;
      // Through 3x: the chain rule multiplies by 3.
      const std::string scaled = std::string(row.id) + "(3*x)";
      EXPECT_EQ(slope(scaled, x / 3), 3 * row.kernels.derivative(x, p)) << scaled;
    }
    // Its parameters as optional arguments: each at the middle of its range.
    if (row.param_count() == 0) continue;
    std::string text = std::string(row.id) + "(x";
    double q[alab::kMaxParams];
    alab::default_params(row.fn, q);
    for (std::size_t k = 0; k < row.param_count(); ++k) {
      q[k] = row.params[k].def + (k == 0 ? 0.5 * (row.params[k].max - row.params[k].def) : 0);
      text += ", " + std::to_string(q[k]);
    }
    text += ")";
    for (std::size_t k = 0; k < row.param_count(); ++k) q[k] = std::stod(std::to_string(q[k]));
    if (!alab::params_valid(row.fn, q)) continue;
    for (double x : {-2.5, 0.5, 3.0}) {
      double batch;
      row.kernels.value_f64(&x, &batch, 1, q);
      EXPECT_EQ(value(text, x), batch) << text;
      EXPECT_EQ(slope(text, x), row.kernels.derivative(x, q)) << text;
    }
  }
  // A parameter argument outside the row's range gives NaN, not a crash.
  EXPECT_TRUE(std::isnan(value("leaky_relu(x, 5)", 1)));
  EXPECT_TRUE(std::isnan(value("leaky_relu(x, slope)", 1, {7})));
  EXPECT_EQ(value("leaky_relu(x, slope)", -1, {0.5}), -0.5);
}

TEST(Expression, UnknownNamesBecomeParameters) {
  auto p = ok("x * sigmoid(beta * x) + beta + gamma_2");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->params().size(), 2u);
  EXPECT_EQ(p->params()[0].name, "beta");
  EXPECT_EQ(p->params()[1].name, "gamma_2");
  EXPECT_EQ(p->params()[0].def, 1);
  EXPECT_LT(p->params()[0].min, 0);
  EXPECT_GT(p->params()[0].max, 1);
  const double ps[] = {2, 10};
  EXPECT_DOUBLE_EQ(p->value_at(1, ps), 1 / (1 + std::exp(-2.0)) + 12);
  EXPECT_TRUE(p->uses_x());
  EXPECT_FALSE(ok("2 + a")->uses_x());
}

// `threshold` is both a catalogue function and softplus's parameter: without a call it is the parameter, called
// it is the function; a function id that names no parameter still needs its call.
TEST(Expression, ParameterNamesThatAreAlsoFunctionIds) {
  auto p = ok("x > threshold ? threshold(x, 0.5, 0) : x");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->params().size(), 1u);
  EXPECT_EQ(p->params()[0].name, "threshold");
  const double ps[] = {1};
  EXPECT_DOUBLE_EQ(p->value_at(2, ps), 2);    // 2 > 1: threshold(2, 0.5, 0) = 2
  EXPECT_DOUBLE_EQ(p->value_at(0.25, ps), 0.25);
  EXPECT_EQ(err("relu + 1").code, ErrorCode::missing_call);
}

TEST(Expression, ArraysAcrossBlocks) {
  auto p = ok("x * sigmoid(x)");
  ASSERT_TRUE(p);
  std::vector<double> xs(1000), v(1000), d(1000), v2(1000);
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -10 + 0.02 * static_cast<double>(i);
  p->evaluate_dual(xs.data(), v.data(), d.data(), xs.size(), nullptr);
  p->evaluate(xs.data(), v2.data(), xs.size(), nullptr);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EXPECT_EQ(v[i], p->value_at(xs[i], nullptr));
    EXPECT_EQ(v2[i], v[i]);
    EXPECT_EQ(d[i], p->derivative_at(xs[i], nullptr));
  }
}

struct ErrorCase {
  const char* text;
  ErrorCode code;
  std::uint32_t position;
};

TEST(Expression, EveryErrorWithItsPosition) {
  const ErrorCase cases[] = {
      {"", ErrorCode::empty, 0},
      {"   ", ErrorCode::empty, 0},
      {"x + #", ErrorCode::bad_character, 4},
      {"x = 1", ErrorCode::bad_character, 2},
      {"x ! 1", ErrorCode::bad_character, 2},
      {"x + é", ErrorCode::bad_character, 4},
      {"1e", ErrorCode::bad_number, 0},
      {"2 * 1e+", ErrorCode::bad_number, 4},
      {"1.2.3", ErrorCode::bad_number, 0},
      {"1e400", ErrorCode::number_not_finite, 0},
      {"x * 1e400", ErrorCode::number_not_finite, 4},
      {"x +", ErrorCode::expected_operand, 3},
      {"x^^2", ErrorCode::expected_operand, 2},
      {"* x", ErrorCode::expected_operand, 0},
      {"()", ErrorCode::expected_operand, 1},
      {"max(0, )", ErrorCode::expected_operand, 7},
      {"x 2", ErrorCode::unexpected_token, 2},
      {"2x", ErrorCode::unexpected_token, 1},
      {"(x 2)", ErrorCode::unexpected_token, 3},
      {"max(0 x)", ErrorCode::unexpected_token, 6},
      {"x, 1", ErrorCode::unexpected_token, 1},
      {"(x + 1", ErrorCode::unclosed_paren, 0},
      {"1 + (2 * (x + 1)", ErrorCode::unclosed_paren, 4},
      {"max(0, x", ErrorCode::unclosed_paren, 3},
      {"x + 1)", ErrorCode::unexpected_close, 5},
      {"x ? 1", ErrorCode::missing_colon, 5},
      {"x ? 1 , 2", ErrorCode::missing_colon, 6},
      {"foo(x)", ErrorCode::unknown_function, 0},
      {"2 * relu(x) + bar(x)", ErrorCode::unknown_function, 14},
      {"exp(x, 2)", ErrorCode::wrong_arity, 0},
      {"pow(x)", ErrorCode::wrong_arity, 0},
      {"1 + max(x)", ErrorCode::wrong_arity, 4},
      {"relu(x, 1)", ErrorCode::wrong_arity, 0},
      {"leaky_relu()", ErrorCode::wrong_arity, 0},
      {"softplus(x, 1, 20, 3)", ErrorCode::wrong_arity, 0},
      {"exp + 1", ErrorCode::missing_call, 0},
      {"x * sigmoid", ErrorCode::missing_call, 4},
      {"a+b+c+d+f+g+h+i+j", ErrorCode::too_many_params, 16},
      {"leaky_relu(x, 0.1 * x)", ErrorCode::param_uses_x, 14},
  };
  for (const ErrorCase& c : cases) {
    const Error e = err(c.text);
    EXPECT_EQ(e.code, c.code) << '"' << c.text << "\" gave " << alab::expr::to_string(e.code);
    EXPECT_EQ(e.position, c.position) << '"' << c.text << '"';
  }
  const Error arity = err("pow(x)");
  EXPECT_EQ(arity.min_args, 2u);
  EXPECT_EQ(arity.max_args, 2u);
  EXPECT_EQ(err("foo(x)").length, 3u);
  // Every code but none and the two limits is covered above; the limits below.
  for (int k = 1; k < static_cast<int>(ErrorCode::count); ++k)
    EXPECT_STRNE(alab::expr::to_string(static_cast<ErrorCode>(k)), "unknown");
}

TEST(Expression, LengthLimit) {
  std::string longest = "x";
  while (longest.size() + 2 <= alab::expr::kMaxLength) longest += "+x";
  EXPECT_EQ(longest.size(), alab::expr::kMaxLength - 1);
  EXPECT_TRUE(ok(longest));
  const Error e = err(std::string(10000, 'x'));
  EXPECT_EQ(e.code, ErrorCode::too_long);
  EXPECT_EQ(e.position, alab::expr::kMaxLength);
  EXPECT_EQ(err(std::string(alab::expr::kMaxLength + 1, ' ')).code, ErrorCode::too_long);
}

TEST(Expression, NestingLimit) {
  const int limit = alab::expr::kMaxDepth;
  auto nested = [](int n) { return std::string(n, '(') + "x" + std::string(n, ')'); };
  EXPECT_TRUE(ok(nested(limit)));
  Error e = err(nested(limit + 1));
  EXPECT_EQ(e.code, ErrorCode::too_deep);
  EXPECT_EQ(e.position, static_cast<std::uint32_t>(limit));
  EXPECT_EQ(err(nested(450)).code, ErrorCode::too_deep);  // the limit, not the stack
  EXPECT_EQ(err(nested(1000)).code, ErrorCode::too_long); // 1,000 deep is 2,001 characters
  EXPECT_EQ(err(std::string(500, '-') + "x").code, ErrorCode::too_deep);
  std::string tower = "x";
  for (int i = 0; i < 300; ++i) tower += "^x";
  EXPECT_EQ(err(tower).code, ErrorCode::too_deep);
  std::string calls;
  for (int i = 0; i < 100; ++i) calls += "exp(";
  EXPECT_EQ(err(calls + "x" + std::string(100, ')')).code, ErrorCode::too_deep);
  std::string chain = "x";
  for (int i = 0; i < 100; ++i) chain += "?1:x";
  EXPECT_EQ(err(chain).code, ErrorCode::too_deep);
  // Long but flat is fine: the stack a program needs stays small.
  std::string flat = "x";
  for (int i = 0; i < 300; ++i) flat += "+x";
  EXPECT_LE(ok(flat)->stack_depth(), 2u);
}

TEST(Expression, JsonForTheWrapper) {
  EXPECT_EQ(alab::expr::to_json(compile("x*beta")),
            "{\"ok\":true,\"usesX\":true,\"params\":[{\"name\":\"beta\",\"default\":1,\"min\":-5,\"max\":5}]}");
  EXPECT_EQ(alab::expr::to_json(compile("pow(x)")),
            "{\"ok\":false,\"code\":\"wrong_arity\",\"position\":0,\"length\":3,\"minArgs\":2,\"maxArgs\":2}");
}

}  // namespace
