#include "expression.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <optional>

#include "core/catalogue.hpp"

namespace alab::expr {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::none: return "none";
    case ErrorCode::empty: return "empty";
    case ErrorCode::too_long: return "too_long";
    case ErrorCode::too_deep: return "too_deep";
    case ErrorCode::bad_character: return "bad_character";
    case ErrorCode::bad_number: return "bad_number";
    case ErrorCode::number_not_finite: return "number_not_finite";
    case ErrorCode::expected_operand: return "expected_operand";
    case ErrorCode::unexpected_token: return "unexpected_token";
    case ErrorCode::unclosed_paren: return "unclosed_paren";
    case ErrorCode::unexpected_close: return "unexpected_close";
    case ErrorCode::missing_colon: return "missing_colon";
    case ErrorCode::unknown_function: return "unknown_function";
    case ErrorCode::wrong_arity: return "wrong_arity";
    case ErrorCode::missing_call: return "missing_call";
    case ErrorCode::too_many_params: return "too_many_params";
    case ErrorCode::param_uses_x: return "param_uses_x";
    case ErrorCode::count: break;
  }
  return "unknown";
}

namespace {

struct Builtin {
  const char* name;
  Op op;
  std::uint8_t min_args, max_args;  // max_args 0: no upper bound
};

constexpr Builtin kBuiltins[] = {
    {"exp", Op::exp, 1, 1},     {"log", Op::log, 1, 1},     {"log1p", Op::log1p, 1, 1},
    {"expm1", Op::expm1, 1, 1}, {"sqrt", Op::sqrt, 1, 1},   {"abs", Op::abs, 1, 1},
    {"sin", Op::sin, 1, 1},     {"cos", Op::cos, 1, 1},     {"tan", Op::tan, 1, 1},
    {"sinh", Op::sinh, 1, 1},   {"cosh", Op::cosh, 1, 1},   {"erf", Op::erf, 1, 1},
    {"pow", Op::pow, 2, 2},     {"min", Op::min, 2, 0},     {"max", Op::max, 2, 0},
};

const Builtin* find_builtin(std::string_view name) {
  for (const Builtin& b : kBuiltins)
    if (name == b.name) return &b;
  return nullptr;
}

enum class Tok : std::uint8_t { end, number, name, plus, minus, star, slash, caret, lparen, rparen, comma,
                                question, colon, lt, le, gt, ge, eq, ne };

struct Token {
  Tok kind = Tok::end;
  std::uint32_t pos = 0, len = 0;
  double number = 0;
  std::string_view text;
};

Token end_at(std::uint32_t pos) {
  Token t;
  t.pos = pos;
  return t;
}

// The first error found. No exceptions: the WebAssembly build does not catch them. After an error the lexer
// returns only `end`, so every loop and recursion of the parser unwinds at once; later errors are ignored.
struct Sink {
  Error error;
  bool bad = false;
  bool fail(ErrorCode code, std::uint32_t pos, std::uint32_t len = 1) {
    if (!bad) {
      bad = true;
      error.code = code;
      error.position = pos;
      error.length = len == 0 ? 1 : len;
    }
    return false;
  }
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

bool is_catalogue_param_name(std::string_view name) {
  for (const FnInfo& row : catalogue()) {
    for (std::size_t i = 0; i < row.param_count(); ++i) {
      if (name == row.params[i].name) return true;
    }
  }
  return false;
}

// Reads one token at a time, so that an error is reported at the first place it occurs.
class Lexer {
 public:
  Lexer(std::string_view s, Sink& sink) : s_(s), sink_(sink) {}

