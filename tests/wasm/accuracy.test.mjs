// The WebAssembly module (musl's libm, the one the page runs on) against the mpmath reference vectors
// of tests/reference/vectors, with the same bar as tests/cpp/accuracy_test.cpp: float64 ≤ 4 ulp for
// |x| ≤ 30 and ≤ 1e-12 relative beyond, subnormal results within 2^-1022, NaN → NaN, ±∞ → the limit;
// the float32 buffer path ≤ 2 ulp (float32). Through createBuffer (float64 and float32) and
// evaluate/derivative. Every catalogue id must have vectors.
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadLab } from './load.mjs';

const lab = await loadLab();
const vectorsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'vectors');
const DBL_MIN = 2 ** -1022;
const FLT_MIN = 2 ** -126;

function number(text) {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text); // 'nan' → NaN as well
}

// [{params: [...], f64: [[x, f, df]...], f32: [...]}] from one vector file.
function loadVectors(id) {
  const sets = [];
  for (const line of readFileSync(path.join(vectorsDir, `${id}.txt`), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [kind, ...fields] = line.split(' ');
    if (kind === 'params') sets.push({ params: fields.map(number), f64: [], f32: [] });
    else sets.at(-1)[kind === 's' ? 'f32' : 'f64'].push(fields.map(number));
  }
  return sets;
}

// Error in ulps of the reference (-1: a NaN/infinity/subnormal rule is broken); as in accuracy_test.cpp.
function ulpError(got, want, mantissaBits, minNormal) {
  if (Number.isNaN(want)) return Number.isNaN(got) ? 0 : -1;
  if (!Number.isFinite(want) || !Number.isFinite(got)) return got === want ? 0 : -1;
  if (Math.abs(want) < minNormal) return Math.abs(got - want) <= minNormal ? 0 : -1;
  const exponent = Math.floor(Math.log2(Math.abs(want)));
  // log2 can be off by one next to powers of two; settle the binade exactly.
  const e = 2 ** exponent > Math.abs(want) ? exponent - 1 : 2 ** (exponent + 1) <= Math.abs(want) ? exponent + 1 : exponent;
  return Math.abs(got - want) / 2 ** (e - (mantissaBits - 1));
}

class Checker {
  constructor(what, single) {
    this.what = what;
    this.single = single;
    this.maxUlp = 0;
    this.maxRel = 0;
    /** @type {string[]} */
    this.failures = [];
  }
  check(x, got, want, params) {
    const ulps = this.single ? ulpError(got, want, 24, FLT_MIN) : ulpError(got, want, 53, DBL_MIN);
    let ok = ulps >= 0;
    if (ok && !this.single && Math.abs(x) > 30 && Number.isFinite(want) && Math.abs(want) >= DBL_MIN) {
      const rel = Math.abs(got - want) / Math.abs(want);
      this.maxRel = Math.max(this.maxRel, rel);
      ok = rel <= 1e-12;
    } else if (ok) {
      this.maxUlp = Math.max(this.maxUlp, ulps);
      ok = ulps <= (this.single ? 2 : 4);
    }
    if (!ok && this.failures.length < 8) {
      this.failures.push(`${this.what} at x = ${x}, params ${JSON.stringify(params)}: got ${got}, want ${want} (${ulps} ulp)`);
    }
  }
}

const table = [];

for (const row of lab.catalogue()) {
  test(`${row.id} meets the accuracy bar in WebAssembly`, () => {
    assert.ok(existsSync(path.join(vectorsDir, `${row.id}.txt`)), `no reference vectors for ${row.id}`);
    const sets = loadVectors(row.id);
    assert.deepEqual(sets[0].params, row.params.map((p) => p.default), 'first parameter set = defaults');
    const checks = {
      value: new Checker('f64 buffer value', false), derivative: new Checker('f64 buffer derivative', false),
      evaluate: new Checker('evaluate()', false), slope: new Checker('derivative()', false),
      value32: new Checker('f32 buffer value', true), derivative32: new Checker('f32 buffer derivative', true),
    };
    for (const set of sets) {
      const params = Object.fromEntries(row.params.map((p, i) => [p.name, set.params[i]]));
      const run = (points, type, valueCheck, derivativeCheck) => {
        const buffer = lab.createBuffer(points.length, { type });
        try {
          buffer.input.set(points.map((p) => p[0]));
          const values = Array.from(buffer.apply(row.id, params));
          const slopes = Array.from(buffer.apply(row.id, params, { derivative: true }));
          points.forEach(([x, f, df], i) => {
            valueCheck.check(x, values[i], f, set.params);
            derivativeCheck.check(x, slopes[i], df, set.params);
          });
        } finally {
          buffer.delete();
        }
      };
      run(set.f64, 'float64', checks.value, checks.derivative);
      run(set.f32, 'float32', checks.value32, checks.derivative32);
      const xs = Float64Array.from(set.f64.map((p) => p[0]));
      const values = lab.evaluate(row.id, xs, params);
      const slopes = lab.derivative(row.id, xs, params);
      set.f64.forEach(([x, f, df], i) => {
        checks.evaluate.check(x, values[i], f, set.params);
        checks.slope.check(x, slopes[i], df, set.params);
      });
    }
    table.push(`${row.id.padEnd(12)} f64 value ${checks.value.maxUlp.toFixed(2).padStart(5)} ulp  derivative ` +
               `${checks.derivative.maxUlp.toFixed(2).padStart(5)} ulp | f32 value ${checks.value32.maxUlp.toFixed(2)} ulp  ` +
               `derivative ${checks.derivative32.maxUlp.toFixed(2)} ulp`);
    const failures = Object.values(checks).flatMap((c) => c.failures);
    assert.deepEqual(failures, [], failures.join('\n'));
  });
}

test('max error per function (WebAssembly)', (t) => {
  for (const line of table) t.diagnostic(line);
  assert.equal(table.length, lab.catalogue().length);
});
