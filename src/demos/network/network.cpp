#include "network.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/activations.hpp"
#include "layer_kernels.hpp"

namespace alab {
namespace {

// Rows per pass when evaluating many points: big enough to amortise the per-layer calls, small enough
// to stay in cache.
constexpr std::size_t kChunk = 256;

// Activations whose derivative is a cheap function of their output: saves the second transcendental
// evaluation per unit in training (sech² from tanh, σ(1−σ) from σ; exact enough for SGD and matching
// PyTorch's kink conventions).
enum class FromOutput { none, identity, relu, sigmoid, tanh };

FromOutput derivative_from_output(Fn fn) {
  switch (fn) {
    case Fn::identity: return FromOutput::identity;
    case Fn::relu: return FromOutput::relu;
    case Fn::sigmoid: return FromOutput::sigmoid;
    case Fn::tanh: return FromOutput::tanh;
    default: return FromOutput::none;
  }
}

}  // namespace

std::string check_network(const NetworkSpec& spec) {
  char message[200];
  const auto& layers = spec.layers;
  if (layers.size() < 2 || layers.size() > kMaxHidden + 2) {
    std::snprintf(message, sizeof message, "layers must list 2 to %zu sizes (input, up to %zu hidden, output), got %zu",
                  kMaxHidden + 2, kMaxHidden, layers.size());
    return message;
  }
  if (layers.front() != 2) return "layers must start with 2 (the inputs are points in the plane)";
  if (layers.back() != 1) return "layers must end with 1 (one output unit: the probability of class 1)";
  for (std::size_t l = 1; l + 1 < layers.size(); ++l) {
    if (layers[l] < 1 || layers[l] > kMaxWidth) {
      std::snprintf(message, sizeof message, "hidden layer %zu must have 1 to %u units, got %u", l, kMaxWidth,
                    layers[l]);
      return message;
    }
  }
  const std::size_t hidden = layers.size() - 2;
  if (spec.activations.size() != 1 && spec.activations.size() != hidden) {
    std::snprintf(message, sizeof message, "activations must list one function or one per hidden layer (%zu), got %zu",
                  hidden, spec.activations.size());
    return message;
  }
  for (std::size_t l = 0; l < spec.activations.size(); ++l) {
    const LayerActivation& a = spec.activations[l];
    if (std::string problem = a.check(); !problem.empty()) {
      if (spec.activations.size() == 1) return problem;
      std::snprintf(message, sizeof message, "hidden layer %zu: %s", l + 1, problem.c_str());
      return message;
    }
  }
  if (spec.output >= OutputFn::count) return "output must be sigmoid or tanh";
  if (spec.loss >= Loss::count) return "loss must be squared or cross_entropy";
  if (spec.init >= Init::count) {
    return "init must be torch_default, zeros, constant, xavier, xavier_normal, he, lecun or equal";
  }
  if (!(std::fabs(spec.init_value) <= kMaxInitValue)) {
    std::snprintf(message, sizeof message, "the constant init's value must be in [-%g, %g], got %g", kMaxInitValue,
                  kMaxInitValue, spec.init_value);
    return message;
  }
  if (!(spec.weight_decay >= 0 && spec.weight_decay <= kMaxWeightDecay)) {
    std::snprintf(message, sizeof message, "weight decay must be in [0, %g], got %g", kMaxWeightDecay,
                  spec.weight_decay);
    return message;
  }
  if (!(spec.learning_rate > 0 && spec.learning_rate <= kMaxLearningRate)) {
    std::snprintf(message, sizeof message, "learning rate must be in (0, %g], got %g", kMaxLearningRate,
                  spec.learning_rate);
    return message;
  }
  return {};
}

Network::Network(const NetworkSpec& spec) : spec_(spec), rng_(spec.seed) {
  const std::size_t layers = layer_count();
  for (std::size_t l = 0; l + 1 < layers; ++l) {
    activations_.push_back(activation_of(spec_, l));
  }
  std::size_t total = 0;
  for (std::size_t l = 0; l < layers; ++l) {
    offsets_.push_back(total);
    total += static_cast<std::size_t>(spec_.layers[l + 1]) * (spec_.layers[l] + 1);
  }
  params_.assign(total, 0.0);
  grads_.assign(total, 0.0);
  grad_norms_.assign(layers, 0.0);
  grad_sums_.assign(layers, 0.0);
  for (std::size_t l = 0; l < layers; ++l) {
    const std::size_t in = spec_.layers[l], out = spec_.layers[l + 1];
    double* w = params_.data() + offsets_[l];
    init_layer(spec_.init, in, out, spec_.init_value, rng_, w, w + in * out);
  }
  acts_.resize(layers + 1);
  derivs_.resize(layers + 1);
  deltas_.resize(layers + 1);
  reserve(kChunk);
}

void Network::reserve(std::size_t batch) {
  const std::size_t lanes = padded(batch);
  if (lanes <= capacity_) return;
  for (std::size_t l = 0; l < acts_.size(); ++l) {
    const std::size_t size = lanes * spec_.layers[l];
    acts_[l].assign(size, 0.0);
    derivs_[l].assign(size, 0.0);
    deltas_[l].assign(size, 0.0);
  }
  labels_.assign(lanes, 0.0);
  capacity_ = lanes;
}

void Network::load_points(const double* xs, std::size_t batch) {
  stride_ = padded(batch);
  double* x = acts_[0].data();
  double* y = x + stride_;
  for (std::size_t s = 0; s < batch; ++s) x[s] = xs[2 * s], y[s] = xs[2 * s + 1];
  for (std::size_t s = batch; s < stride_; ++s) x[s] = y[s] = 0;
}

void Network::forward(bool for_training) {
  const std::size_t layers = layer_count(), stride = stride_;
  for (std::size_t l = 1; l <= layers; ++l) {
    const std::size_t in = spec_.layers[l - 1], out = spec_.layers[l];
    const double* w = params_.data() + offsets_[l - 1];
    layer::affine_pairs(w, w + in * out, in, out, acts_[l - 1].data(), acts_[l].data(), stride);
    if (l == layers) break;  // the output unit keeps z: the loss is computed stably from it
    const LayerActivation& act = activations_[l - 1];
    const FromOutput shortcut = act.is_formula() ? FromOutput::none : derivative_from_output(act.fn);
    double* z = acts_[l].data();
    const std::size_t count = stride * out;
    double* d = derivs_[l].data();
    if (act.is_formula()) {
      if (for_training) act.value_and_derivative(z, z, d, count);
      else act.value(z, z, count);
      continue;
    }
    if (for_training && shortcut == FromOutput::none) info(act.fn).kernels.derivative_f64(z, d, count, act.params);
    if (act.fn == Fn::tanh) {
      layer::tanh_in_place(z, count);
    } else if (act.fn == Fn::sigmoid) {
      layer::sigmoid_in_place(z, count);
    } else {
      act.value(z, z, count);
    }
    if (!for_training) continue;
    switch (shortcut) {
      case FromOutput::identity: std::fill(d, d + count, 1.0); break;
      case FromOutput::relu:
        for (std::size_t k = 0; k < count; ++k) d[k] = z[k] > 0 ? 1.0 : 0.0;
        break;
      case FromOutput::sigmoid:
        for (std::size_t k = 0; k < count; ++k) d[k] = z[k] * (1.0 - z[k]);
        break;
      case FromOutput::tanh:
        for (std::size_t k = 0; k < count; ++k) d[k] = 1.0 - z[k] * z[k];
        break;
      case FromOutput::none: break;
    }
  }
}

double Network::output_loss(const double* labels, std::size_t batch, bool want_delta) {
  const double* z = acts_.back().data();
  double* delta = deltas_.back().data();
  double* o = derivs_.back().data();  // unused by backward for the output layer: scratch for f(z)
  const double scale = 1.0 / static_cast<double>(batch);
  // Padding lanes carry no example: a zero delta keeps them out of every gradient.
  for (std::size_t s = batch; s < stride_; ++s) delta[s] = 0;
  double total = 0;
  if (spec_.loss == Loss::cross_entropy) {
    // tanh output: p = (tanh z + 1)/2 = σ(2z), so both outputs are a logistic of u = k·z, and
    // loss = softplus(u) − y·u, ∂loss/∂z = k·(σ(u) − y), both from e = e^(−|u|).
    const double k = spec_.output == OutputFn::tanh ? 2.0 : 1.0;
    for (std::size_t s = 0; s < batch; ++s) {
      const double u = k * z[s], y = labels[s];
      const double e = std::exp(-std::fabs(u));
      total += std::max(u, 0.0) + std::log1p(e) - y * u;
      if (want_delta) delta[s] = k * ((u >= 0 ? 1.0 : e) / (1.0 + e) - y) * scale;
    }
    return total * scale;
  }
  // Squared loss (o − t)² on the output itself; tanh's targets are the labels mapped to −1/+1.
  std::copy(z, z + batch, o);
  const bool tanh_output = spec_.output == OutputFn::tanh;
  if (tanh_output) layer::tanh_in_place(o, batch);
  else layer::sigmoid_in_place(o, batch);
  for (std::size_t s = 0; s < batch; ++s) {
    const double t = tanh_output ? 2.0 * labels[s] - 1.0 : labels[s];
    const double error = o[s] - t;
    total += error * error;
    const double slope = tanh_output ? 1.0 - o[s] * o[s] : o[s] * (1.0 - o[s]);
    if (want_delta) delta[s] = 2.0 * error * slope * scale;
  }
  return total * scale;
}

void Network::backward(double rate) {
  const std::size_t stride = stride_;
  for (std::size_t l = layer_count(); l >= 1; --l) {
    const std::size_t in = spec_.layers[l - 1], out = spec_.layers[l];
    double* w = params_.data() + offsets_[l - 1];
    const double* a = acts_[l - 1].data();
    const double* delta = deltas_[l].data();
    // The deltas below need this layer's weights as they were in the forward pass, so they come
    // before the weights change.
    if (l > 1) {
      layer::backpropagate_pairs(w, in, out, delta, derivs_[l - 1].data(), deltas_[l - 1].data(), stride);
    }
    // ∂loss/∂W[j][i] = Σ_s δ_j[s]·a_i[s] and ∂loss/∂b[j] = Σ_s δ_j[s]: applied at once as an SGD
    // step (rate > 0), or accumulated into grads_ (rate = 0, for gradient()).
    double* target = rate > 0 ? w : grads_.data() + offsets_[l - 1];
    const double sign = rate > 0 ? -rate : 1.0;
    if (rate > 0 && spec_.weight_decay > 0) {
      // w ← w − rate·(g + λ·w): the decay uses the weights of the forward pass, as the gradient does.
      const double keep = 1.0 - rate * spec_.weight_decay;
      for (std::size_t k = 0; k < in * out; ++k) w[k] *= keep;
    }
    layer::outer_sums_pairs(delta, a, in, out, stride, sign, target, target + in * out,
                            rate > 0 ? &grad_sums_[l - 1] : nullptr);
    if (l == 1) break;
  }
}

double Network::train(const double* xs, const double* ys, std::size_t n, std::uint32_t epochs,
                      std::uint32_t batch_size) {
  if (n == 0 || epochs == 0 || batch_size == 0) return 0;
  const std::size_t batch_max = std::min<std::size_t>(batch_size, n);
  reserve(batch_max);
  if (order_.size() != n) {
    order_.resize(n);
    for (std::size_t i = 0; i < n; ++i) order_[i] = static_cast<std::uint32_t>(i);
  }
  double epoch_loss = 0;
  for (std::uint32_t e = 0; e < epochs; ++e) {
    for (std::size_t i = n - 1; i > 0; --i) {
      std::swap(order_[i], order_[rng_.below(static_cast<std::uint32_t>(i + 1))]);
    }
    epoch_loss = 0;
    std::fill(grad_sums_.begin(), grad_sums_.end(), 0.0);
    grad_steps_ = 0;
    for (std::size_t start = 0; start < n; start += batch_max) {
      const std::size_t batch = std::min(batch_max, n - start);
      stride_ = padded(batch);
      double* x = acts_[0].data();
      double* y = x + stride_;
      for (std::size_t s = 0; s < batch; ++s) {
        const std::size_t k = order_[start + s];
        x[s] = xs[2 * k];
        y[s] = xs[2 * k + 1];
        labels_[s] = ys[k];
      }
      for (std::size_t s = batch; s < stride_; ++s) x[s] = y[s] = 0;
      forward(true);
      epoch_loss += output_loss(labels_.data(), batch, true) * static_cast<double>(batch);
      backward(spec_.learning_rate);
      ++grad_steps_;
    }
  }
  for (std::size_t l = 0; l < grad_norms_.size(); ++l) {
    grad_norms_[l] = std::sqrt(grad_sums_[l] / static_cast<double>(grad_steps_));
  }
  return epoch_loss / static_cast<double>(n);
}

double Network::loss(const double* xs, const double* ys, std::size_t n) {
  double total = 0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(false);
    total += output_loss(ys + start, batch, false) * static_cast<double>(batch);
  }
  return n ? total / static_cast<double>(n) : 0.0;
}

