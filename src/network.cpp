#include "network.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "activations.hpp"
#include "network_activations.hpp"

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

const char* to_string(OutputFn f) {
  switch (f) {
    case OutputFn::sigmoid: return "sigmoid";
    case OutputFn::tanh: return "tanh";
    case OutputFn::count: break;
  }
  return "";
}

const char* to_string(Loss l) {
  switch (l) {
    case Loss::squared: return "squared";
    case Loss::cross_entropy: return "cross_entropy";
    case Loss::count: break;
  }
  return "";
}

const char* to_string(Init i) {
  switch (i) {
    case Init::torch_default: return "torch_default";
    case Init::xavier: return "xavier";
    case Init::he: return "he";
    case Init::equal: return "equal";
    case Init::count: break;
  }
  return "";
}

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
  if (static_cast<std::size_t>(spec.activation) >= kFnCount) return "unknown activation";
  if (std::string problem = check_params(spec.activation, spec.params); !problem.empty()) return problem;
  if (spec.output >= OutputFn::count) return "output must be sigmoid or tanh";
  if (spec.loss >= Loss::count) return "loss must be squared or cross_entropy";
  if (spec.init >= Init::count) return "init must be torch_default, xavier, he or equal";
  if (!(spec.learning_rate > 0 && spec.learning_rate <= kMaxLearningRate)) {
    std::snprintf(message, sizeof message, "learning rate must be in (0, %g], got %g", kMaxLearningRate,
                  spec.learning_rate);
    return message;
  }
  return {};
}

Network::Network(const NetworkSpec& spec)
    : spec_(spec), kernels_(info(spec.activation).kernels), rng_(spec.seed) {
  const std::size_t layers = layer_count();
  std::size_t total = 0;
  for (std::size_t l = 0; l < layers; ++l) {
    offsets_.push_back(total);
    total += static_cast<std::size_t>(spec_.layers[l + 1]) * (spec_.layers[l] + 1);
  }
  params_.assign(total, 0.0);
  grads_.assign(total, 0.0);
  for (std::size_t l = 0; l < layers; ++l) {
    const std::size_t in = spec_.layers[l], out = spec_.layers[l + 1];
    double* w = params_.data() + offsets_[l];
    double* b = w + in * out;
    const double fan_in = static_cast<double>(in), fan_out = static_cast<double>(out);
    for (std::size_t k = 0; k < in * out; ++k) {
      switch (spec_.init) {
        case Init::torch_default: w[k] = rng_.uniform(-1.0, 1.0) / std::sqrt(fan_in); break;
        case Init::xavier: w[k] = rng_.uniform(-1.0, 1.0) * std::sqrt(6.0 / (fan_in + fan_out)); break;
        case Init::he: w[k] = rng_.normal() * std::sqrt(2.0 / fan_in); break;
        case Init::equal:
        case Init::count: w[k] = 1.0 / std::sqrt(fan_in); break;
      }
    }
    for (std::size_t j = 0; j < out; ++j) {
      b[j] = spec_.init == Init::torch_default ? rng_.uniform(-1.0, 1.0) / std::sqrt(fan_in) : 0.0;
    }
  }
  acts_.resize(layers + 1);
  derivs_.resize(layers + 1);
  deltas_.resize(layers + 1);
  reserve(kChunk);
}

void Network::reserve(std::size_t batch) {
  if (batch <= capacity_) return;
  for (std::size_t l = 0; l < acts_.size(); ++l) {
    const std::size_t size = batch * spec_.layers[l];
    acts_[l].resize(size);
    derivs_[l].resize(size);
    deltas_[l].resize(size);
  }
  labels_.resize(batch);
  capacity_ = batch;
}

void Network::load_points(const double* xs, std::size_t batch) {
  double* x = acts_[0].data();
  double* y = x + batch;
  for (std::size_t s = 0; s < batch; ++s) x[s] = xs[2 * s], y[s] = xs[2 * s + 1];
}

