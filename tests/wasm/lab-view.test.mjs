// The training lab's view off the page's thread: Network.setParameters, and the view task (web/demos/lab-view.js)
// that a worker runs on a replica of the page's network. The replica is built from the settings as they cross
// a worker boundary (structured clone) and given the page's parameters; its view must be the page's own, bit
// for bit, whatever the layers' activations — a formula's included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

import { loadLab } from './load.mjs';
import { computeView, createViewTask, GRID, THUMB, THUMB_STEP } from '../../web/demos/lab-view.js';

const lab = await loadLab();
/** @type {[number, number]} */
const RANGE = [-1.5, 1.5];
const data = lab.dataset('spirals', { n: 160, noise: 0.1, seed: 3 });
const half = (d, from, to) => ({ xs: d.xs.slice(2 * from, 2 * to), ys: d.ys.slice(from, to) });
const split = { train: half(data, 0, 120), test: half(data, 120, 160) };

test('setParameters makes a network predict, evaluate and draw as the one it copies', () => {
  const a = new lab.Network({ layers: [2, 5, 4, 1], activation: ['relu', 'tanh'], seed: 1 });
  a.train(split.train, { epochs: 20, batchSize: 10 });
  const b = new lab.Network({ layers: [2, 5, 4, 1], activation: ['relu', 'tanh'], seed: 99 });
  assert.notDeepEqual(b.parameters(), a.parameters());
  b.setParameters(a.parameters());
  assert.deepEqual(b.parameters(), a.parameters());
  assert.deepEqual(b.evaluate(split.test), a.evaluate(split.test));
  assert.deepEqual(b.predict(split.test.xs), a.predict(split.test.xs));
  assert.deepEqual(b.predictGrid({ cols: 30, units: false }).slice(), a.predictGrid({ cols: 30, units: false }).slice());
  a.delete();
  b.delete();
});

test('setParameters refuses a wrong count or a value that is not finite, and keeps the parameters it had', () => {
  const net = new lab.Network({ layers: [2, 3, 1], seed: 2 });
  const before = net.parameters();
  const count = before.length;
  /** @type {any[]} */
  const bad = [
    new Float64Array(count - 1), new Float64Array(count + 1), null, 'abc', {},
    Float64Array.from(before, (v, i) => (i === 3 ? NaN : v)),
    Float64Array.from(before, (v, i) => (i === count - 1 ? Infinity : v)),
    Array.from(before, (v, i) => (i === 0 ? '1' : v)),
  ];
  for (const values of bad) {
    assert.throws(() => net.setParameters(values), RangeError, String(values?.length));
    assert.deepEqual(net.parameters(), before);
  }
  net.setParameters(Array.from(before, (v) => v / 2));
  assert.deepEqual(net.parameters(), Float64Array.from(before, (v) => v / 2));
  net.delete();
  assert.throws(() => net.setParameters(before), /deleted|Network/);
});

// The page's view of `options`' network after `epochs`, and the task's view of a replica sent the same settings
// and parameters through structuredClone, as postMessage sends them.
function bothViews(options, epochs, workerOptions = options) {
  const net = new lab.Network(options);
  net.train(split.train, { epochs, batchSize: 10 });
  const page = computeView(net, split, RANGE);
  const task = createViewTask(lab);
  assert.equal(task.handle(structuredClone({ network: workerOptions })), null);
  assert.equal(task.handle(structuredClone({ split })), null);
  const answer = task.handle(structuredClone({ view: { seq: 7, parameters: net.parameters(), range: RANGE } }));
  net.delete();
  task.delete();
  assert.equal(answer.reply.seq, 7);
  assert.equal(answer.reply.error, undefined);
  return { page, worker: answer.reply.view, transfer: answer.transfer };
}

test('the worker\'s view of a mixed network is the page\'s own, bit for bit, and hands its buffers over', () => {
  const options = { layers: [2, 8, 6, 4, 1], activation: ['tanh', 'relu', 'leaky_relu'], params: [null, null, { negative_slope: 0.2 }], seed: 5, init: 'he' };
  const { page, worker, transfer } = bothViews(options, 15);
  assert.equal(page.grid.length, GRID * GRID);
  assert.equal(page.units.length, 18);
  assert.ok(page.units.every((u) => u.length === THUMB * THUMB));
  assert.deepEqual(worker, page);
  assert.equal(transfer.length, 1 + 18);
  assert.ok(transfer.every((b) => b instanceof ArrayBuffer));
  assert.ok(page.train.accuracy > 0 && page.test.loss > 0);
});

test('a formula layer crosses as its text and the replica computes the same view', () => {
  const f = lab.compile('x * sigmoid(b * x)');
  const options = { layers: [2, 6, 6, 1], activation: [f, 'tanh'], params: [{ b: 1.5 }, null], seed: 8 };
  const { page, worker } = bothViews(options, 10, { ...options, activation: [{ formula: f.text }, 'tanh'] });
  assert.deepEqual(worker, page);
});

test('thumbnails are every other cell of the unit maps; no hidden layer gives none', () => {
  const net = new lab.Network({ layers: [2, 3, 1], activation: 'sigmoid', seed: 4 });
  const full = net.predictGrid({ cols: GRID, rows: GRID, x: RANGE, y: RANGE, units: true }).units.map((u) => u.slice());
  const { units } = computeView(net, split, RANGE);
  for (let u = 0; u < 3; u++) {
    for (const [r, c] of [[0, 0], [0, THUMB - 1], [17, 23], [THUMB - 1, THUMB - 1]]) {
      assert.equal(units[u][r * THUMB + c], full[u][THUMB_STEP * r * GRID + THUMB_STEP * c]);
    }
  }
  net.delete();
  const linear = new lab.Network({ layers: [2, 1], seed: 4 });
  const v = computeView(linear, { train: split.train, test: { xs: new Float64Array(0), ys: new Float64Array(0) } }, RANGE);
  assert.deepEqual(v.units, []);
  assert.equal(v.grid.length, GRID * GRID);
  assert.equal(v.test, null);
  linear.delete();
});

test('a view asked for before the network, or with parameters of the wrong size, is answered with an error', () => {
  const task = createViewTask(lab);
  assert.match(task.handle({ view: { seq: 1, parameters: new Float64Array(3), range: RANGE } }).reply.error, /no network/);
  task.handle({ network: { layers: [2, 4, 1], seed: 1 } });
  task.handle({ split });
  assert.match(task.handle({ view: { seq: 2, parameters: new Float64Array(3), range: RANGE } }).reply.error, /setParameters/);
  task.delete();
});

test('in a worker thread, the bench\'s worker answers with the page\'s view', async () => {
  const options = { layers: [2, 8, 8, 1], activation: 'tanh', seed: 3 };
  const net = new lab.Network(options);
  net.train(split.train, { epochs: 5, batchSize: 10 });
  const page = computeView(net, split, RANGE);
  const worker = new Worker(new URL('../../scripts/bench/lab-view-worker.mjs', import.meta.url));
  try {
    const reply = await new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (m) => { if (m.seq === 1) resolve(m); });
      worker.postMessage({ network: options });
      worker.postMessage({ split });
      worker.postMessage({ view: { seq: 1, parameters: net.parameters(), range: RANGE } });
    });
    assert.deepEqual(reply.view, page);
  } finally {
    await worker.terminate();
    net.delete();
  }
});
