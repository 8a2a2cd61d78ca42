// Bundles the module's JS API (src/js/index.js and what it imports) into one script for Emscripten's --post-js.
// Usage: node scripts/bundle-api.mjs <output file>. CMake runs it before linking the module.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [outfile] = process.argv.slice(2);
if (!outfile) throw new Error('usage: node scripts/bundle-api.mjs <output file>');
const esbuild = createRequire(import.meta.url)('esbuild');
// An IIFE keeps the API's helpers out of the factory's scope; the names it does not define (Module, HEAPF64,
// _malloc, …) stay free and resolve to the factory's. Emscripten minifies the whole module afterwards.
await esbuild.build({
  entryPoints: [path.join(root, 'src', 'js', 'index.js')],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  outfile,
  logLevel: 'warning',
});
