// The training lab's data: the built-in sets split into training and test points, and the reader's own
// points (clicked or loaded from CSV). Pure functions, no DOM: the page-input tests run them in Node.
import { parseDecimal } from '../state/decimal.js';

export const POINT_LIMIT = 1.5;       // own points live in the square the boundary map shows
export const MAX_OWN_POINTS = 500;    // a CSV or clicks beyond this are refused
export const MAX_LINK_POINTS = 150;   // what a link carries (its text stays under the URL state's limit)
export const MAX_CSV_BYTES = 20000;
export const LINK_TEXT_LIMIT = 2400;
export const REMOVE_RADIUS = 0.12;    // a click or the keyboard's cross removes the nearest point this close

// Splits {xs, ys} into training and test sets: point i goes to training when frac(i·φ) < ratio, which
// interleaves the two evenly whatever order the points come in, and is the same split for the same data.
export function splitData({ xs, ys }, ratio) {
  const train = [], test = [];
  for (let i = 0; i < ys.length; i++) {
    const frac = (i * 0.6180339887498949) % 1;
    (frac < ratio ? train : test).push(i);
  }
  const pick = (idx) => ({
    xs: Float64Array.from(idx.flatMap((i) => [xs[2 * i], xs[2 * i + 1]])),
    ys: Float64Array.from(idx.map((i) => ys[i])),
  });
  return { train: pick(train), test: pick(test) };
}

// [[x, y, label], …] → {xs, ys} as the module takes them.
export function pointsToData(points) {
  return {
    xs: Float64Array.from(points.flatMap(([x, y]) => [x, y])),
    ys: Float64Array.from(points.map(([, , label]) => label)),
  };
}

// Reads "x,y,label" rows (a header row of words is skipped, blank lines and # comments too). Returns
// {points} when every row is good, else {errors: [{line, key, params}]} (message keys of the lab's strings)
// and no points: nothing is half-loaded.
export function parseCsv(text) {
  if (typeof text !== 'string') return { errors: [{ line: 0, key: 'lab.csv.empty', params: {} }] };
  if (text.length > MAX_CSV_BYTES) {
    return { errors: [{ line: 0, key: 'lab.csv.tooLarge', params: { limit: MAX_CSV_BYTES.toLocaleString('en') } }] };
  }
  const points = [], errors = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    if (points.length === 0 && errors.length === 0 && cells.every((c) => /^[A-Za-z_][\w ]*$/.test(c))) return;  // header
    if (cells.length !== 3) {
      errors.push({ line: number, key: 'lab.csv.columns', params: { line: number, count: cells.length } });
      return;
    }
    const [x, y] = [parseDecimal(cells[0]), parseDecimal(cells[1])];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      errors.push({ line: number, key: 'lab.csv.number', params: { line: number } });
      return;
    }
    if (Math.abs(x) > POINT_LIMIT || Math.abs(y) > POINT_LIMIT) {
      errors.push({ line: number, key: 'lab.csv.range', params: { line: number, limit: POINT_LIMIT } });
      return;
    }
    if (cells[2] !== '0' && cells[2] !== '1') {
      errors.push({ line: number, key: 'lab.csv.badLabel', params: { line: number } });
      return;
    }
    points.push([x, y, Number(cells[2])]);
  });
  if (errors.length) return { errors };
  if (points.length === 0) return { errors: [{ line: 0, key: 'lab.csv.empty', params: {} }] };
  if (points.length > MAX_OWN_POINTS) {
    return { errors: [{ line: 0, key: 'lab.csv.tooMany', params: { count: points.length, limit: MAX_OWN_POINTS } }] };
  }
  return { points };
}

// Whether a link can carry these points: {ok: true} or {ok: false, key} saying why not.
export function linkable(points) {
  if (points.length > MAX_LINK_POINTS) return { ok: false, key: 'lab.own.tooManyForLink', params: { limit: MAX_LINK_POINTS } };
  return { ok: true };
}

// The nearest own point to (x, y) within `radius`, as an index, or −1.
export function nearestPoint(points, x, y, radius) {
  let best = -1, bestDistance = radius * radius;
  points.forEach(([px, py], i) => {
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d <= bestDistance) { best = i; bestDistance = d; }
  });
  return best;
}
