// Weight initialisation schemes shared by the training network and the gradients-by-depth experiment,
// with PyTorch's nn.init formulas (fan_in = inputs of the layer, fan_out = its units):
//   torch_default  W, b ~ U(±1/√fan_in)              nn.Linear's own reset_parameters (kaiming_uniform_(a=√5))
//   zeros          W = 0, b = 0                       nn.init.zeros_
//   constant       W = value, b = 0                   nn.init.constant_(w, value)
//   xavier         W ~ U(±√(6/(fan_in+fan_out)))      nn.init.xavier_uniform_
//   xavier_normal  W ~ N(0, 2/(fan_in+fan_out))       nn.init.xavier_normal_
//   he             W ~ N(0, 2/fan_in)                 nn.init.kaiming_normal_ (fan_in, relu gain √2)
//   lecun          W ~ N(0, 1/fan_in)                 nn.init.kaiming_normal_(nonlinearity='linear')
//   equal          W = 1/√fan_in, b = 0               every unit alike (the symmetry demo)
// Biases are 0 except for torch_default, as after nn.init.zeros_(bias). The normal draws are Random::normal
// (Irwin–Hall, tails at ±6σ), so a seed gives the same weights on every platform, bit for bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

#include "core/random.hpp"

namespace alab {

// Like the network's option enums: `count` last and the name table beside it, in enum order (the names the
// JS API and links use). A value added without its name fails the build.
enum class Init : std::uint8_t { torch_default, xavier, he, equal, zeros, constant, xavier_normal, lecun, count };
inline constexpr const char* kInitNames[] = {"torch_default", "xavier",   "he",           "equal",
                                             "zeros",         "constant", "xavier_normal", "lecun"};
static_assert(std::size(kInitNames) == static_cast<std::size_t>(Init::count));

// The value's name; "" for `count`.
inline const char* to_string(Init i) { return i < Init::count ? kInitNames[static_cast<std::size_t>(i)] : ""; }

// Fills one layer: w (out × in, row-major) first, then b (out), drawing from `rng` in that order.
// `value` is the constant init's weight (ignored by the others).
void init_layer(Init init, std::size_t in, std::size_t out, double value, Random& rng, double* w, double* b);

}  // namespace alab
