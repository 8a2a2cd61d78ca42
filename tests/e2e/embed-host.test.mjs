// The Embed dialog and a course page that uses its snippet: the dialog is a proper modal (focus, Esc, copy
// with a fallback); the snippet, pasted into a host page on another origin, loads the chosen view; the view
// reports its height (our message and Canvas's lti.frameResize); the parent script fits the frame to it and
// ignores every other message; without the script the frame keeps its fixed height.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { canvasIsDrawn, startHarness } from './harness.mjs';
import { fixturesDir, waitForLab, watchProblems } from './fixtures/platform.mjs';

const hostTemplate = readFileSync(path.join(fixturesDir, 'host.html'), 'utf8');
let harness;
let hostServer;
let hostUrl;
let hostMarkup = '';
before(async () => {
  harness = await startHarness();
  hostServer = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(hostTemplate.replace('<!-- SNIPPET -->', hostMarkup));
  });
  await new Promise((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${hostServer.address().port}/`;
});
after(async () => {
  await harness?.close();
  await new Promise((resolve) => hostServer?.close(resolve) ?? resolve());
});

// Opens the full page, opens the Embed dialog of the LeakyReLU section and returns the two snippets.
async function snippetsFromDialog(query = '?leaky_relu.negative_slope=0.3&lang=en') {
  // teacher=1 shows the Embed buttons (teacher tools); it is not part of the state, so no snippet carries it.
  const { page, context, problems } = await harness.open(`${harness.url}${query}&teacher=1`);
  const button = page.locator('#fn-leaky_relu .embed-button');
  await button.click();
  const dialog = page.locator('dialog.embed-dialog');
  assert.ok(await dialog.evaluate((d) => d.open && d.matches(':modal')), 'a modal dialog');
  const codes = dialog.locator('textarea.embed-code');
  const frame = await codes.nth(0).inputValue();
  const script = await codes.nth(1).inputValue();
  return { page, context, problems, button, dialog, frame, script };
}

// A course page on another origin (its own little server, another port) holding `markup` where the template
// says SNIPPET. It is served for real: Chromium's local-network checks refuse to let a page whose address is
// unknown (a routed, fulfilled response) frame a page on localhost.
async function openHost(markup) {
  hostMarkup = markup;
  const context = await harness.browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${hostUrl}course.html`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await waitForLab(frame);
  return { page, context, problems, frame };
}

test('the dialog holds a ready <iframe> snippet for the current view, and is a keyboard-friendly modal', async () => {
  const { page, context, problems, button, dialog, frame, script } = await snippetsFromDialog();
  try {
    const src = /src="([^"]+)"/.exec(frame)?.[1].replace(/&amp;/g, '&');
    const url = new URL(src);
    assert.equal(`${url.origin}${url.pathname}`, `${harness.url}en/index.html`, 'built from the page\'s own location: the English page');
    assert.equal(url.searchParams.get('embed'), '1');
    assert.equal(url.searchParams.get('part'), 'fn');
    assert.equal(url.searchParams.get('fn'), 'leaky_relu');
    assert.equal(url.searchParams.get('leaky_relu.negative_slope'), '0.3', 'the current state');
    assert.equal(url.searchParams.get('lang'), 'en');
    assert.match(frame, /^<iframe src="[^"]+" title="Activation Lab: LeakyReLU" width="100%" height="\d+" loading="lazy"[^>]*><\/iframe>$/);
    assert.match(script, /^<script src="http:\/\/localhost:\d+\/activation-lab-embed\.js" defer><\/script>$/);
    assert.ok(await dialog.locator('textarea.embed-code').first().evaluate((t) => t === document.activeElement), 'focus moves into the dialog');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.evaluate((d) => d.open), false, 'Esc closes it');
    assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus returns to the Embed button');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('Copy puts the snippet on the clipboard; without the Clipboard API it selects the text instead', async () => {
  const { page, context, dialog, frame } = await snippetsFromDialog();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
    await dialog.locator('.embed-copy').first().click();
    await page.waitForFunction(() => document.querySelector('.embed-copy-status').textContent !== '');
    assert.equal(await dialog.locator('.embed-copy-status').first().textContent(), 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), frame);

    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
    await dialog.locator('.embed-copy').first().click();
    await page.waitForFunction(() => document.querySelector('.embed-copy-status').textContent.startsWith('Selected'));
    const selected = await page.evaluate(() => {
      const field = document.activeElement;
      return field.value.slice(field.selectionStart, field.selectionEnd);
    });
    assert.equal(selected, frame, 'the whole snippet is selected for Ctrl+C');
  } finally {
    await context.close();
  }
});

