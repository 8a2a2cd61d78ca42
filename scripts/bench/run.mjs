// `npm run bench`: every benchmark part, printed as tables and written to bench-results.json.
// Each part is a module in this folder exporting `run(options)` → {title, columns, rows}.
//   node scripts/bench/run.mjs [--quick] [part ...]     parts: activations expression training lab page first-load (run by default), soak
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { root } from './common.mjs';

const PARTS = ['activations', 'expression', 'training', 'lab', 'page', 'first-load', 'soak'];
const DEFAULT_PARTS = ['activations', 'expression', 'training', 'lab', 'page', 'first-load'];
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const chosen = args.filter((a) => !a.startsWith('--'));
const parts = chosen.length ? chosen : DEFAULT_PARTS;

function format(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'NO';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
  }
  return String(value);
}

function printTable({ title, columns, rows }) {
  console.log(`\n## ${title}\n`);
  const cells = rows.map((r) => columns.map((c) => format(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (vals) => `| ${vals.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of cells) console.log(line(row));
}

const machine = {
  date: new Date().toISOString(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
};
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);

const results = { machine, parts: {} };
let failed = false;
for (const part of parts) {
  const file = path.join(root, 'scripts', 'bench', `${part}.mjs`);
  if (!PARTS.includes(part) || !existsSync(file)) {
    console.error(`bench: no part "${part}" (parts: ${PARTS.join(', ')})`);
    failed = true;
    continue;
  }
  const mod = await import(file);
  const result = await mod.run({ quick });
  results.parts[part] = result;
  printTable(result);
  for (const extra of result.tables ?? []) printTable(extra);
}
writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench-results.json');
process.exit(failed ? 1 : 0);
