// scripts/build-single.mjs on a small made-up site with the awkward cases: "</script>" and "<!--" inside
// scripts, a deferred script that needs the whole document, a stylesheet, and the page's own CSP. The result
// must run from file:// exactly like the separate files would, under a policy of hashes only.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { singleFileHtml } from '../../scripts/build-single.mjs';
import { launchBrowser, watchProblems } from './fixtures/platform.mjs';

const policy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; base-uri 'none'";
const site = {
  'index.html': `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>t</title><link rel="stylesheet" href="look.css"><script src="early.js"></script><script defer src="late.js"></script>
</head><body><p id="para">text</p><p id="after">after</p></body></html>`,
  'look.css': '#para { color: rgb(1, 2, 3); }\n/*# sourceMappingURL=look.css.map */',
  // Strings, a template literal and a regular expression holding the sequences that end or confuse <script>.
  'early.js': 'window.closing = "</script>"; window.upper = `</SCRIPT >`; window.comment = "<!-- <script>";\n'
    + 'window.matches = /<\\/script>/.test("a</script>b");\n//# sourceMappingURL=early.js.map\n',
  'late.js': 'window.sawAfter = document.getElementById("after") !== null && window.closing === "</script>";\n',
};

let browser;
let dir;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'alab-inline-'));
  for (const [name, text] of Object.entries(site)) writeFileSync(path.join(dir, name), text);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('inlined scripts keep their exact strings, run in order, and pass a hash-only CSP from file://', async () => {
  const { html, scriptHashes, styleHashes } = singleFileHtml(dir);
  assert.equal(scriptHashes.length, 2);
  assert.equal(styleHashes.length, 1);
  assert.ok(!/sourceMappingURL/.test(html), 'source map references dropped');
  const out = path.join(dir, 'one.html');
  writeFileSync(out, html);
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(pathToFileURL(out).href);
  const seen = await page.evaluate(() => ({
    closing: window.closing, upper: window.upper, comment: window.comment, matches: window.matches, sawAfter: window.sawAfter,
    colour: getComputedStyle(document.getElementById('para')).color, paragraphs: document.querySelectorAll('p').length,
  }));
  assert.deepEqual(seen, {
    closing: '</script>', upper: '</SCRIPT >', comment: '<!-- <script>', matches: true, sawAfter: true,
    colour: 'rgb(1, 2, 3)', paragraphs: 2,
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a script the hashes do not cover is blocked: the policy is really enforced', async () => {
  const { html } = singleFileHtml(dir);
  const out = path.join(dir, 'tampered.html');
  writeFileSync(out, html.replace('</body>', '<script>window.injected = true;</script></body>'));
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(pathToFileURL(out).href);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.equal(await page.evaluate(() => window.closing), '</script>', 'the hashed scripts still ran');
  assert.ok(problems.some((p) => /CSP violation: script-src/.test(p)), problems.join('\n'));
  await context.close();
});

test('what cannot work from one file is refused at build time', () => {
  const broken = mkdtempSync(path.join(tmpdir(), 'alab-inline-bad-'));
  try {
    const page = (body) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
    const cases = [
      [page('<script type="module" src="m.js"></script>'), /module script/],
      [page('<p style="color:red">x</p>'), /style=""/],
      [page('<script src="https://cdn.example/x.js"></script>'), /not a relative URL/],
      [page('<script src="missing.js"></script>'), /not found/],
      [page('<script src="../outside.js"></script>'), /not found/],
    ];
    writeFileSync(path.join(broken, 'm.js'), '');
    for (const [html, error] of cases) {
      writeFileSync(path.join(broken, 'index.html'), html);
      assert.throws(() => singleFileHtml(broken), error, html);
    }
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});