  Token next() {
    if (sink_.bad) return end_at(static_cast<std::uint32_t>(s_.size()));
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    Token t;
    t.pos = static_cast<std::uint32_t>(i_);
    if (i_ >= s_.size()) return t;
    const char c = s_[i_];
    if (is_digit(c) || (c == '.' && i_ + 1 < s_.size() && is_digit(s_[i_ + 1]))) return number(t);
    if (is_name_start(c)) {
      std::size_t j = i_;
      while (j < s_.size() && is_name_char(s_[j])) ++j;
      t.kind = Tok::name;
      t.text = s_.substr(i_, j - i_);
      t.len = static_cast<std::uint32_t>(j - i_);
      i_ = j;
      return t;
    }
    const char d = i_ + 1 < s_.size() ? s_[i_ + 1] : '\0';
    auto one = [&](Tok k) { t.kind = k; t.len = 1; ++i_; return t; };
    auto two = [&](Tok k) { t.kind = k; t.len = 2; i_ += 2; return t; };
    switch (c) {
      case '+': return one(Tok::plus);
      case '-': return one(Tok::minus);
      case '*': return one(Tok::star);
      case '/': return one(Tok::slash);
      case '^': return one(Tok::caret);
      case '(': return one(Tok::lparen);
      case ')': return one(Tok::rparen);
      case ',': return one(Tok::comma);
      case '?': return one(Tok::question);
      case ':': return one(Tok::colon);
      case '<': return d == '=' ? two(Tok::le) : one(Tok::lt);
      case '>': return d == '=' ? two(Tok::ge) : one(Tok::gt);
      case '=': if (d == '=') return two(Tok::eq); break;
      case '!': if (d == '=') return two(Tok::ne); break;
      default: break;
    }
    sink_.fail(ErrorCode::bad_character, t.pos);
    return end_at(t.pos);
  }

 private:
  Token number(Token t) {
    std::size_t j = i_;
    while (j < s_.size() && is_digit(s_[j])) ++j;
    if (j < s_.size() && s_[j] == '.') {
      ++j;
      while (j < s_.size() && is_digit(s_[j])) ++j;
    }
    if (j < s_.size() && (s_[j] == 'e' || s_[j] == 'E')) {
      std::size_t k = j + 1;
      if (k < s_.size() && (s_[k] == '+' || s_[k] == '-')) ++k;
      if (k >= s_.size() || !is_digit(s_[k])) {
        sink_.fail(ErrorCode::bad_number, t.pos, static_cast<std::uint32_t>(k - i_));
        return end_at(t.pos);
      }
      while (k < s_.size() && is_digit(s_[k])) ++k;
      j = k;
    }
    // 1.2.3, 1e5.5, 2e3e4: a number running into another number.
    if (j < s_.size() && (s_[j] == '.' || is_digit(s_[j]))) {
      sink_.fail(ErrorCode::bad_number, t.pos, static_cast<std::uint32_t>(j + 1 - i_));
      return end_at(t.pos);
    }
    const std::string copy(s_.substr(i_, j - i_));
    t.number = std::strtod(copy.c_str(), nullptr);
    t.kind = Tok::number;
    t.len = static_cast<std::uint32_t>(j - i_);
    if (!std::isfinite(t.number)) {
      sink_.fail(ErrorCode::number_not_finite, t.pos, t.len);
      return end_at(t.pos);
    }
    i_ = j;
    return t;
  }

  std::string_view s_;
  Sink& sink_;
  std::size_t i_ = 0;
};

}  // namespace

class Compiler {
 public:
  explicit Compiler(std::string_view s) : lex_(s, sink_), program_(std::make_shared<Program>()) {}

  Compiled run() {
    advance();
    if (tok_.kind == Tok::end && !sink_.bad) fail(ErrorCode::empty, 0);
    ternary();
    if (tok_.kind == Tok::rparen) fail(ErrorCode::unexpected_close, tok_.pos);
    if (tok_.kind != Tok::end) fail(ErrorCode::unexpected_token, tok_.pos, tok_.len);
    if (sink_.bad) return sink_.error;
    return std::move(program_);
  }

  static constexpr std::size_t kBlock = 256;

 private:
  // Each level of nesting on the way down; the guard undoes it on the way back.
  // Check `c.sink_.bad` right after making one: past the limit it records too_deep.
  struct Depth {
    Compiler& c;
    Depth(Compiler& compiler, std::uint32_t pos) : c(compiler) {
      if (++c.depth_ > kMaxDepth) c.fail(ErrorCode::too_deep, pos);
    }
    ~Depth() { --c.depth_; }
  };

