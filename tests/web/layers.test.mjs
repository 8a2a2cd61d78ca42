// The source tree keeps its layers (scripts/check-layers.mjs): no import cycle in web/ or src/js/, Emscripten
// included only in src/wasm/, the core independent of the demos and the boundary. The checks also run over
// small trees made here, so a check that stopped finding anything would fail too.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { importCycles, includeProblems } from '../../scripts/check-layers.mjs';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'alab-layers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name, files) {
  const base = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
    writeFileSync(path.join(base, file), text);
  }
  return base;
}

test('web/ and src/js/ have no import cycle', () => {
  assert.deepEqual(importCycles(), []);
});

test('Emscripten is included only in src/wasm/, and src/core/ and src/demos/ keep to their layers', () => {
  assert.deepEqual(includeProblems(), []);
});

test('an import cycle is found, through re-exports and dynamic imports too', () => {
  const base = tree('cycle', {
    'web/a.js': "import { b } from './state/b.js';\nexport const a = 1;\n",
    'web/state/b.js': "export { c as b } from '../c.js';\n",
    'web/c.js': "// import { x } from './nowhere.js';\nexport const c = () => import('./a.js');\n",
    'web/d.js': "import './c.js';\n",
    'src/js/e.js': "import './f.js';\n",
    'src/js/f.js': "import './e.js';\n",
  });
  const cycles = importCycles(base).map((cycle) => cycle.join(' → '));
  assert.deepEqual(cycles, [
    ['web/a.js', 'web/state/b.js', 'web/c.js', 'web/a.js'].map((f) => path.normalize(f)).join(' → '),
    ['src/js/e.js', 'src/js/f.js', 'src/js/e.js'].map((f) => path.normalize(f)).join(' → '),
  ]);
});

test('an Emscripten include outside src/wasm/ and an include against the layers are found', () => {
  const base = tree('includes', {
    'src/wasm/bindings.cpp': '#include <emscripten/bind.h>\n#include "core/catalogue.hpp"\n',
    'src/core/catalogue.cpp': '#include "catalogue.hpp"\n#include <emscripten.h>\n#include "demos/datasets.hpp"\n',
    'src/demos/datasets.cpp': '#include "core/random.hpp"\n  #  include "wasm/heap_api.hpp"\n',
    'tests/cpp/x_test.cpp': '#include "emscripten/val.h"\n#include "wasm/heap_api.hpp"\n',
  });
  assert.deepEqual(includeProblems(base), [
    'src/core/catalogue.cpp:2: #include emscripten.h (Emscripten belongs in src/wasm/ only)',
    'src/core/catalogue.cpp:3: #include demos/datasets.hpp (src/core/ may not include from src/demos/ or src/wasm/)',
    'src/demos/datasets.cpp:2: #include wasm/heap_api.hpp (src/demos/ may not include from src/wasm/)',
    'tests/cpp/x_test.cpp:1: #include emscripten/val.h (Emscripten belongs in src/wasm/ only)',
  ]);
});