test('the snippet pasted into a course page on another origin loads the view and the parent script fits its height', async () => {
  const { context: labContext, frame: snippet, script } = await snippetsFromDialog();
  await labContext.close();
  const markup = snippet.replace('src="', 'id="lab" src="').replace('embed=1', 'embed=1&amp;id=7');
  const { page, context, problems, frame } = await openHost(`${markup}\n${script}`);
  try {
    await frame.waitForSelector('[data-figure="curve"][data-fn="leaky_relu"][data-mounted="true"]');
    assert.ok(await canvasIsDrawn(frame, '[data-figure="curve"][data-fn="leaky_relu"] canvas'));
    assert.equal(await frame.inputValue('input[data-param="negative_slope"]'), '0.3');
    assert.equal(await page.getAttribute('#lab', 'title'), 'Activation Lab: LeakyReLU');

    // Both message formats arrive, with the same height, and ours carries the id= from the URL.
    await page.waitForFunction(() => window.labMessages.some((m) => m && m.type === 'activation-lab:height'));
    const messages = await page.evaluate(() => window.labMessages);
    const ours = messages.filter((m) => m?.type === 'activation-lab:height');
    const canvas = messages.filter((m) => m?.subject === 'lti.frameResize');
    assert.ok(ours.length >= 1 && canvas.length === ours.length, JSON.stringify(messages));
    assert.deepEqual(ours.map((m) => m.height), canvas.map((m) => m.height));
    assert.ok(ours.every((m) => m.id === 7 && Number.isInteger(m.height) && m.height > 200), JSON.stringify(ours));
    assert.equal(new Set(ours.map((m) => m.height)).size, ours.length, 'a height is posted when it changes, not repeated');

    // The frame ends up exactly as tall as the view says it is.
    await page.waitForFunction(() => {
      const last = window.labMessages.filter((m) => m?.type === 'activation-lab:height').at(-1);
      return Math.abs(document.getElementById('lab').getBoundingClientRect().height - last.height) < 1;
    });
    const before = await page.evaluate(() => document.getElementById('lab').getBoundingClientRect().height);
    const inside = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(Math.abs(before - inside) <= 1, `frame ${before}px, content ${inside}px`);
    assert.ok(!(await frame.evaluate(() => document.scrollingElement.scrollHeight > innerHeight + 1)), 'no scroll bar inside');

    // When the content grows (the data table opens) the frame follows.
    await frame.click('[data-figure="curve"][data-fn="leaky_relu"] .data-table summary');
    await page.waitForFunction((h) => document.getElementById('lab').getBoundingClientRect().height > h + 100, before);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the parent script ignores messages that are not from an embedded frame or not well formed', async () => {
  const { context: labContext, frame: snippet, script } = await snippetsFromDialog();
  await labContext.close();
  const fixed = snippet.replace('src="', 'id="lab" src="');
  const { page, context } = await openHost(`${fixed}\n<iframe id="other" title="another tool" srcdoc="<p>other</p>" height="150"></iframe>\n${script}`);
  try {
    await page.waitForFunction(() => document.getElementById('lab').hasAttribute('data-activation-lab-height'));
    const height = () => page.evaluate(() => document.getElementById('lab').getBoundingClientRect().height);
    const settled = await height();
    const otherHeight = () => page.evaluate(() => document.getElementById('other').getBoundingClientRect().height);
    const otherBefore = await otherHeight();
    // From the host window itself, from an inline frame of the host, and malformed ones from the lab's frame.
    await page.evaluate(() => window.postMessage({ type: 'activation-lab:height', height: 333 }, '*'));
    const other = page.frames().find((f) => f.url() === 'about:srcdoc');
    await other.evaluate(() => window.parent.postMessage({ type: 'activation-lab:height', height: 444 }, '*'));
    const frame = page.frames().find((f) => f.url().includes('embed=1'));
    await frame.evaluate(() => {
      for (const bad of [{ type: 'activation-lab:height', height: '555' }, { type: 'other', height: 555 }, 'activation-lab:height', null,
        { type: 'activation-lab:height', height: Number.NaN }]) window.parent.postMessage(bad, '*');
    });
    // A well-formed message posted after the others: once it is handled, the earlier ones were too.
    await frame.evaluate(() => window.parent.postMessage({ type: 'activation-lab:height', height: 321 }, '*'));
    await page.waitForFunction(() => document.getElementById('lab').getBoundingClientRect().height === 321);
    assert.notEqual(settled, 321);
    assert.equal(await otherHeight(), otherBefore, 'the inline frame is not resized by its own message');
  } finally {
    await context.close();
  }
});

test('without the parent script the frame keeps the snippet\'s fixed height and the view still works', async () => {
  const { context: labContext, frame: snippet } = await snippetsFromDialog();
  await labContext.close();
  const fixedHeight = Number(/height="(\d+)"/.exec(snippet)[1]);
  const { page, context, problems, frame } = await openHost(snippet.replace('src="', 'id="lab" src="'));
  try {
    await frame.waitForSelector('[data-figure="curve"][data-fn="leaky_relu"][data-mounted="true"]');
    await page.waitForFunction(() => window.labMessages.length >= 2);
    assert.equal(await page.evaluate(() => document.getElementById('lab').getBoundingClientRect().height), fixedHeight);
    await frame.$eval('[data-figure="curve"][data-fn="leaky_relu"] input[data-param="negative_slope"]', (slider) => {
      slider.value = '0.5';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.equal(await frame.textContent('[data-figure="curve"][data-fn="leaky_relu"] .slider-value'), '0.5');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// A demo set up on the page (circle data, tanh) is embedded as it is set.
test('a demo\'s Embed snippet carries the demo\'s settings', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=en&vanishing.depth=30&teacher=1#why-nonlinearity`);
  const demo = '[data-demo="nonlinearity"]';
  await page.waitForSelector(`${demo}[data-mounted="true"]`);
  await page.selectOption(`${demo} [data-control="dataset"]`, 'circle');
  await page.selectOption(`${demo} [data-control="activation"]`, 'tanh');
  await page.click('.embed-button[data-embed-target="nonlinearity"]');
  const frame = await page.locator('dialog.embed-dialog textarea.embed-code').first().inputValue();
  const src = new URL(/src="([^"]+)"/.exec(frame)[1].replace(/&amp;/g, '&'));
  assert.equal(src.searchParams.get('part'), 'demo');
  assert.equal(src.searchParams.get('demo'), 'nonlinearity');
  assert.equal(src.searchParams.get('nonlinearity.dataset'), 'circle');
  assert.equal(src.searchParams.get('nonlinearity.activation'), 'tanh');
  assert.equal([...src.searchParams.keys()].filter((k) => k.startsWith('vanishing.')).length, 0, 'only this demo\'s settings');
  assert.deepEqual(problems, []);
  await context.close();
});