void Network::forward(std::size_t batch, bool for_training) {
  const std::size_t layers = layer_count();
  const FromOutput shortcut = derivative_from_output(spec_.activation);
  for (std::size_t l = 1; l <= layers; ++l) {
    const std::size_t in = spec_.layers[l - 1], out = spec_.layers[l];
    const double* w = params_.data() + offsets_[l - 1];
    const double* b = w + in * out;
    const double* a = acts_[l - 1].data();
    double* z = acts_[l].data();
    // Unit-major: each unit's values over the batch are contiguous, so the inner loop runs over
    // examples and vectorises.
    for (std::size_t j = 0; j < out; ++j) {
      double* zj = z + j * batch;
      for (std::size_t s = 0; s < batch; ++s) zj[s] = b[j];
      for (std::size_t i = 0; i < in; ++i) {
        const double wji = w[j * in + i];
        const double* ai = a + i * batch;
        for (std::size_t s = 0; s < batch; ++s) zj[s] += wji * ai[s];
      }
    }
    if (l == layers) break;  // the output unit keeps z: the loss is computed stably from it
    const std::size_t count = batch * out;
    double* d = derivs_[l].data();
    if (for_training && shortcut == FromOutput::none) kernels_.derivative_f64(z, d, count, spec_.params);
    if (spec_.activation == Fn::tanh) {
      layer::tanh_in_place(z, count);
    } else if (spec_.activation == Fn::sigmoid) {
      layer::sigmoid_in_place(z, count);
    } else {
      kernels_.value_f64(z, z, count, spec_.params);
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

void Network::backward(std::size_t batch) {
  for (std::size_t l = layer_count(); l >= 1; --l) {
    const std::size_t in = spec_.layers[l - 1], out = spec_.layers[l];
    const double* w = params_.data() + offsets_[l - 1];
    double* gw = grads_.data() + offsets_[l - 1];
    double* gb = gw + in * out;
    const double* a = acts_[l - 1].data();
    const double* delta = deltas_[l].data();
    for (std::size_t j = 0; j < out; ++j) {
      const double* dj = delta + j * batch;
      double bias_sum = 0;
      for (std::size_t s = 0; s < batch; ++s) bias_sum += dj[s];
      gb[j] += bias_sum;
      for (std::size_t i = 0; i < in; ++i) {
        const double* ai = a + i * batch;
        double sum = 0;
        for (std::size_t s = 0; s < batch; ++s) sum += dj[s] * ai[s];
        gw[j * in + i] += sum;
      }
    }
    if (l == 1) break;  // no gradient needed with respect to the inputs
    double* below = deltas_[l - 1].data();
    const double* d = derivs_[l - 1].data();
    for (std::size_t i = 0; i < in; ++i) {
      double* bi = below + i * batch;
      for (std::size_t s = 0; s < batch; ++s) bi[s] = 0;
      for (std::size_t j = 0; j < out; ++j) {
        const double wji = w[j * in + i];
        const double* dj = delta + j * batch;
        for (std::size_t s = 0; s < batch; ++s) bi[s] += wji * dj[s];
      }
      const double* di = d + i * batch;
      for (std::size_t s = 0; s < batch; ++s) bi[s] *= di[s];
    }
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
    for (std::size_t start = 0; start < n; start += batch_max) {
      const std::size_t batch = std::min(batch_max, n - start);
      double* x = acts_[0].data();
      double* y = x + batch;
      for (std::size_t s = 0; s < batch; ++s) {
        const std::size_t k = order_[start + s];
        x[s] = xs[2 * k];
        y[s] = xs[2 * k + 1];
        labels_[s] = ys[k];
      }
      forward(batch, true);
      epoch_loss += output_loss(labels_.data(), batch, true) * static_cast<double>(batch);
      std::fill(grads_.begin(), grads_.end(), 0.0);
      backward(batch);
      const double rate = spec_.learning_rate;
      for (std::size_t k = 0; k < params_.size(); ++k) params_[k] -= rate * grads_[k];
    }
  }
  return epoch_loss / static_cast<double>(n);
}

double Network::loss(const double* xs, const double* ys, std::size_t n) {
  double total = 0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(batch, false);
    total += output_loss(ys + start, batch, false) * static_cast<double>(batch);
  }
  return n ? total / static_cast<double>(n) : 0.0;
}

double Network::accuracy(const double* xs, const double* ys, std::size_t n) {
  std::size_t correct = 0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(batch, false);
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
    forward(batch, true);
    output_loss(ys + start, batch, true);
    // output_loss scaled the deltas by 1/batch; the mean over all n needs batch/n on top.
    double* delta = deltas_.back().data();
    for (std::size_t s = 0; s < batch; ++s) delta[s] *= static_cast<double>(batch) / static_cast<double>(n);
    backward(batch);
  }
  std::copy(grads_.begin(), grads_.end(), out);
}

void Network::predict(const double* xs, std::size_t n, double* out) {
  const double k = spec_.output == OutputFn::tanh ? 2.0 : 1.0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    load_points(xs + 2 * start, batch);
    forward(batch, false);
    const double* z = acts_.back().data();
    for (std::size_t s = 0; s < batch; ++s) out[start + s] = act::sigmoid_of(k * z[s]);
  }
}

void Network::predict_grid(std::uint32_t cols, std::uint32_t rows, double x0, double x1, double y0, double y1,
                           float* out) {
  const double k = spec_.output == OutputFn::tanh ? 2.0 : 1.0;
  const std::size_t n = static_cast<std::size_t>(cols) * rows;
  const double dx = (x1 - x0) / cols, dy = (y1 - y0) / rows;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t batch = std::min(kChunk, n - start);
    double* x = acts_[0].data();
    double* y = x + batch;
    for (std::size_t s = 0; s < batch; ++s) {
      const std::size_t p = start + s;
      x[s] = x0 + (static_cast<double>(p % cols) + 0.5) * dx;
      y[s] = y1 - (static_cast<double>(p / cols) + 0.5) * dy;
    }
    forward(batch, false);
    const double* z = acts_.back().data();
    for (std::size_t s = 0; s < batch; ++s) out[start + s] = static_cast<float>(act::sigmoid_of(k * z[s]));
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
