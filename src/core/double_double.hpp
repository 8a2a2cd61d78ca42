// Double-double arithmetic for the few steps of a kernel where one rounding already costs the accuracy
// bar: a value carried as an unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2, about 106 bits.
// Error-free transformations (Dekker, Knuth), valid for finite operands away from overflow.
#pragma once

#include <cmath>

namespace alab::dd {

struct Dd {
  double hi, lo;
};

// a + b exactly, for |a| ≥ |b|.
inline Dd fast_two_sum(double a, double b) {
  const double s = a + b;
  return {s, b - (s - a)};
}

// a + b exactly, any order.
inline Dd two_sum(double a, double b) {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

// a·b exactly for |a|, |b| < 2^995 with a product in the normal range. Uses a hardware fma where there
// is one; elsewhere (WebAssembly: std::fma is emulated in software) Dekker's splitting.
inline Dd two_prod(double a, double b) {
  const double p = a * b;
#ifdef FP_FAST_FMA
  return {p, std::fma(a, b, -p)};
#else
  constexpr double kSplitter = 134217729.0;  // 2^27 + 1
  const double ca = kSplitter * a, cb = kSplitter * b;
  const double ah = ca - (ca - a), al = a - ah;
  const double bh = cb - (cb - b), bl = b - bh;
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
#endif
}

inline Dd add(Dd a, Dd b) {
  const Dd s = two_sum(a.hi, b.hi);
  return fast_two_sum(s.hi, s.lo + a.lo + b.lo);
}

inline Dd mul(Dd a, double b) {
  const Dd p = two_prod(a.hi, b);
  return fast_two_sum(p.hi, p.lo + a.lo * b);
}

inline Dd mul(Dd a, Dd b) {
  const Dd p = two_prod(a.hi, b.hi);
  return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

// a/b to about 2^-100 relative: one Newton correction of the double quotient.
inline Dd div(Dd a, Dd b) {
  const double q = a.hi / b.hi;
  const Dd qb = two_prod(q, b.hi);
  const double remainder = (((a.hi - qb.hi) - qb.lo) + a.lo) - q * b.lo;
  return fast_two_sum(q, remainder / b.hi);
}

// The double nearest to a.
inline double round(Dd a) { return a.hi + a.lo; }

}  // namespace alab::dd
