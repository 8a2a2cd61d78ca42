// The module's plain-JS API: catalogue, evaluate, derivative, neuron, heap buffers, errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from './load.mjs';

const lab = await loadLab();

test('the factory is a CommonJS export that resolves to the API', () => {
  for (const name of ['catalogue', 'evaluate', 'derivative', 'neuron', 'createBuffer']) {
    assert.equal(typeof lab[name], 'function', name);
  }
});

test('catalogue() lists plain objects with ids, parameters, ranges and TeX', () => {
  const rows = lab.catalogue();
  assert.ok(Array.isArray(rows));
  const ids = rows.map((r) => r.id);
  for (const id of ['identity', 'relu', 'sigmoid', 'tanh', 'leaky_relu']) assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const row of rows) {
    assert.equal(Object.getPrototypeOf(row), Object.prototype, `${row.id} is a plain object`);
    assert.ok(Array.isArray(row.range) && row.range.length === 2 && row.range[0] < row.range[1], row.id);
    assert.equal(typeof row.tex, 'string');
    assert.ok(row.tex.length > 0);
    for (const p of row.params) {
      assert.equal(typeof p.name, 'string');
      assert.ok(p.min <= p.default && p.default <= p.max, `${row.id}.${p.name}`);
    }
  }
  const leaky = rows.find((r) => r.id === 'leaky_relu');
  assert.deepEqual(leaky.params.map((p) => [p.name, p.default]), [['negative_slope', 0.01]]);
  assert.deepEqual(rows.find((r) => r.id === 'tanh').range, [-6, 6]);
});

test('catalogue() returns a fresh copy each time', () => {
  const first = lab.catalogue();
  first[0].id = 'changed';
  // @ts-expect-error: a partial row, only to show that the next copy is untouched
  first[1].params.push({ name: 'bogus' });
  const second = lab.catalogue();
  assert.notEqual(second[0].id, 'changed');
  assert.ok(!second[1].params.some((p) => p.name === 'bogus'));
});

test('evaluate() takes a Float64Array or an array and returns a Float64Array', () => {
  const xs = [-2, -0.5, 0, 0.5, 3];
  const fromArray = lab.evaluate('relu', xs);
  const fromTyped = lab.evaluate('relu', Float64Array.from(xs));
  assert.ok(fromArray instanceof Float64Array);
  assert.deepEqual([...fromArray], [0, 0, 0, 0.5, 3]);
  assert.deepEqual([...fromTyped], [...fromArray]);
  assert.equal(lab.evaluate('relu', []).length, 0);
});

test('evaluate() leaves the caller\'s input untouched', () => {
  const xs = Float64Array.of(-1, 2);
  lab.evaluate('sigmoid', xs);
  assert.deepEqual([...xs], [-1, 2]);
});

test('sigmoid and tanh agree with independent closed forms', () => {
  const xs = Array.from({ length: 41 }, (_, i) => -10 + i * 0.5);
  const sig = lab.evaluate('sigmoid', xs);
  const th = lab.evaluate('tanh', xs);
  xs.forEach((x, i) => {
    const expected = 1 / (1 + Math.exp(-x));
    assert.ok(Math.abs(sig[i] - expected) <= 4e-16 * expected, `sigmoid(${x})`);
    assert.ok(Math.abs(th[i] - Math.tanh(x)) <= 4e-16 * Math.max(Math.abs(Math.tanh(x)), 1e-300), `tanh(${x})`);
  });
  assert.equal(lab.evaluate('sigmoid', [0])[0], 0.5);
});

test('parameters: named like PyTorch, missing keys take defaults', () => {
  assert.equal(lab.evaluate('leaky_relu', [-2])[0], -0.02);
  assert.equal(lab.evaluate('leaky_relu', [-2], {})[0], -0.02);
  assert.equal(lab.evaluate('leaky_relu', [-2], { negative_slope: 0.2 })[0], -0.4);
  assert.equal(lab.evaluate('leaky_relu', [3], { negative_slope: 0.2 })[0], 3);
  // nn.LeakyReLU(0), as in the article, is exactly ReLU.
  const xs = [-3, -1e-9, 0, 1e-9, 4];
  assert.deepEqual([...lab.evaluate('leaky_relu', xs, { negative_slope: 0 })].map((v) => v + 0),
                   [...lab.evaluate('relu', xs)].map((v) => v + 0));
});

