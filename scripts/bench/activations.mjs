// Benchmark part 1: batch activations over arrays already in the WASM heap, float32 and float64,
// against a plain-JS loop with Math.* in the same process and the same C++ kernels built natively (g++ -O3).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { median, spread, root, loadLab, timeRuns } from './common.mjs';

// Budgets per function, in ns per element (float32).
const F32_BUDGET = { relu: 0.1, leaky_relu: 0.1, sigmoid: 1.2, tanh: 1.2, elu: 1.2, gelu: 1.2 };
const SQRT1_2 = Math.SQRT1_2;

// erf by Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): JS has no Math.erf, and a baseline needs one.
function erf(x) {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const SQRT_2_OVER_PI = 0.7978845608028654;

// One loop per function so the JIT inlines each body, as a hand-written JS kernel would be; every catalogue
// function has one, at its default parameters, written the obvious way (PyTorch's formula with Math.*).
const jsLoops = {
  identity: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = x[i]; },
  relu: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : 0; } },
  leaky_relu: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : 0.01 * v; } },
  sigmoid: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i])); },
  tanh: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]); },
  elu: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : Math.expm1(v); } },
  gelu: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = 0.5 * v * (1 + erf(v * SQRT1_2)); } },
  silu: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v / (1 + Math.exp(-v)); } },
  softplus: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 20 ? v : Math.log1p(Math.exp(v)); } },
  selu: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = SELU_SCALE * (v > 0 ? v : SELU_ALPHA * Math.expm1(v)); } },
  celu: (x, y) => { const alpha = 1; for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : alpha * Math.expm1(v / alpha); } },
  gelu_tanh: (x, y) => {
    for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))); }
  },
  mish: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v * Math.tanh(v > 20 ? v : Math.log1p(Math.exp(v))); } },
  softsign: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v / (1 + Math.abs(v)); } },
  hardtanh: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v < -1 ? -1 : v > 1 ? 1 : v; } },
  relu6: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v < 0 ? 0 : v > 6 ? 6 : v; } },
  hardsigmoid: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v <= -3 ? 0 : v >= 3 ? 1 : v / 6 + 0.5; } },
  hardswish: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v <= -3 ? 0 : v >= 3 ? v : (v * (v + 3)) / 6; } },
  prelu: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : 0.25 * v; } },
  tanhshrink: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v - Math.tanh(v); } },
  logsigmoid: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))); } },
};

// The same inputs everywhere: the chart's x range swept from end to end, again and again for long arrays
// (every 9,973 values), as native_batch.cpp does; a short array sweeps the whole range once.
function fillRange(array, [lo, hi]) {
  const period = Math.min(array.length, 9973);
  for (let i = 0; i < array.length; i++) array[i] = lo + (hi - lo) * ((i % period) / Math.max(1, period - 1));
  return array;
}

// A baseline must compute the same function: its outputs agree with the module's to 1e-6 (the JS erf is an
// approximation good to 1.5e-7), or the comparison would be meaningless.
function checkBaseline(id, type, js, wasm) {
  for (let i = 0; i < js.length; i++) {
    if (!(Math.abs(js[i] - wasm[i]) <= 1e-6 * Math.max(1, Math.abs(wasm[i])))) {
      throw new Error(`JS baseline for ${id} (${type}) gives ${js[i]} at element ${i}, the module ${wasm[i]}`);
    }
  }
}

function nativeTimings(runs) {
  const dir = path.join(root, 'build', 'bench-native');
  const exe = path.join(dir, 'alab_bench_batch');
  const opts = { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' };
  if (!existsSync(path.join(dir, 'CMakeCache.txt'))) {
    spawnSync('cmake', ['-S', '.', '-B', dir, '-DCMAKE_BUILD_TYPE=Release', '-DCMAKE_CXX_COMPILER=g++'], opts);
  }
  const build = spawnSync('cmake', ['--build', dir, '-j', '2', '--target', 'alab_bench_batch'], opts);
  if (build.status !== 0 || !existsSync(exe)) return new Map();
  const out = spawnSync(exe, [String(runs)], opts);
  const map = new Map();
  for (const line of out.stdout.trim().split('\n')) {
    const r = JSON.parse(line);
    map.set(`${r.id}/${r.type}/${r.n}`, r.nsPerElement);
  }
  return map;
}

export async function run({ runs = 9, quick = false } = {}) {
  const lab = await loadLab();
  const ids = lab.catalogue().map((r) => r.id).filter((id) => !quick || id in F32_BUDGET);
  const native = nativeTimings(runs);
  const sizes = [1e3, 1e6];
  const rows = [];
  for (const id of ids) {
    const row = lab.catalogue().find((r) => r.id === id);
    for (const type of ['float32', 'float64']) {
      for (const n of sizes) {
        const buf = lab.createBuffer(n, { type });
        fillRange(buf.input, row.range);
        const reps = Math.max(1, Math.round(2e6 / n));
        const apply = buf.prepare(id);
        const wasm = timeRuns(runs, reps, apply, n);
        const wasmOut = Float64Array.from(apply());
        buf.delete();
        let js = null;
        if (jsLoops[id]) {
          const Ctor = type === 'float32' ? Float32Array : Float64Array;
          const x = fillRange(new Ctor(n), row.range);
          const y = new Ctor(n);
          js = timeRuns(runs, reps, () => jsLoops[id](x, y), n);
          checkBaseline(id, type, y, wasmOut);
        }
        const nat = native.get(`${id}/${type}/${n}`) ?? null;
        const wasmMedian = median(wasm);
        // float32: the ns budgets; float64: at least as fast as the JS loop measured here.
        let budget = null;
        if (type === 'float32' && F32_BUDGET[id] !== undefined) budget = F32_BUDGET[id];
        if (type === 'float64' && js) budget = median(js);
        rows.push({
          id, type, n,
          wasmNs: wasmMedian, wasmSpread: spread(wasm),
          jsNs: js && median(js), nativeNs: nat && median(nat),
          wasmOverJs: js ? wasmMedian / median(js) : null,
          budgetNs: budget, withinBudget: budget === null ? null : wasmMedian <= budget,
        });
      }
    }
  }
  return {
    title: 'Batch activations (ns per element, medians over runs; spread = (max−min)/median; budget: float32 the issue\'s, float64 the JS loop)',
    columns: ['id', 'type', 'n', 'wasmNs', 'wasmSpread', 'jsNs', 'nativeNs', 'wasmOverJs', 'budgetNs', 'withinBudget'],
    rows,
  };
}
