// The vanishing-gradient experiment: a deep stack of square fully connected layers, each followed by
// the same activation, fed standard-normal inputs; a unit gradient is propagated back from the top
// and its size is measured at every layer. With sigmoid each layer multiplies it by σ′ ≤ 1/4 (times
// the weights' gain), so it collapses geometrically; ReLU with He initialisation holds it steady.
#pragma once

#include <cstdint>
#include <string>

#include "core/catalogue.hpp"
#include "core/layer_activation.hpp"
#include "demos/network/network.hpp"

namespace alab {

inline constexpr std::uint32_t kMaxDepth = 100;
inline constexpr std::uint32_t kMaxDepthWidth = 128;
inline constexpr std::uint32_t kMaxDepthSamples = 256;

struct DepthSpec {
  std::uint32_t depth = 10;   // layers, 1..kMaxDepth
  std::uint32_t width = 32;   // units per layer (and inputs), 1..kMaxDepthWidth
  LayerActivation activation{.fn = Fn::sigmoid, .params = {0, 0}, .formula = nullptr, .formula_params = {}};
  Init init = Init::torch_default;  // same schemes as the training network (network.hpp)
  std::uint32_t samples = 8;  // random inputs averaged over, 1..kMaxDepthSamples
  std::uint64_t seed = 1;
};

// Empty when the spec is in range, else a message naming the problem.
std::string check_depth(const DepthSpec& spec);

// For each layer l (0 = nearest the input) writes, averaged over the samples:
//   out[l]         = ‖∂L/∂z_l‖₂, the gradient reaching that layer's pre-activations,
//   out[depth + l] = ‖∂L/∂W_l‖_F = ‖∂L/∂z_l‖ · ‖h_(l−1)‖, what SGD would change its weights by,
// where L = g·h_top with g the unit vector (1, …, 1)/√width. One network (one seed) for all samples.
// Precondition: check_depth(spec) is empty; `out` holds 2·depth doubles.
void gradient_by_depth(const DepthSpec& spec, double* out);

}  // namespace alab
