#include "expression_properties.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <utility>

#include "core/expression_sampling.hpp"

namespace alab::expr {
namespace detail {

Samples sample(const Probe& probe) {
  Samples s;
  s.x.reserve(kGridCount + 2 * kFarCount);
  for (std::size_t k = kFarCount; k-- > 0;) s.x.push_back(-kFarPoints[k]);
  for (std::size_t i = 0; i < kGridCount; ++i) s.x.push_back(-kSampleHalfWidth + static_cast<double>(i) * kSampleStep);
  for (double far : kFarPoints) s.x.push_back(far);
  probe.both(s.x, s.f, s.g);
  return s;
}

Scales scales_of(const Samples& s) {
  auto largest = [&](bool derivative, double half_width) {
    double m = 0;
    for (std::size_t i = 0; i < kGridCount; ++i) {
      const double v = derivative ? s.grid_g(i) : s.grid_f(i);
      if (std::fabs(s.grid_x(i)) <= half_width && finite(s.grid_f(i)) && finite(v)) m = std::max(m, std::fabs(v));
    }
    return m;
  };
  Scales out{largest(false, kShapeHalfWidth), largest(true, kShapeHalfWidth)};
  if (out.f == 0) out.f = largest(false, kSampleHalfWidth);
  if (out.g == 0) out.g = largest(true, kSampleHalfWidth);
  out.f = std::max(out.f, std::numeric_limits<double>::min());
  out.g = std::max(out.g, std::numeric_limits<double>::min());
  return out;
}

}  // namespace detail

namespace {

using namespace detail;


// Bisection of many brackets at once: good[i] where f is finite, bad[i] where it is not; returns the edges.
std::vector<double> domain_edges(const Probe& probe, std::vector<double> good, std::vector<double> bad) {
  std::vector<double> mid(good.size()), f;
  for (int step = 0; step < 64; ++step) {
    for (std::size_t i = 0; i < good.size(); ++i) mid[i] = good[i] + (bad[i] - good[i]) / 2;
    probe.values(mid, f);
    for (std::size_t i = 0; i < good.size(); ++i) (finite(f[i]) ? good[i] : bad[i]) = mid[i];
  }
  for (std::size_t i = 0; i < good.size(); ++i) mid[i] = good[i] + (bad[i] - good[i]) / 2;
  return mid;
}

// Runs of samples where f is not finite, as intervals; a run reaching the outermost far point is a tail.
// Ends within 10⁻¹² of 0 are 0 (bisection from sqrt's grid point 0 ends a few 10⁻²² below it).
std::vector<Interval> undefined_runs(const Probe& probe, const Samples& s) {
  struct Run {
    std::size_t first, last;
  };
  std::vector<Run> runs;
  const std::size_t n = s.x.size();
  const std::size_t grid_end = Samples::grid_begin + kGridCount;
  for (std::size_t i = 0; i < n && runs.size() < kMaxEvents; ++i) {
    if (finite(s.f[i])) continue;
    std::size_t j = i;
    bool nan = false;
    while (j + 1 < n && !finite(s.f[j + 1])) ++j;
    for (std::size_t k = i; k <= j; ++k) nan = nan || std::isnan(s.f[k]);
    // ±∞ only at far points is overflow of a defined value (exp(x) beyond 709.78): the limit says it.
    const bool outside = j < Samples::grid_begin || i >= grid_end;
    if (nan || !outside) runs.push_back({i, j});
    i = j;
  }
  std::vector<double> good, bad;
  for (const Run& r : runs) {
    if (r.first > 0) good.push_back(s.x[r.first - 1]), bad.push_back(s.x[r.first]);
    if (r.last + 1 < n) good.push_back(s.x[r.last + 1]), bad.push_back(s.x[r.last]);
  }
  const std::vector<double> edges = domain_edges(probe, good, bad);
  std::vector<Interval> out;
  std::size_t e = 0;
  for (const Run& r : runs) {
    Interval iv{-kInf, kInf};
    if (r.first > 0) iv.lo = edges[e++];
    if (r.last + 1 < n) iv.hi = edges[e++];
    for (double* end : {&iv.lo, &iv.hi})
      if (std::fabs(*end) < 1e-12) *end = 0;
    out.push_back(iv);
  }
  return out;
}

// lim f from the far points on one side (in increasing |x|): the last value when the last ones agree, ±∞
// when they overflow or diverge, NaN otherwise.
double limit_of(const Samples& s, bool positive, double scale) {
  double v[kFarCount];
  for (std::size_t k = 0; k < kFarCount; ++k) v[k] = s.f[s.far(positive, k)];
  const double last = v[kFarCount - 1];
  if (std::isnan(last)) return kNaN;
  if (std::isinf(last)) return last;
  const double tol = 1e-9 * std::max(std::fabs(last), scale);
  const double d1 = std::fabs(last - v[kFarCount - 2]), d2 = std::fabs(v[kFarCount - 2] - v[kFarCount - 3]);
  if (d1 <= tol && d2 <= 1e3 * tol) return std::fabs(last) <= 1e-12 * scale ? 0.0 : last;  // 1/x → 0, not 1e-18
  // Diverging: moving one way at every far point (a chance ordering of 8 values is unlikely), or growing with one
  // sign by a factor of 1000 or more from 10⁶ to 10¹² to 10¹⁸ (x + sin x).
  bool up = true, down = true;
  for (std::size_t k = 0; k + 1 < kFarCount; ++k) {
    if (!finite(v[k])) return kNaN;
    up = up && v[k + 1] > v[k];
    down = down && v[k + 1] < v[k];
  }
  if (up) return kInf;
  if (down) return -kInf;
  const double a = v[kFarCount - 5], b = v[kFarCount - 3];  // at 10⁶ and 10¹²
  const bool same_sign = (a > 0 && b > 0 && last > 0) || (a < 0 && b < 0 && last < 0);
  const bool growing = std::fabs(b) >= 1e3 * std::fabs(a) && std::fabs(last) >= 1e3 * std::fabs(b);
  if (same_sign && growing) return last > 0 ? kInf : -kInf;
  return kNaN;
}

// The largest value of sign·f near grid sample i, by golden-section search over its two neighbouring cells.
double refine_extremum(const Program& program, const double* params, const Samples& s, std::size_t i, double sign) {
  double best = sign * s.grid_f(i);
  if (i == 0 || i + 1 >= kGridCount) return best;
  const double phi = (std::sqrt(5.0) - 1) / 2;
  double a = s.grid_x(i - 1), b = s.grid_x(i + 1);
  double c = b - phi * (b - a), d = a + phi * (b - a);
  double fc = sign * program.value_at(c, params), fd = sign * program.value_at(d, params);
  for (int k = 0; k < 80 && b - a > 1e-15 * unit(a); ++k) {
    if (fc >= fd) {
      b = d, d = c, fd = fc;
      c = b - phi * (b - a);
      fc = sign * program.value_at(c, params);
    } else {
      a = c, c = d, fc = fd;
      d = a + phi * (b - a);
      fd = sign * program.value_at(d, params);
    }
    if (finite(fc)) best = std::max(best, fc);
    if (finite(fd)) best = std::max(best, fd);
  }
  return best;
}

struct Range {
  double lo, hi;
  bool lo_attained, hi_attained;
};

// Whether f → +∞ (first) or −∞ (second) next to a finite end of an interval where it is undefined: beside a
// pole or log(0) the samples miss how far the values go.
std::pair<bool, bool> unbounded_beside(const Probe& probe, const std::vector<Interval>& undefined) {
  std::vector<double> xs, f;
  for (const Interval& iv : undefined) {
    for (double d : kOffsets) {
      if (finite(iv.lo)) xs.push_back(iv.lo - d * unit(iv.lo));
      if (finite(iv.hi)) xs.push_back(iv.hi + d * unit(iv.hi));
    }
  }
  probe.values(xs, f);
  bool up = false, down = false;
  std::size_t at = 0;
  for (const Interval& iv : undefined) {
    const std::size_t sides = finite(iv.lo) + finite(iv.hi);
    for (std::size_t side = 0; side < sides; ++side) {
      double u[kOffsetCount];
      for (std::size_t k = 0; k < kOffsetCount; ++k) u[k] = f[at + k * sides + side];
      if (grows(u)) (u[0] > 0 ? up : down) = true;
    }
    at += kOffsetCount * sides;
  }
  return {up, down};
}

Range range_of(const Program& program, const double* params, const Samples& s, const Scales& sc, double lim_neg,
               double lim_pos, std::pair<bool, bool> unbounded) {
  double lo = kInf, hi = -kInf;
  std::size_t lo_at = 0, hi_at = 0;
  bool lo_grid = false, hi_grid = false;
  for (std::size_t i = 0; i < s.x.size(); ++i) {
    const double f = s.f[i];
    if (!finite(f)) continue;
    const bool grid = i >= Samples::grid_begin && i < Samples::grid_begin + kGridCount;
    if (f < lo) lo = f, lo_at = i - Samples::grid_begin, lo_grid = grid;
    if (f > hi) hi = f, hi_at = i - Samples::grid_begin, hi_grid = grid;
  }
  if (lo > hi) return {kNaN, kNaN, false, false};
  // An extremum between grid samples: the sample nearest it is refined.
  if (hi_grid) hi = std::max(hi, refine_extremum(program, params, s, hi_at, 1.0));
  if (lo_grid) lo = -std::max(-lo, refine_extremum(program, params, s, lo_at, -1.0));
  for (double lim : {lim_neg, lim_pos}) {
    if (std::isnan(lim)) continue;
    lo = std::min(lo, lim);
    hi = std::max(hi, lim);
  }
  if (unbounded.first) hi = kInf;
  if (unbounded.second) lo = -kInf;
  // A bound above (below) both limits is reached at some x. One equal to a limit is reached only on a plateau:
  // grid samples where f sits on it with a slope of exactly 0, either at |x| ≤ 20 or entered from a sample
  // clearly off it (relu6 at 6). Not where f merely rounds to it (sigmoid beyond 37, where f′ is not 0) or
  // underflows onto it smoothly (exp(−x²) beyond 27, where f′ underflows too).
  auto attained = [&](double bound) {
    if (!finite(bound)) return false;
    const double tol = 1e-12 * std::max(std::fabs(bound), sc.f);
    const bool is_limit = (finite(lim_neg) && std::fabs(bound - lim_neg) <= tol) ||
                          (finite(lim_pos) && std::fabs(bound - lim_pos) <= tol);
    if (!is_limit) return true;
    auto on = [&](std::size_t i) { return std::fabs(s.grid_f(i) - bound) <= tol && s.grid_g(i) == 0; };
    auto off = [&](std::size_t i) { return finite(s.grid_f(i)) && std::fabs(s.grid_f(i) - bound) > tol; };
    for (std::size_t i = 0; i < kGridCount; ++i) {
      if (!on(i)) continue;
      if (std::fabs(s.grid_x(i)) <= 20 || (i > 0 && off(i - 1)) || (i + 1 < kGridCount && off(i + 1))) return true;
    }
    return false;
  };
  return {lo, hi, attained(lo), attained(hi)};
}

// Non-decreasing or non-increasing over every finite sample (far points included), with f′ of one sign on
// the grid: both within rounding.
bool monotonic_of(const Samples& s, const Scales& sc) {
  bool up = true, down = true;
  double prev = kNaN;
  for (double f : s.f) {
    if (!finite(f)) continue;
    if (finite(prev)) {
      const double tol = 1e-12 * std::max({std::fabs(f), std::fabs(prev), sc.f});
      up = up && f - prev >= -tol;
      down = down && f - prev <= tol;
    }
    prev = f;
  }
  const double gtol = 1e-10 * sc.g;
  for (std::size_t i = 0; i < kGridCount; ++i) {
    const double g = s.grid_g(i);
    if (!finite(s.grid_f(i)) || !finite(g)) continue;
    up = up && g >= -gtol;
    down = down && g <= gtol;
  }
  return up || down;
}

// The catalogue's meaning: for standard normal inputs the outputs average about 0 and take both signs.
// E f(z) and E f(z)² by the trapezoidal rule on the grid over [−10, 10] (the normal weight beyond is < 1e-22).
bool zero_centred_of(const Samples& s, const Scales& sc, const std::vector<Interval>& undefined) {
  const double scale = sc.f;
  for (const Interval& iv : undefined)
    if (iv.lo <= 10 && iv.hi >= -10) return false;  // a pole or a gap: E f(z) does not exist
  double mean = 0, square = 0;
  bool positive = false, negative = false;
  const double norm = kSampleStep / std::sqrt(2 * std::numbers::pi);
  for (std::size_t i = 0; i < kGridCount; ++i) {
    const double x = s.grid_x(i);
    if (std::fabs(x) > 10) continue;
    const double f = s.grid_f(i);
    if (!finite(f)) return false;
    const double w = norm * std::exp(-x * x / 2), u = f / scale;  // scaled: 1e-300·x must not underflow
    mean += w * u;
    square += w * u * u;
    if (std::fabs(x) <= 3) positive = positive || f > 0, negative = negative || f < 0;
  }
  return positive && negative && finite(square) && std::fabs(mean) <= 0.05 * std::sqrt(square);
}

// f′ → 0 on one side: at the outermost far point where f and f′ are finite, |f′| is negligible against f′'s
// scale and has shrunk since an earlier point (or is 0). A formula whose f′ is NaN far out (∞/∞ in
// 1/(1 + exp(−x)) beyond x = −709) is judged nearer in, but never from the grid alone.
bool saturates(const Samples& s, const Scales& sc, bool positive) {
  std::size_t outer[3];
  std::size_t found = 0;
  const std::size_t grid_edge = Samples::grid_begin + (positive ? kGridCount - 1 : 0);
  for (std::size_t k = kFarCount; k-- > 0 && found < 3;) {
    const std::size_t i = s.far(positive, k);
    if (finite(s.f[i]) && finite(s.g[i])) outer[found++] = i;
  }
  if (found == 0) return false;
  if (found < 3 && finite(s.f[grid_edge]) && finite(s.g[grid_edge])) outer[found++] = grid_edge;
  if (found < 2) return false;
  const double a = std::fabs(s.g[outer[0]]), b = std::fabs(s.g[outer[found - 1]]);
  return a <= 1e-6 * sc.g && (a == 0 || a <= 0.5 * b);
}

bool identity_near_zero_of(const Probe& probe) {
  const std::vector<double> xs = {0.0, -1e-7, 1e-7};
  std::vector<double> f, g;
  probe.both(xs, f, g);
  return std::fabs(f[0]) <= 1e-12 && std::fabs(g[0] - 1) <= 1e-9 && std::fabs(g[1] - 1) <= 1e-6 &&
         std::fabs(g[2] - 1) <= 1e-6;
}

// The catalogue row whose curve at its defaults is nearest in RMS over the grid's points in [−5, 5] (where both
// are finite, and only if f is finite on at least half of them). Rows that tie there (relu6 is relu up to 6)
// are told apart by the same distance over the whole grid.
void closest_of(const Samples& s, Properties& out) {
  const std::size_t half = static_cast<std::size_t>(kShapeHalfWidth / kSampleStep);
  const double* xs = s.x.data() + Samples::grid_begin;
  const double* fs = s.f.data() + Samples::grid_begin;
  std::size_t defined = 0;
  for (std::size_t i = kGridZero - half; i <= kGridZero + half; ++i) defined += finite(fs[i]);
  if (defined <= half) return;
  // RMS of f − y over the grid indices [first, last]; NaN when fewer than half of them are comparable.
  auto rms = [&](const std::vector<double>& ys, std::size_t first, std::size_t last) {
    double sum = 0;
    std::size_t used = 0;
    for (std::size_t i = first; i <= last; ++i) {
      if (!finite(fs[i]) || !finite(ys[i])) continue;
      const double d = fs[i] - ys[i];
      sum += d * d;
      ++used;
    }
    return 2 * used <= last - first + 1 ? kNaN : std::sqrt(sum / static_cast<double>(used));
  };
  const std::size_t first = kGridZero - half, count = 2 * half + 1;
  std::vector<double> ys(kGridCount), wide_ys(kGridCount);
  double best = kInf;
  auto wide_distance = [&](Fn fn) {
    double p[kMaxParams];
    default_params(fn, p);
    info(fn).kernels.value_f64(xs, wide_ys.data(), kGridCount, p);
    return rms(wide_ys, 0, kGridCount - 1);
  };
  for (const FnInfo& row : catalogue()) {
    double p[kMaxParams];
    default_params(row.fn, p);
    row.kernels.value_f64(xs + first, ys.data() + first, count, p);
    const double distance = rms(ys, first, first + count - 1);
    if (!(distance <= best + 1e-12 * std::max(1.0, best))) continue;
    const bool tie = out.closest && std::fabs(distance - best) <= 1e-12 * std::max(1.0, best);
    if (tie && !(wide_distance(row.fn) < wide_distance(*out.closest))) continue;
    best = tie ? std::min(best, distance) : distance;
    out.closest = row.fn;
  }
  if (out.closest) out.closest_distance = best;
}

}  // namespace

Properties analyse(const Program& program, const double* params) {
  const Probe probe(program, params);
  const Samples s = sample(probe);
  const Scales sc = scales_of(s);
  Properties out;
  out.undefined_where = undefined_runs(probe, s);
  smoothness_of(probe, s, sc, out);  // adds the poles it finds between samples to undefined_where
  out.limit_negative = limit_of(s, false, sc.f);
  out.limit_positive = limit_of(s, true, sc.f);
  const Range r = range_of(program, params, s, sc, out.limit_negative, out.limit_positive,
                           unbounded_beside(probe, out.undefined_where));
  out.lo = r.lo, out.hi = r.hi, out.lo_attained = r.lo_attained, out.hi_attained = r.hi_attained;
  out.monotonic = monotonic_of(s, sc);
  out.zero_centred = zero_centred_of(s, sc, out.undefined_where);
  const bool negative = saturates(s, sc, false), positive = saturates(s, sc, true);
  out.saturation = negative && positive ? Saturation::both
                   : negative           ? Saturation::negative
                   : positive           ? Saturation::positive
                                        : Saturation::none;
  out.identity_near_zero = identity_near_zero_of(probe);
  closest_of(s, out);
  return out;
}

}  // namespace alab::expr
