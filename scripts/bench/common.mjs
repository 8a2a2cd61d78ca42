// Shared pieces of `npm run bench`: timing, statistics and loading the built module.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

let lab;
export function loadLab() {
  lab ??= require(path.join(root, 'dist', 'activation-lab.js'))();
  return lab;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Relative spread of a set of runs: (max − min) / median.
export function spread(values) {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

// Runs `body` `reps` times per run after one warm-up run; returns ns per item for each run.
export function timeRuns(runs, reps, body, itemsPerRep) {
  for (let k = 0; k < reps; k++) body();
  const out = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (let k = 0; k < reps; k++) body();
    const ns = Number(process.hrtime.bigint() - start);
    out.push(ns / (reps * itemsPerRep));
  }
  return out;
}
