#include "core/format_markers.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace alab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMaxMarkerRange = 1e4;

// The boundary of the run of samples, starting at the end `from_high` names, where `holds` is true:
// bisected between the last sample inside and the first outside. NaN when the end sample does not hold,
// or the run is shorter than two samples (a lone rounding step, not a plateau). holds(x) must be cheap.
template <typename Predicate>
double run_boundary(double lo, double hi, bool from_high, Predicate holds) {
  const std::uint32_t n = kMarkerSamples;
  const double step = (hi - lo) / (n - 1);
  auto at = [&](std::uint32_t k) { return from_high ? hi - k * step : lo + k * step; };
  if (!holds(at(0))) return kNaN;
  std::uint32_t k = 1;
  while (k < n && holds(at(k))) ++k;
  if (k < 3) return kNaN;
  if (k == n) return kNaN;  // it holds over the whole range: no boundary inside it
  double inside = at(k - 1), outside = at(k);
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (inside + outside);
    if (mid == inside || mid == outside) break;
    (holds(mid) ? inside : outside) = mid;
  }
  return inside;
}

}  // namespace

std::string check_markers(Fn fn, const double* params, double lo, double hi) {
  if (static_cast<std::size_t>(fn) >= kFnCount) return "unknown activation";
  if (!(std::isfinite(lo) && std::isfinite(hi) && lo < hi)) return "range must be [lo, hi] with finite lo < hi";
  if (std::fabs(lo) > kMaxMarkerRange || std::fabs(hi) > kMaxMarkerRange) {
    char message[120];
    std::snprintf(message, sizeof message, "range must lie within ±%g", kMaxMarkerRange);
    return message;
  }
  return check_params(fn, params);
}

double exp_overflow_threshold(NumberFormat format) {
  // exp is increasing, so bisect on "rounds to a finite value"; 710 is past float64's overflow.
  double finite = 0, infinite = 710;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (finite + infinite);
    if (mid == finite || mid == infinite) break;
    (std::isinf(round_to_format(std::exp(mid), format)) ? infinite : finite) = mid;
  }
  return finite;
}

FormatMarkers format_markers(Fn fn, const double* params, NumberFormat format, double lo, double hi) {
  const Kernels& k = info(fn).kernels;
  auto value = [&](double x) { return k.value(x, params); };
  auto slope = [&](double x) { return k.derivative(x, params); };
  auto rounded = [&](double v) { return round_to_format(v, format); };
  FormatMarkers m{kNaN, kNaN, kNaN, kNaN, kNaN};
  for (const bool high : {true, false}) {
    const double end = high ? hi : lo;
    const double end_rounded = rounded(value(end));
    // A plateau of the rounded value that float64 still resolves.
    double& saturates = high ? m.saturates_above : m.saturates_below;
    saturates = run_boundary(lo, hi, high, [&](double x) { return rounded(value(x)) == end_rounded; });
    if (!std::isnan(saturates) && slope(saturates) == 0) saturates = kNaN;  // truly flat, e.g. hardtanh
    double& flat = high ? m.derivative_zero_above : m.derivative_zero_below;
    flat = run_boundary(lo, hi, high, [&](double x) {
      const double d = slope(x);
      return d != 0 && rounded(d) == 0;
    });
  }
  const double overflow = exp_overflow_threshold(format);
  m.exp_overflow = (overflow >= lo && overflow <= hi) ? overflow : kNaN;
  return m;
}

}  // namespace alab
