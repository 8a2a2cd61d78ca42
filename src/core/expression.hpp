// A user's own activation function, typed as a formula in x: tokenised, parsed by recursive descent
// (length and nesting limited), compiled to a flat postfix program and evaluated over arrays, with the
// exact derivative by forward-mode automatic differentiation (dual numbers), never finite differences.
//
// The language:
//   numbers (1, 0.5, .5, 1e-3), x, pi, e, and any other name, which becomes a parameter (default 1);
//   + - * / ^ (^ binds tighter than unary minus and is right-associative: -x^2 = -(x^2), 2^3^2 = 2^9),
//   comparisons < <= > >= == != (1 or 0, derivative 0), cond ? a : b (right-associative, lowest);
//   exp log log1p expm1 sqrt abs sin cos tan sinh cosh erf (one argument), pow(a, b), min and max (two or
//   more), and every catalogue function by its id with its parameters as optional arguments in the
//   catalogue's order: leaky_relu(x, 0.2), softplus(x, beta, threshold). Those parameter arguments must
//   not depend on x (the catalogue has no derivative with respect to its parameters); a value outside the
//   row's range gives NaN.
//
// Derivatives at kinks follow the branch the evaluation took: cond ? a : b differentiates the branch
// chosen; max, min and abs at a tie take the subgradient closest to zero, which is PyTorch's convention
// for its piecewise functions: max(0, x) at 0 → 0 (ReLU′(0) = 0), max(0.01x, x) at 0 → 0.01 (LeakyReLU),
// min(max(0, x), 6) at 0 and 6 → 0 (ReLU6), abs′(0) = 0. A catalogue function brings its own convention.
// A chain-rule term whose inner derivative is 0 is 0 even when the outer one is infinite (sqrt(x^2)′(0) = 0).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace alab::expr {

// Limits on what the parser accepts: the text's length in characters and the nesting depth (each
// parenthesis, function call, unary sign, power and ternary on the way down counts one level).
inline constexpr std::size_t kMaxLength = 1000;
inline constexpr int kMaxDepth = 40;
inline constexpr std::size_t kMaxParams = 8;
// A parameter's suggested range (the page's slider); any finite value evaluates.
inline constexpr double kParamDefault = 1, kParamMin = -5, kParamMax = 5;

enum class ErrorCode : std::uint8_t {
  none,
  empty,             // nothing but spaces
  too_long,          // more than kMaxLength characters (position: the first one beyond)
  too_deep,          // nested deeper than kMaxDepth (position: where the limit was crossed)
  bad_character,     // a character the language does not use
  bad_number,        // a malformed number, e.g. 1e or 1.2.3
  number_not_finite, // a number literal that overflows, e.g. 1e400
  expected_operand,  // an operator with nothing after it: x +, x^^2, (
  unexpected_token,  // a token where an operator or the end was expected: x 2, x)
  unclosed_paren,    // a ( never closed (position: the parenthesis)
  unexpected_close,  // a ) with no ( before it
  missing_colon,     // cond ? a with no : b
  unknown_function,  // name( where name is no function
  wrong_arity,       // a function called with the wrong number of arguments (position: its name)
  missing_call,      // a function's name without its arguments, e.g. exp + 1
  too_many_params,   // more than kMaxParams distinct parameter names
  param_uses_x,      // a catalogue function's parameter argument that depends on x
  count
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::none;
  std::uint32_t position = 0;   // 0-based character index of the offending character
  std::uint32_t length = 1;     // how many characters the problem spans (the name, for a function)
  std::uint32_t min_args = 0, max_args = 0;  // wrong_arity: what the function takes
};

struct ParamSpec {
  std::string name;
  double def = kParamDefault, min = kParamMin, max = kParamMax;
};

enum class Op : std::uint8_t {
  constant, x, param,
  neg, add, sub, mul, div, pow,
  lt, le, gt, ge, eq, ne,
  select,  // pops b, a, cond; pushes cond != 0 ? a : b (NaN cond → NaN)
  min, max,
  exp, log, log1p, expm1, sqrt, abs, sin, cos, tan, sinh, cosh, erf,
  catalogue,  // a catalogue row: pops its parameter arguments (nargs − 1), then its input
};

struct Instruction {
  Op op;
  std::uint8_t nargs = 0;   // catalogue: arguments given (1 + parameters)
  std::uint16_t index = 0;  // param: which parameter; catalogue: which row (Fn)
  double value = 0;         // constant
};

// A compiled expression. Evaluation keeps its working memory inside, so one Program is used by one
// thread at a time.
class Program {
 public:
  const std::vector<ParamSpec>& params() const { return params_; }
  const std::vector<Instruction>& code() const { return code_; }
  std::size_t stack_depth() const { return max_stack_; }
  bool uses_x() const { return uses_x_; }

  // out[i] = f(xs[i]) for i < n, with `params` holding params().size() values (params() order).
  void evaluate(const double* xs, double* out, std::size_t n, const double* params) const;
  // value[i] = f(xs[i]) and derivative[i] = f′(xs[i]); either output may be null.
  void evaluate_dual(const double* xs, double* value, double* derivative, std::size_t n, const double* params) const;

  // Single points, for tests and the property analysis.
  double value_at(double x, const double* params) const;
  double derivative_at(double x, const double* params) const;

 private:
  friend class Compiler;
  template <bool Dual>
  void run(const double* xs, double* value, double* derivative, std::size_t n, const double* params) const;

  std::vector<ParamSpec> params_;
  std::vector<Instruction> code_;
  std::size_t max_stack_ = 0;
  bool uses_x_ = false;
  mutable std::vector<double> work_;  // stack slots × block, values then derivatives
};

// Either the program or the first error found.
using Compiled = std::variant<std::shared_ptr<Program>, Error>;
Compiled compile(std::string_view text);

// The names the language knows as functions (built-ins, then catalogue ids), for error messages and docs.
std::vector<std::string> function_names();

// compile() as JSON for the JS wrapper: {"ok":true,"params":[{name,default,min,max}],"usesX":…} or
// {"ok":false,"code":"…","position":n,"length":n,"minArgs":n,"maxArgs":n}.
std::string to_json(const Compiled& compiled);

}  // namespace alab::expr
