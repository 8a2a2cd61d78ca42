// The one-file build (dist/activation-lab.html): opened from file:// on its own, in a folder with nothing
// else, with every network request refused, it runs the whole lesson under its hash-based CSP.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { canvasIsDrawn, distDir, launchBrowser, waitForLab, watchProblems } from './fixtures/platform.mjs';
import { followLink, waitForAllFigures } from './harness.mjs';

const singleFile = path.join(distDir, 'activation-lab.html');
let browser;
let lonelyDir;
let fileUrl;

before(async () => {
  // A folder holding only the one file: any reference to a sibling file would fail to load.
  lonelyDir = mkdtempSync(path.join(tmpdir(), 'alab-single-'));
  copyFileSync(singleFile, path.join(lonelyDir, 'activation-lab.html'));
  fileUrl = pathToFileURL(path.join(lonelyDir, 'activation-lab.html')).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(lonelyDir, { recursive: true, force: true });
});

// Opens `url` offline with every non-file: request aborted and recorded.
async function openOffline(url) {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const blocked = [];
  await context.route('**/*', (route) => {
    const request = route.request().url();
    if (request.startsWith('file:') || request.startsWith('data:')) return route.continue();
    blocked.push(request);
    return route.abort();
  });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) blocked.push(request.url());
  });
  await page.goto(url);
  await waitForLab(page);
  return { page, context, problems, blocked };
}

test('the one file has no external reference and a CSP made of hashes only', () => {
  const html = readFileSync(singleFile, 'utf8');
  // The markup only: inlined code may well contain such text in its strings.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>').replace(/(<style>)[\s\S]*?<\/style>/gi, '$1</style>');
  assert.ok(!/<script\b[^>]*\ssrc=/i.test(markup), 'no <script src>');
  assert.ok(!/<link\b[^>]*rel=["']?stylesheet/i.test(markup), 'no stylesheet link');
  // The scripts that run carry no attribute but the module's name (the lab hands its source to its worker).
  const running = /<script(?: data-src="activation-lab\.js")?>([\s\S]*?)<\/script>/gi;
  for (const [, code] of html.matchAll(running)) {
    assert.ok(!/<!--/.test(code), 'inlined code cannot switch the parser to an escaped state');
  }
  const scriptBodies = [...html.matchAll(running)].map((m) => m[1].length);
  assert.ok(scriptBodies.length === 4 && scriptBodies.slice(1).every((n) => n > 1000), `boot.js, then Chart.js, the module and app.js inlined whole: ${scriptBodies}`);
  // The lab's worker as inert text, startable only from a blob.
  const inert = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/^( data-src="activation-lab\.js")?$/.test(m[1]));
  assert.deepEqual(inert.map((m) => m[1]), [' type="text/plain" data-lab-worker']);
  assert.ok(inert[0][2].length > 500 && !/<\/script|<!--/i.test(inert[0][2]), 'the worker\'s source, escaped');
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(policy, 'a CSP meta tag');
  const directive = (name) => new RegExp(`(?:^|;)\\s*${name}\\s+([^;]+)`).exec(policy)?.[1].trim().split(/\s+/) ?? [];
  const scriptSources = directive('script-src');
  assert.ok(scriptSources.length > 1, policy);
  for (const source of scriptSources) assert.match(source, /^'(sha256-[A-Za-z0-9+/]+=*|wasm-unsafe-eval)'$/, `script-src ${source}`);
  for (const source of directive('style-src')) assert.match(source, /^'sha256-[A-Za-z0-9+/]+=*'$/, `style-src ${source}`);
  assert.deepEqual(directive('default-src'), ["'none'"]);
  assert.deepEqual(directive('worker-src'), ['blob:']);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, 'nothing loosened');
  const inlineScripts = markup.match(/<script(?: data-src="activation-lab\.js")?>/g) ?? [];
  assert.equal(inlineScripts.length, scriptSources.filter((s) => s.startsWith("'sha256")).length, 'one hash per inline script');
});

const pages = [
  ['the one file, alone in a folder', () => fileUrl],
  ['dist/index.html', () => pathToFileURL(path.join(distDir, 'index.html')).href],
];

for (const [name, address] of pages) {
  test(`${name} from file:// with the network blocked: every chart and demo runs, and the language switches`, async () => {
    const { page, context, problems, blocked } = await openOffline(address());
    try {
      await waitForAllFigures(page, { timeout: 60000 });
      const curves = await page.$$eval('[data-figure="curve"] canvas', (canvases) => canvases.length);
      assert.ok(curves >= 4, `curves drawn: ${curves}`);
      assert.ok(await canvasIsDrawn(page, '[data-figure="curve"][data-fn="relu"] canvas'), 'ReLU drawn');
      assert.ok(await canvasIsDrawn(page, '[data-figure="neuron"] canvas'), 'neuron drawn');
      const demos = await page.$$eval('[data-demo]:not([hidden])', (all) => all.map((d) => [d.dataset.demo, d.dataset.mounted]));
      for (const [id, mounted] of demos) assert.equal(mounted, 'true', `demo ${id} mounted`);
      await followLink(page, 'a[data-lang="en"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.ok(!/[\u4e00-\u9fff]/.test(await page.textContent('#neuron-title')), 'the neuron heading is in English');
      await followLink(page, 'a[data-lang="zh"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      assert.match(await page.textContent('#neuron-title'), /[\u4e00-\u9fff]/, 'the neuron heading is in Chinese');
      assert.deepEqual(blocked, [], 'no request left the file system');
      assert.deepEqual(problems, [], 'no console error or CSP violation');
    } finally {
      await context.close();
    }
  });
}

test('from file:// the one file also embeds a single part', async () => {
  const { page, context, problems, blocked } = await openOffline(`${fileUrl}?embed=1&part=fn&fn=tanh&lang=zh`);
  try {
    await page.waitForFunction(() => document.querySelector('[data-figure="curve"][data-fn="tanh"]')?.dataset.mounted === 'true');
    assert.ok(await canvasIsDrawn(page, '[data-figure="curve"][data-fn="tanh"] canvas'));
    const visibleCurves = await page.$$eval('[data-figure="curve"]', (all) => all.filter((f) => f.getClientRects().length > 0).length);
    assert.equal(visibleCurves, 1);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.deepEqual(blocked, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