test('derivatives follow PyTorch autograd at the kinks', () => {
  assert.deepEqual([...lab.derivative('relu', [-1, 0, 1])], [0, 0, 1]);
  assert.deepEqual([...lab.derivative('leaky_relu', [-1, 0, 1], { negative_slope: 0.2 })], [0.2, 0.2, 1]);
  assert.equal(lab.derivative('sigmoid', [0])[0], 0.25);
  assert.equal(lab.derivative('tanh', [0])[0], 1);
  assert.equal(lab.derivative('identity', [123])[0], 1);
});

test('an unknown id throws an Error that names it and lists the known ones', () => {
  assert.throws(() => lab.evaluate('swish', [1]), (err) => err instanceof Error && /"swish"/.test(err.message) && /relu/.test(err.message));
  assert.throws(() => lab.derivative(undefined, [1]), Error);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.evaluate({ toString: () => 'relu' }, [1]), Error);
});

test('bad parameters throw Errors that say what is wrong', () => {
  assert.throws(() => lab.evaluate('leaky_relu', [1], { negative_slope: 5 }), (err) => err instanceof RangeError && /negative_slope/.test(err.message) && /\[0, 1\]/.test(err.message));
  assert.throws(() => lab.evaluate('leaky_relu', [1], { negative_slope: -0.5 }), RangeError);
  assert.throws(() => lab.evaluate('leaky_relu', [1], { negative_slope: NaN }), RangeError);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.evaluate('leaky_relu', [1], { negative_slope: '0.1' }), RangeError);
  assert.throws(() => lab.evaluate('leaky_relu', [1], { slope: 0.1 }), (/** @type {Error} */ err) => /no parameter "slope"/.test(err.message));
  assert.throws(() => lab.evaluate('relu', [1], { alpha: 1 }), /takes none/);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.evaluate('relu', [1], 0.5), TypeError);
});

test('bad inputs throw a TypeError', () => {
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.evaluate('relu', 'abc'), TypeError);
  assert.throws(() => lab.evaluate('relu', { length: 2 }), TypeError);
});

test('neuron() computes z = w·x + b and f(z), f\'(z)', () => {
  const r = lab.neuron({ inputs: [1, 2, 3], weights: [0.5, -1, 2], bias: 0.25, activation: 'sigmoid' });
  assert.equal(r.z, 0.5 - 2 + 6 + 0.25);
  const s = 1 / (1 + Math.exp(-r.z));
  assert.ok(Math.abs(r.output - s) < 1e-15);
  assert.ok(Math.abs(r.derivative - s * (1 - s)) < 1e-15);
  assert.deepEqual(Object.keys(r).sort(), ['derivative', 'output', 'z']);
});

test('a neuron with the identity activation is linear regression', () => {
  const r = lab.neuron({ inputs: [2, -1, 0.5], weights: [1.5, 2, -4], bias: -1, activation: 'identity' });
  assert.equal(r.z, 3 - 2 - 2 - 1);
  assert.equal(r.output, r.z);
  assert.equal(r.derivative, 1);
});

test('neuron() passes parameters and validates its arguments', () => {
  const r = lab.neuron({ inputs: [1], weights: [-2], bias: 0, activation: 'leaky_relu', params: { negative_slope: 0.1 } });
  assert.equal(r.output, -0.2);
  assert.equal(r.derivative, 0.1);
  assert.throws(() => lab.neuron({ inputs: [1, 2], weights: [1], activation: 'relu' }), /2 inputs but 1 weights/);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.neuron({ inputs: [1], weights: [1], bias: 'x', activation: 'relu' }), /bias/);
  assert.throws(() => lab.neuron({ inputs: [1], weights: [1], activation: 'nope' }), /"nope"/);
  assert.throws(() => lab.neuron(null), TypeError);
});

