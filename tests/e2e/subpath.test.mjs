// GitHub Pages serves a project site under /<repo>/: dist/ served under /activation-lab/ must load every
// file it needs from there (no 404, no request outside the sub-path), in the page, an embed and the one file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasIsDrawn, launchBrowser, serveDist, waitForLab, watchProblems } from './fixtures/platform.mjs';
import { waitForAllFigures } from './harness.mjs';

const base = '/activation-lab/';
let browser;
let site;

before(async () => {
  site = await serveDist(base);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

// Opens `address` and records failed responses, failed requests and requests outside the sub-path.
async function openUnderSubPath(address) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  const origin = new URL(site.url).origin;
  const loaded = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:') return;
    if (url.origin !== origin || !url.pathname.startsWith(base)) problems.push(`request outside ${base}: ${request.url()}`);
  });
  page.on('response', (response) => {
    loaded.push(new URL(response.url()).pathname);
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.goto(address);
  await waitForLab(page);
  return { page, context, problems, loaded };
}

test('the server really serves under the sub-path only', async () => {
  const origin = new URL(site.url).origin;
  assert.equal((await fetch(`${origin}/index.html`)).status, 404);
  assert.equal((await fetch(`${site.url}index.html`)).status, 200);
  for (const file of ['activation-lab.html', 'activation-lab-embed.js']) {
    assert.equal((await fetch(`${site.url}${file}`)).status, 200, file);
  }
});

test('the page under /activation-lab/ loads all its files from there and draws every figure', async () => {
  const { page, context, problems, loaded } = await openUnderSubPath(site.url);
  try {
    await waitForAllFigures(page);
    for (const file of ['index.html', 'style.css', 'chart.umd.min.js', 'activation-lab.js', 'app.js']) {
      const expected = file === 'index.html' ? base : `${base}${file}`;
      assert.ok(loaded.includes(expected), `${expected} loaded (got ${loaded.join(', ')})`);
    }
    assert.ok(await canvasIsDrawn(page, '[data-figure="curve"][data-fn="relu"] canvas'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an embed and the one-file build also work under the sub-path', async () => {
  for (const address of [`${site.url}?embed=1&part=compare`, `${site.url}activation-lab.html?embed=1&part=neuron`]) {
    const { page, context, problems } = await openUnderSubPath(address);
    try {
      const figure = address.includes('compare') ? 'compare' : 'neuron';
      await page.waitForSelector(`[data-figure="${figure}"][data-mounted="true"]`);
      assert.ok(await canvasIsDrawn(page, `[data-figure="${figure}"] canvas`), address);
      assert.deepEqual(problems, [], address);
    } finally {
      await context.close();
    }
  }
});