  bool fail(ErrorCode code, std::uint32_t pos, std::uint32_t len = 1) { return sink_.fail(code, pos, len); }
  void advance() { tok_ = lex_.next(); }

  void emit(Instruction in, int pops, int pushes) {
    program_->code_.push_back(in);
    stack_ += pushes - pops;
    if (stack_ > 0) program_->max_stack_ = std::max(program_->max_stack_, static_cast<std::size_t>(stack_));
  }
  void emit(Op op, int pops, int pushes) { emit(Instruction{.op = op}, pops, pushes); }

  // An operand is expected here: say so precisely.
  bool fail_operand() { return fail(ErrorCode::expected_operand, tok_.pos, tok_.len); }

  // Each returns whether the sub-expression it parsed depends on x.
  bool ternary() {
    const bool cond = comparison();
    if (tok_.kind != Tok::question) return cond;
    const Depth guard(*this, tok_.pos);
    if (sink_.bad) return false;
    advance();
    const bool a = ternary();
    if (tok_.kind != Tok::colon) return fail(ErrorCode::missing_colon, tok_.pos, tok_.len);
    advance();
    const bool b = ternary();
    emit(Op::select, 3, 1);
    return cond || a || b;
  }

  bool comparison() {
    bool uses = additive();
    for (;;) {
      Op op;
      switch (tok_.kind) {
        case Tok::lt: op = Op::lt; break;
        case Tok::le: op = Op::le; break;
        case Tok::gt: op = Op::gt; break;
        case Tok::ge: op = Op::ge; break;
        case Tok::eq: op = Op::eq; break;
        case Tok::ne: op = Op::ne; break;
        default: return uses;
      }
      advance();
      uses = additive() || uses;
      emit(op, 2, 1);
    }
  }

  bool additive() {
    bool uses = term();
    while (tok_.kind == Tok::plus || tok_.kind == Tok::minus) {
      const Op op = tok_.kind == Tok::plus ? Op::add : Op::sub;
      advance();
      uses = term() || uses;
      emit(op, 2, 1);
    }
    return uses;
  }

  bool term() {
    bool uses = unary();
    while (tok_.kind == Tok::star || tok_.kind == Tok::slash) {
      const Op op = tok_.kind == Tok::star ? Op::mul : Op::div;
      advance();
      uses = unary() || uses;
      emit(op, 2, 1);
    }
    return uses;
  }

  bool unary() {
    if (tok_.kind == Tok::minus || tok_.kind == Tok::plus) {
      const bool negate = tok_.kind == Tok::minus;
      const Depth guard(*this, tok_.pos);
      if (sink_.bad) return false;
      advance();
      const bool uses = unary();
      if (negate) emit(Op::neg, 1, 1);
      return uses;
    }
    return power();
  }

  bool power() {
    const bool base = primary();
    if (tok_.kind != Tok::caret) return base;
    const Depth guard(*this, tok_.pos);
    if (sink_.bad) return false;
    advance();
    const bool exponent = unary();  // right-associative, and 2^-x is allowed
    emit(Op::pow, 2, 1);
    return base || exponent;
  }

  bool primary() {
    switch (tok_.kind) {
      case Tok::number: {
        emit(Instruction{.op = Op::constant, .value = tok_.number}, 0, 1);
        advance();
        return false;
      }
      case Tok::lparen: {
        const Token open = tok_;
        const Depth guard(*this, open.pos);
        if (sink_.bad) return false;
        advance();
        const bool uses = ternary();
        if (tok_.kind == Tok::end) return fail(ErrorCode::unclosed_paren, open.pos);
        if (tok_.kind != Tok::rparen) return fail(ErrorCode::unexpected_token, tok_.pos, tok_.len);
        advance();
        return uses;
      }
      case Tok::name: return name();
      default: return fail_operand();
    }
  }

