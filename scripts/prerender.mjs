// Writes each language's page into dist/: web/index.html with the whole lesson in it (web/prerender.js does
// the writing, with the page's own modules, under linkedom's DOM). A text key missing in one language fails.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

// Every key that one language has and another lacks (build/generated/i18n.json), as readable lines.
function missingKeys(generated) {
  const { keys, texts } = JSON.parse(readFileSync(path.join(generated, 'i18n.json'), 'utf8'));
  const lines = [];
  for (const [lang, list] of Object.entries(texts)) {
    keys.forEach((key, i) => { if (typeof list[i] !== 'string') lines.push(`  "${key}" has no text in ${lang}`); });
  }
  return lines;
}

// Renders every language; returns {lang: {path, html}}. `siteUrl` makes canonical and alternate links absolute.
export async function prerenderPages({ root, generated, lab, siteUrl }) {
  const missing = missingKeys(generated);
  if (missing.length) throw new Error(`i18n: texts missing, so the pages cannot be written:\n${missing.join('\n')}`);
  const esbuild = require('esbuild');
  const bundle = path.join(generated, 'prerender.mjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'web', 'prerender.js')],
    bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: bundle,
    alias: { '@generated': generated, '@strings': generated }, logLevel: 'warning',
  });
  const { parseHTML } = require('linkedom');
  const template = readFileSync(path.join(root, 'web', 'index.html'), 'utf8');
  const formulas = JSON.parse(readFileSync(path.join(generated, 'formulas.json'), 'utf8'));
  const rows = lab.catalogue();
  // The page's modules build elements through the global document; each language gets a fresh one.
  const { window } = parseHTML(template);
  Object.assign(globalThis, { window, document: window.document });
  const { renderLesson, pagePaths } = await import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);
  const pages = {};
  for (const lang of Object.keys(pagePaths)) {
    const { document } = parseHTML(template);
    globalThis.document = document;
    renderLesson(document, { lang, rows, formulas: formulas[lang], lab, siteUrl });
    pages[lang] = { path: pagePaths[lang], html: `<!doctype html>\n${document.documentElement.outerHTML}\n` };
  }
  delete globalThis.document;
  delete globalThis.window;
  return pages;
}

// Writes the pages under `dist`, indentation dropped (a newline stays, so spacing between inline elements holds).
export function writePages(dist, pages) {
  for (const { path: page, html } of Object.values(pages)) {
    const file = path.join(dist, page);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, html.replace(/\n[ \t]+/g, '\n'));
  }
}
