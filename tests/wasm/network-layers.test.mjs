// The training lab's module API: per-layer activations, every initialisation, weight decay, unit maps,
// dead units and gradient norms, reproducibility, and clear errors for bad options.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from './load.mjs';

const lab = await loadLab();

test('the issue\'s example builds and trains: one activation per hidden layer', () => {
  const net = new lab.Network({ layers: [2, 8, 8, 1], activation: ['relu', 'tanh'], init: 'he', seed: 1 });
  assert.deepEqual(net.activation, ['relu', 'tanh']);
  const data = lab.dataset('circle', { n: 200, seed: 3 });
  const before = net.lossOn(data);
  net.train(data, { epochs: 60, batchSize: 10 });
  assert.ok(net.lossOn(data) < before);
  assert.ok(net.accuracy(data) > 0.9, `accuracy ${net.accuracy(data)}`);
  net.delete();
});

test('six hidden layers of eight, every init, same seed → same weights after training, bit for bit', () => {
  const data = lab.dataset('spirals', { n: 100, noise: 0.1, seed: 2 });
  const layers = [2, 8, 8, 8, 8, 8, 8, 1];
  for (const init of lab.demoOptions().inits) {
    const spec = { layers, activation: ['relu', 'tanh', 'gelu', 'elu', 'sigmoid', 'leaky_relu'], init, seed: 42,
                   weightDecay: 0.001, initValue: 0.05 };
    const a = new lab.Network(spec), b = new lab.Network(spec);
    assert.deepEqual(a.parameters(), b.parameters());
    a.train(data, { epochs: 5, batchSize: 10 });
    b.train(data, { epochs: 5, batchSize: 10 });
    assert.deepEqual(a.parameters(), b.parameters(), init);
    a.delete();
    b.delete();
  }
});

test('zeros and constant inits are what they say; a single name means every layer', () => {
  const zero = new lab.Network({ layers: [2, 3, 3, 1], init: 'zeros' });
  assert.ok(zero.parameters().every((p) => p === 0));
  const constant = new lab.Network({ layers: [2, 3, 1], init: 'constant', initValue: 0.3 });
  const [first] = constant.weights();
  assert.ok(first.weights.every((w) => w === 0.3) && first.biases.every((b) => b === 0));
  const all = new lab.Network({ layers: [2, 4, 4, 1], activation: 'gelu', seed: 3 });
  const each = new lab.Network({ layers: [2, 4, 4, 1], activation: ['gelu', 'gelu'], seed: 3 });
  const data = lab.dataset('xor', { n: 40 });
  all.train(data, { epochs: 3 });
  each.train(data, { epochs: 3 });
  assert.deepEqual(all.parameters(), each.parameters());
  for (const n of [zero, constant, all, each]) n.delete();
});

test('predictGrid with units: one map per hidden unit; evaluate and gradientNorms have one entry per layer', () => {
  const net = new lab.Network({ layers: [2, 3, 2, 1], activation: ['tanh', 'relu'], seed: 5 });
  const { grid, units } = net.predictGrid({ cols: 10, rows: 10, units: true });
  assert.equal(grid.length, 100);
  assert.equal(units.length, 5);
  assert.ok(units.slice(0, 3).every((m) => m.every((v) => v >= -1 && v <= 1)));
  assert.ok(units.slice(3).every((m) => m.every((v) => v >= 0)));
  const data = lab.dataset('circle', { n: 50 });
  assert.deepEqual([...net.gradientNorms()], [0, 0, 0]);
  net.train(data, { epochs: 2 });
  const norms = net.gradientNorms();
  assert.equal(norms.length, 3);
  assert.ok(norms.every((g) => g > 0 && Number.isFinite(g)));
  const e = net.evaluate(data);
  assert.equal(e.loss, net.lossOn(data));
  assert.equal(e.accuracy, net.accuracy(data));
  assert.equal(e.dead.length, 2);
  net.delete();
});