  bool name() {
    const Token n = tok_;
    advance();
    const bool call = tok_.kind == Tok::lparen;
    const Builtin* builtin = find_builtin(n.text);
    const std::optional<Fn> row = find_fn(n.text);
    if (!call) {
      // A catalogue id is a parameter when written without a call and some function has a parameter of that
      // name (softplus's `threshold` beside the threshold function), so PyTorch's parameter names always work.
      if (builtin || (row && !is_catalogue_param_name(n.text))) return fail(ErrorCode::missing_call, n.pos, n.len);
      if (n.text == "x") {
        emit(Op::x, 0, 1);
        program_->uses_x_ = true;
        return true;
      }
      if (n.text == "pi" || n.text == "e") {
        emit(Instruction{.op = Op::constant, .value = n.text == "pi" ? std::numbers::pi : std::numbers::e}, 0, 1);
        return false;
      }
      emit(Instruction{.op = Op::param, .index = param_index(n)}, 0, 1);
      return false;
    }
    if (!builtin && !row) return fail(ErrorCode::unknown_function, n.pos, n.len);
    const std::size_t min_args = builtin ? builtin->min_args : 1;
    const std::size_t max_args = builtin ? builtin->max_args : 1 + info(*row).param_count();
    const Token open = tok_;
    const Depth guard(*this, open.pos);
    if (sink_.bad) return false;
    advance();
    // Arguments: each one's start position, so that a catalogue parameter using x can be pointed at.
    std::vector<bool> uses;
    std::vector<Token> starts;
    if (tok_.kind != Tok::rparen) {
      for (;;) {
        starts.push_back(tok_);
        uses.push_back(ternary());
        if (sink_.bad) return false;
        if (tok_.kind == Tok::comma) {
          advance();
          continue;
        }
        if (tok_.kind == Tok::rparen) break;
        if (tok_.kind == Tok::end) return fail(ErrorCode::unclosed_paren, open.pos);
        return fail(ErrorCode::unexpected_token, tok_.pos, tok_.len);
      }
    }
    const std::size_t count = uses.size();
    if (count < min_args || (max_args != 0 && count > max_args)) {
      fail(ErrorCode::wrong_arity, n.pos, n.len);
      sink_.error.min_args = static_cast<std::uint32_t>(min_args);
      sink_.error.max_args = static_cast<std::uint32_t>(max_args);
      return false;
    }
    advance();  // the )
    bool any = false;
    for (bool u : uses) any = any || u;
    if (builtin) {
      // min and max of more than two arguments fold left: max(a, b, c) = max(max(a, b), c).
      const int pops = static_cast<int>(std::min<std::size_t>(count, 2));
      emit(builtin->op, pops, 1);
      for (std::size_t i = 2; i < count; ++i) {
        // The extra arguments were pushed after the first two: fold from the top instead, which gives the
        // same value (max and min are associative and commutative; the tie rule is symmetric).
        emit(builtin->op, 2, 1);
      }
      return any;
    }
    for (std::size_t i = 1; i < count; ++i)
      if (uses[i]) return fail(ErrorCode::param_uses_x, starts[i].pos, starts[i].len);
    emit(Instruction{.op = Op::catalogue, .nargs = static_cast<std::uint8_t>(count),
                     .index = static_cast<std::uint16_t>(*row)},
         static_cast<int>(count), 1);
    return uses[0];
  }

  std::uint16_t param_index(const Token& n) {
    auto& ps = program_->params_;
    for (std::size_t i = 0; i < ps.size(); ++i)
      if (ps[i].name == n.text) return static_cast<std::uint16_t>(i);
    if (ps.size() >= kMaxParams) {
      fail(ErrorCode::too_many_params, n.pos, n.len);
      return 0;
    }
    ps.push_back(ParamSpec{.name = std::string(n.text)});
    return static_cast<std::uint16_t>(ps.size() - 1);
  }

