// The demos' module API: datasets, Network, gradientByDepth, outputHistogram — behaviour,
// heap views, and clear errors for bad arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from './load.mjs';

const lab = await loadLab();

test('dataset returns 2n coordinates and n labels, deterministic per seed', () => {
  for (const name of lab.demoOptions().datasets) {
    const a = lab.dataset(name, { n: 50, noise: 0.1, seed: 3 });
    const b = lab.dataset(name, { n: 50, noise: 0.1, seed: 3 });
    const c = lab.dataset(name, { n: 50, noise: 0.1, seed: 4 });
    assert.ok(a.xs instanceof Float64Array && a.ys instanceof Float64Array);
    assert.equal(a.xs.length, 100);
    assert.equal(a.ys.length, 50);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.xs, c.xs);
    assert.ok(a.ys.every((y) => y === 0 || y === 1));
  }
});

// The same call and sum as tests/cpp/datasets_test.cpp (CrossPlatformFingerprint): a seed means the
// same data natively and in WebAssembly.
test('datasets are bit-identical to the native build', () => {
  const { xs } = lab.dataset('spirals', { n: 100, noise: 0.3, seed: 2024 });
  let weighted = 0;
  for (let k = 0; k < xs.length; k++) weighted += xs[k] * ((k % 7) + 1);
  assert.equal(weighted, 23.170525042931253);
});

test('XOR: relu and tanh learn it, identity cannot', () => {
  const data = lab.dataset('xor', { n: 200, seed: 11 });
  const accuracy = {};
  for (const activation of ['relu', 'tanh', 'identity']) {
    const net = new lab.Network({ layers: [2, 8, 8, 1], activation, learningRate: 0.1, seed: 1 });
    const before = net.lossOn(data);
    const loss = net.train(data, { epochs: 100, batchSize: 10 });
    accuracy[activation] = net.accuracy(data);
    if (activation !== 'identity') assert.ok(loss < before, `${activation}: loss ${loss} not below ${before}`);
    net.delete();
  }
  assert.ok(accuracy.relu >= 0.95, `relu ${accuracy.relu}`);
  assert.ok(accuracy.tanh >= 0.95, `tanh ${accuracy.tanh}`);
  assert.ok(accuracy.identity <= 0.75, `identity ${accuracy.identity}`);
});

test('predictGrid is a Float32Array view of probabilities, row 0 at the top', () => {
  const net = new lab.Network({ activation: 'tanh', seed: 2 });
  const grid = net.predictGrid({ cols: 4, rows: 3, x: [-1, 1], y: [-1, 1] });
  assert.ok(grid instanceof Float32Array);
  assert.equal(grid.length, 12);
  assert.ok(grid.every((p) => p >= 0 && p <= 1));
  const [topLeft] = net.predict([-0.75, 1 - 1 / 3]);
  assert.ok(Math.abs(grid[0] - topLeft) < 1e-6);
  net.delete();
});

test('identity network equals its collapsed product matrix', () => {
  const data = lab.dataset('gaussians', { n: 40, seed: 5 });
  const net = new lab.Network({ layers: [2, 8, 8, 8, 1], activation: 'identity', seed: 4 });
  net.train(data, { epochs: 3 });
  const { matrix, bias } = net.collapsed();
  const p = net.predict(data.xs);
  for (let i = 0; i < 40; i++) {
    const z = matrix[0] * data.xs[2 * i] + matrix[1] * data.xs[2 * i + 1] + bias;
    assert.ok(Math.abs(p[i] - 1 / (1 + Math.exp(-z))) < 1e-12);
  }
  net.delete();
});

test('equal init keeps hidden units identical; weights() has the documented shape', () => {
  const data = lab.dataset('circle', { n: 100, seed: 2 });
  const net = new lab.Network({ layers: [2, 4, 3, 1], activation: 'relu', init: 'equal' });
  net.train(data, { epochs: 10, batchSize: 5 });
  const layers = net.weights();
  assert.deepEqual(layers.map((l) => [l.inputs, l.outputs]), [[2, 4], [4, 3], [3, 1]]);
  for (const layer of layers.slice(0, 2)) {
    for (let j = 1; j < layer.outputs; j++) {
      for (let i = 0; i < layer.inputs; i++) assert.equal(layer.weights[j * layer.inputs + i], layer.weights[i]);
      assert.equal(layer.biases[j], layer.biases[0]);
    }
  }
  assert.equal(net.parameters().length, 2 * 4 + 4 + 4 * 3 + 3 + 3 + 1);
  assert.equal(net.gradient(data).length, net.parameters().length);
  net.delete();
});

