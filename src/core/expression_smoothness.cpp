// Jumps, kinks and bends: where the samples of f or f′ look least like a smooth curve, located by refining the
// interval and judged by looking at the point from each side (expression_properties.hpp says how and where it
// can be wrong).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "core/expression_sampling.hpp"

namespace alab::expr::detail {
namespace {

// Tolerances, relative to the function's own scale (see Scales).
constexpr double kJumpTolerance = 1e-7;   // a jump in f smaller than this is rounding (softplus's switch to x)
constexpr double kKinkTolerance = 1e-6;   // likewise for a jump in f′
constexpr double kBendTolerance = 1e-8;   // a jump in f″ (per unit of x)
constexpr double kCandidateFloor = 1e-9;  // a sample pattern below this is not looked at more closely
constexpr int kRefineSteps = 40;          // halvings that locate a jump, kink or bend

// Grid cells worth a closer look, strongest first (at most kMaxEvents): local maxima of a per-cell measure.
std::vector<std::size_t> strongest_cells(const std::vector<double>& measure) {
  std::vector<std::size_t> cells;
  for (std::size_t i = 0; i < measure.size(); ++i) {
    const double m = measure[i];
    if (!(m > kCandidateFloor)) continue;
    if (i > 0 && measure[i - 1] > m) continue;
    if (i + 1 < measure.size() && !(m > measure[i + 1])) continue;
    cells.push_back(i);
  }
  std::sort(cells.begin(), cells.end(), [&](std::size_t a, std::size_t b) { return measure[a] > measure[b]; });
  if (cells.size() > kMaxEvents) cells.resize(kMaxEvents);
  return cells;
}

// Locates, from each starting cell (widened by half a step, or to the four samples the slope measure read), the
// point where u (f or f′) is least like a straight line: each step keeps the one of three half-length
// sub-intervals (left, centre, right) whose midpoint departs most from the chord, so a jump, kink or bend stays
// inside (and is at the centre of one of them when it sits on a split point). Returns the located points; a
// start that meets a non-finite value is dropped.
std::vector<double> locate(const Probe& probe, const Samples& s, const std::vector<std::size_t>& cells,
                           bool derivative) {
  const std::size_t n = cells.size();
  std::vector<double> a(n), b(n), ua(n), ub(n);
  std::vector<bool> alive(n, true);
  std::vector<double> xs, f, g;
  auto u_of = [&](const std::vector<double>& at) {
    if (derivative) probe.both(at, f, g);
    else probe.values(at, f);
  };
  xs.resize(2 * n);
  for (std::size_t j = 0; j < n; ++j) {
    // The samples the cell's measure read: its own two, and for f′ one more on each side.
    const std::size_t first = derivative ? cells[j] - 1 : cells[j], last = derivative ? cells[j] + 2 : cells[j] + 1;
    a[j] = s.grid_x(first) - (derivative ? 0 : kSampleStep / 2);
    b[j] = s.grid_x(last) + (derivative ? 0 : kSampleStep / 2);
    xs[2 * j] = a[j], xs[2 * j + 1] = b[j];
  }
  u_of(xs);
  for (std::size_t j = 0; j < n; ++j) {
    const std::vector<double>& u = derivative ? g : f;
    ua[j] = u[2 * j], ub[j] = u[2 * j + 1];
    alive[j] = finite(f[2 * j]) && finite(f[2 * j + 1]) && finite(ua[j]) && finite(ub[j]);
  }
  xs.resize(3 * n);
  for (int step = 0; step < kRefineSteps; ++step) {
    for (std::size_t j = 0; j < n; ++j) {
      const double len = b[j] - a[j];
      xs[3 * j] = a[j] + len / 4, xs[3 * j + 1] = a[j] + len / 2, xs[3 * j + 2] = a[j] + 3 * len / 4;
    }
    u_of(xs);
    const std::vector<double>& u = derivative ? g : f;
    for (std::size_t j = 0; j < n; ++j) {
      if (!alive[j]) continue;
      const double p[5] = {a[j], xs[3 * j], xs[3 * j + 1], xs[3 * j + 2], b[j]};
      const double v[5] = {ua[j], u[3 * j], u[3 * j + 1], u[3 * j + 2], ub[j]};
      bool ok = true;
      for (std::size_t k = 1; k < 4; ++k) ok = ok && finite(v[k]) && finite(f[3 * j + k - 1]);
      if (!ok) {
        alive[j] = false;
        continue;
      }
      std::size_t best = 0;
      double best_dev = -1;
      for (std::size_t k = 0; k < 3; ++k) {
        const double dev = std::fabs(v[k + 1] - (v[k] + v[k + 2]) / 2);
        if (dev > best_dev) best_dev = dev, best = k;
      }
      a[j] = p[best], b[j] = p[best + 2], ua[j] = v[best], ub[j] = v[best + 2];
    }
  }
  std::vector<double> out;
  for (std::size_t j = 0; j < n; ++j) {
    if (!alive[j]) continue;
    // Located to about 10⁻¹⁴; a point that close to a grid sample is that sample (relu's kink is at 0, not 7e-15).
    const double x = a[j] + (b[j] - a[j]) / 2, node = std::round(x / kSampleStep) * kSampleStep;
    out.push_back(std::fabs(x - node) <= 1e-12 * unit(x) ? node + 0.0 : x);  // + 0.0: not −0
  }
  return out;
}

// What a located point is, judged from f and f′ on each side of it at offsets kOffsets × max(1, |x|).
enum class Event { none, singular, jump, kink, bend };


struct Sides {
  double f_left[kOffsetCount], f_right[kOffsetCount], g_left[kOffsetCount], g_right[kOffsetCount];
  double x, g_mid;
};

std::vector<Sides> sides_of(const Probe& probe, const std::vector<double>& points) {
  constexpr std::size_t stride = 1 + 2 * kOffsetCount;
  std::vector<double> xs, f, g;
  for (double x0 : points) {
    xs.push_back(x0);
    for (double d : kOffsets) xs.push_back(x0 - d * unit(x0)), xs.push_back(x0 + d * unit(x0));
  }
  probe.both(xs, f, g);
  std::vector<Sides> out(points.size());
  for (std::size_t j = 0; j < points.size(); ++j) {
    const std::size_t base = stride * j;
    Sides& sd = out[j];
    sd.x = points[j], sd.g_mid = g[base];
    for (std::size_t k = 0; k < kOffsetCount; ++k) {
      sd.f_left[k] = f[base + 1 + 2 * k], sd.f_right[k] = f[base + 2 + 2 * k];
      sd.g_left[k] = g[base + 1 + 2 * k], sd.g_right[k] = g[base + 2 + 2 * k];
    }
  }
  return out;
}

bool unbounded(const double* left, const double* right) { return grows(left) || grows(right); }

// A jump of u: its two sides differ by more than `tolerance` at 10⁻¹² and by about as much at 10⁻⁸ (the sides
// of a steep but continuous u differ far less nearer the point).
bool jumps(const double* left, const double* right, double tolerance) {
  const double near = std::fabs(right[0] - left[0]), mid = std::fabs(right[1] - left[1]);
  return finite(near) && near > tolerance && near >= 0.5 * mid;
}

Event judge_value(const Sides& sd, const Scales& sc) {
  // Not finite right beside the point: a pole or a gap narrower than the grid. (Further out it may be
  // overflow: exp(exp(x)) beyond 6.56.)
  for (std::size_t k = 0; k < 2; ++k)
    if (!finite(sd.f_left[k]) || !finite(sd.f_right[k])) return Event::singular;
  if (unbounded(sd.f_left, sd.f_right)) return Event::singular;
  const double scale = std::max({std::fabs(sd.f_left[0]), std::fabs(sd.f_right[0]), sc.f});
  return jumps(sd.f_left, sd.f_right, kJumpTolerance * scale) ? Event::jump : Event::none;
}

Event judge_slope(const Sides& sd, const Scales& sc) {
  for (std::size_t k = 0; k < kOffsetCount; ++k)
    if (!finite(sd.f_left[k]) || !finite(sd.f_right[k])) return Event::none;  // f's own trouble, judged by f
  if (unbounded(sd.g_left, sd.g_right)) return Event::kink;  // a cusp: f′ → ±∞
  const double scale = std::max({std::fabs(sd.g_left[0]), std::fabs(sd.g_right[0]), sc.g});
  if (jumps(sd.g_left, sd.g_right, kKinkTolerance * scale)) return Event::kink;
  // A bend: the one-sided slopes of f′ differ by about as much at 10⁻⁵ as at 10⁻³. For a smooth f′ the
  // difference shrinks like the offset; for a jump of f′ below the kink tolerance it grows like its inverse.
  auto bend = [&](std::size_t k) {
    return std::fabs(sd.g_right[k] + sd.g_left[k] - 2 * sd.g_mid) / (kOffsets[k] * unit(sd.x));
  };
  const double near = bend(2), far = bend(4);
  const bool ok = finite(near) && finite(far) && near > kBendTolerance * scale && near >= 0.5 * far && near <= 2 * far;
  return ok ? Event::bend : Event::none;
}

// Per grid cell (between samples i and i + 1): how far f departs from the trapezoid its exact slopes predict,
// relative to its size. Large at a jump; small (the cell's length times the jump of f′) at a kink.
std::vector<double> value_measure(const Samples& s, const Scales& sc) {
  std::vector<double> m(kGridCells, 0.0);
  for (std::size_t i = 0; i < kGridCells; ++i) {
    const double f0 = s.grid_f(i), f1 = s.grid_f(i + 1), g0 = s.grid_g(i), g1 = s.grid_g(i + 1);
    if (!finite(f0) || !finite(f1)) continue;
    const double step = f1 - f0;
    const double residual = finite(g0) && finite(g1) ? step - kSampleStep * (g0 + g1) / 2 : step;
    m[i] = std::fabs(residual) / std::max({std::fabs(f0), std::fabs(f1), sc.f});
  }
  return m;
}

// Per grid cell: how far the change of f′ across it departs from the mean of its neighbours' changes. Large at
// a kink, about the cell's length times the jump of f″ at a bend, third order in the step where f is smooth.
std::vector<double> slope_measure(const Samples& s, const Scales& sc) {
  std::vector<double> m(kGridCells, 0.0);
  for (std::size_t i = 1; i + 2 < kGridCount; ++i) {
    bool ok = true;
    for (std::size_t k = i - 1; k <= i + 2; ++k) ok = ok && finite(s.grid_f(k)) && finite(s.grid_g(k));
    if (!ok) continue;
    const double before = s.grid_g(i) - s.grid_g(i - 1), here = s.grid_g(i + 1) - s.grid_g(i),
                 after = s.grid_g(i + 2) - s.grid_g(i + 1);
    const double scale = std::max({std::fabs(s.grid_g(i)), std::fabs(s.grid_g(i + 1)), sc.g});
    m[i] = std::fabs(here - (before + after) / 2) / scale;
  }
  return m;
}

bool near_any(double x, const std::vector<double>& points) {
  for (double p : points)
    if (std::fabs(x - p) <= 1e-6 * unit(x)) return true;
  return false;
}

// Adds x unless a point within 10⁻⁶ × max(1, |x|) is there already.
void add_point(std::vector<double>& points, double x) {
  if (!near_any(x, points)) points.push_back(x);
}

}  // namespace

void smoothness_of(const Probe& probe, const Samples& s, const Scales& sc, Properties& out) {
  std::vector<double> singular;
  const std::vector<double> at_values = locate(probe, s, strongest_cells(value_measure(s, sc)), false);
  const std::vector<Sides> value_sides = sides_of(probe, at_values);
  for (std::size_t j = 0; j < at_values.size(); ++j) {
    switch (judge_value(value_sides[j], sc)) {
      case Event::singular: add_point(singular, at_values[j]); break;
      case Event::jump: add_point(out.jumps, at_values[j]); break;
      default: break;
    }
  }
  const std::vector<double> at_slopes = locate(probe, s, strongest_cells(slope_measure(s, sc)), true);
  const std::vector<Sides> slope_sides = sides_of(probe, at_slopes);
  for (std::size_t j = 0; j < at_slopes.size(); ++j) {
    const double x = at_slopes[j];
    if (near_any(x, out.jumps) || near_any(x, singular)) continue;
    switch (judge_slope(slope_sides[j], sc)) {
      case Event::kink: add_point(out.kinks, x); break;
      case Event::bend: add_point(out.bends, x); break;
      default: break;
    }
  }
  // A bend is only a bend where f′ has no kink there.
  std::erase_if(out.bends, [&](double x) { return near_any(x, out.kinks); });
  for (double x : singular) out.undefined_where.push_back({x, x});
  for (auto* list : {&out.jumps, &out.kinks, &out.bends}) std::sort(list->begin(), list->end());
  std::sort(out.undefined_where.begin(), out.undefined_where.end(),
            [](const Interval& a, const Interval& b) { return a.lo < b.lo; });
  out.smoothness = !out.jumps.empty()   ? Smoothness::discontinuous
                   : !out.kinks.empty() ? Smoothness::c0
                   : !out.bends.empty() ? Smoothness::c1
                                        : Smoothness::c_inf;
}

}  // namespace alab::expr::detail
