#include "format_heap_api.hpp"

#include <iterator>

#include "core/catalogue.hpp"
#include "core/format_markers.hpp"
#include "core/number_format.hpp"
#include "json.hpp"

namespace alab::wasm {

std::string format_options_json() {
  std::string out = "{";
  json::append_key(out, "formats"), json::append_names(out, kNumberFormatNames, std::size(kNumberFormatNames));
  out += ',';
  json::append_key(out, "markerSamples"), json::append_number(out, kMarkerSamples);
  return out + "}";
}

bool round_values(Address xs, std::uint32_t n, int format, Address out) {
  const NumberFormat f = enum_of<NumberFormat>(format);
  if (f == NumberFormat::count || (n && (!xs || !out))) return false;
  round_to_format(at<const double>(xs), n, f, at<double>(out));
  return true;
}

std::string markers_check(int fn_index, Address params, double lo, double hi) {
  if (!fn_index_valid(fn_index)) return "unknown activation";
  if (!params) return "missing parameters";
  return check_markers(static_cast<Fn>(fn_index), at<const double>(params), lo, hi);
}

bool markers(int fn_index, Address params, double lo, double hi, Address out) {
  if (!markers_check(fn_index, params, lo, hi).empty() || !out) return false;
  double* o = at<double>(out);
  for (int f = 0; f < static_cast<int>(NumberFormat::count); ++f) {
    const FormatMarkers m =
        format_markers(static_cast<Fn>(fn_index), at<const double>(params), static_cast<NumberFormat>(f), lo, hi);
    const double values[5] = {m.saturates_above, m.saturates_below, m.derivative_zero_above, m.derivative_zero_below,
                              m.exp_overflow};
    for (int i = 0; i < 5; ++i) o[5 * f + i] = values[i];
  }
  return true;
}

}  // namespace alab::wasm
