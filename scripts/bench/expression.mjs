// A typed formula against the catalogue: `x * sigmoid(x)` compiled by lab.compile against the built-in silu
// (lab.evaluate / lab.derivative) and against a plain JS loop of the same formula, ns per element, value and
// derivative, float64 arrays of 1,000 and 100,000 values over [−8, 8]. All three include what a caller pays:
// the module paths copy the array into the heap and the result out, the JS loop writes into a ready array.
import { loadLab, median, spread, timeRuns } from './common.mjs';

function jsValue(xs, out) {
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] / (1 + Math.exp(-xs[i]));
  return out;
}
function jsDerivative(xs, out) {
  for (let i = 0; i < xs.length; i++) {
    const s = 1 / (1 + Math.exp(-xs[i]));
    out[i] = s + xs[i] * s * (1 - s);
  }
  return out;
}

export async function run({ runs = 9, quick = false } = {}) {
  const lab = await loadLab();
  const f = lab.compile('x * sigmoid(x)');
  const rows = [];
  for (const n of quick ? [1000] : [1000, 100000]) {
    const xs = Float64Array.from({ length: n }, (_, i) => -8 + (16 * i) / (n - 1));
    const out = new Float64Array(n);
    const reps = Math.max(1, Math.round(2e6 / n / (quick ? 10 : 1)));
    const cases = [
      ['value', 'expression x*sigmoid(x)', () => f.evaluate(xs)],
      ['value', 'built-in silu', () => lab.evaluate('silu', xs)],
      ['value', 'plain JS loop', () => jsValue(xs, out)],
      ['derivative', 'expression x*sigmoid(x)', () => f.derivative(xs)],
      ['derivative', 'built-in silu', () => lab.derivative('silu', xs)],
      ['derivative', 'plain JS loop', () => jsDerivative(xs, out)],
    ];
    for (const [what, how, body] of cases) {
      const ns = timeRuns(quick ? 3 : runs, reps, body, n);
      rows.push({ n, what, how, 'ns/element': median(ns), spread: spread(ns) });
    }
  }
  return { title: 'Typed formula vs built-in SiLU vs plain JS (float64, ns per element, median)', columns: ['n', 'what', 'how', 'ns/element', 'spread'], rows };
}
