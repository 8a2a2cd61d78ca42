#include "core/number_format.hpp"

#include <cmath>
#include <cstring>
#include <limits>

namespace alab {
namespace {

std::uint64_t bits_of(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

// 2^e for e within the double's normal range.
double pow2(int e) {
  const std::uint64_t b = static_cast<std::uint64_t>(e + 1023) << 52;
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// Round x to p significant bits with exponents clamped below at emin (subnormals), overflow above
// max_finite: x/q is an exact scaling by a power of two, so nearbyint (ties to even, the default mode)
// is the only rounding.
double round_generic(double x, const FormatInfo& f) {
  if (std::isnan(x)) return x;
  if (x == 0 || std::isinf(x)) return x;
  const double a = std::fabs(x);
  // Exponent of the leading bit of |x| (doubles below 2^-1022 are far below every format's subnormals).
  const int e = static_cast<int>((bits_of(a) >> 52) & 0x7ff) - 1023;
  if (e < -1022) return std::copysign(0.0, x);
  const int quantum_exponent = (e < f.min_exponent ? f.min_exponent : e) - (f.significand_bits - 1);
  if (quantum_exponent < -1022) return std::copysign(0.0, x);  // cannot happen for these formats
  const double q = pow2(quantum_exponent);
  const double r = std::nearbyint(a / q) * q;
  if (r > f.max_finite) return std::copysign(std::numeric_limits<double>::infinity(), x);
  return std::copysign(r, x);
}

double from_bits(std::uint16_t bits, int exponent_bits, int fraction_bits) {
  const int bias = (1 << (exponent_bits - 1)) - 1;
  const int exponent = (bits >> fraction_bits) & ((1 << exponent_bits) - 1);
  const int fraction = bits & ((1 << fraction_bits) - 1);
  const double sign = (bits >> 15) ? -1.0 : 1.0;
  if (exponent == (1 << exponent_bits) - 1) {
    return fraction ? std::numeric_limits<double>::quiet_NaN() : sign * std::numeric_limits<double>::infinity();
  }
  if (exponent == 0) return sign * fraction * pow2(1 - bias - fraction_bits);
  return sign * (static_cast<double>((1 << fraction_bits) | fraction)) * pow2(exponent - bias - fraction_bits);
}

std::uint16_t to_bits(double x, NumberFormat format, int exponent_bits, int fraction_bits) {
  const double r = round_to_format(x, format);
  const std::uint16_t sign = std::signbit(r) ? 0x8000 : 0;
  const int all_ones = (1 << exponent_bits) - 1;
  if (std::isnan(r)) return static_cast<std::uint16_t>(sign | (all_ones << fraction_bits) | (1 << (fraction_bits - 1)));
  if (std::isinf(r)) return static_cast<std::uint16_t>(sign | (all_ones << fraction_bits));
  if (r == 0) return sign;
  const int bias = (1 << (exponent_bits - 1)) - 1;
  const double a = std::fabs(r);
  const int e = static_cast<int>((bits_of(a) >> 52) & 0x7ff) - 1023;
  if (e < 1 - bias) {  // subnormal: the fraction counts units of 2^(1 − bias − fraction_bits)
    return static_cast<std::uint16_t>(sign | static_cast<int>(a / pow2(1 - bias - fraction_bits)));
  }
  const int fraction = static_cast<int>(a / pow2(e - fraction_bits)) - (1 << fraction_bits);
  return static_cast<std::uint16_t>(sign | ((e + bias) << fraction_bits) | fraction);
}

}  // namespace

FormatInfo format_info(NumberFormat f) {
  switch (f) {
    case NumberFormat::float32: return {24, -126, 127, 0x1.fffffep127};
    case NumberFormat::bfloat16: return {8, -126, 127, 0x1.fep127};
    case NumberFormat::float16: return {11, -14, 15, 65504.0};
    case NumberFormat::float64:
    case NumberFormat::count: break;
  }
  return {53, -1022, 1023, std::numeric_limits<double>::max()};
}

double round_to_format(double x, NumberFormat f) {
  if (f == NumberFormat::float64 || f >= NumberFormat::count) return x;
  return round_generic(x, format_info(f));
}

void round_to_format(const double* xs, std::size_t n, NumberFormat f, double* out) {
  const FormatInfo info = format_info(f);
  if (f == NumberFormat::float64 || f >= NumberFormat::count) {
    for (std::size_t i = 0; i < n; ++i) out[i] = xs[i];
    return;
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = round_generic(xs[i], info);
}

double half_from_bits(std::uint16_t bits) { return from_bits(bits, 5, 10); }
double bfloat16_from_bits(std::uint16_t bits) { return from_bits(bits, 8, 7); }
std::uint16_t half_bits(double x) { return to_bits(x, NumberFormat::float16, 5, 10); }
std::uint16_t bfloat16_bits(double x) { return to_bits(x, NumberFormat::bfloat16, 8, 7); }

}  // namespace alab
