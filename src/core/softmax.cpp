#include "softmax.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace alab {
namespace {

// exp((x − max)/T) with the subtraction's and the division's rounding errors folded back in to first
// order: for a small T the rounding of x − max would otherwise be multiplied by |x − max|/T.
double scaled_exp(double x, double max, double temperature) {
  const double d = x - max;
  if (!(d / temperature > -800)) return 0.0;  // exp underflows; also x = −∞
  // x − max = d + d_lo exactly (Fast2Sum, larger magnitude first: its intermediates cannot overflow
  // whenever d itself does not).
  const double d_lo = std::fabs(x) >= std::fabs(max) ? -max - (d - x) : x - (d + max);
  const double q = d / temperature;
  const double r = std::fma(-q, temperature, d);  // d − q·T exactly
  const double correction = (r + d_lo) / temperature;
  return std::exp(q) * (1.0 + correction);
}

}  // namespace

std::string check_softmax(std::size_t n, std::size_t out_n, double temperature) {
  if (!(std::isfinite(temperature) && temperature > 0)) {
    char buf[120];
    std::snprintf(buf, sizeof buf, "softmax: temperature must be a finite number > 0, got %g", temperature);
    return buf;
  }
  if (out_n != n) return "softmax: the output must have as many elements as the input";
  return {};
}

bool softmax(std::span<const double> in, std::span<double> out, double temperature) {
  if (!check_softmax(in.size(), out.size(), temperature).empty()) return false;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  double max = -std::numeric_limits<double>::infinity();
  bool any_nan = false;
  for (const double x : in) {
    any_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  if (any_nan || max == -std::numeric_limits<double>::infinity()) {
    for (double& o : out) o = nan;
    return true;
  }
  if (std::isinf(max)) {  // +∞ entries take all the probability, shared equally
    std::size_t count = 0;
    for (const double x : in) count += x == max;
    for (std::size_t i = 0; i < in.size(); ++i) out[i] = in[i] == max ? 1.0 / static_cast<double>(count) : 0.0;
    return true;
  }
  // Neumaier's compensated sum: the normalisation stays within an ulp or two however long the vector.
  double sum = 0, compensation = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const double e = scaled_exp(in[i], max, temperature);
    out[i] = e;
    const double t = sum + e;
    compensation += std::fabs(sum) >= e ? (sum - t) + e : (e - t) + sum;
    sum = t;
  }
  sum += compensation;
  for (double& o : out) o /= sum;
  return true;
}

}  // namespace alab
