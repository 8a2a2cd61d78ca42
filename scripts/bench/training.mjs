// Benchmark part 2: the training demo's compute. A 2-8-8-1 tanh network (tanh output, squared
// loss) on 500 XOR points, batch 10: µs per example for the WASM network and for the same network in
// plain JS (js-network.mjs, Playground's object-graph approach) in the same run; and ms per frame of
// the demo's work — a 100 × 100 decision grid plus one epoch. "within budget" judges the median; "best"
// (the fastest run) shows what the code does when the machine is not busy with something else.
//   node scripts/bench/run.mjs training         (or: node scripts/bench/training.mjs)
import { pathToFileURL } from 'node:url';

import { median, spread, loadLab } from './common.mjs';
import { JsNetwork } from './js-network.mjs';

const BUDGET_US_PER_EXAMPLE = 0.215;
const BUDGET_MS_PER_FRAME = 0.6;
const GRID = { cols: 100, rows: 100, x: [-1.5, 1.5], y: [-1.5, 1.5] };

function timeMs(body, reps) {
  const start = process.hrtime.bigint();
  for (let k = 0; k < reps; k++) body();
  return Number(process.hrtime.bigint() - start) / 1e6 / reps;
}

function runs(count, body, reps) {
  body();  // warm-up (JIT, heap buffers)
  for (let k = 0; k < reps; k++) body();
  return Array.from({ length: count }, () => timeMs(body, reps));
}

function row(name, values, unit, budget, baseline) {
  const m = median(values);
  return {
    measure: name, median: m, best: Math.min(...values), unit, spread: `${(100 * spread(values)).toFixed(1)} %`,
    'vs plain JS': baseline ? `${(baseline / m).toFixed(1)}× faster` : '—',
    budget: budget ?? '—', 'within budget': budget === undefined ? null : m <= budget,
  };
}

export async function run({ quick = false } = {}) {
  const lab = await loadLab();
  const data = lab.dataset('xor', { n: 500, noise: 0, seed: 1 });
  const n = data.ys.length;
  const spec = { layers: [2, 8, 8, 1], activation: 'tanh', output: 'tanh', loss: 'squared', learningRate: 0.03, seed: 1 };
  const net = new lab.Network(spec);
  const jsNet = new JsNetwork(spec.layers, { learningRate: spec.learningRate, seed: 1 });
  const jsGrid = new Float32Array(GRID.cols * GRID.rows);
  const count = quick ? 5 : 15;
  const epochReps = quick ? 20 : 60;
  const frameReps = quick ? 5 : 20;

  const epoch = () => net.train(data, { epochs: 1, batchSize: 10 });
  const jsEpoch = () => jsNet.trainEpoch(data.xs, data.ys, 10);
  const frame = () => { net.predictGrid(GRID); epoch(); };
  const jsFrame = () => { jsNet.predictGrid(GRID.cols, GRID.rows, GRID.x, GRID.y, jsGrid); jsEpoch(); };

  const wasmEpochMs = runs(count, epoch, epochReps), jsEpochMs = runs(count, jsEpoch, epochReps);
  const wasmUs = wasmEpochMs.map((ms) => (1000 * ms) / n), jsUs = jsEpochMs.map((ms) => (1000 * ms) / n);
  const wasmGrid = runs(count, () => net.predictGrid(GRID), frameReps);
  const jsGridMs = runs(count, () => jsNet.predictGrid(GRID.cols, GRID.rows, GRID.x, GRID.y, jsGrid), frameReps);
  const wasmFrame = runs(count, frame, frameReps), jsFrameMs = runs(count, jsFrame, frameReps);
  net.delete();

  const rows = [
    row('train, WASM', wasmUs, 'µs/example', BUDGET_US_PER_EXAMPLE, median(jsUs)),
    row('train, plain JS', jsUs, 'µs/example'),
    row('100×100 grid, WASM', wasmGrid, 'ms', undefined, median(jsGridMs)),
    row('100×100 grid, plain JS', jsGridMs, 'ms'),
    row('frame (grid + epoch), WASM', wasmFrame, 'ms', BUDGET_MS_PER_FRAME, median(jsFrameMs)),
    row('frame (grid + epoch), plain JS', jsFrameMs, 'ms'),
  ];
  return {
    title: `Training demo: 2-8-8-1 tanh, ${n} XOR points, batch 10 (median of ${count} runs)`,
    columns: ['measure', 'median', 'best', 'unit', 'spread', 'vs plain JS', 'budget', 'within budget'],
    rows,
  };
}

// Also runnable on its own; prints the table as JSON.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick') }), null, 2));
}
