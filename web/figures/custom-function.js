// The reader's own formula as the other figures use it: compiled once per text by the module (figures share the
// result), with its parameters' values from the state. null when the state's text is not a formula (the
// "Write your own" panel says why). And where it is not defined, in words, as the panel and the summary say it.
import { formatNumber } from '../page/format.js';
import { customParamsOf } from '../state/custom-state.js';

let cached = { lab: null, text: null, f: null };

export function customFunction(lab, state) {
  const text = state.custom;
  if (cached.lab !== lab || cached.text !== text) {
    let f = null;
    try {
      f = lab.compile(text);
    } catch (error) {
      if (typeof error.code !== 'string') throw error;
    }
    cached = { lab, text, f };
  }
  if (!cached.f) return null;
  const given = customParamsOf(state);
  const params = Object.fromEntries(cached.f.params.map((p) => [p.name, p.name in given ? given[p.name] : p.default]));
  return { f: cached.f, params };
}

// The intervals in words: "x < 0", "x > 3", "−1 < x < 1", "x ≈ 0", "every x shown".
export function describeIntervals(t, intervals) {
  const fmt = (v) => formatNumber(Math.abs(v) < 1e-9 ? 0 : v, 3);
  const parts = intervals.slice(0, 3).map(({ from, to }) => {
    if (from === null && to === null) return t('custom.gapEverywhere');
    if (from === null) return `x < ${fmt(to)}`;
    if (to === null) return `x > ${fmt(from)}`;
    if (fmt(from) === fmt(to)) return `x ≈ ${fmt(from)}`;
    return `${fmt(from)} < x < ${fmt(to)}`;
  });
  if (intervals.length > 3) parts.push('…');
  return parts.join(t('custom.listSeparator'));
}
