// Benchmark part: the training lab's frame at its largest network. 6 hidden layers × 8 tanh units (tanh
// output, squared loss), 500 training points: one frame is an epoch at batch 10, the 100 × 100 decision
// grid with every hidden unit's map (48 maps) and the accuracy on the training and on 500 test points —
// for the module (Network.train, predictGrid({units: true}), evaluate ×2) and for the same network written
// as TensorFlow Playground writes it (js-network.mjs: an object per neuron and link; the unit maps are each
// neuron's output recorded during the grid's forward passes, as Playground's heat maps are), in one run.
// The page trains on its thread and has each epoch's view (grid, maps, both accuracies) computed by a worker
// from the parameters it posts (web/demos/lab-offload.js); the budget is the page thread's share of a frame,
// measured here with the page's view task in a worker thread (lab-view-worker.mjs). The whole frame on one
// thread is printed beside it, as is the wall time per frame with page and worker working in parallel.
//   node scripts/bench/run.mjs lab         (or: node scripts/bench/lab.mjs)
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

import { median, spread, loadLab } from './common.mjs';
import { JsNetwork } from './js-network.mjs';
import { GRID as VIEW_GRID } from '../../web/demos/lab-view.js';

const BUDGET_MS_PER_FRAME = 1;
const GRID = { cols: 100, rows: 100, x: [-1.5, 1.5], y: [-1.5, 1.5] };
const LAYERS = [2, 8, 8, 8, 8, 8, 8, 1];

function timeMs(body, reps) {
  const start = process.hrtime.bigint();
  for (let k = 0; k < reps; k++) body();
  return Number(process.hrtime.bigint() - start) / 1e6 / reps;
}

function runs(count, body, reps) {
  body();
  for (let k = 0; k < reps; k++) body();
  return Array.from({ length: count }, () => timeMs(body, reps));
}

// Playground's frame: every grid point forward, each hidden neuron's output stored in its map; accuracy
// by a forward pass per point.
function jsFrame(net, train, test, maps) {
  net.trainEpoch(train.xs, train.ys, 10);
  const { cols, rows, x: [x0, x1], y: [y0, y1] } = GRID;
  const hidden = net.layers.slice(1, -1).flat();
  for (let r = 0; r < rows; r++) {
    const y = y1 - ((r + 0.5) * (y1 - y0)) / rows;
    for (let c = 0; c < cols; c++) {
      net.forward(x0 + ((c + 0.5) * (x1 - x0)) / cols, y);
      const k = r * cols + c;
      for (let u = 0; u < hidden.length; u++) maps[u][k] = hidden[u].output;
      maps[hidden.length][k] = (net.layers.at(-1)[0].output + 1) / 2;
    }
  }
  const accuracy = ({ xs, ys }) => {
    let right = 0;
    for (let i = 0; i < ys.length; i++) right += (net.forward(xs[2 * i], xs[2 * i + 1]) > 0) === (ys[i] > 0.5);
    return right / ys.length;
  };
  return [accuracy(train), accuracy(test)];
}

// Frames as the page plays them with its worker: train an epoch, post the parameters. `pipelined`: the next
// epoch trains while the worker draws the last (as between animation frames); otherwise each frame waits for
// its view before the next starts. Returns per frame: the page thread's time, the worker's, and the wall time.
async function workerFrames(worker, net, train, frames, pipelined) {
  const views = [];
  let waiting = null;
  worker.on('message', (m) => { views.push(m); waiting?.(); });
  const next = (count) => new Promise((resolve) => {
    if (views.length >= count) resolve();
    else waiting = () => { if (views.length >= count) { waiting = null; resolve(); } };
  });
  const page = [];
  const start = process.hrtime.bigint();
  for (let k = 1; k <= frames; k++) {
    const t0 = process.hrtime.bigint();
    net.train(train, { epochs: 1, batchSize: 10 });
    const parameters = net.parameters();
    worker.postMessage({ view: { seq: k, parameters, range: GRID.x } }, [parameters.buffer]);
    page.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await next(pipelined ? k - 1 : k);
  }
  await next(frames);
  const wall = Number(process.hrtime.bigint() - start) / 1e6 / frames;
  worker.removeAllListeners('message');
  if (views.some((v) => v.error)) throw new Error(`lab bench: the worker refused a view: ${views.find((v) => v.error).error}`);
  return { page: median(page), worker: median(views.map((v) => v.ms)), wall };
}

