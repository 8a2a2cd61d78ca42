// The layers' rules, checked over the source tree:
//   - no import cycle among the ES modules of web/ and src/js/ (data flows one way: state → figures → module);
//   - Emscripten is included only in src/wasm/; src/core/ includes nothing from src/demos/ or src/wasm/, and
//     src/demos/ nothing from src/wasm/ (the core is plain C++ that the native tests and tools use).
// `node scripts/check-layers.mjs` prints each problem and exits 1 if there is one; tests/web/layers.test.mjs
// runs the same checks in `npm test`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function filesUnder(dir, pattern) {
  let found = [];
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of names.sort()) {
    if (name === 'node_modules') continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found = found.concat(filesUnder(file, pattern));
    else if (pattern.test(name)) found.push(file);
  }
  return found;
}

// Relative specifiers of static imports, re-exports and dynamic imports with a literal path.
const importPattern = /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[;\s])import\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const withoutComments = (source) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');

export function importGraph(base = root, dirs = ['web', path.join('src', 'js')]) {
  const graph = new Map();
  for (const dir of dirs) {
    for (const file of filesUnder(path.join(base, dir), /\.m?js$/)) {
      const source = withoutComments(readFileSync(file, 'utf8'));
      const targets = [...source.matchAll(importPattern)].map((m) => path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]));
      graph.set(file, targets);
    }
  }
  return graph;
}

// Every import cycle, each as the list of files around it (relative to base), starting from its first file.
export function importCycles(base = root, dirs) {
  const graph = importGraph(base, dirs);
  const cycles = [];
  const seen = new Set();
  const stack = [];
  const onStack = new Set();
  const visit = (file) => {
    seen.add(file);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (onStack.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(base, f)));
      else if (!seen.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(file);
  };
  for (const file of graph.keys()) if (!seen.has(file)) visit(file);
  return cycles;
}

// The folders a C++ folder may not include from.
const forbiddenIncludes = [
  { from: 'src/core/', not: ['demos/', 'wasm/'] },
  { from: 'src/demos/', not: ['wasm/'] },
];

// Includes that break the layers: "<file>: #include <…> (why)".
export function includeProblems(base = root) {
  const problems = [];
  for (const dir of ['src', 'tests', 'scripts']) {
    for (const file of filesUnder(path.join(base, dir), /\.(c|cc|cpp|h|hpp)$/)) {
      const rel = path.relative(base, file).split(path.sep).join('/');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const m = line.match(/^\s*#\s*include\s*[<"]([^>"]+)[>"]/);
        if (!m) return;
        const where = `${rel}:${i + 1}: #include ${m[1]}`;
        if (/^emscripten[/.]/.test(m[1]) && !rel.startsWith('src/wasm/')) problems.push(`${where} (Emscripten belongs in src/wasm/ only)`);
        for (const rule of forbiddenIncludes) {
          if (rel.startsWith(rule.from) && rule.not.some((folder) => m[1].startsWith(folder))) {
            problems.push(`${where} (${rule.from} may not include from ${rule.not.map((f) => `src/${f}`).join(' or ')})`);
          }
        }
      });
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = [
    ...importCycles().map((cycle) => `import cycle: ${cycle.join(' → ')}`),
    ...includeProblems(),
  ];
  for (const problem of problems) console.error(problem);
  if (problems.length) process.exit(1);
  console.log('check-layers: no import cycle in web/ or src/js/; includes keep to their layers');
}
