#include "depth_gradients.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

#include "core/random.hpp"
#include "demos/init.hpp"

namespace alab {
namespace {

double norm(const double* v, std::size_t n) {
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += v[i] * v[i];
  return std::sqrt(sum);
}

}  // namespace

std::string check_depth(const DepthSpec& spec) {
  char message[160];
  if (spec.depth < 1 || spec.depth > kMaxDepth) {
    std::snprintf(message, sizeof message, "depth must be in [1, %u], got %u", kMaxDepth, spec.depth);
    return message;
  }
  if (spec.width < 1 || spec.width > kMaxDepthWidth) {
    std::snprintf(message, sizeof message, "width must be in [1, %u], got %u", kMaxDepthWidth, spec.width);
    return message;
  }
  if (spec.samples < 1 || spec.samples > kMaxDepthSamples) {
    std::snprintf(message, sizeof message, "samples must be in [1, %u], got %u", kMaxDepthSamples, spec.samples);
    return message;
  }
  if (spec.init >= Init::count) return "unknown init";
  return spec.activation.check();
}

void gradient_by_depth(const DepthSpec& spec, double* out) {
  const std::size_t depth = spec.depth, width = spec.width;
  const LayerActivation& f = spec.activation;
  Random rng(spec.seed);
  std::vector<double> weights(depth * width * width), biases(depth * width);
  for (std::size_t l = 0; l < depth; ++l) {
    init_layer(spec.init, width, width, 1.0 / std::sqrt(static_cast<double>(width)), rng, &weights[l * width * width],
               &biases[l * width]);
  }
  // h[l] is the input of layer l (h[0] the sample), z[l] its pre-activation.
  std::vector<double> h((depth + 1) * width), z(depth * width), delta(width), below(width);
  for (std::size_t l = 0; l < 2 * depth; ++l) out[l] = 0;
  for (std::uint32_t sample = 0; sample < spec.samples; ++sample) {
    for (std::size_t i = 0; i < width; ++i) h[i] = rng.normal();
    for (std::size_t l = 0; l < depth; ++l) {
      const double* w = &weights[l * width * width];
      const double* in = &h[l * width];
      double* zl = &z[l * width];
      for (std::size_t j = 0; j < width; ++j) {
        double sum = biases[l * width + j];
        for (std::size_t i = 0; i < width; ++i) sum += w[j * width + i] * in[i];
        zl[j] = sum;
      }
      f.value(zl, &h[(l + 1) * width], width);
    }
    // ∂L/∂h_top = g; then δ_l = f′(z_l) ⊙ ∂L/∂h_(l+1) and ∂L/∂h_l = W_lᵀ δ_l, downwards.
    for (std::size_t j = 0; j < width; ++j) below[j] = 1.0 / std::sqrt(static_cast<double>(width));
    for (std::size_t l = depth; l-- > 0;) {
      f.derivative(&z[l * width], delta.data(), width);
      for (std::size_t j = 0; j < width; ++j) delta[j] *= below[j];
      const double delta_norm = norm(delta.data(), width);
      out[l] += delta_norm;
      out[depth + l] += delta_norm * norm(&h[l * width], width);
      const double* w = &weights[l * width * width];
      for (std::size_t i = 0; i < width; ++i) below[i] = 0;
      for (std::size_t j = 0; j < width; ++j) {
        for (std::size_t i = 0; i < width; ++i) below[i] += w[j * width + i] * delta[j];
      }
    }
  }
  for (std::size_t l = 0; l < 2 * depth; ++l) out[l] /= spec.samples;
}

}  // namespace alab
