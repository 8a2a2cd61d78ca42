// The network's initialisations against PyTorch's nn.init, statistically: our generator is not
// PyTorch's (a seed means the same weights on every platform, natively and in WebAssembly, which
// torch's stream could not promise here), so the check is on the distribution. For each scheme and
// two layer shapes (fan_in 2 → fan_out 8, and 8 → 8), ~19,000 of our weights over many seeds and as many
// drawn by nn.init itself must pass a two-sample Kolmogorov–Smirnov test at α = 0.001, have the same
// variance within 5 %, and (uniform schemes) the same bound; zeros and constant must match exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from '../wasm/load.mjs';
import { askTorch } from './pytorch.mjs';

const lab = await loadLab();
const SEEDS = 300;

// Our weights of weight layer `layer` in [2, 8, 8, 1] networks over SEEDS seeds (and the biases).
function ours(init, layer, initValue = 0.1) {
  const weights = [], biases = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const net = new lab.Network({ layers: [2, 8, 8, 1], init, seed, initValue });
    const l = net.weights()[layer];
    weights.push(...l.weights);
    biases.push(...l.biases);
    net.delete();
  }
  return { weights, biases };
}

function ks(a, b) {
  const x = Float64Array.from(a).sort(), y = Float64Array.from(b).sort();
  let i = 0, j = 0, d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

const variance = (v) => { const m = v.reduce((s, x) => s + x, 0) / v.length; return v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length; };
const shapes = [{ layer: 0, fanIn: 2, fanOut: 8 }, { layer: 1, fanIn: 8, fanOut: 8 }];
const random = ['torch_default', 'xavier', 'xavier_normal', 'he', 'lecun'];

test('random initialisations are distributed as PyTorch\'s nn.init draws them', (t) => {
  const cases = [], mine = [];
  for (const scheme of random) {
    for (const s of shapes) {
      const o = ours(scheme, s.layer);
      mine.push({ scheme, ...s, ...o });
      cases.push({ scheme, fan_in: s.fanIn, fan_out: s.fanOut, count: o.weights.length, value: 0 });
    }
  }
  const torch = askTorch([{ task: 'init', cases }])[0];
  mine.forEach((m, c) => {
    const theirs = torch[c];
    const n = m.weights.length, k = theirs.weights.length;
    const d = ks(m.weights, theirs.weights), critical = 1.949 * Math.sqrt((n + k) / (n * k));
    const label = `${m.scheme} ${m.fanIn}→${m.fanOut}`;
    t.diagnostic(`${label}: KS D = ${d.toFixed(4)} (critical ${critical.toFixed(4)}), variance ${variance(m.weights).toExponential(3)} vs torch ${variance(theirs.weights).toExponential(3)}`);
    assert.ok(d < critical, `${label}: KS distance ${d} ≥ ${critical}`);
    assert.ok(Math.abs(variance(m.weights) / variance(theirs.weights) - 1) < 0.05, label);
    if (m.scheme === 'torch_default' || m.scheme === 'xavier') {
      const bound = Math.max(...theirs.weights.map(Math.abs));
      assert.ok(Math.max(...m.weights.map(Math.abs)) <= bound * 1.001, `${label}: beyond torch's bound`);
      assert.ok(Math.max(...m.weights.map(Math.abs)) > bound * 0.99, `${label}: does not reach torch's bound`);
    }
    if (m.scheme === 'torch_default') {
      assert.ok(ks(m.biases, theirs.biases) < 1.949 * Math.sqrt(2 / Math.min(m.biases.length, theirs.biases.length)), label);
    } else {
      assert.ok(m.biases.every((b) => b === 0), `${label}: biases not 0`);
    }
  });
});

test('zeros and constant match nn.init.zeros_ and nn.init.constant_ exactly', () => {
  const cases = [{ scheme: 'zeros', fan_in: 8, fan_out: 8, count: 64, value: 0 },
    { scheme: 'constant', fan_in: 8, fan_out: 8, count: 64, value: -0.375 }];
  const [zeros, constant] = askTorch([{ task: 'init', cases }])[0];
  const net = (init) => new lab.Network({ layers: [2, 8, 8, 1], init, initValue: -0.375 }).weights()[1];
  assert.deepEqual([...net('zeros').weights], zeros.weights);
  assert.deepEqual([...net('constant').weights], constant.weights);
  assert.deepEqual([...net('constant').biases], constant.biases.slice(0, 8));
});