  Sink sink_;
  Lexer lex_;
  Token tok_;
  std::shared_ptr<Program> program_;
  int depth_ = 0;
  int stack_ = 0;
};

Compiled compile(std::string_view text) {
  if (text.size() > kMaxLength) {
    Error e;
    e.code = ErrorCode::too_long;
    e.position = static_cast<std::uint32_t>(kMaxLength);
    e.length = static_cast<std::uint32_t>(text.size() - kMaxLength);
    return e;
  }
  return Compiler(text).run();
}

namespace {

// A chain-rule term: the inner derivative times the outer one, 0 when the inner derivative is 0 (so an
// infinite outer derivative where nothing varies does not make NaN).
inline double term(double inner, double outer) { return inner == 0 ? 0.0 : inner * outer; }

// The tie rule of max, min and abs: of two one-sided derivatives, the one closest to zero (0 when they
// have opposite signs).
inline double closest_to_zero(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return a + b;
  if ((a < 0 && b > 0) || (a > 0 && b < 0)) return 0.0;
  return std::fabs(a) <= std::fabs(b) ? a : b;
}

inline double compare(Op op, double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
  switch (op) {
    case Op::lt: return a < b;
    case Op::le: return a <= b;
    case Op::gt: return a > b;
    case Op::ge: return a >= b;
    case Op::eq: return a == b;
    default: return a != b;
  }
}

constexpr double kTwoOverSqrtPi = 1.1283791670955125738961589031215;

}  // namespace

template <bool Dual>
void Program::run(const double* xs, double* value, double* derivative, std::size_t n, const double* params) const {
  constexpr std::size_t B = Compiler::kBlock;
  // Working memory on first use: a program that is only compiled (every keystroke) allocates none.
  if (work_.empty()) work_.assign((max_stack_ + 1) * B * 2, 0.0);
  double* const V = work_.data();
  double* const D = work_.data() + (max_stack_ + 1) * B;
  double* const tmp = V + max_stack_ * B;  // the spare slot
  for (std::size_t start = 0; start < n; start += B) {
    const std::size_t m = std::min(B, n - start);
    const double* xb = xs + start;
    std::size_t sp = 0;
    for (const Instruction& in : code_) {
      double* v = V + sp * B;  // the slot an instruction pushing one value writes
      double* d = D + sp * B;
      // Unary operations: the top slot; binary ones: their right operand (only used when sp ≥ 1).
      double* av = V + (sp ? sp - 1 : 0) * B;
      double* ad = D + (sp ? sp - 1 : 0) * B;
      switch (in.op) {
        case Op::constant:
        case Op::param: {
          const double c = in.op == Op::constant ? in.value : params[in.index];
          std::fill(v, v + m, c);
          if constexpr (Dual) std::fill(d, d + m, 0.0);
          ++sp;
          continue;
        }
        case Op::x:
          std::copy(xb, xb + m, v);
          if constexpr (Dual) std::fill(d, d + m, 1.0);
          ++sp;
          continue;
        default: break;
      }
      if (in.op == Op::catalogue) {
        const FnInfo& row = info(static_cast<Fn>(in.index));
        const std::size_t base = sp - in.nargs;
        double p[alab::kMaxParams];
        default_params(row.fn, p);
        // The parameter arguments do not depend on x, so the block's first lane holds each one's value.
        for (std::size_t k = 1; k < in.nargs; ++k) p[k - 1] = V[(base + k) * B];
        double* uv = V + base * B;
        double* ud = D + base * B;
        bool ok = true;
        for (std::size_t k = 0; k < row.param_count(); ++k) ok = ok && std::isfinite(p[k]);
        if (!ok || !params_valid(row.fn, p)) {
          std::fill(uv, uv + m, std::numeric_limits<double>::quiet_NaN());
          if constexpr (Dual) std::fill(ud, ud + m, std::numeric_limits<double>::quiet_NaN());
        } else {
          if constexpr (Dual) {
            row.kernels.derivative_f64(uv, tmp, m, p);
            for (std::size_t i = 0; i < m; ++i) ud[i] = term(ud[i], tmp[i]);
          }
          row.kernels.value_f64(uv, uv, m, p);
        }
        sp = base + 1;
        continue;
      }
      if (in.op == Op::select) {
        double* cv = V + (sp - 3) * B;
        double* cd = D + (sp - 3) * B;
        const double* tv = V + (sp - 2) * B;
        const double* td = D + (sp - 2) * B;
        const double* fv = V + (sp - 1) * B;
        const double* fd = D + (sp - 1) * B;
        for (std::size_t i = 0; i < m; ++i) {
          const double c = cv[i];
          if (std::isnan(c)) {
            cv[i] = c;
            if constexpr (Dual) cd[i] = c;
          } else {
            const bool t = c != 0;
            cv[i] = t ? tv[i] : fv[i];
            if constexpr (Dual) cd[i] = t ? td[i] : fd[i];
          }
        }
        sp -= 2;
        continue;
      }
      // Unary operations work on the top slot in place.
      switch (in.op) {
        case Op::neg:
          for (std::size_t i = 0; i < m; ++i) av[i] = -av[i];
          if constexpr (Dual) for (std::size_t i = 0; i < m; ++i) ad[i] = -ad[i];
          continue;
        case Op::abs:
          for (std::size_t i = 0; i < m; ++i) {
            const double a = av[i];
            if constexpr (Dual) ad[i] = a > 0 ? ad[i] : a < 0 ? -ad[i] : (std::isnan(a) ? a : 0.0);
            av[i] = std::fabs(a);
          }
          continue;
        case Op::exp:
          for (std::size_t i = 0; i < m; ++i) {
            av[i] = std::exp(av[i]);
            if constexpr (Dual) ad[i] = term(ad[i], av[i]);
          }
          continue;
        case Op::log:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], 1.0 / av[i]);
            av[i] = std::log(av[i]);
          }
          continue;
        case Op::log1p:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], 1.0 / (1.0 + av[i]));
            av[i] = std::log1p(av[i]);
          }
          continue;
        case Op::expm1:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], std::exp(av[i]));
            av[i] = std::expm1(av[i]);
          }
          continue;
        case Op::sqrt:
          for (std::size_t i = 0; i < m; ++i) {
            av[i] = std::sqrt(av[i]);
            if constexpr (Dual) ad[i] = term(ad[i], 0.5 / av[i]);
          }
          continue;
        case Op::sin:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], std::cos(av[i]));
            av[i] = std::sin(av[i]);
          }
          continue;
        case Op::cos:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], -std::sin(av[i]));
            av[i] = std::cos(av[i]);
          }
          continue;
        case Op::tan:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) {
              const double c = std::cos(av[i]);
              ad[i] = term(ad[i], 1.0 / (c * c));
            }
            av[i] = std::tan(av[i]);
          }
          continue;
        case Op::sinh:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], std::cosh(av[i]));
            av[i] = std::sinh(av[i]);
          }
          continue;
        case Op::cosh:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], std::sinh(av[i]));
            av[i] = std::cosh(av[i]);
          }
          continue;
        case Op::erf:
          for (std::size_t i = 0; i < m; ++i) {
            if constexpr (Dual) ad[i] = term(ad[i], kTwoOverSqrtPi * std::exp(-av[i] * av[i]));
            av[i] = std::erf(av[i]);
          }
          continue;
        default: break;
      }
      // Binary operations: left operand one below the top (sp ≥ 2 here), result written there.
      double* lv = V + (sp - 2) * B;
      double* ld = D + (sp - 2) * B;
      const double* rv = av;
      const double* rd = ad;
      switch (in.op) {
        case Op::add:
          for (std::size_t i = 0; i < m; ++i) lv[i] += rv[i];
          if constexpr (Dual) for (std::size_t i = 0; i < m; ++i) ld[i] += rd[i];
          break;
        case Op::sub:
          for (std::size_t i = 0; i < m; ++i) lv[i] -= rv[i];
          if constexpr (Dual) for (std::size_t i = 0; i < m; ++i) ld[i] -= rd[i];
          break;
        case Op::mul:
          if constexpr (Dual) for (std::size_t i = 0; i < m; ++i) ld[i] = term(ld[i], rv[i]) + term(rd[i], lv[i]);
          for (std::size_t i = 0; i < m; ++i) lv[i] *= rv[i];
          break;
        case Op::div:
          for (std::size_t i = 0; i < m; ++i) {
            const double q = lv[i] / rv[i];
            if constexpr (Dual) ld[i] = term(ld[i], 1.0 / rv[i]) - term(rd[i], q / rv[i]);
            lv[i] = q;
          }
          break;
        case Op::pow:
          for (std::size_t i = 0; i < m; ++i) {
            const double a = lv[i], b = rv[i];
            const double p = std::pow(a, b);
            if constexpr (Dual) {
              // d(a^b) = b·a^(b−1)·da + a^b·ln(a)·db; with a constant exponent only the first term exists.
              ld[i] = term(ld[i], b == 0 ? 0.0 : b * std::pow(a, b - 1)) + term(rd[i], p * std::log(a));
            }
            lv[i] = p;
          }
          break;
        case Op::min:
        case Op::max:
          for (std::size_t i = 0; i < m; ++i) {
            const double a = lv[i], b = rv[i];
            if (std::isnan(a) || std::isnan(b)) {
              lv[i] = a + b;
              if constexpr (Dual) ld[i] = a + b;
              continue;
            }
            const bool take_right = in.op == Op::max ? b > a : b < a;
            if constexpr (Dual) ld[i] = a == b ? closest_to_zero(ld[i], rd[i]) : (take_right ? rd[i] : ld[i]);
            if (take_right) lv[i] = b;
          }
          break;
        case Op::lt:
        case Op::le:
        case Op::gt:
        case Op::ge:
        case Op::eq:
        case Op::ne:
          for (std::size_t i = 0; i < m; ++i) {
            lv[i] = compare(in.op, lv[i], rv[i]);
            if constexpr (Dual) ld[i] = std::isnan(lv[i]) ? lv[i] : 0.0;
          }
          break;
        default: break;
      }
      --sp;
    }
    if (value) std::copy(V, V + m, value + start);
    if constexpr (Dual) {
      if (derivative) std::copy(D, D + m, derivative + start);
    }
  }
}

