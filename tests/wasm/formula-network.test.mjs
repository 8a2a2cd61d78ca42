// The reader's formula where a catalogue id can go in the demos' API: a Network layer (alone or mixed
// with catalogue layers) and gradientByDepth. It trains like the catalogue row it writes out, survives the
// module dropping its compiled program, and bad parameter values are refused with a message.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from './load.mjs';

const lab = await loadLab();
const data = lab.dataset('circle', { n: 120, noise: 0.1, seed: 5 });

test('x*sigmoid(x) trains like SiLU, seed for seed', () => {
  const f = lab.compile('x * sigmoid(x)');
  const a = new lab.Network({ layers: [2, 6, 6, 1], activation: f, seed: 4 });
  const b = new lab.Network({ layers: [2, 6, 6, 1], activation: 'silu', seed: 4 });
  assert.deepEqual(a.parameters(), b.parameters());
  const la = a.train(data, { epochs: 10, batchSize: 10 });
  const lb = b.train(data, { epochs: 10, batchSize: 10 });
  assert.ok(Math.abs(la - lb) < 1e-10, `${la} vs ${lb}`);
  const pa = a.parameters(), pb = b.parameters();
  for (let k = 0; k < pa.length; k++) assert.ok(Math.abs(pa[k] - pb[k]) < 1e-9 * (1 + Math.abs(pb[k])), `parameter ${k}`);
  assert.equal(a.activation, f);
  a.delete();
  b.delete();
});

test('a formula with a parameter in one layer of a mixed network; its value matters', () => {
  const f = lab.compile('max(slope * x, x)');
  const make = (slope) => new lab.Network({ layers: [2, 5, 5, 1], activation: ['tanh', f], params: [null, { slope }], seed: 2 });
  const leaky = make(0.2);
  const catalogue = new lab.Network({ layers: [2, 5, 5, 1], activation: ['tanh', 'leaky_relu'], params: [null, { negative_slope: 0.2 }], seed: 2 });
  const other = make(0.9);
  const [l1, l2, l3] = [leaky, catalogue, other].map((n) => n.train(data, { epochs: 5, batchSize: 10 }));
  assert.ok(Math.abs(l1 - l2) < 1e-10, `${l1} vs ${l2}`);
  assert.ok(Math.abs(l1 - l3) > 1e-6, 'the slope parameter reaches the layer');
  [leaky, catalogue, other].forEach((n) => n.delete());
});

test('a network keeps training after the module has dropped the compiled program', () => {
  const f = lab.compile('x * tanh(softplus(x))');
  const net = new lab.Network({ layers: [2, 4, 1], activation: f, seed: 1 });
  for (let k = 0; k < 40; k++) lab.compile(`x + ${k}`);  // more programs than the module keeps
  const loss = net.train(data, { epochs: 2 });
  assert.ok(Number.isFinite(loss));
  const again = new lab.Network({ layers: [2, 4, 1], activation: f, seed: 1 });  // compiled again from its text
  assert.equal(again.parameters().length, net.parameters().length);
  net.delete();
  again.delete();
});

test('bad parameter values are refused with the formula\'s parameter named', () => {
  const f = lab.compile('x * sigmoid(beta * x)');
  assert.throws(() => new lab.Network({ layers: [2, 3, 1], activation: f, params: { beta: Infinity } }), /beta/);
  assert.throws(() => new lab.Network({ layers: [2, 3, 1], activation: f, params: { gamma: 1 } }), /no parameter "gamma"/);
  assert.throws(() => new lab.Network({ layers: [2, 3, 3, 1], activation: ['relu', f], params: [null, { beta: NaN }] }),
    /hidden layer 2/);
});

test('gradientByDepth: 1/(1+exp(-x)) vanishes as sigmoid does', () => {
  const f = lab.compile('1 / (1 + exp(-x))');
  const a = lab.gradientByDepth({ depth: 12, activation: f, seed: 3 });
  const b = lab.gradientByDepth({ depth: 12, activation: 'sigmoid', seed: 3 });
  for (let l = 0; l < 12; l++) assert.ok(Math.abs(a.gradients[l] - b.gradients[l]) <= 1e-12 * (1 + b.gradients[l]), `layer ${l}`);
  assert.ok(a.gradients[0] < 1e-4 * a.gradients[11]);
  // A linear layer k·x multiplies the gradient by k once per layer: 12 layers, 2¹² at the bottom.
  const linear = lab.compile('k * x');
  const one = lab.gradientByDepth({ depth: 12, activation: linear, params: { k: 1 }, seed: 3 });
  const two = lab.gradientByDepth({ depth: 12, activation: linear, params: { k: 2 }, seed: 3 });
  assert.ok(Math.abs(two.gradients[0] / one.gradients[0] / 4096 - 1) < 1e-12, String(two.gradients[0] / one.gradients[0]));
});
