// Softmax over a vector with a temperature: out_i = exp(x_i/T) / Σ_j exp(x_j/T). Not elementwise, so it
// has its own entry point rather than a catalogue row.
#pragma once

#include <span>
#include <string>

namespace alab {

// Empty when a softmax of `n` values into `out_n` values at `temperature` is valid, else the reason:
// the temperature must be a finite number > 0 and the output as long as the input.
std::string check_softmax(std::size_t n, std::size_t out_n, double temperature);

// Writes softmax(in/temperature) to out and returns true; returns false (writing nothing) when
// check_softmax fails. Subtracts the maximum first, so no input overflows. NaN anywhere gives NaN
// everywhere; +∞ entries share the probability equally; all −∞ gives NaN (0/0, as in PyTorch).
// `in` and `out` may be the same array.
bool softmax(std::span<const double> in, std::span<double> out, double temperature);

}  // namespace alab
