#include "network_heap_api.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

#include "demos/datasets.hpp"
#include "demos/depth_gradients.hpp"
#include "demos/network/network.hpp"
#include "demos/output_range.hpp"
#include "expression_heap_api.hpp"
#include "json.hpp"

namespace alab::wasm {
namespace {

static_assert(kLayerParams >= kMaxParams && kLayerParams >= expr::kMaxParams);

std::vector<std::unique_ptr<Network>>& networks() {
  static std::vector<std::unique_ptr<Network>> held;
  return held;
}

Network* find(int handle) {
  auto& held = networks();
  if (handle < 0 || static_cast<std::size_t>(handle) >= held.size()) return nullptr;
  return held[static_cast<std::size_t>(handle)].get();
}

// Seeds cross as doubles (JS numbers); anything not a non-negative integer becomes 0 (the JS side
// validates first, this only keeps the conversion defined).
std::uint64_t seed_of(double seed) {
  return (std::isfinite(seed) && seed >= 0 && seed < 0x1p64) ? static_cast<std::uint64_t>(seed) : 0;
}

void copy_params(Address params, double* out) {
  for (std::size_t i = 0; i < kMaxParams; ++i) out[i] = params ? at<const double>(params)[i] : 0.0;
}

// One activation from the JS side: fn ≥ 0 is a catalogue row with its kMaxParams parameters at `params`;
// fn < 0 names the compiled formula with handle −fn, its parameters' values at `params` (kLayerParams slots).
std::string activation_from(int fn, Address params, LayerActivation& out) {
  if (!params) return "missing parameters";
  if (fn < 0) {
    out.formula = expr_program(-fn);
    if (!out.formula) return "the formula is no longer compiled";
    for (std::size_t k = 0; k < out.formula->params().size(); ++k) out.formula_params[k] = at<const double>(params)[k];
    return {};
  }
  if (!fn_index_valid(fn)) return "unknown activation";
  out.fn = static_cast<Fn>(fn);
  copy_params(params, out.params);
  return {};
}

// fns: fn_count int32 activations (1, or one per hidden layer; see activation_from); params: fn_count ×
// kLayerParams doubles.
std::string spec_of(Address layers, std::uint32_t layer_count, Address fns, std::uint32_t fn_count, Address params,
                    int output, int loss, double learning_rate, double weight_decay, int init, double init_value,
                    NetworkSpec& spec) {
  if (fn_count < 1 || fn_count > kMaxHidden || !fns) return "activations must list 1 to 6 functions";
  if (!params) return "missing parameters";
  if (layer_count > kMaxHidden + 2 || (layer_count && !layers)) return "layers must list 2 to 8 sizes";
  spec.layers.assign(at<const std::uint32_t>(layers), at<const std::uint32_t>(layers) + layer_count);
  spec.activations.assign(fn_count, LayerActivation{});
  for (std::uint32_t l = 0; l < fn_count; ++l) {
    std::string problem = activation_from(at<const std::int32_t>(fns)[l], params + l * kLayerParams * sizeof(double),
                                          spec.activations[l]);
    if (!problem.empty()) return problem;
  }
  spec.output = enum_of<OutputFn>(output);
  spec.loss = enum_of<Loss>(loss);
  spec.init = enum_of<Init>(init);
  spec.init_value = init_value;
  spec.learning_rate = learning_rate;
  spec.weight_decay = weight_decay;
  return check_network(spec);
}

}  // namespace

std::string demo_options_json() {
  std::string out = "{";
  json::append_key(out, "datasets"), json::append_names(out, kDatasetIds, std::size(kDatasetIds)), out += ',';
  json::append_key(out, "outputs"), json::append_names(out, kOutputFnNames, std::size(kOutputFnNames)), out += ',';
  json::append_key(out, "losses"), json::append_names(out, kLossNames, std::size(kLossNames)), out += ',';
  json::append_key(out, "inits"), json::append_names(out, kInitNames, std::size(kInitNames)), out += ',';
  json::append_key(out, "limits"), out += '{';
  const std::pair<const char*, double> limits[] = {
      {"maxHidden", kMaxHidden}, {"maxWidth", kMaxWidth}, {"maxLearningRate", kMaxLearningRate},
      {"maxWeightDecay", kMaxWeightDecay}, {"maxInitValue", kMaxInitValue}, {"maxBatch", kMaxBatch},
      {"minDatasetSize", kMinDatasetSize}, {"maxDatasetSize", kMaxDatasetSize}, {"maxNoise", kMaxDatasetNoise}, {"maxDepth", kMaxDepth}, {"maxDepthWidth", kMaxDepthWidth},
      {"maxDepthSamples", kMaxDepthSamples}, {"maxHistogramSamples", kMaxHistogramSamples},
      {"maxHistogramBins", kMaxHistogramBins}, {"layerParams", kLayerParams}};
  for (const auto& [name, value] : limits) {
    if (out.back() != '{') out += ',';
    json::append_key(out, name), json::append_number(out, value);
  }
  return out + "}}";
}

std::string network_check(Address layers, std::uint32_t layer_count, Address fns, std::uint32_t fn_count,
                          Address params, int output, int loss, double learning_rate, double weight_decay, int init,
                          double init_value) {
  NetworkSpec spec;
  return spec_of(layers, layer_count, fns, fn_count, params, output, loss, learning_rate, weight_decay, init,
                 init_value, spec);
}

int network_create(Address layers, std::uint32_t layer_count, Address fns, std::uint32_t fn_count, Address params,
                   int output, int loss, double learning_rate, double weight_decay, double seed, int init,
                   double init_value) {
  NetworkSpec spec;
  if (!spec_of(layers, layer_count, fns, fn_count, params, output, loss, learning_rate, weight_decay, init,
               init_value, spec)
           .empty()) {
    return -1;
  }
  spec.seed = seed_of(seed);
  auto& held = networks();
  for (std::size_t i = 0; i < held.size(); ++i) {
    if (!held[i]) {
      held[i] = std::make_unique<Network>(spec);
      return static_cast<int>(i);
    }
  }
  held.push_back(std::make_unique<Network>(spec));
  return static_cast<int>(held.size() - 1);
}

bool network_delete(int handle) {
  if (!find(handle)) return false;
  networks()[static_cast<std::size_t>(handle)].reset();
  return true;
}

double network_train(int handle, Address xs, Address ys, std::uint32_t n, std::uint32_t epochs,
                     std::uint32_t batch_size) {
  Network* net = find(handle);
  if (!net || (n && (!xs || !ys)) || batch_size > kMaxBatch) return NAN;
  return net->train(at<const double>(xs), at<const double>(ys), n, epochs, batch_size);
}

double network_loss(int handle, Address xs, Address ys, std::uint32_t n) {
  Network* net = find(handle);
  if (!net || (n && (!xs || !ys))) return NAN;
  return net->loss(at<const double>(xs), at<const double>(ys), n);
}

double network_accuracy(int handle, Address xs, Address ys, std::uint32_t n) {
  Network* net = find(handle);
  if (!net || (n && (!xs || !ys))) return NAN;
  return net->accuracy(at<const double>(xs), at<const double>(ys), n);
}

bool network_predict(int handle, Address xs, std::uint32_t n, Address out) {
  Network* net = find(handle);
  if (!net || (n && (!xs || !out))) return false;
  net->predict(at<const double>(xs), n, at<double>(out));
  return true;
}

bool network_predict_grid(int handle, std::uint32_t cols, std::uint32_t rows, double x0, double x1, double y0,
                          double y1, Address out, Address unit_maps) {
  Network* net = find(handle);
  if (!net || !out || cols == 0 || rows == 0 || !(x0 < x1) || !(y0 < y1)) return false;
  net->predict_grid(cols, rows, x0, x1, y0, y1, at<float>(out), unit_maps ? at<float>(unit_maps) : nullptr);
  return true;
}

bool network_evaluate(int handle, Address xs, Address ys, std::uint32_t n, Address out) {
  Network* net = find(handle);
  if (!net || !out || (n && (!xs || !ys))) return false;
  net->evaluate(at<const double>(xs), at<const double>(ys), n, at<double>(out));
  return true;
}

bool network_gradient_norms(int handle, Address out) {
  Network* net = find(handle);
  if (!net || !out) return false;
  const auto norms = net->gradient_norms();
  std::copy(norms.begin(), norms.end(), at<double>(out));
  return true;
}

bool network_gradient(int handle, Address xs, Address ys, std::uint32_t n, Address out) {
  Network* net = find(handle);
  if (!net || !out || (n && (!xs || !ys))) return false;
  net->gradient(at<const double>(xs), at<const double>(ys), n, at<double>(out));
  return true;
}

Address network_parameters(int handle) {
  Network* net = find(handle);
  return net ? reinterpret_cast<Address>(net->parameters().data()) : 0;
}

std::uint32_t network_parameter_count(int handle) {
  Network* net = find(handle);
  return net ? static_cast<std::uint32_t>(net->parameters().size()) : 0;
}

bool network_collapsed(int handle, Address out) {
  Network* net = find(handle);
  if (!net || !out) return false;
  net->collapsed(at<double>(out));
  return true;
}

std::string dataset_check(int dataset, std::uint32_t n, double noise) {
  if (enum_of<Dataset>(dataset) == Dataset::count) return "unknown dataset";
  return check_dataset(n, noise);
}

bool dataset_make(int dataset, std::uint32_t n, double noise, double seed, Address xs, Address ys) {
  if (!dataset_check(dataset, n, noise).empty() || !xs || !ys) return false;
  make_dataset(static_cast<Dataset>(dataset), n, noise, seed_of(seed), at<double>(xs), at<double>(ys));
  return true;
}

std::string depth_check(std::uint32_t depth, std::uint32_t width, int fn_index, Address params, int init,
                        std::uint32_t samples) {
  DepthSpec spec{.depth = depth, .width = width, .activation = {}, .init = enum_of<Init>(init), .samples = samples,
                 .seed = 0};
  if (std::string problem = activation_from(fn_index, params, spec.activation); !problem.empty()) return problem;
  return check_depth(spec);
}

bool depth_gradients(std::uint32_t depth, std::uint32_t width, int fn_index, Address params, int init,
                     std::uint32_t samples, double seed, Address out) {
  if (!depth_check(depth, width, fn_index, params, init, samples).empty() || !out) return false;
  DepthSpec spec{.depth = depth, .width = width, .activation = {}, .init = static_cast<Init>(init),
                 .samples = samples, .seed = seed_of(seed)};
  activation_from(fn_index, params, spec.activation);
  gradient_by_depth(spec, at<double>(out));
  return true;
}

std::string histogram_check(int fn_index, Address params, std::uint32_t samples, double scale, std::uint32_t bins,
                            double lo, double hi) {
  if (!fn_index_valid(fn_index)) return "unknown activation";
  if (!params) return "missing parameters";
  HistogramSpec spec{.activation = static_cast<Fn>(fn_index), .params = {}, .samples = samples, .scale = scale,
                     .seed = 0, .bins = bins, .lo = lo, .hi = hi};
  copy_params(params, spec.params);
  return check_histogram(spec);
}

bool histogram(int fn_index, Address params, std::uint32_t samples, double scale, double seed, std::uint32_t bins,
               double lo, double hi, Address out) {
  if (!histogram_check(fn_index, params, samples, scale, bins, lo, hi).empty() || !out) return false;
  HistogramSpec spec{.activation = static_cast<Fn>(fn_index), .params = {}, .samples = samples, .scale = scale,
                     .seed = seed_of(seed), .bins = bins, .lo = lo, .hi = hi};
  copy_params(params, spec.params);
  output_histogram(spec, at<double>(out));
  return true;
}

}  // namespace alab::wasm
