// One neuron: output = f(w·x + b), the article's "weighted sum, then activation".
#pragma once

#include <span>

#include "catalogue.hpp"

namespace alab {

struct NeuronResult {
  double z;           // w·x + b
  double output;      // f(z)
  double derivative;  // f'(z): how strongly the output reacts to z
};

// `inputs` and `weights` must have the same length; `params` holds kMaxParams values for `fn`.
NeuronResult neuron(std::span<const double> inputs, std::span<const double> weights, double bias, Fn fn,
                    const double* params);

}  // namespace alab
