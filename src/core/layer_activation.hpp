// An activation as the demos apply it to a whole layer: a catalogue row with its parameters, or the reader's
// own compiled formula (expression.hpp) with its parameters' values. Either way the layer is evaluated over
// arrays, value and derivative together, so the training network and the depth experiment treat both alike.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/expression.hpp"

namespace alab {

struct LayerActivation {
  Fn fn = Fn::tanh;
  double params[kMaxParams] = {0, 0};  // the row's parameters, catalogue order
  // When set, the formula is used and `fn`, `params` are not; its parameters in the program's order.
  std::shared_ptr<const expr::Program> formula;
  std::array<double, expr::kMaxParams> formula_params{};

  bool is_formula() const { return formula != nullptr; }
  // Empty when the activation can be evaluated, else a message naming the problem.
  std::string check() const;
  // out[i] = f(x[i]); out may be x.
  void value(const double* x, double* out, std::size_t n) const;
  // d[i] = f′(x[i]).
  void derivative(const double* x, double* d, std::size_t n) const;
  // v[i] = f(x[i]) and d[i] = f′(x[i]); v may be x (d must not be).
  void value_and_derivative(const double* x, double* v, double* d, std::size_t n) const;
  // out[i] = f(x[i]) in float32 (the decision map); out may be x. A formula is evaluated in float64 through
  // `scratch`, which is grown as needed.
  void value_f32(const float* x, float* out, std::size_t n, std::vector<double>& scratch) const;
};

}  // namespace alab
