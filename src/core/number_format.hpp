// Rounding to the narrower floating-point formats used in training: float32, bfloat16 and float16, each
// by IEEE 754 round-to-nearest, ties to even, directly from a double (one rounding, never through float32,
// which would round twice), with each format's subnormals, overflow to ±∞ and NaN kept NaN.
//   float32   8 exponent bits, 24-bit significand, largest 3.4028235e38, smallest subnormal 2^-149
//   bfloat16  8 exponent bits,  8-bit significand, largest 3.3895314e38, smallest subnormal 2^-133
//   float16   5 exponent bits, 11-bit significand, largest 65504,        smallest subnormal 2^-24
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace alab {

// `count` last and the name table beside it, in enum order (the names the JS API uses).
enum class NumberFormat : std::uint8_t { float64, float32, bfloat16, float16, count };
inline constexpr const char* kNumberFormatNames[] = {"float64", "float32", "bfloat16", "float16"};
static_assert(std::size(kNumberFormatNames) == static_cast<std::size_t>(NumberFormat::count));

// The format's name; "" for `count`.
inline const char* to_string(NumberFormat f) {
  return f < NumberFormat::count ? kNumberFormatNames[static_cast<std::size_t>(f)] : "";
}

struct FormatInfo {
  int significand_bits;  // precision p, the implicit bit included
  int min_exponent;      // exponent of the smallest normal number (2^min_exponent)
  int max_exponent;      // exponent of the largest finite number's leading bit
  double max_finite;
};

FormatInfo format_info(NumberFormat f);

// x rounded to the nearest value of format f (ties to even), as a double (exact). float64 returns x.
double round_to_format(double x, NumberFormat f);

void round_to_format(const double* xs, std::size_t n, NumberFormat f, double* out);

// The 16-bit patterns: bits → value (exact, as a double) and value → the bits of its rounding.
double half_from_bits(std::uint16_t bits);
double bfloat16_from_bits(std::uint16_t bits);
std::uint16_t half_bits(double x);
std::uint16_t bfloat16_bits(double x);

}  // namespace alab
