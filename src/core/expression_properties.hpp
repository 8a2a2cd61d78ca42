// The summary table's properties for a formula, computed numerically: the same columns a catalogue row types by
// hand (catalogue.hpp), with the same meanings, found by sampling the program and its exact derivative.
//
// How, and where it can be wrong:
//   - f and f′ are sampled every kSampleStep over [−kSampleHalfWidth, kSampleHalfWidth] and at the far points
//     ±10², ±10³, ±10⁴, ±10⁶, …, ±10¹⁸. Nothing between the samples is seen except where a sample looks
//     suspicious: a jump, kink or bend narrower than the step, or beyond ±50, can be missed.
//   - The limits at ±∞ are read from the far points: converged when the last ones agree, ±∞ when they keep
//     moving one way (a slowly converging function such as 1 − 1/log x is taken for divergent).
//   - A bound equal to a limit counts as attained only where f equals it on the grid with f′ exactly 0 (a
//     plateau, as relu6's); a derivative that rounds to 0 on its own (cancellation) makes it look attained.
//   - Jumps (of f) and kinks (jumps of f′) are located by bisection from the suspicious samples and told apart
//     from steep smooth stretches by how the difference shrinks with the interval. C¹ (f′ continuous, f″
//     jumping) against C∞ is a guess: C¹ when the same test on f′ finds a bend whose size shrinks like the
//     interval, C∞ when none is found — a jump in a higher derivative is never seen.
//   - Smoothness, monotonicity and the range are judged where f is finite; undefined_where says where it is not.
#pragma once

#include <optional>
#include <vector>

#include "core/catalogue.hpp"
#include "core/expression.hpp"

namespace alab::expr {

inline constexpr double kSampleHalfWidth = 50;
inline constexpr double kSampleStep = 1.0 / 128;  // a power of two: the grid holds 0, ±0.5, ±3, 6 exactly
// The far points, in increasing |x|, mirrored for −∞.
inline constexpr double kFarPoints[] = {1e2, 1e3, 1e4, 1e6, 1e9, 1e12, 1e15, 1e18};
// The shape comparison's range: the catalogue rows' own charts mostly span [−5, 5].
inline constexpr double kShapeHalfWidth = 5;
// At most this many jumps, kinks and bends are refined (the strongest first); more are not reported.
inline constexpr std::size_t kMaxEvents = 64;

// A closed interval of x; lo = −∞ or hi = +∞ for a tail.
struct Interval {
  double lo, hi;
};

struct Properties {
  // The infimum and supremum of the finite values, and whether some x reaches each (±∞ is never attained).
  double lo = 0, hi = 0;
  bool lo_attained = false, hi_attained = false;
  // lim f at −∞ and +∞: a number, ±∞, or NaN when the far points show none (oscillation, or no value there).
  double limit_negative = 0, limit_positive = 0;
  bool monotonic = false;     // non-decreasing or non-increasing
  bool zero_centred = false;  // for z ~ N(0, 1): |E f(z)| ≤ 0.05·RMS f(z), and f takes both signs
  Smoothness smoothness = Smoothness::c_inf;
  std::vector<double> jumps;   // where f jumps (smoothness discontinuous)
  std::vector<double> kinks;   // where f is continuous and f′ jumps (or is unbounded)
  std::vector<double> bends;   // where f′ is continuous and f″ jumps (smoothness C¹), only looked for without kinks
  Saturation saturation = Saturation::none;  // which sides f′ → 0 towards
  bool identity_near_zero = false;           // f(0) = 0 and f′ = 1 at 0 from both sides
  std::vector<Interval> undefined_where;     // where f has no finite value (ends found by bisection)
  std::optional<Fn> closest;                 // the catalogue row (at its defaults) nearest in RMS over [−5, 5]
  double closest_distance = 0;               // that RMS difference
};

// The properties of `program` with its parameters at `params` (program.params().size() values).
Properties analyse(const Program& program, const double* params);

}  // namespace alab::expr
