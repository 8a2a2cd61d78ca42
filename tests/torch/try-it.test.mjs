// The try-it box's promise: the script it shows prints exactly what the box shows. Each script the page
// writes (web/lesson/torch-code.js) runs in PyTorch, for every catalogue function at its defaults and at another
// parameter set, several seeds, counts on both sides of randn's 16-element switch, and thresholds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { torchCall, tryItRun, tryItScript } from '../../web/lesson/torch-code.js';
import { loadLab } from '../wasm/load.mjs';
import { askTorch, bitsOf, floatsOf } from './pytorch.mjs';

const lab = await loadLab();
const vectors = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'vectors');

// The defaults and the first other parameter set of the function's reference vectors.
function paramSets(row) {
  const lines = readFileSync(path.join(vectors, `${row.id}.txt`), 'utf8').split('\n').filter((l) => l.startsWith('params'));
  return lines.slice(0, 2).map((line) => {
    const values = line.split(' ').slice(1).map(Number);
    return Object.fromEntries(row.params.map((p, i) => [p.name, values[i]]));
  });
}

const seeds = [0, 1, 7, 42, 2024, 2 ** 31 - 1];
const counts = [1, 2, 5, 15, 16, 17, 20];
const cases = lab.catalogue().flatMap((row) => paramSets(row).flatMap((params) => seeds.flatMap((seed, s) =>
  counts.map((n) => {
    // Functions for binary outputs show labels (the page's labelsOutputs); thresholds vary with the seed.
    const threshold = row.use === 'binary_output' ? [0.5, 0.3, 0.85][s % 3] : undefined;
    return { row, params, seed, n, threshold };
  }))));

// The tensors of a print-out, and the elements of one (print(t) pads and wraps them).
const tensors = (text) => text.trimEnd().split(/\n(?=tensor\()/);
const elements = (tensor) => tensor.replace(/^tensor\(\[|\]\)$/g, '').split(',').map((e) => e.trim());
const float = new Float32Array(1);
const bits = new Int32Array(float.buffer);
const ordinal = (x) => { float[0] = x; return bits[0] < 0 ? -(bits[0] & 0x7fffffff) : bits[0]; };
const ulps = (a, b) => Math.abs(ordinal(a) - ordinal(b));

test('every try-it script prints, in PyTorch, exactly what its box shows', (t) => {
  const runs = cases.map(({ row, params, seed, n, threshold }) => tryItRun(lab, row, params, seed, n, threshold));
  const [outputs, judged] = askTorch([
    { task: 'scripts', scripts: cases.map(({ row, params, seed, n, threshold }) => tryItScript(row, params, n, seed, threshold)) },
    { task: 'judge', cases: cases.map(({ row, params }, i) => ({ call: torchCall(row, params), id: row.id,
      params: row.params.map((p) => params[p.name]), x: bitsOf(runs[i].xs), y: bitsOf(runs[i].ys) })) },
  ]);
  let values = 0;
  const differ = { boundary: 0, accuracy: 0 };
  cases.forEach(({ row, params, seed, n, threshold }, i) => {
    const run = runs[i];
    const where = `${row.id} ${JSON.stringify(params)}, seed ${seed}, n ${n}:\n${tryItScript(row, params, n, seed, threshold)}`;
    values += n;
    if (outputs[i] === `${run.printed}\n`) return;
    // Only y may differ, and only by PyTorch's float32 rounding or accuracy: our float32 y and PyTorch's a
    // few ulp apart, straddling a rounding boundary of the fourth digit, or PyTorch's farther from mpmath.
    const [ours, theirs] = [tensors(run.printed), tensors(outputs[i])];
    assert.equal(theirs.length, ours.length, where);
    assert.equal(theirs[0], ours[0], `the inputs, ${where}`);
    if (ours[2] !== undefined) assert.equal(theirs[2], ours[2], `the labels, ${where}`);
    const torchY = floatsOf(judged[i].y);
    const [mine, printed] = [elements(ours[1]), elements(theirs[1])];
    assert.equal(printed.length, mine.length, where);
    mine.forEach((text, k) => {
      if (text === printed[k]) return;
      const [a, b] = [run.ys[k], torchY[k]];
      if (ulps(a, b) <= 4) {
        differ.boundary += 1;
        return;
      }
      const ref = floatsOf([judged[i].ref[k]])[0];
      assert.ok(ulps(a, ref) <= 2 && ulps(a, ref) < ulps(b, ref),
        `y[${k}]: ours ${a} (${text}), PyTorch ${b} (${printed[k]}), mpmath ${ref}; ${where}`);
      differ.accuracy += 1;
    });
  });
  t.diagnostic(`${cases.length} scripts run, ${values} inputs. Printed outputs that differ: ${differ.boundary} in the ` +
    'last digit, where our float32 result and PyTorch\'s (≤ 4 ulp apart) straddle a rounding boundary; ' +
    `${differ.accuracy} where PyTorch's float32 formula loses accuracy (mpmath decides)`);
});