void Program::evaluate(const double* xs, double* out, std::size_t n, const double* params) const {
  run<false>(xs, out, nullptr, n, params);
}

void Program::evaluate_dual(const double* xs, double* value, double* derivative, std::size_t n,
                            const double* params) const {
  run<true>(xs, value, derivative, n, params);
}

double Program::value_at(double x, const double* params) const {
  double v;
  evaluate(&x, &v, 1, params);
  return v;
}

double Program::derivative_at(double x, const double* params) const {
  double v, d;
  evaluate_dual(&x, &v, &d, 1, params);
  return d;
}

std::vector<std::string> function_names() {
  std::vector<std::string> names;
  for (const Builtin& b : kBuiltins) names.emplace_back(b.name);
  for (const FnInfo& row : catalogue()) names.emplace_back(row.id);
  return names;
}

namespace {

void append_number(std::string& s, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  s += buf;
}

}  // namespace

std::string to_json(const Compiled& compiled) {
  std::string s;
  if (const Error* e = std::get_if<Error>(&compiled)) {
    s = "{\"ok\":false,\"code\":\"";
    s += to_string(e->code);
    s += "\",\"position\":" + std::to_string(e->position) + ",\"length\":" + std::to_string(e->length) +
         ",\"minArgs\":" + std::to_string(e->min_args) + ",\"maxArgs\":" + std::to_string(e->max_args) + "}";
    return s;
  }
  const Program& p = *std::get<std::shared_ptr<Program>>(compiled);
  s = "{\"ok\":true,\"usesX\":";
  s += p.uses_x() ? "true" : "false";
  s += ",\"params\":[";
  for (std::size_t i = 0; i < p.params().size(); ++i) {
    const ParamSpec& q = p.params()[i];
    if (i) s += ',';
    // Names are [A-Za-z_][A-Za-z0-9_]*: nothing to escape.
    s += "{\"name\":\"" + q.name + "\",\"default\":";
    append_number(s, q.def);
    s += ",\"min\":";
    append_number(s, q.min);
    s += ",\"max\":";
    append_number(s, q.max);
    s += '}';
  }
  s += "]}";
  return s;
}

}  // namespace alab::expr
