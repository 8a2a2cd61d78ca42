#include "neuron.hpp"

#include <cmath>

namespace alab {

NeuronResult neuron(std::span<const double> inputs, std::span<const double> weights, double bias, Fn fn,
                    const double* params) {
  double z = bias;
  const std::size_t n = inputs.size() < weights.size() ? inputs.size() : weights.size();
  for (std::size_t i = 0; i < n; ++i) z = std::fma(weights[i], inputs[i], z);
  const Kernels& k = info(fn).kernels;
  return {z, k.value(z, params), k.derivative(z, params)};
}

}  // namespace alab
