#include "demos/init.hpp"

#include <cmath>

namespace alab {

void init_layer(Init init, std::size_t in, std::size_t out, double value, Random& rng, double* w, double* b) {
  const double fan_in = static_cast<double>(in), fan_out = static_cast<double>(out);
  for (std::size_t k = 0; k < in * out; ++k) {
    switch (init) {
      case Init::torch_default: w[k] = rng.uniform(-1.0, 1.0) / std::sqrt(fan_in); break;
      case Init::xavier: w[k] = rng.uniform(-1.0, 1.0) * std::sqrt(6.0 / (fan_in + fan_out)); break;
      case Init::xavier_normal: w[k] = rng.normal() * std::sqrt(2.0 / (fan_in + fan_out)); break;
      case Init::he: w[k] = rng.normal() * std::sqrt(2.0 / fan_in); break;
      case Init::lecun: w[k] = rng.normal() / std::sqrt(fan_in); break;
      case Init::zeros: w[k] = 0.0; break;
      case Init::constant: w[k] = value; break;
      case Init::equal:
      case Init::count: w[k] = 1.0 / std::sqrt(fan_in); break;
    }
  }
  for (std::size_t j = 0; j < out; ++j) {
    b[j] = init == Init::torch_default ? rng.uniform(-1.0, 1.0) / std::sqrt(fan_in) : 0.0;
  }
}

}  // namespace alab
