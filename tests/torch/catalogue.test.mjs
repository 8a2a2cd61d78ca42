// Every catalogue function's value and autograd derivative against PyTorch itself, in float32: at every
// float32 point of the mpmath reference vectors (the default range, subnormal to huge magnitudes, ±0, ±∞,
// NaN, the floats at and around every kink and threshold) and at every parameter set they hold (the
// defaults and others). The call PyTorch evaluates is the page's own code for it (web/lesson/torch-code.js).
//
// Verdict per point: our float32 result (the float32 batch path) agrees with PyTorch's when within 4 ulp of
// what PyTorch computes on the whole tensor or on that element alone (its vectorised and scalar loops differ
// at some kinks). Where it does not, the mpmath value (correctly rounded to float32) decides whether
// PyTorch's float32 formula lost accuracy: we must then be within 2 ulp of it, PyTorch must be the farther
// one, and PyTorch's error must be small in absolute terms (≤ 1e-5·max(1, |f|)) or a NaN from ∞·0 inside its
// formula at |x| ≥ 1e10. Anything else, a kink convention above all, is ours to fix: PyTorch decides
// conventions. The one exception, stated where it is made: f'(NaN), which stays NaN here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { torchCall } from '../../web/lesson/torch-code.js';
import { loadLab } from '../wasm/load.mjs';
import { askTorch, bitsOf, floatsOf } from './pytorch.mjs';

const lab = await loadLab();
const vectors = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'vectors');
const number = (t) => (t === 'inf' ? Infinity : t === '-inf' ? -Infinity : t === 'nan' ? NaN : Number(t));

// [{params: {name: value}, xs, f, df}] from the float32 lines of a function's reference vectors.
function referenceSets(row) {
  const sets = [];
  for (const line of readFileSync(path.join(vectors, `${row.id}.txt`), 'utf8').split('\n')) {
    const [kind, ...fields] = line.split(' ');
    if (kind === 'params') {
      const params = Object.fromEntries(row.params.map((p, i) => [p.name, number(fields[i])]));
      sets.push({ params, xs: [], f: [], df: [] });
    } else if (kind === 's') {
      const set = sets.at(-1);
      set.xs.push(number(fields[0]));
      set.f.push(number(fields[1]));
      set.df.push(number(fields[2]));
    }
  }
  return sets.map((s) => ({ ...s, xs: Float32Array.from(s.xs) }));
}

const show = (v) => (Object.is(v, -0) ? '-0' : String(v));
const bits = new Int32Array(1);
const float = new Float32Array(bits.buffer);
function ordinal(x) { // float32 values in order as integers, −0 = +0
  float[0] = x;
  return bits[0] < 0 ? -(bits[0] & 0x7fffffff) : bits[0];
}
// Distance in float32 steps. The sign of a zero is not compared here (mpmath has no signed zero to decide
// it); the try-it test compares it where a student sees it, in print(t) of typical inputs.
function ulps(a, b) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  return Math.abs(ordinal(a) - ordinal(b));
}

// Our float32 results, from the float32 batch path (lab.createBuffer(n, {type: 'float32'})).
function ours(row, params, xs) {
  const buffer = lab.createBuffer(xs.length, { type: 'float32' });
  try {
    buffer.input.set(xs);
    buffer.apply(row.id, params);
    const f = Float32Array.from(buffer.output);
    buffer.apply(row.id, params, { derivative: true });
    return { f, df: Float32Array.from(buffer.output) };
  } finally {
    buffer.delete();
  }
}

const rows = lab.catalogue();
const sets = rows.flatMap((row) => referenceSets(row).map((set) => ({ row, ...set })));
let answers;
// PyTorch's results for every set, computed once (inside a test, so a missing PyTorch fails with its message).
const torchAnswers = () => {
  answers ??= askTorch([{ task: 'grad', cases: sets.map(({ row, params, xs }) => ({ call: torchCall(row, params), x: bitsOf(xs) })) }])[0];
  return answers;
};

