// What the property analysis (expression_properties.cpp) and its smoothness part (expression_smoothness.cpp)
// share: the samples of f and f′, the scales tolerances are relative to, and the looks at a point from each side.
// Internal to the core; the public interface is expression_properties.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "core/expression.hpp"
#include "core/expression_properties.hpp"

namespace alab::expr::detail {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr std::size_t kFarCount = std::size(kFarPoints);
inline constexpr std::size_t kGridCells = static_cast<std::size_t>(2 * kSampleHalfWidth / kSampleStep);
inline constexpr std::size_t kGridCount = kGridCells + 1;
inline constexpr std::size_t kGridZero = kGridCells / 2;  // the grid's index of x = 0

inline bool finite(double v) { return std::isfinite(v); }
inline double unit(double x) { return std::max(1.0, std::fabs(x)); }

// Offsets (× max(1, |x|)) at which a point is looked at from each side. 0, 1 and 3 judge jumps and unbounded
// growth; 2 and 4 judge bends (far enough apart that rounding of f′, ε·|f′|/offset, stays far below the bend
// tolerance).
inline constexpr double kOffsets[5] = {1e-12, 1e-8, 1e-5, 1e-4, 1e-3};
inline constexpr std::size_t kOffsetCount = std::size(kOffsets);

// Whether |u| (u[k] at kOffsets[k] from a point, on one side) grows without bound towards the point: it grows
// from 10⁻⁴ to 10⁻⁸ and again at least half as much from 10⁻⁸ to 10⁻¹² (a pole, a logarithm), where a bounded
// u settles. NaN beside the point is no growth (x^x is NaN between the negative integers).
inline bool grows(const double* u) {
  const double near = std::fabs(u[0]), mid = std::fabs(u[1]), far = std::fabs(u[3]);
  if (std::isnan(near) || std::isnan(mid)) return false;
  if (std::isinf(near)) return true;
  return mid > far && near - mid >= 0.5 * (mid - far);
}

// Evaluates the program at many points in one call.
class Probe {
 public:
  Probe(const Program& program, const double* params) : program_(program), params_(params) {}
  void values(const std::vector<double>& xs, std::vector<double>& f) const {
    f.resize(xs.size());
    program_.evaluate(xs.data(), f.data(), xs.size(), params_);
  }
  void both(const std::vector<double>& xs, std::vector<double>& f, std::vector<double>& g) const {
    f.resize(xs.size());
    g.resize(xs.size());
    program_.evaluate_dual(xs.data(), f.data(), g.data(), xs.size(), params_);
  }

 private:
  const Program& program_;
  const double* params_;
};

// Every sample, in increasing x: the far points on the left, the grid, the far points on the right.
struct Samples {
  std::vector<double> x, f, g;
  static constexpr std::size_t grid_begin = kFarCount;
  double grid_x(std::size_t i) const { return x[grid_begin + i]; }
  double grid_f(std::size_t i) const { return f[grid_begin + i]; }
  double grid_g(std::size_t i) const { return g[grid_begin + i]; }
  // The far points on one side, in increasing |x| (k < kFarCount).
  std::size_t far(bool positive, std::size_t k) const {
    return positive ? grid_begin + kGridCount + k : kFarCount - 1 - k;
  }
};

// The sizes that tolerances are relative to: the largest |f| and |f′| over [−5, 5] (over the whole grid when
// those are 0 or undefined there), never 0.
struct Scales {
  double f = 0, g = 0;
};

// Every sample of f and f′: far points, grid, far points.
Samples sample(const Probe& probe);
Scales scales_of(const Samples& s);

// Finds the jumps, kinks and bends (and the poles between samples, added to out.undefined_where) and sets
// out.smoothness from them.
void smoothness_of(const Probe& probe, const Samples& s, const Scales& sc, Properties& out);

}  // namespace alab::expr::detail
