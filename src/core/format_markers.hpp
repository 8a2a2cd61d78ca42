// Where rounding to a number format changes what an activation can tell apart, over a range [lo, hi]:
// the values and derivatives of a catalogue function are computed in float64 and then rounded
// (round_to_format), and the markers are found by sampling the range and bisecting each change.
#pragma once

#include <cstdint>
#include <string>

#include "core/catalogue.hpp"
#include "core/number_format.hpp"

namespace alab {

// NaN where the range holds no such point.
struct FormatMarkers {
  // The rounded value no longer changes from here to the range's end (or start) although the function
  // still does (its derivative is not 0): the output saturates (sigmoid rounds to exactly 1 above ≈ 8.3
  // in float16).
  double saturates_above, saturates_below;
  // The rounded derivative is exactly 0 from here to the range's end (start) although the float64
  // derivative is not: in this format no gradient flows back through the unit.
  double derivative_zero_above, derivative_zero_below;
  // exp(x) rounds to +∞ above this x (a property of the format, shown when it lies in the range).
  double exp_overflow;
};

inline constexpr std::uint32_t kMarkerSamples = 4096;

// Empty when the arguments are valid (lo < hi, both finite, within ±1e4), else a message.
std::string check_markers(Fn fn, const double* params, double lo, double hi);

// Precondition: check_markers(...) is empty.
FormatMarkers format_markers(Fn fn, const double* params, NumberFormat format, double lo, double hi);

// The x above which exp(x) rounds to +∞ in the format.
double exp_overflow_threshold(NumberFormat format);

}  // namespace alab
