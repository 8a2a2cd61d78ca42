// Network::predict_grid: the decision-boundary heat map, in float32 (see network.hpp).
#include <algorithm>

#include "network.hpp"
#include "layer_kernels.hpp"

namespace alab {

void Network::predict_grid(std::uint32_t cols, std::uint32_t rows, double x0, double x1, double y0, double y1,
                           float* out, float* unit_maps) {
  constexpr std::size_t kGridChunk = 512;
  const std::size_t layers = layer_count();
  grid_params_.assign(params_.begin(), params_.end());
  grid_acts_.resize(2 * kMaxWidth * kGridChunk);
  float* buffers[2] = {grid_acts_.data(), grid_acts_.data() + kMaxWidth * kGridChunk};
  const float logit_scale = spec_.output == OutputFn::tanh ? 2.0f : 1.0f;  // p = σ(z) or σ(2z)
  const double dx = (x1 - x0) / cols, dy = (y1 - y0) / rows;
  const std::size_t n = static_cast<std::size_t>(cols) * rows;
  std::uint32_t col = 0, row = 0;
  std::size_t unit_base[kMaxHidden + 1] = {};  // index of each hidden layer's first unit among all hidden units
  for (std::size_t l = 1; l + 1 <= layers; ++l) unit_base[l] = unit_base[l - 1] + spec_.layers[l];
  for (std::size_t start = 0; start < n; start += kGridChunk) {
    const std::size_t batch = std::min(kGridChunk, n - start);
    const std::size_t stride = (batch + 3) & ~std::size_t{3};  // padding lanes are computed, not written out
    float* x = buffers[0];
    float* y = x + stride;
    for (std::size_t s = 0; s < batch; ++s) {
      x[s] = static_cast<float>(x0 + (col + 0.5) * dx);
      y[s] = static_cast<float>(y1 - (row + 0.5) * dy);
      if (++col == cols) col = 0, ++row;
    }
    for (std::size_t s = batch; s < stride; ++s) x[s] = y[s] = 0;
    float* z = buffers[0];
    for (std::size_t l = 1; l <= layers; ++l) {
      const std::size_t in = spec_.layers[l - 1], units = spec_.layers[l];
      const float* w = grid_params_.data() + offsets_[l - 1];
      const float* a = buffers[(l - 1) % 2];
      z = buffers[l % 2];
      layer::affine_quads(w, w + in * units, in, units, a, z, stride);
      if (l == layers) break;
      const LayerActivation& act = activations_[l - 1];
      if (!act.is_formula() && act.fn == Fn::tanh) layer::tanh_in_place_quads(z, stride * units);
      else if (!act.is_formula() && act.fn == Fn::sigmoid) layer::sigmoid_in_place_quads(z, stride * units);
      else act.value_f32(z, z, stride * units, grid_scratch_);
      if (unit_maps) {
        for (std::size_t j = 0; j < units; ++j) {
          std::copy(z + j * stride, z + j * stride + batch, unit_maps + (unit_base[l - 1] + j) * n + start);
        }
      }
    }
    for (std::size_t s = 0; s < stride; ++s) z[s] *= logit_scale;
    layer::sigmoid_in_place_quads(z, stride);
    std::copy(z, z + batch, out + start);
  }
}

}  // namespace alab
