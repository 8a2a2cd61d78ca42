#include "wasm/format_heap_api.hpp"

#include "core/catalogue.hpp"
#include "core/format_markers.hpp"
#include "core/number_format.hpp"

namespace alab::heap {

std::string format_options_json() {
  std::string json = "{\"formats\":[";
  for (int i = 0; i < static_cast<int>(NumberFormat::count); ++i) {
    json += std::string(i ? ",\"" : "\"") + to_string(static_cast<NumberFormat>(i)) + "\"";
  }
  return json + "],\"markerSamples\":" + std::to_string(kMarkerSamples) + "}";
}

bool round_values(Address xs, std::uint32_t n, int format, Address out) {
  if (format < 0 || format >= static_cast<int>(NumberFormat::count) || (n && (!xs || !out))) return false;
  round_to_format(reinterpret_cast<const double*>(xs), n, static_cast<NumberFormat>(format),
                  reinterpret_cast<double*>(out));
  return true;
}

std::string markers_check(int fn_index, Address params, double lo, double hi) {
  if (fn_index < 0 || static_cast<std::size_t>(fn_index) >= kFnCount) return "unknown activation";
  if (!params) return "missing parameters";
  return check_markers(static_cast<Fn>(fn_index), reinterpret_cast<const double*>(params), lo, hi);
}

bool markers(int fn_index, Address params, double lo, double hi, Address out) {
  if (!markers_check(fn_index, params, lo, hi).empty() || !out) return false;
  double* o = reinterpret_cast<double*>(out);
  for (int f = 0; f < static_cast<int>(NumberFormat::count); ++f) {
    const FormatMarkers m = format_markers(static_cast<Fn>(fn_index), reinterpret_cast<const double*>(params),
                                           static_cast<NumberFormat>(f), lo, hi);
    const double values[5] = {m.saturates_above, m.saturates_below, m.derivative_zero_above, m.derivative_zero_below,
                              m.exp_overflow};
    for (int i = 0; i < 5; ++i) o[5 * f + i] = values[i];
  }
  return true;
}

}  // namespace alab::heap
