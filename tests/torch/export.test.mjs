// The charts' "Copy code": each script the export menu writes (web/lesson/torch-code.js chartScript) runs with
// PyTorch and matplotlib (Agg), exits without error, writes its figure, and prints f and f′ at the data
// table's points equal to the module's values: every catalogue function at its defaults (with f′) and at
// another parameter set, and compare views of values and of derivatives; and the neuron's script, whose
// z, f(z) and f′(z) must equal lab.neuron's.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chartScript, neuronScript } from '../../web/lesson/torch-code.js';
import { loadLab } from '../wasm/load.mjs';
import { askTorch } from './pytorch.mjs';

const lab = await loadLab();
const rows = lab.catalogue();
const byId = new Map(rows.map((r) => [r.id, r]));
const vectors = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'vectors');

const defaults = (row) => Object.fromEntries(row.params.map((p) => [p.name, p.default]));
function otherParams(row) { // the second parameter set of the reference vectors, if any
  const line = readFileSync(path.join(vectors, `${row.id}.txt`), 'utf8').split('\n').filter((l) => l.startsWith('params'))[1];
  return line && Object.fromEntries(row.params.map((p, i) => [p.name, Number(line.split(' ')[i + 1])]));
}
const tableXs = (lo, hi) => Array.from({ length: 11 }, (_, i) => lo + ((hi - lo) * i) / 10);

function view(functions, { derivative, compare = false, file }) {
  const [lo, hi] = functions[0].row.range;
  return {
    functions: functions.map(({ row, params }) => ({ row, params, label: { f: compare ? row.name : 'f(x)', df: compare ? `${row.name}′` : 'f′(x)' } })),
    lo, hi, n: 300, values: !(compare && derivative), slopes: derivative, yLimits: [-2, 6], title: file,
    yLabel: derivative ? 'f′(x)' : 'f(x)', file: `${file}.png`, tableXs: tableXs(lo, hi),
  };
}

const views = rows.flatMap((row) => {
  const other = otherParams(row);
  return [view([{ row, params: defaults(row) }], { derivative: true, file: row.id }),
    ...(other ? [view([{ row, params: other }], { derivative: false, file: `${row.id}-other` })] : [])];
});
views.push(view(['relu', 'gelu', 'silu'].map((id) => ({ row: byId.get(id), params: defaults(byId.get(id)) })), { compare: true, derivative: false, file: 'compare' }));
views.push(view(['sigmoid', 'tanh'].map((id) => ({ row: byId.get(id), params: defaults(byId.get(id)) })), { compare: true, derivative: true, file: 'compare-d' }));

const neurons = rows.map((row, i) => ({
  row, params: otherParams(row) ?? defaults(row), inputs: [1, -2, 0.5 + i / 10], weights: [0.5, 0.25 - i / 20, 2], bias: -0.3,
  lo: row.range[0], hi: row.range[1], n: 200, yLimits: [-2, 6], title: `neuron ${row.id}`, file: `neuron-${row.id}.png`,
}));

// Both kinds of script run in one Python process (importing torch and matplotlib takes seconds), in a
// directory of their own, removed after the tests.
const dir = mkdtempSync(path.join(tmpdir(), 'alab-scripts-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let outputs;
const run = () => {
  outputs ??= askTorch([{ task: 'scripts', scripts: views.map(chartScript) }, { task: 'scripts', scripts: neurons.map(neuronScript) }],
    { MPLBACKEND: 'Agg' }, dir);
  return outputs;
};

test('every exported script runs in PyTorch + matplotlib, writes its figure and prints the page\'s numbers', (t) => {
  const [outputs] = run();
  let numbers = 0;
  const worst = { gap: 0, at: '' };
  views.forEach((v, i) => {
    const png = readFileSync(path.join(dir, v.file));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', `${v.file} is a PNG`);
    const lines = outputs[i].trimEnd().split('\n');
    assert.equal(lines.length, v.functions.length * v.tableXs.length, `${v.file}: one line per function and point`);
    lines.forEach((line, k) => {
      const [id, ...fields] = line.split(' ');
      const { row, params } = v.functions[Math.floor(k / v.tableXs.length)];
      assert.equal(id, row.id);
      const [x, f, df] = fields.map(Number);
      assert.equal(x, v.tableXs[k % v.tableXs.length]);
      const ours = [lab.evaluate(row.id, [x], params)[0], lab.derivative(row.id, [x], params)[0]];
      [f, df].forEach((theirs, j) => {
        const gap = Math.abs(theirs - ours[j]) / Math.max(1, Math.abs(ours[j]));
        assert.ok(gap <= 1e-7, `${v.file}: ${row.id}${j ? '′' : ''}(${x}) PyTorch ${theirs}, page ${ours[j]}`);
        if (gap > worst.gap) Object.assign(worst, { gap, at: `${row.id}${j ? '′' : ''}(${x})` });
        numbers += 1;
      });
    });
  });
  // The page's data table shows 6 significant digits; PyTorch's float64 formulas are not all float64-exact
  // (its hardsigmoid′ is float32's 1/6 even in float64), hence 1e-7 rather than an ulp bound.
  t.diagnostic(`${views.length} scripts, ${numbers} printed numbers; largest gap ${worst.gap.toExponential(2)} (relative, ` +
    `or absolute below 1) at ${worst.at || '—'}`);
});

test('the neuron\'s script computes the page\'s z, f(z) and f′(z) and draws the curve with the point', (t) => {
  const [, outputs] = run();
  neurons.forEach((v, i) => {
    assert.equal(readFileSync(path.join(dir, v.file)).subarray(1, 4).toString(), 'PNG', `${v.file} is a PNG`);
    const [z, f, df] = outputs[i].trim().split(' ').map(Number);
    const page = lab.neuron({ inputs: v.inputs, weights: v.weights, bias: v.bias, activation: v.row.id, params: v.params });
    [[z, page.z], [f, page.output], [df, page.derivative]].forEach(([theirs, ours], j) => {
      assert.ok(Math.abs(theirs - ours) <= 1e-7 * Math.max(1, Math.abs(ours)), `${v.row.id} [${['z', 'f', "f'"][j]}]: PyTorch ${theirs}, page ${ours}`);
    });
  });
  t.diagnostic(`${neurons.length} neuron scripts`);
});