test('a ReLU network trained with a huge learning rate kills units, and evaluate counts them', () => {
  const data = lab.dataset('gaussians', { n: 200, seed: 1 });
  const net = new lab.Network({ layers: [2, 8, 8, 1], activation: 'relu', learningRate: 10, seed: 4 });
  net.train(data, { epochs: 20, batchSize: 5 });
  const { dead } = net.evaluate(data);
  assert.ok(dead.some((d) => d > 0), `dead ${[...dead]}`);
  net.delete();
});

test('bad lab options throw messages that say what is wrong', () => {
  /** @type {Array<[any, RegExp]>} wrong options on purpose: the API must refuse them at run time */
  const cases = [
    [{ layers: [2, ...Array(99).fill(8), 1] }, /0 to 6 hidden layers/],
    [{ learningRate: 1e400 }, /learningRate must be a number in \(0, 10\], got Infinity/],
    [{ layers: [2, 4, 4, 4, 1], activation: ['relu', 'tanh'] }, /activation lists 2 functions, but the network has 3 hidden layers/],
    [{ layers: [2, 4, 4, 1], activation: ['relu', 'swish'] }, /hidden layer 2: Unknown activation "swish"/],
    [{ layers: [2, 4, 4, 1], activation: ['relu', 'leaky_relu'], params: [{}, { negative_slope: 'x' }] }, /hidden layer 2: .*negative_slope/],
    [{ activation: [] }, /non-empty array/],
    [{ weightDecay: -1 }, /weightDecay must be a number in \[0, 1\]/],
    [{ init: 'constant', initValue: 100 }, /initValue must be a number in \[-10, 10\]/],
    [{ init: 'glorot' }, /init must be one of/],
  ];
  for (const [spec, message] of cases) assert.throws(() => new lab.Network(spec), message);
});

test('roundToFormat rounds to nearest even, with subnormals and overflow', () => {
  assert.deepEqual([...lab.roundToFormat([1 + 2 ** -11, 1 + 3 * 2 ** -11, 65520, 2 ** -25, 0.1], 'float16')],
                   [1, 1 + 2 ** -9, Infinity, 0, 0.0999755859375]);
  assert.deepEqual([...lab.roundToFormat([1 + 2 ** -8, 3.14159], 'bfloat16')], [1, 3.140625]);
  assert.deepEqual([...lab.roundToFormat([0.1], 'float32')], [Math.fround(0.1)]);
  assert.ok(lab.roundToFormat([NaN], 'bfloat16')[0] !== lab.roundToFormat([NaN], 'bfloat16')[0]);
  assert.ok(lab.roundToFormat(new Float32Array([1.5]), 'float16') instanceof Float64Array);
  // @ts-expect-error: an unknown format on purpose; the API must refuse it at run time too
  assert.throws(() => lab.roundToFormat([1], 'float8'), /format must be one of float64, float32, bfloat16, float16/);
});

test('formatMarkers: sigmoid rounds to 1 at ≈ 17.3 (float32), 8.3 (float16), earlier in bfloat16', () => {
  const m = lab.formatMarkers('sigmoid', { range: [-40, 40] });
  assert.ok(Math.abs(m.float32.saturatesAbove - 17.33) < 0.01, String(m.float32.saturatesAbove));
  assert.ok(Math.abs(m.float16.saturatesAbove - 8.318) < 0.01, String(m.float16.saturatesAbove));
  assert.ok(m.bfloat16.saturatesAbove < m.float16.saturatesAbove);
  assert.ok(Math.abs(m.float16.expOverflow - Math.log(65520)) < 1e-9);
  assert.equal(m.float32.expOverflow, null);  // 88.7 is outside [-40, 40]
  assert.ok(m.float16.derivativeZeroAbove > 17 && m.float16.derivativeZeroAbove < 17.5);
  assert.throws(() => lab.formatMarkers('sigmoid', { range: [1, 0] }), /lo < hi/);
  assert.throws(() => lab.formatMarkers('sigmoid', { range: [0, 1e9] }), /within/);
});