export async function run({ quick = false } = {}) {
  const lab = await loadLab();
  const train = lab.dataset('spirals', { n: 500, noise: 0.1, seed: 1 });
  const test = lab.dataset('spirals', { n: 500, noise: 0.1, seed: 2 });
  const net = new lab.Network({ layers: LAYERS, activation: 'tanh', output: 'tanh', loss: 'squared', learningRate: 0.03, seed: 1 });
  const jsNet = new JsNetwork(LAYERS, { learningRate: 0.03, seed: 1 });
  const maps = Array.from({ length: 49 }, () => new Float32Array(GRID.cols * GRID.rows));
  const count = quick ? 5 : 15;
  const reps = quick ? 5 : 20;

  const wasmFrame = () => {
    net.train(train, { epochs: 1, batchSize: 10 });
    net.predictGrid({ ...GRID, units: true });
    net.evaluate(train);
    net.evaluate(test);
  };
  const wasmParts = {
    epoch: () => net.train(train, { epochs: 1, batchSize: 10 }),
    grid: () => net.predictGrid({ ...GRID, units: true }),
    accuracy: () => { net.evaluate(train); net.evaluate(test); },
  };
  const frame = runs(count, wasmFrame, reps);
  const js = runs(count, () => jsFrame(jsNet, train, test, maps), Math.max(2, reps / 4));
  const parts = Object.fromEntries(Object.entries(wasmParts).map(([k, body]) => [k, runs(count, body, reps)]));

  // The page's way: the view task in a worker thread on a replica, sent the settings and data once.
  if (GRID.x[0] !== GRID.y[0] || GRID.x[1] !== GRID.y[1] || GRID.cols !== VIEW_GRID || GRID.rows !== VIEW_GRID) {
    throw new Error('lab bench: the grid must be the page\'s (square, 100 × 100)');
  }
  const worker = new Worker(new URL('./lab-view-worker.mjs', import.meta.url));
  worker.postMessage({ network: { layers: LAYERS, activation: 'tanh', output: 'tanh', loss: 'squared' } });
  worker.postMessage({ split: { train, test } });
  await workerFrames(worker, net, train, 20, true);
  const offloaded = { page: [], worker: [], pipelined: [], serial: [] };
  for (let k = 0; k < count; k++) {
    const p = await workerFrames(worker, net, train, reps, true);
    const q = await workerFrames(worker, net, train, reps, false);
    offloaded.page.push(p.page, q.page);
    offloaded.worker.push(p.worker, q.worker);
    offloaded.pipelined.push(p.wall);
    offloaded.serial.push(q.wall);
  }
  await worker.terminate();
  net.delete();
  const row = (measure, values, budget, baseline) => {
    const m = median(values);
    return {
      measure, median: m, best: Math.min(...values), unit: 'ms', spread: `${(100 * spread(values)).toFixed(1)} %`,
      'vs plain JS': baseline ? `${(baseline / m).toFixed(1)}× faster` : '—',
      budget: budget ?? '—', 'within budget': budget === undefined ? null : m <= budget,
    };
  };
  return {
    title: `Training lab: 2-8×6-1 tanh, 500 spiral points, batch 10, 100×100 grid + 48 unit maps + 2 accuracies (median of ${count} runs)`,
    columns: ['measure', 'median', 'best', 'unit', 'spread', 'vs plain JS', 'budget', 'within budget'],
    rows: [
      row('frame, page thread (view in a worker)', offloaded.page, BUDGET_MS_PER_FRAME, median(js)),
      row('  view in the worker (grid, maps, accuracy ×2)', offloaded.worker),
      row('  wall time per frame, page and worker in parallel', offloaded.pipelined),
      row('  wall time per frame, one after the other', offloaded.serial),
      row('frame, WASM, all on one thread', frame, undefined, median(js)),
      row('  epoch (50 steps of 10)', parts.epoch),
      row('  grid + unit maps', parts.grid),
      row('  accuracy ×2 (evaluate)', parts.accuracy),
      row('frame, plain JS (Playground style)', js),
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick') }), null, 2));
}
