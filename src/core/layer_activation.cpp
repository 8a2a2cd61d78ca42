#include "layer_activation.hpp"

#include <cmath>

namespace alab {


std::string LayerActivation::check() const {
  if (formula) {
    for (std::size_t k = 0; k < formula->params().size(); ++k) {
      if (!std::isfinite(formula_params[k])) return "parameter " + formula->params()[k].name + " must be finite";
    }
    return {};
  }
  if (static_cast<std::size_t>(fn) >= kFnCount) return "unknown activation";
  return check_params(fn, params);
}

void LayerActivation::value(const double* x, double* out, std::size_t n) const {
  if (formula) formula->evaluate(x, out, n, formula_params.data());
  else info(fn).kernels.value_f64(x, out, n, params);
}

void LayerActivation::derivative(const double* x, double* d, std::size_t n) const {
  if (formula) formula->evaluate_dual(x, nullptr, d, n, formula_params.data());
  else info(fn).kernels.derivative_f64(x, d, n, params);
}

void LayerActivation::value_and_derivative(const double* x, double* v, double* d, std::size_t n) const {
  if (formula) {
    formula->evaluate_dual(x, v, d, n, formula_params.data());
    return;
  }
  // The derivative first: v may overwrite x.
  const Kernels& k = info(fn).kernels;
  k.derivative_f64(x, d, n, params);
  k.value_f64(x, v, n, params);
}

void LayerActivation::value_f32(const float* x, float* out, std::size_t n, std::vector<double>& scratch) const {
  if (!formula) {
    info(fn).kernels.value_f32(x, out, n, params);
    return;
  }
  if (scratch.size() < n) scratch.resize(n);
  for (std::size_t i = 0; i < n; ++i) scratch[i] = x[i];
  formula->evaluate(scratch.data(), scratch.data(), n, formula_params.data());
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(scratch[i]);
}

}  // namespace alab
