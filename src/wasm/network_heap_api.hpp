// Entry points for the WebAssembly binding of the demos (network, datasets, depth gradients, output
// histograms). Arrays live in the module's linear memory and cross as addresses; networks are held
// here and named by integer handles, so no C++ object is ever exposed to JavaScript. Nothing throws:
// the check functions return a message (empty = fine) and the others return false, -1 or NaN on bad input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "heap_api.hpp"

namespace alab::wasm {

// {"datasets": [...], "outputs": [...], "losses": [...], "inits": [...], "limits": {...}} — the names
// and bounds the JS wrapper validates against, so they are written once, here.
std::string demo_options_json();

// An activation crosses as an int32 and kLayerParams doubles: a catalogue index (≥ 0) with its parameters
// in catalogue order, or −handle of a compiled formula (expression_heap_api.hpp) with its parameters' values.
inline constexpr std::size_t kLayerParams = 8;
// fns: fn_count int32 activations (one for every hidden layer, or one per hidden layer); params:
// fn_count × kLayerParams doubles.
std::string network_check(Address layers, std::uint32_t layer_count, Address fns, std::uint32_t fn_count,
                          Address params, int output, int loss, double learning_rate, double weight_decay, int init,
                          double init_value);
// A new network's handle (≥ 0), or -1 when network_check would complain.
int network_create(Address layers, std::uint32_t layer_count, Address fns, std::uint32_t fn_count, Address params,
                   int output, int loss, double learning_rate, double weight_decay, double seed, int init,
                   double init_value);
bool network_delete(int handle);
// Network::train; NaN for a bad handle or arguments.
double network_train(int handle, Address xs, Address ys, std::uint32_t n, std::uint32_t epochs,
                     std::uint32_t batch_size);
double network_loss(int handle, Address xs, Address ys, std::uint32_t n);
double network_accuracy(int handle, Address xs, Address ys, std::uint32_t n);
bool network_predict(int handle, Address xs, std::uint32_t n, Address out);
// Writes cols·rows float32 probabilities at `out`, and each hidden unit's map at `unit_maps` unless it is 0.
bool network_predict_grid(int handle, std::uint32_t cols, std::uint32_t rows, double x0, double x1, double y0,
                          double y1, Address out, Address unit_maps);
// Network::evaluate: loss, accuracy, dead share per hidden layer (2 + hidden layers doubles at `out`).
bool network_evaluate(int handle, Address xs, Address ys, std::uint32_t n, Address out);
// Network::gradient_norms: one double per weight layer at `out`.
bool network_gradient_norms(int handle, Address out);
bool network_gradient(int handle, Address xs, Address ys, std::uint32_t n, Address out);
// Address of the network's parameters (stable for its lifetime; 0 for a bad handle) and their count.
Address network_parameters(int handle);
std::uint32_t network_parameter_count(int handle);
// Writes m₀, m₁, c of Network::collapsed.
bool network_collapsed(int handle, Address out);

std::string dataset_check(int dataset, std::uint32_t n, double noise);
bool dataset_make(int dataset, std::uint32_t n, double noise, double seed, Address xs, Address ys);

// fn_index and params: one activation as above.
std::string depth_check(std::uint32_t depth, std::uint32_t width, int fn_index, Address params, int init,
                        std::uint32_t samples);
// Writes 2·depth doubles (see gradient_by_depth).
bool depth_gradients(std::uint32_t depth, std::uint32_t width, int fn_index, Address params, int init,
                     std::uint32_t samples, double seed, Address out);

std::string histogram_check(int fn_index, Address params, std::uint32_t samples, double scale, std::uint32_t bins,
                            double lo, double hi);
// Writes bins + 4 doubles (see output_histogram).
bool histogram(int fn_index, Address params, std::uint32_t samples, double scale, double seed, std::uint32_t bins,
               double lo, double hi, Address out);

}  // namespace alab::wasm