test('gradientByDepth: sigmoid vanishes, relu with He holds', () => {
  const sigmoid = lab.gradientByDepth({ depth: 20, activation: 'sigmoid', init: 'xavier' });
  const relu = lab.gradientByDepth({ depth: 50, activation: 'relu', init: 'he' });
  assert.equal(sigmoid.gradients.length, 20);
  assert.equal(sigmoid.weightGradients.length, 20);
  assert.ok(sigmoid.gradients[0] / sigmoid.gradients[19] <= 0.25 ** 19);
  const ratio = relu.gradients[0] / relu.gradients[49];
  assert.ok(ratio > 0.05 && ratio < 20, `relu ratio ${ratio}`);
});

test('outputHistogram: the same z through sigmoid, tanh and relu', () => {
  const common = { samples: 5000, scale: 3, bins: 10, seed: 7 };
  const s = lab.outputHistogram({ ...common, activation: 'sigmoid', range: [0, 1] });
  const t = lab.outputHistogram({ ...common, activation: 'tanh', range: [-1, 1] });
  const r = lab.outputHistogram({ ...common, activation: 'relu', range: [0, 5] });
  const total = (h) => h.counts.reduce((a, b) => a + b, 0) + h.below + h.above;
  for (const h of [s, t, r]) assert.equal(total(h), 5000);
  assert.ok(s.min > 0 && s.max < 1 && s.below === 0 && s.above === 0);
  assert.ok(t.min > -1 && t.max < 1);
  assert.equal(r.min, 0);
  assert.ok(r.above > 0);
});

test('bad arguments throw clear errors', () => {
  const net = new lab.Network();
  const data = lab.dataset('xor', { n: 10 });
  const cases = [
    [() => lab.dataset('moons'), /one of xor, circle, spirals, gaussians/],
    [() => lab.dataset('xor', { n: 1 }), /n must be an integer/],
    [() => lab.dataset('xor', { noise: -1 }), /noise/],
    [() => lab.dataset('xor', { seed: 1.5 }), /seed/],
    // @ts-expect-error: a wrong option on purpose; the API must refuse it at run time too
    [() => lab.dataset('xor', { size: 5 }), /unknown option "size"/],
    [() => new lab.Network({ layers: [2, 9, 1] }), /1 to 8 units/],
    [() => new lab.Network({ layers: [3, 8, 1] }), /start with 2/],
    [() => new lab.Network({ layers: [2, 8, 8, 8, 8, 8, 8, 8, 1] }), /0 to 6 hidden layers/],
    [() => new lab.Network({ layers: [2, ...Array(99).fill(4), 1] }), /0 to 6 hidden layers .* got 101/],
    // @ts-expect-error: a wrong option on purpose; the API must refuse it at run time too
    [() => new lab.Network({ layers: 'big' }), /layers must be an array/],
    [() => new lab.Network({ activation: 'swish' }), /Unknown activation "swish"/],
    // @ts-expect-error: a wrong option on purpose; the API must refuse it at run time too
    [() => new lab.Network({ activation: 'leaky_relu', params: { negative_slope: 'x' } }), /negative_slope/],
    [() => new lab.Network({ output: 'relu' }), /output must be one of sigmoid, tanh/],
    [() => new lab.Network({ loss: 'hinge' }), /loss must be one of/],
    [() => new lab.Network({ init: 'orthogonal' }), /init must be one of torch_default, xavier, he, equal, zeros, constant, xavier_normal, lecun/],
    [() => new lab.Network({ learningRate: 0 }), /learningRate must be a number in \(0, 10\], got 0/],
    [() => new lab.Network({ learningRate: NaN }), /learningRate/],
    [() => new lab.Network({ learningRate: 1e400 }), /learningRate must be a number in \(0, 10\], got Infinity/],
    [() => net.train(data, { epochs: 0 }), /epochs/],
    [() => net.train(data, { batchSize: 2.5 }), /batchSize/],
    [() => net.train({ xs: new Float64Array(3), ys: new Float64Array(2) }), /2 values per label/],
    [() => net.train(null), /data must be/],
    [() => net.predictGrid({ cols: 0 }), /cols/],
    [() => net.predictGrid({ x: [1, -1] }), /lo < hi/],
    [() => net.predict([1, 2, 3]), /pairs/],
    [() => lab.gradientByDepth({ depth: 0 }), /depth/],
    [() => lab.gradientByDepth({ depth: 101 }), /depth/],
    [() => lab.gradientByDepth({ init: 'orthogonal' }), /init/],
    [() => lab.outputHistogram({ range: [1, 1] }), /range/],
    [() => lab.outputHistogram({ bins: 0 }), /bins/],
  ];
  for (const [call, message] of /** @type {[() => unknown, RegExp][]} */ (cases)) assert.throws(call, message);
  net.delete();
  assert.throws(() => net.train(data), /deleted/);
  assert.doesNotThrow(() => net.delete());
});