for (const row of rows) {
  test(`${row.id}: value and derivative agree with PyTorch in float32 (mpmath decides where PyTorch loses accuracy)`, (t) => {
    const notes = new Map();
    let points = 0;
    const note = (key, x, torchUlps = 0) => {
      const entry = notes.get(key) ?? { count: 0, worst: 0, at: 0 };
      entry.count += 1;
      if (torchUlps > entry.worst) Object.assign(entry, { worst: torchUlps, at: x });
      notes.set(key, entry);
    };
    sets.forEach((set, s) => {
      if (set.row !== row) return;
      const answer = torchAnswers()[s];
      const torch = { f: floatsOf(answer.y), df: floatsOf(answer.dy) };
      const torchAlone = { f: floatsOf(answer.y1), df: floatsOf(answer.dy1) };
      const mine = ours(row, set.params, set.xs);
      for (const what of ['f', 'df']) {
        const kind = what === 'df' ? 'derivative' : 'value';
        set.xs.forEach((x, i) => {
          const [a, b, ref] = [mine[what][i], torch[what][i], set[what][i]];
          points += 1;
          if (ulps(a, b) <= 4) return;
          // PyTorch's backward picks a branch by comparisons, all false for NaN: its f'(NaN) is an accident of
          // the formula, not a convention; ours stays NaN (NaN in, NaN out). Values at NaN must agree.
          if (Number.isNaN(x) && what === 'df' && Number.isNaN(a)) return note(`${kind} at NaN (ours NaN)`, x);
          // The same accident in a value: softshrink's `x > λ ? … : x < −λ ? … : 0` gives 0 for NaN in PyTorch.
          if (Number.isNaN(x) && what === 'f' && Number.isNaN(a) && Number.isFinite(b)) return note(`${kind} at NaN: its comparisons fall to a constant branch (ours NaN)`, x);
          // PyTorch's vectorised loop and its scalar loop (the first and last elements of a tensor) differ at
          // some kinks; ours must then be one of PyTorch's two answers.
          if (ulps(a, torchAlone[what][i]) <= 4) return note(`${kind}: its scalar loop's answer, not its vectorised loop's`, x);
          const where = `${row.id}${what === 'df' ? "'" : ''}(${show(x)}) ${JSON.stringify(set.params)}`;
          const torchError = Math.abs(b - ref);
          // ∞·0 or ∞ − ∞ inside PyTorch's formula, at ±∞ or where an intermediate overflows.
          const torchNaN = Number.isNaN(b) && Math.abs(x) >= 1e10 && !Number.isNaN(ref);
          const torchInaccurate = ulps(a, ref) <= 2 && ulps(a, ref) < ulps(b, ref) &&
            (torchError <= 1e-5 * Math.max(1, Math.abs(ref)) || torchNaN);
          assert.ok(torchInaccurate, `${where}: ours ${show(a)}, PyTorch ${show(b)}, mpmath ${show(ref)}`);
          if (torchNaN) note(`${kind}: NaN for |x| ≥ 1e10 where the limit is finite`, x);
          else note(`${kind} loses accuracy`, x, ulps(b, ref));
        });
      }
    });
    for (const [key, { count, worst, at }] of notes) {
      t.diagnostic(`PyTorch's float32 ${key}: ${count} of ${points} comparisons` +
        (worst ? `; mpmath decides (PyTorch off by up to ${worst} ulp, at x = ${at})` : ''));
    }
  });
}

test('kink conventions are PyTorch\'s: the checks above include these points', () => {
  const kinks = { relu: [0], leaky_relu: [0], prelu: [0], elu: [0], celu: [0], hardtanh: [-1, 1], relu6: [0, 6],
    hardsigmoid: [-3, 3], hardswish: [-3, 3], softplus: [20] };
  for (const [id, xs] of Object.entries(kinks)) {
    const set = sets.find((s) => s.row.id === id);
    for (const x of xs) assert.ok(set.xs.includes(x), `${id} is checked at ${x}`);
  }
});