void Network::evaluate(const double* xs, const double* ys, std::size_t n, double* out) {
  const std::size_t hidden = hidden_count();
  // alive[u]: hidden unit u (layer by layer) gave a non-zero output somewhere.
  bool alive[kMaxHidden * kMaxWidth] = {};
  double total = 0;
  std::size_t correct = 0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(false);
    total += output_loss(ys + start, batch, false) * static_cast<double>(batch);
    const double* z = acts_.back().data();
    for (std::size_t s = 0; s < batch; ++s) correct += (z[s] >= 0) == (ys[start + s] > 0.5);
    for (std::size_t l = 0; l < hidden; ++l) {
      const double* a = acts_[l + 1].data();
      for (std::size_t j = 0; j < spec_.layers[l + 1]; ++j) {
        bool& unit = alive[l * kMaxWidth + j];
        for (std::size_t s = 0; s < batch && !unit; ++s) unit = a[j * stride_ + s] != 0.0;
      }
    }
  }
  out[0] = n ? total / static_cast<double>(n) : 0.0;
  out[1] = n ? static_cast<double>(correct) / static_cast<double>(n) : 0.0;
  for (std::size_t l = 0; l < hidden; ++l) {
    std::size_t dead = 0;
    for (std::size_t j = 0; j < spec_.layers[l + 1]; ++j) dead += !alive[l * kMaxWidth + j];
    out[2 + l] = n ? static_cast<double>(dead) / spec_.layers[l + 1] : 0.0;
  }
}

