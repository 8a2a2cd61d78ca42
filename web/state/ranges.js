// The x ranges the charts draw: how wide and how far out they may be.

// Both ends of a range stay within ±rangeLimit.
export const rangeLimit = 1000;
// The narrowest x range a chart draws; a narrower one (from the URL or typed) is widened to it, so the axis keeps
// distinct labels written as every number on the page is. The widest is 2 × rangeLimit.
export const minRangeSpan = 0.01;

// [lo, hi] at least minRangeSpan wide, widened to the right (to the left at rangeLimit): {lo, hi, widened}; null
// unless lo < hi. Ends are expected within ±rangeLimit.
export function fitRange(lo, hi) {
  if (!(lo < hi)) return null;
  // The tolerance lets a range that this function widened (its end rounded to 12 digits) count as wide enough.
  if (hi - lo >= minRangeSpan * (1 - 1e-9)) return { lo, hi, widened: false };
  const round = (v) => Number(v.toPrecision(12));
  const end = Math.min(rangeLimit, round(lo + minRangeSpan));
  return { lo: end === rangeLimit ? round(rangeLimit - minRangeSpan) : lo, hi: end, widened: true };
}

// Puts the range stored under `${prefix}.lo` / `${prefix}.hi` in order: widened when narrow, reset to its defaults
// (`reset(names)`) when its ends are not in order.
export function repairRange(state, prefix, reset) {
  const names = [`${prefix}.lo`, `${prefix}.hi`];
  const range = fitRange(state[names[0]], state[names[1]]);
  if (range) [state[names[0]], state[names[1]]] = [range.lo, range.hi];
  else reset(names);
}
