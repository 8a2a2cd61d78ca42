// Builds dist/: the WebAssembly module (Emscripten via CMake), formulas typeset at build time
// (KaTeX → MathML), the page's scripts bundled into one classic script, Chart.js and the static files.
// Everything in dist/ uses relative paths, so it works from any sub-path and from file://.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSingleFile } from './build-single.mjs';
import { formulaTerms } from './formula-terms.mjs';
import { packModule } from './pack-module.mjs';
import { prerenderPages, writePages } from './prerender.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const wasmBuild = path.join(root, 'build', 'wasm');
const generated = path.join(root, 'build', 'generated');
const runtimeStrings = path.join(generated, 'runtime');
const require = createRequire(import.meta.url);

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw new Error(`${cmd}: ${result.error.message} (run "npm run setup" to install it)`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Debian's emcc runs its JS optimiser with the machine's Node, which does not search Debian's
// module folder for acorn unless told.
const emEnv = { NODE_PATH: [process.env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(':') };

function buildModule() {
  if (!existsSync(path.join(wasmBuild, 'CMakeCache.txt'))) {
    run('emcmake', ['cmake', '-S', '.', '-B', wasmBuild, '-DCMAKE_BUILD_TYPE=Release'], emEnv);
  }
  run('cmake', ['--build', wasmBuild, '-j', '2'], emEnv);
}

// The words inside formulas (\text{otherwise}, …) and the i18n key each language's page writes in their place.
const formulaWords = { otherwise: 'formula.otherwise', '(learned)': 'formula.learned' };

// `tex` with its \text{…} words in the language of `strings` (one language's table).
function localTex(tex, strings) {
  return tex.replace(/\\text\{([^{}]*)\}/g, (whole, word) => (formulaWords[word] ? `\\text{${strings[formulaWords[word]]}}` : whole));
}

// MathML for every catalogue formula, per language and keyed by id: the page inserts it as built, no maths at run
// time.
async function typesetFormulas(catalogue, strings) {
  const katex = require('katex');
  // The TeX source annotation is dropped: screen readers read the MathML, and it only adds bytes. So are what
  // only served it: the <semantics> around it, KaTeX's <span> and an xmlns the HTML parser does not need.
  const mathml = (tex, displayMode = true) => katex.renderToString(tex, { output: 'mathml', throwOnError: true, displayMode })
    .replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g, '')
    .replace(/^<span class="katex">([\s\S]*)<\/span>$/, '$1')
    .replace(/<\/?semantics>| xmlns="[^"]*"/g, '');
  // A formula is typeset term by term, each an inline <math> in display style, so that a narrow card can wrap it
  // between terms (MathML itself never breaks a line).
  const wrappable = (tex) => formulaTerms(tex).map((term) => mathml(`\\displaystyle ${term}`, false)).join('');
  const formulas = {};
  for (const [lang, table] of Object.entries(strings)) {
    const local = (tex) => localTex(tex, table);
    formulas[lang] = {};
    for (const row of catalogue) {
      formulas[lang][row.id] = { f: wrappable(local(row.tex)), df: wrappable(local(row.texDerivative)), range: mathml(local(row.outputRange)) };
    }
  }
  mkdirSync(generated, { recursive: true });
  writeFileSync(path.join(generated, 'formulas.json'), JSON.stringify(formulas));
}

// web/i18n/<lang>/<area>.json, merged per language; a key defined twice is a build error.
function mergeStrings() {
  const dir = path.join(root, 'web', 'i18n');
  const strings = {};
  for (const lang of readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()).sort()) {
    strings[lang] = {};
    for (const file of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.json')).sort()) {
      const table = JSON.parse(readFileSync(path.join(dir, lang, file), 'utf8'));
      for (const [key, text] of Object.entries(table)) {
        if (key in strings[lang]) throw new Error(`i18n: key "${key}" is defined twice (${lang}/${file})`);
        strings[lang][key] = text;
      }
    }
  }
  // Written as one list of keys and, per language, the texts in that order: a key is not repeated per language,
  // and the languages lie further apart in app.js than gzip looks back (~0.8 kB less compressed).
  const keys = [...new Set(Object.values(strings).flatMap(Object.keys))];
  const texts = Object.fromEntries(Object.entries(strings).map(([lang, table]) => [lang, keys.map((key) => table[key] ?? null)]));
  mkdirSync(generated, { recursive: true });
  writeFileSync(path.join(generated, 'i18n.json'), JSON.stringify({ keys, texts }));
  // app.js carries only the texts its scripts can ask for: the lesson's prose is in the pages already. Build-only
  // are the template's data-i18n keys and the prose of each function's section and each group's introduction.
  const template = readFileSync(path.join(root, 'web', 'index.html'), 'utf8');
  const buildOnly = new Set([...template.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1]));
  const runtimeKeys = keys.filter((key) => !buildOnly.has(key) && !/^fn\.[^.]+\.(summary|detail|pitfall)$|^group\.[^.]+\.intro$|^formula\./.test(key));
  const runtimeTexts = Object.fromEntries(Object.entries(strings).map(([lang, table]) => [lang, runtimeKeys.map((key) => table[key] ?? null)]));
  mkdirSync(runtimeStrings, { recursive: true });
  writeFileSync(path.join(runtimeStrings, 'i18n.json'), JSON.stringify({ keys: runtimeKeys, texts: runtimeTexts }));
  return strings;
}

