// f.properties(params): the summary table's properties of a typed formula, computed in the module, as plain JS
// values: ±Infinity and NaN restored from the JSON, the catalogue's own spellings, parameters by name, a
// program the module has dropped compiled again, and no heap growth.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from './load.mjs';

const lab = await loadLab();
const rows = lab.catalogue();

test('every catalogue row, typed as <id>(x), gets its own spellings of smoothness and saturation back', () => {
  for (const row of rows) {
    const p = lab.compile(`${row.id}(x)`).properties();
    assert.equal(p.smoothness, row.smoothness, row.id);
    assert.equal(p.saturation, row.saturation, row.id);
    assert.equal(p.monotonic, row.monotonic, row.id);
    assert.equal(p.zeroCentred, row.zeroCentred, row.id);
    assert.equal(p.identityNearZero, row.identityNearZero, row.id);
  }
});

test('plain values: ±Infinity and NaN restored, arrays of numbers, closest as {id, distance}', () => {
  const p = lab.compile('sqrt(x)').properties();
  assert.deepEqual(p.range, { lo: 0, hi: Infinity, loAttained: true, hiAttained: false });
  assert.ok(Number.isNaN(p.limits.negative));
  assert.equal(p.limits.positive, Infinity);
  assert.deepEqual(p.undefinedWhere, [[-Infinity, 0]]);
  assert.deepEqual(p.kinks, []);
  assert.equal(p.smoothness, 'Cinf');
  assert.equal(p.saturation, 'positive');
  assert.equal(typeof p.closest?.id, 'string');
  assert.equal(Object.getPrototypeOf(p), Object.prototype);

  const relu6 = lab.compile('min(max(0, x), 6)').properties();
  assert.deepEqual(relu6.kinks, [0, 6]);
  assert.deepEqual(relu6.range, { lo: 0, hi: 6, loAttained: true, hiAttained: true });
  assert.deepEqual(relu6.closest, { id: 'relu6', distance: 0 });
  assert.equal(lab.compile('log(x)').properties().closest, null);
});

test("the issue's examples: the closest rows by shape", () => {
  const closest = (text) => lab.compile(text).properties().closest;
  assert.equal(closest('x*sigmoid(x)')?.id, 'silu');
  assert.ok((closest('x*sigmoid(x)')?.distance ?? 1) < 1e-12);
  assert.deepEqual(closest('max(0,x)'), { id: 'relu', distance: 0 });
  assert.equal(closest('x*tanh(softplus(x))')?.id, 'mish');
});

test('parameters by name change the answer; unknown names throw as in evaluate', () => {
  const f = lab.compile('x * sigmoid(beta * x)');
  assert.equal(f.properties().monotonic, false);            // beta = 1: SiLU's dip
  assert.equal(f.properties({ beta: 0 }).monotonic, true);  // x/2
  assert.equal(f.properties({ beta: 0 }).zeroCentred, true);
  assert.throws(() => f.properties({ gamma: 1 }), /no parameter "gamma"/);
  assert.throws(() => f.properties({ beta: NaN }), RangeError);
});

test('a program the module has dropped from its table is compiled again', () => {
  const f = lab.compile('abs(x)');
  const before = f.properties();
  // The table holds 16 programs: 20 more compiles drop this one.
  for (let i = 0; i < 20; i++) lab.compile(`x + ${i}`);
  assert.deepEqual(f.properties(), before);
  assert.deepEqual(before.kinks, [0]);
});

test('analysing again and again does not grow the heap', () => {
  const f = lab.compile('x * sigmoid(beta * x)');
  f.properties();
  const before = lab.heapStats().inUseBytes;
  for (let i = 0; i < 200; i++) f.properties({ beta: i / 50 });
  assert.equal(lab.heapStats().inUseBytes, before);
});
