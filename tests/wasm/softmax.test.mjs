// softmax(xs, {temperature}) in the built module: the mpmath vectors, the result type and the errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadLab } from './load.mjs';

const lab = await loadLab();
const vectors = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'vectors', 'softmax.txt');
const number = (t) => (t === 'inf' ? Infinity : t === '-inf' ? -Infinity : Number(t));

function loadCases() {
  /** @type {{temperature: number, xs?: number[], expected?: number[]}[]} */
  const cases = [];
  for (const line of readFileSync(vectors, 'utf8').split('\n')) {
    const [kind, ...fields] = line.split(' ');
    if (kind === 'case') cases.push({ temperature: number(fields[0]) });
    else if (kind === 'x') cases.at(-1).xs = fields.map(number);
    else if (kind === 'p') cases.at(-1).expected = fields.map(number);
  }
  return cases;
}

test('softmax matches the mpmath reference within 4 ulp (musl libm)', (t) => {
  const cases = loadCases();
  assert.ok(cases.length > 200);
  let worst = 0;
  for (const { temperature, xs, expected } of cases) {
    const out = lab.softmax(xs, { temperature });
    assert.ok(out instanceof Float64Array);
    assert.equal(out.length, xs.length);
    out.forEach((got, i) => {
      const want = expected[i];
      if (Number.isNaN(want)) return assert.ok(Number.isNaN(got), `T=${temperature} [${i}] want NaN, got ${got}`);
      if (Math.abs(want) < 2 ** -1022) return assert.ok(Math.abs(got - want) <= 2 ** -1022);
      const e = Math.floor(Math.log2(Math.abs(want)));
      const ulp = 2 ** ((2 ** e > Math.abs(want) ? e - 1 : e) - 52);
      const ulps = Math.abs(got - want) / ulp;
      worst = Math.max(worst, ulps);
      assert.ok(ulps <= 4, `T=${temperature} n=${xs.length} [${i}] x=${xs[i]}: got ${got}, want ${want} (${ulps} ulp)`);
    });
  }
  t.diagnostic(`softmax max error ${worst.toFixed(2)} ulp over ${cases.length} cases`);
});

test('softmax defaults to temperature 1 and accepts arrays and typed arrays', () => {
  const a = lab.softmax([0, Math.log(3)]);
  assert.ok(Math.abs(a[0] - 0.25) < 1e-15 && Math.abs(a[1] - 0.75) < 1e-15);
  assert.deepEqual(Array.from(lab.softmax(new Float32Array([5, 5]), { temperature: 2 })), [0.5, 0.5]);
  assert.equal(lab.softmax([]).length, 0);
});

test('softmax throws clear errors for bad temperatures, options and inputs', () => {
  for (const temperature of [0, -1, NaN, Infinity, '1']) {
    // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
    assert.throws(() => lab.softmax([1, 2], { temperature }), /temperature must be a finite number > 0/);
  }
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.softmax([1, 2], { temprature: 1 }), /no option "temprature"/);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.softmax([1, 2], 3), TypeError);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.softmax('1,2'), TypeError);
});
