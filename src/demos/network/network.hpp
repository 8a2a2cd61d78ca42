// A small fully connected network for the training lab: 2 inputs, up to kMaxHidden hidden layers of up
// to kMaxWidth units, each layer with its own activation (a catalogue row or the reader's formula), one output unit (sigmoid or tanh),
// trained by mini-batch SGD on squared or cross-entropy loss with optional L2 weight decay. Labels are 0 or 1; the "probability of class 1" is
// the sigmoid output, or (tanh output + 1)/2.
//
// Parameters live in one contiguous array, layer by layer from the input: the weights W (out × in,
// row-major: W[j·in + i] connects input i to unit j), then the biases b (out). Gradients use the same
// layout. All working memory is sized once per batch size, so training allocates nothing per step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/layer_activation.hpp"
#include "core/random.hpp"
#include "demos/init.hpp"

namespace alab {

// Each option enum ends in `count` and has its name table beside it, in enum order: the names the JS API and
// links use (lab.demoOptions() lists them). A value added without its name fails the build.
enum class OutputFn : std::uint8_t { sigmoid, tanh, count };
inline constexpr const char* kOutputFnNames[] = {"sigmoid", "tanh"};
static_assert(std::size(kOutputFnNames) == static_cast<std::size_t>(OutputFn::count));

enum class Loss : std::uint8_t { squared, cross_entropy, count };
inline constexpr const char* kLossNames[] = {"squared", "cross_entropy"};
static_assert(std::size(kLossNames) == static_cast<std::size_t>(Loss::count));

// The value's name; "" for `count`. (Init's names are beside it, in demos/init.hpp.)
inline const char* to_string(OutputFn f) { return f < OutputFn::count ? kOutputFnNames[static_cast<std::size_t>(f)] : ""; }
inline const char* to_string(Loss l) { return l < Loss::count ? kLossNames[static_cast<std::size_t>(l)] : ""; }

struct NetworkSpec {
  std::vector<std::uint32_t> layers{2, 8, 8, 1};  // input 2, hidden…, output 1
  // One per hidden layer (input side first), or a single one for every hidden layer.
  std::vector<LayerActivation> activations{LayerActivation{}};
  OutputFn output = OutputFn::sigmoid;
  Loss loss = Loss::cross_entropy;
  double learning_rate = 0.1;
  // λ of the L2 penalty (λ/2)·Σw² on the weights (not the biases): each step also takes λ·w off w·rate.
  double weight_decay = 0;
  std::uint64_t seed = 1;
  Init init = Init::torch_default;
  double init_value = 0.1;  // the constant init's weight
};

inline constexpr std::size_t kMaxHidden = 6;
inline constexpr std::uint32_t kMaxWidth = 8;
inline constexpr double kMaxLearningRate = 10.0;
inline constexpr double kMaxWeightDecay = 1.0;
inline constexpr double kMaxInitValue = 10.0;
inline constexpr std::uint32_t kMaxBatch = 100000;

// The activation of hidden layer l under `spec` (the single entry when there is one for all).
inline const LayerActivation& activation_of(const NetworkSpec& spec, std::size_t l) {
  return spec.activations.size() == 1 ? spec.activations[0] : spec.activations[l];
}

// Empty when `spec` describes a network this class can build, else a message naming the problem.
std::string check_network(const NetworkSpec& spec);

class Network {
 public:
  // Precondition: check_network(spec) is empty.
  explicit Network(const NetworkSpec& spec);

  const NetworkSpec& spec() const { return spec_; }
  std::size_t layer_count() const { return spec_.layers.size() - 1; }  // weight layers
  // Offset of layer l's weights in parameters(); its biases follow at + out·in.
  std::size_t weight_offset(std::size_t l) const { return offsets_[l]; }
  std::span<double> parameters() { return params_; }
  std::span<const double> parameters() const { return params_; }

  // `epochs` passes over the n examples (xs: 2n coordinates, ys: n labels) in a fresh seeded shuffle
  // each epoch, one SGD step per mini-batch of `batch_size` (the last one may be smaller), gradients
  // averaged over the batch as PyTorch's mean-reduced losses do. Returns the mean loss over the last
  // epoch's examples, each measured just before the step that used it.
  double train(const double* xs, const double* ys, std::size_t n, std::uint32_t epochs, std::uint32_t batch_size);