double Network::accuracy(const double* xs, const double* ys, std::size_t n) {
  std::size_t correct = 0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(false);
    const double* z = acts_.back().data();
    for (std::size_t s = 0; s < batch; ++s) correct += (z[s] >= 0) == (ys[start + s] > 0.5);
  }
  return n ? static_cast<double>(correct) / static_cast<double>(n) : 0.0;
}

void Network::gradient(const double* xs, const double* ys, std::size_t n, double* out) {
  std::fill(grads_.begin(), grads_.end(), 0.0);
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(true);
    output_loss(ys + start, batch, true);
    // output_loss scaled the deltas by 1/batch; the mean over all n needs batch/n on top.
    double* delta = deltas_.back().data();
    for (std::size_t s = 0; s < batch; ++s) delta[s] *= static_cast<double>(batch) / static_cast<double>(n);
    backward(0.0);
  }
  std::copy(grads_.begin(), grads_.end(), out);
}

void Network::predict(const double* xs, std::size_t n, double* out) {
  const double k = spec_.output == OutputFn::tanh ? 2.0 : 1.0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(false);
    const double* z = acts_.back().data();
    for (std::size_t s = 0; s < batch; ++s) out[start + s] = act::sigmoid_of(k * z[s]);
  }
}

void Network::collapsed(double* out) const {
  // m (width × 2) and c (width) for the current layer, starting from the first layer's W and b.
  double m[kMaxWidth][2] = {}, c[kMaxWidth] = {};
  double next_m[kMaxWidth][2], next_c[kMaxWidth];
  std::size_t width = 2;
  for (std::size_t j = 0; j < 2; ++j) m[j][j] = 1.0;
  for (std::size_t l = 0; l < layer_count(); ++l) {
    const std::size_t in = spec_.layers[l], units = spec_.layers[l + 1];
    const double* w = params_.data() + offsets_[l];
    const double* b = w + in * units;
    for (std::size_t j = 0; j < units; ++j) {
      next_m[j][0] = next_m[j][1] = 0;
      next_c[j] = b[j];
      for (std::size_t i = 0; i < width; ++i) {
        next_m[j][0] += w[j * in + i] * m[i][0];
        next_m[j][1] += w[j * in + i] * m[i][1];
        next_c[j] += w[j * in + i] * c[i];
      }
    }
    width = units;
    for (std::size_t j = 0; j < width; ++j) m[j][0] = next_m[j][0], m[j][1] = next_m[j][1], c[j] = next_c[j];
  }
  out[0] = m[0][0];
  out[1] = m[0][1];
  out[2] = c[0];
}

}  // namespace alab
