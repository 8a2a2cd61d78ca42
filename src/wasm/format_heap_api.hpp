// Address-based entry points for the number formats (number_format.hpp, format_markers.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "boundary.hpp"

namespace alab::wasm {

// {"formats": ["float64", "float32", "bfloat16", "float16"], "markerSamples": …}
std::string format_options_json();
// out[i] = xs[i] rounded to the format (an index into the list above); false (writing nothing) for a bad
// format or address.
bool round_values(Address xs, std::uint32_t n, int format, Address out);
// Empty when markers can be found for this function, its parameters and range, else the reason.
std::string markers_check(int fn_index, Address params, double lo, double hi);
// Writes 5 doubles per format (saturates above, below, derivative zero above, below, exp overflow), in
// the list's order: 20 doubles.
bool markers(int fn_index, Address params, double lo, double hi, Address out);

}  // namespace alab::wasm