for (const type of /** @type {const} */ (['float64', 'float32'])) {
  test(`a ${type} heap buffer is filled, applied and read in place`, () => {
    const buf = lab.createBuffer(5, { type });
    try {
      const Ctor = type === 'float32' ? Float32Array : Float64Array;
      assert.ok(buf.input instanceof Ctor);
      assert.equal(buf.input.length, 5);
      buf.input.set([-2, -1, 0, 1, 2]);
      const out = buf.apply('leaky_relu', { negative_slope: 0.5 });
      assert.deepEqual([...out], [-1, -0.5, 0, 1, 2]);
      assert.deepEqual([...buf.apply('relu', {}, { derivative: true })], [0, 0, 0, 1, 1]);
      assert.deepEqual([...buf.output], [0, 0, 0, 1, 1]);
    } finally {
      buf.delete();
    }
    assert.throws(() => buf.input, /deleted/);
  });
}

// float32 through a float64 kernel converts four values at a time in the module, then the rest one by one:
// every length gives what the long call gives (value and derivative, a function with and one without a
// float32 kernel of its own).
test('float32 buffers of every length up to past two conversion steps agree with the long call', () => {
  const xs = Float32Array.from({ length: 13 }, (_, i) => -3 + 0.47 * i);
  for (const id of ['mish', 'softplus', 'gelu']) {
    for (const derivative of [false, true]) {
      const full = lab.createBuffer(xs.length, { type: 'float32' });
      full.input.set(xs);
      const want = Array.from(full.apply(id, {}, { derivative }));
      full.delete();
      for (let n = 0; n <= xs.length; n++) {
        const buf = lab.createBuffer(n, { type: 'float32' });
        buf.input.set(xs.subarray(0, n));
        assert.deepEqual(Array.from(buf.apply(id, {}, { derivative })), want.slice(0, n), `${id} n=${n} derivative=${derivative}`);
        buf.delete();
      }
      assert.ok(want.every(Number.isFinite) && new Set(want).size > 6, `${id}: real, varied values`);
    }
  }
});

test('a prepared function returns a live output view after the heap grows', () => {
  const buf = lab.createBuffer(3, { type: 'float32' });
  buf.input.set([-2, 0.5, 3]);
  const apply = buf.prepare('relu');
  const before = apply();
  assert.deepEqual([...before], [0, 0.5, 3]);
  const memory = lab.heapStats().memoryBytes;
  const big = lab.createBuffer(4_000_000, { type: 'float64' });
  assert.ok(lab.heapStats().memoryBytes > memory, 'the big buffer should have grown the heap');
  assert.equal(before.length, 0, 'growth detaches views made before it');
  buf.input.set([4, -1, 2]);
  const after = apply();
  assert.equal(after.length, 3);
  assert.deepEqual([...after], [4, 0, 2]);
  assert.equal(apply(), after, 'the same view is returned while the heap stays the same');
  big.delete();
  buf.delete();
  assert.throws(() => apply(), /deleted/);
});

test('buffer views stay valid when the heap grows', () => {
  const small = lab.createBuffer(4, { type: 'float64' });
  small.input.set([1, 2, 3, 4]);
  const big = lab.createBuffer(2_000_000, { type: 'float64' });
  big.input.fill(-1);
  assert.deepEqual([...small.input], [1, 2, 3, 4]);
  assert.equal(big.apply('relu')[1_999_999], 0);
  assert.deepEqual([...small.apply('identity')], [1, 2, 3, 4]);
  big.delete();
  small.delete();
  assert.throws(() => lab.createBuffer(-1), RangeError);
  // @ts-expect-error: a wrong type on purpose; the API must refuse it at run time too
  assert.throws(() => lab.createBuffer(3, { type: 'int8' }), TypeError);
});