// The catalogue and the demos' options as the module gives them: the page reads its state from the URL with
// them before the module has loaded.
function writeCatalogue(lab) {
  mkdirSync(generated, { recursive: true });
  writeFileSync(path.join(generated, 'catalogue.json'), JSON.stringify({ rows: lab.catalogue(), demoOptions: lab.demoOptions() }));
}

async function bundlePage() {
  const esbuild = require('esbuild');
  // The one script in <head>: small, no imports (web/boot.js).
  await esbuild.build({
    entryPoints: [path.join(root, 'web', 'boot.js')], bundle: false, minify: true, target: 'es2017',
    outfile: path.join(dist, 'boot.js'), logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [path.join(root, 'web', 'main.js')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    // Chinese prose as UTF-8, not \u escapes: app.js is 15 % smaller, and a little smaller compressed.
    charset: 'utf8',
    outfile: path.join(dist, 'app.js'),
    alias: { '@generated': generated, '@strings': runtimeStrings },
    logLevel: 'warning',
  });
  // The training lab's worker, a classic script beside the module it loads (web/demos/lab-worker.js).
  await esbuild.build({
    entryPoints: [path.join(root, 'web', 'demos', 'lab-worker.js')], bundle: true, format: 'iife', target: 'es2020',
    minify: true, legalComments: 'none', outfile: path.join(dist, 'lab-worker.js'), logLevel: 'warning',
  });
}

function copyStatic() {
  const chart = readFileSync(path.join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), 'utf8');
  // The source map is not shipped; without this line DevTools would ask for it.
  writeFileSync(path.join(dist, 'chart.umd.min.js'), chart.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  // The module with its WebAssembly deflated (scripts/pack-module.mjs): a quarter less to download.
  writeFileSync(path.join(dist, 'activation-lab.js'), packModule(readFileSync(path.join(wasmBuild, 'activation-lab.js'), 'utf8'), root));
  // One minified stylesheet (the first view's bytes have a budget): the page's, then embedding's.
  const esbuild = require('esbuild');
  const css = ['style.css', path.join('embed', 'embed.css')].map((f) => readFileSync(path.join(root, 'web', f), 'utf8')).join('\n');
  writeFileSync(path.join(dist, 'style.css'), esbuild.transformSync(css, { loader: 'css', minify: true, target: 'chrome100' }).code);
  // The optional script a host page includes to fit the frame's height.
  cpSync(path.join(root, 'web', 'embed', 'parent-resize.js'), path.join(dist, 'activation-lab-embed.js'));
}

buildModule();
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
copyStatic();
const createActivationLab = require(path.join(dist, 'activation-lab.js'));
const lab = await createActivationLab();
const strings = mergeStrings();
await typesetFormulas(lab.catalogue(), strings);
writeCatalogue(lab);
await bundlePage();
// SITE_URL, the published address (set by the Pages workflow), makes the canonical and alternate links absolute.
writePages(dist, await prerenderPages({ root, generated, lab, siteUrl: process.env.SITE_URL ?? '' }));
for (const { name, bytes } of writeSingleFile(dist)) {
  console.log(`build: dist/${name} ready (${(bytes / 1024).toFixed(0)} KiB, the whole lesson in one file)`);
}
console.log(`build: dist/ ready (${lab.catalogue().length} functions)`);