  // Per weight layer (input side first, the output layer last): the root mean square over the last
  // epoch's SGD steps of ‖∂loss/∂W‖ (Frobenius norm of the mini-batch gradient of the data loss, without
  // the L2 term). Zeros before the first training epoch.
  std::span<const double> gradient_norms() const { return grad_norms_; }

  // The hidden layer l's activation (l = 0 nearest the input).
  const LayerActivation& activation(std::size_t l) const { return activations_[l]; }
  std::size_t hidden_count() const { return layer_count() - 1; }

  // One forward pass over the examples with the parameters unchanged: writes the mean loss, the accuracy
  // and, per hidden layer, the share of its units whose output is exactly 0 on every example ("dead").
  // out holds 2 + hidden_count() doubles.
  void evaluate(const double* xs, const double* ys, std::size_t n, double* out);

  // Mean loss over the examples, parameters unchanged.
  double loss(const double* xs, const double* ys, std::size_t n);
  // Fraction of examples whose probability of class 1 is on the label's side of 0.5.
  double accuracy(const double* xs, const double* ys, std::size_t n);
  // Writes the gradient of loss(xs, ys, n) with respect to every parameter (parameters() layout).
  void gradient(const double* xs, const double* ys, std::size_t n, double* out);

  // Probability of class 1 at each of n points (xs: 2n coordinates).
  void predict(const double* xs, std::size_t n, double* out);
  // Probability of class 1 at the centres of a cols × rows grid over [x0, x1] × [y0, y1], row-major,
  // row 0 at the top (y1) as an image is drawn. Computed in float32 (absolute error ~1e-6): it is
  // drawn, not trained on, and four SIMD lanes keep a frame cheap. (network_grid.cpp)
  // With `unit_maps` (cols·rows floats per hidden unit, layer by layer, unit by unit) each hidden unit's
  // output over the same grid is written too.
  void predict_grid(std::uint32_t cols, std::uint32_t rows, double x0, double x1, double y0, double y1,
                    float* out, float* unit_maps = nullptr);

  // The output unit's pre-activation as one affine map z = m·(x, y) + c, found by multiplying the weight
  // matrices as if every hidden activation were the identity — exactly the network when it is.
  // Writes m₀, m₁, c.
  void collapsed(double* out) const;

 private:
  // Examples are processed in pairs (two SIMD lanes); a batch is padded to an even count.
  static std::size_t padded(std::size_t batch) { return (batch + 1) & ~std::size_t{1}; }
  void reserve(std::size_t batch);
  // Copies `batch` interleaved points (x, y, x, y, …) into the input layer; sets stride_.
  void load_points(const double* xs, std::size_t batch);
  // Forward pass over the stride_ lanes of the input layer; keeps f'(z) too if `for_training`.
  void forward(bool for_training);
  // Mean loss of the first `batch` lanes; writes ∂loss/∂z_out into the last delta buffer (scaled by
  // 1/batch, zero in padding lanes).
  double output_loss(const double* labels, std::size_t batch, bool want_delta);
  // Backpropagates the output deltas. rate > 0: applies the SGD step to the parameters directly;
  // rate = 0: adds the gradient to grads_.
  void backward(double rate);

  NetworkSpec spec_;
  std::vector<LayerActivation> activations_;  // one per hidden layer
  std::vector<std::size_t> offsets_;
  std::vector<double> params_, grads_;
  // Per layer l (0 = input): activations a[l], unit-major (unit j's batch values at j·batch …);
  // for l ≥ 1 also f'(z) and the deltas ∂loss/∂z, same layout.
  std::vector<std::vector<double>> acts_, derivs_, deltas_;
  std::vector<double> labels_;
  std::vector<double> grad_norms_, grad_sums_;  // per weight layer; sums of squared norms over an epoch's steps
  std::size_t grad_steps_ = 0;
  std::vector<float> grid_params_, grid_acts_;  // predict_grid's float32 copies, sized once
  std::vector<double> grid_scratch_;            // a formula's float64 lanes in predict_grid
  std::vector<std::uint32_t> order_;
  std::size_t capacity_ = 0;  // lanes per unit the buffers hold
  std::size_t stride_ = 0;    // lanes per unit in the current pass (batch rounded up to even)
  Random rng_;
};

}  // namespace alab
