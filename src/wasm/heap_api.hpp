// Entry points for the WebAssembly binding layer: a whole array crosses in one call, by address
// (boundary.hpp). Every function validates its function index and parameters and never throws.
#pragma once

#include <cstdint>
#include <string>

#include "boundary.hpp"

namespace alab::wasm {

// Empty when `fn_index` names a catalogue row and the kMaxParams doubles at `params` are valid for it.
std::string check(int fn_index, Address params);

// out[i] = f(xs[i]) or f'(xs[i]) for i < n; float64 arrays. Returns false (writing nothing) on bad input.
bool apply_f64(int fn_index, bool derivative, Address xs, Address out, std::uint32_t n, Address params);
// The same over float32 arrays.
bool apply_f32(int fn_index, bool derivative, Address xs, Address out, std::uint32_t n, Address params);

// Writes z, f(z), f'(z) to out[0..2]; `inputs` and `weights` hold n doubles each.
bool neuron(int fn_index, Address inputs, Address weights, std::uint32_t n, double bias, Address params,
            Address out);

}  // namespace alab::wasm

namespace alab::wasm {

// Empty when softmax over n values at `temperature` is valid, else the reason.
std::string softmax_check(std::uint32_t n, double temperature);
// out[i] = softmax(xs/temperature)[i] for i < n (float64 arrays). Returns false (writing nothing) on bad input.
bool softmax(Address xs, Address out, std::uint32_t n, double temperature);

}  // namespace alab::wasm

namespace alab::wasm {

// out[0..n) = torch.manual_seed(seed); torch.randn(n) as float32, where seed = seed_hi·2^32 + seed_lo (the
// unsigned value torch.manual_seed stores). Returns false (writing nothing) for n above kMaxRandn.
constexpr std::uint32_t kMaxRandn = 10'000'000;
bool torch_randn(std::uint32_t seed_lo, std::uint32_t seed_hi, std::uint32_t n, Address out);

}  // namespace alab::wasm
