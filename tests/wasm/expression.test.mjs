// lab.compile(text): a user's formula through the module. Plain values out, arrays in one call, errors with
// a code and a position, parameters by name, and no growth of the heap over many compiles.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from './load.mjs';

const lab = await loadLab();
const grid = Float64Array.from({ length: 401 }, (_, i) => -10 + i * 0.05);

test('compile() returns plain values: text, parameters with default and range, usesX', () => {
  const f = lab.compile('x * sigmoid(beta * x)');
  assert.equal(f.text, 'x * sigmoid(beta * x)');
  assert.deepEqual(f.params, [{ name: 'beta', default: 1, min: -5, max: 5 }]);
  assert.equal(f.usesX, true);
  assert.equal(lab.compile('2 + a').usesX, false);
  assert.deepEqual(lab.compile('max(0, x)').params, []);
});

test('x*sigmoid(x) agrees with the catalogue silu within 2 ulp, derivative within 1e-15', () => {
  const f = lab.compile('x * sigmoid(x)');
  const v = f.evaluate(grid), d = f.derivative(grid);
  const sv = lab.evaluate('silu', grid), sd = lab.derivative('silu', grid);
  assert.ok(v instanceof Float64Array && v.length === grid.length);
  for (let i = 0; i < grid.length; i++) {
    assert.ok(Math.abs(v[i] - sv[i]) <= 4.5e-16 * Math.max(1, Math.abs(sv[i])), `value at ${grid[i]}`);
    assert.ok(Math.abs(d[i] - sd[i]) <= 4.5e-16 * Math.max(1, Math.abs(sd[i])), `derivative at ${grid[i]}`);
  }
  const both = f.evaluateBoth(grid);
  assert.deepEqual(both.value, v);
  assert.deepEqual(both.derivative, d);
});

test('parameters by name, defaults for the missing ones; unknown names and non-finite values throw', () => {
  const f = lab.compile('x * sigmoid(beta * x)');
  assert.equal(f.evaluate([2], { beta: 0 })[0], 1);  // σ(0) = 1/2, times 2
  assert.equal(f.evaluate([2])[0], lab.compile('x*sigmoid(x)').evaluate([2])[0]);
  assert.throws(() => f.evaluate([1], { gamma: 1 }), /no parameter "gamma"/);
  assert.throws(() => f.evaluate([1], { beta: NaN }), RangeError);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => f.evaluate([1], 3), TypeError);
});

test('max(0, x) is relu, kinks included (ReLU′(0) = 0 as in PyTorch)', () => {
  const xs = [-2, -0, 0, 1e-300, 3];
  assert.deepEqual([...lab.compile('max(0, x)').derivative(xs)], [...lab.derivative('relu', xs)]);
  assert.deepEqual([...lab.compile('max(0, x)').evaluate(xs)].map(Math.abs), [...lab.evaluate('relu', xs)].map(Math.abs));
});

test('non-finite outputs come back as NaN or ±Infinity, not as errors', () => {
  const v = lab.compile('sqrt(x)').evaluate([-1, 0, 4]);
  assert.ok(Number.isNaN(v[0]));
  assert.deepEqual([...v.slice(1)], [0, 2]);
  assert.equal(lab.compile('1/x').evaluate([0])[0], Infinity);
});

const bad = [
  ['', 'empty', 0],
  ['foo(x)', 'unknown_function', 0],
  ['pow(x)', 'wrong_arity', 0],
  ['(x + 1', 'unclosed_paren', 0],
  ['x + 1)', 'unexpected_close', 5],
  ['x +', 'expected_operand', 3],
  ['x^^2', 'expected_operand', 2],
  ['1e400', 'number_not_finite', 0],
  ['x'.repeat(10000), 'too_long', 1000],
  ['('.repeat(300) + 'x' + ')'.repeat(300), 'too_deep', 40],
  ['x + é', 'bad_character', 4],
  ['😀 + x', 'bad_character', 0],
  ['x + 1 😀', 'bad_character', 6],
  ['<script>alert(1)</script>', 'expected_operand', 0],
];
test('every bad input throws a SyntaxError with a code, the position in the string and a length', () => {
  for (const [text, code, position] of /** @type {[string, string, number][]} */ (bad)) {
    assert.throws(() => lab.compile(text), (/** @type {import('../../src/js/activation-lab').ExpressionError} */ e) => {
      assert.ok(e instanceof SyntaxError, text.slice(0, 20));
      assert.equal(e.code, code, text.slice(0, 20));
      assert.equal(e.position, position, text.slice(0, 20));
      assert.ok(e.length >= 1);
      assert.match(e.message, /at position \d+/);
      return true;
    });
  }
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.compile(42), TypeError);
  const arity = (() => { try { lab.compile('exp(x, 1)'); } catch (e) { return e; } })();
  assert.equal(arity.minArgs, 1);
  assert.equal(arity.maxArgs, 1);
  assert.match(arity.message, /takes 1/);
});

test('limits and function names come from the module', () => {
  const info = lab.expressionInfo();
  assert.equal(info.maxLength, 1000);
  assert.equal(info.maxDepth, 40);
  for (const name of ['exp', 'log1p', 'pow', 'max', 'relu', 'gelu', 'softplus']) assert.ok(info.functions.includes(name), name);
  for (const row of lab.catalogue()) assert.ok(info.functions.includes(row.id), row.id);
});

test('no leak over many compiles and evaluations; an old handle still evaluates (compiled again)', () => {
  const first = lab.compile('x * tanh(softplus(x))');
  const want = first.evaluate(grid);
  const round = (count) => {
    for (let i = 0; i < count; i++) {
      const f = lab.compile(`x * sigmoid(b${i % 7} * x) + ${i}`);
      f.evaluateBoth(grid, { [`b${i % 7}`]: 0.5 });
      try { lab.compile(`x + (${i}`); } catch { /* the error path too */ }
    }
  };
  round(1300);  // fills the module's table of programs and the scratch buffers
  const before = lab.heapStats().inUseBytes;
  round(3000);
  const after = lab.heapStats().inUseBytes;
  assert.ok(after - before <= 4096, `in use grew by ${after - before} bytes`);
  assert.ok(lab.expressionCount() <= 16);
  assert.deepEqual(first.evaluate(grid), want);  // its program had been dropped from the table
});
