// lab.formatTensor(values) against str(torch.tensor(values, dtype=float32)) printed by PyTorch itself:
// randn draws of every size up to past the summarisation threshold, the same at scales that switch to
// scientific notation, integer-valued tensors, and the edge cases of torch/_tensor_str.py's rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from '../wasm/load.mjs';
import { askTorch, bitsOf } from './pytorch.mjs';

const lab = await loadLab();

function cases() {
  const out = [];
  const draw = (n, seed) => lab.randn(n, seed);
  for (const n of [1, 2, 3, 5, 7, 8, 9, 10, 16, 20, 25, 40, 81, 200, 999, 1000, 1001, 5000]) out.push(draw(n, n));
  // Scales from 1e-7 to 1e10 cross every mode switch (min < 1e-4, max > 1e8, max/min > 1000).
  for (let k = -7; k <= 10; k++) {
    for (const n of [3, 12, 1500]) out.push(draw(n, 100 + k).map((x) => x * 10 ** k));
    out.push(draw(12, 200 + k).map((x) => Math.abs(x) * 10 ** k));
  }
  // Integer-valued: small, wide, negative, large enough for scientific notation, and 0/1 labels.
  for (const scale of [1, 10, 1000, 1e5, 1e7, 1e9]) out.push(draw(30, scale).map((x) => Math.round(x * scale)));
  out.push(draw(2000, 7).map((x) => (x > 0 ? 1 : 0)), draw(100, 8).map((x) => (x > 0.5 ? 1 : 0)));
  const special = [
    [0], [-0], [0, 0, 0], [-0, 1], [1, -0.5], [NaN], [Infinity, -Infinity], [NaN, 1, 2], [1.5, NaN, -Infinity],
    [1e-5, 1, -Infinity], [0, 1e-5], [1e-4, 1], [9.9999e-5, 1], [1, 1000], [1, 1000.5], [1, 1001], [1e8, 1],
    [1.5e8, 1], [100000000, 1], [123456789, 2], [0.03125, 0.09375, -0.15625], [2.5, 0.5, -1.5], [9.99995, 1],
    [99999.5, 0.1], [0.00015, 0.3], [-9.99996e-5, 2], [1e38, -1e-38], [3e38, 1], [1.4e-45, 1], [65504, 0.25],
    [1e15], [-1e15, 1], [12345.678, -0.001], [0.1, 0.2, 0.3], [-1, -2, -3], [1e-10, 0, -0],
  ];
  out.push(...special);
  // Summarised tensors are formatted from the six elements shown: a middle that would change the mode must not.
  out.push([1, 2, 3, ...Array(1000).fill(0.5), 4, 5, 6], [0.5, 0.25, 1, ...Array(1000).fill(1e9), 2, 3, 4],
    [NaN, ...Array(1001).fill(2), Infinity], [1e-9, ...Array(1001).fill(1), 1e9]);
  return out.map((values) => Float32Array.from(values));
}

test('formatTensor prints every case exactly as PyTorch prints it', (t) => {
  const all = cases();
  const [printed] = askTorch([{ task: 'print', cases: all.map(bitsOf) }]);
  all.forEach((values, i) => assert.equal(lab.formatTensor(values), printed[i], `case ${i}: [${values.slice(0, 8)}…]`));
  t.diagnostic(`${all.length} tensors, ${all.reduce((s, v) => s + v.length, 0)} values`);
});

test('formatTensor rejects what is not an array of numbers', () => {
  assert.equal(lab.formatTensor([]), 'tensor([])');
  for (const bad of [null, 3, 'abc', [1, '2'], [1, null]]) assert.throws(() => lab.formatTensor(bad), TypeError);
});
