#include "datasets.hpp"

#include <cmath>
#include <cstdio>

#include "core/random.hpp"

namespace alab {
namespace {

constexpr double kPi = 3.141592653589793238462643383279502884;

// sin and cos from + and × only (libm's last bit differs between glibc and musl, and the data must
// not). Reduced to |r| ≤ π/4, the Taylor series to degree 17 is accurate to about 1e-16.
void sin_cos(double angle, double& s, double& c) {
  const double quadrant = std::floor(angle / (kPi / 2) + 0.5);
  const double r = angle - quadrant * (kPi / 2);
  const double r2 = r * r;
  double sin_r = 0, cos_r = 0;
  double term = r;
  for (int k = 1; k <= 17; k += 2) {  // r, −r³/3!, r⁵/5!, …
    sin_r += term;
    term *= -r2 / ((k + 1) * (k + 2));
  }
  term = 1;
  for (int k = 0; k <= 16; k += 2) {  // 1, −r²/2!, r⁴/4!, …
    cos_r += term;
    term *= -r2 / ((k + 1) * (k + 2));
  }
  const long q = static_cast<long>(quadrant) & 3;
  if (q == 0) s = sin_r, c = cos_r;
  else if (q == 1) s = cos_r, c = -sin_r;
  else if (q == 2) s = -sin_r, c = -cos_r;
  else s = -cos_r, c = sin_r;
}

// Two quadrant pairs: the label (alternating, so the classes balance) picks the sign of y relative to
// x. The gap of 0.05 around the axes keeps labels unambiguous before noise.
void xor_point(Random& rng, double label, double& x, double& y) {
  auto coordinate = [&rng] {
    const double v = rng.uniform(-1.0, 1.0);
    return v + (v > 0 ? 0.05 : -0.05) * (1.0 - std::fabs(v));
  };
  x = coordinate();
  y = std::fabs(coordinate());
  if ((x > 0) != (label > 0)) y = -y;
}

// Class 1 inside radius 0.5, class 0 in the ring 0.7–1.0; rejection sampling keeps both uniform in area.
void circle_point(Random& rng, bool inner, double& x, double& y) {
  for (;;) {
    x = rng.uniform(-1.0, 1.0);
    y = rng.uniform(-1.0, 1.0);
    const double r2 = x * x + y * y;
    if (inner ? r2 < 0.25 : (r2 > 0.49 && r2 < 1.0)) return;
  }
}

}  // namespace

std::optional<Dataset> find_dataset(std::string_view id) {
  for (int i = 0; i < static_cast<int>(Dataset::count); ++i) {
    if (id == dataset_id(static_cast<Dataset>(i))) return static_cast<Dataset>(i);
  }
  return std::nullopt;
}

std::string check_dataset(std::uint32_t n, double noise) {
  char message[160];
  if (n < kMinDatasetSize || n > kMaxDatasetSize) {
    std::snprintf(message, sizeof message, "dataset size n must be in [%u, %u], got %u", kMinDatasetSize,
                  kMaxDatasetSize, n);
    return message;
  }
  if (!(noise >= 0 && noise <= kMaxDatasetNoise)) {
    std::snprintf(message, sizeof message, "dataset noise must be in [0, %g], got %g", kMaxDatasetNoise, noise);
    return message;
  }
  return {};
}

void make_dataset(Dataset d, std::uint32_t n, double noise, std::uint64_t seed, double* xs, double* ys) {
  Random rng(seed);
  for (std::uint32_t i = 0; i < n; ++i) {
    double x = 0, y = 0, label = (i % 2 == 0) ? 1.0 : 0.0;
    switch (d) {
      case Dataset::xor_quadrants: xor_point(rng, label, x, y); break;
      case Dataset::circle: circle_point(rng, label > 0, x, y); break;
      case Dataset::spirals: {
        // Two interleaved arms, 1.75 turns each, from the centre out to radius 0.9.
        const double t = static_cast<double>(i / 2) / static_cast<double>((n + 1) / 2);
        const double angle = 1.75 * 2 * kPi * t + (label > 0 ? 0.0 : kPi);
        double s = 0, c = 0;
        sin_cos(angle, s, c);
        x = 0.9 * t * c;
        y = 0.9 * t * s;
        break;
      }
      case Dataset::gaussians: {
        const double centre = label > 0 ? 0.5 : -0.5;
        x = centre + 0.2 * rng.normal();
        y = centre + 0.2 * rng.normal();
        break;
      }
      case Dataset::count: break;
    }
    if (noise > 0) {
      x += noise * rng.normal();
      y += noise * rng.normal();
    }
    xs[2 * i] = x;
    xs[2 * i + 1] = y;
    ys[i] = label;
  }
}

}  // namespace alab
