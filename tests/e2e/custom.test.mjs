// "Write your own" in Chromium: typing draws the curve and its derivative, an unknown name gets a slider, the
// URL carries the formula and its parameters both ways, embed mode shows it, and every bad input of the issue
// (typed or from the URL) gets its message at the field with a caret, aria-invalid and an announcement while the
// last good curve stays. No console error, no CSP violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const panel = '#custom [data-figure="custom"]';

// What the panel shows: the field, its message and caret, the sliders, the gap report and the curve drawn.
async function shown(page) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const canvas = root.querySelector('canvas');
    const chart = window.Chart.getChart(canvas);
    const points = chart.data.datasets[0].$points;
    return {
      value: root.querySelector('.custom-input').value,
      invalid: root.querySelector('.custom-input').getAttribute('aria-invalid'),
      live: root.querySelector('.custom-message').getAttribute('aria-live'),
      message: root.querySelector('.custom-message').textContent,
      caret: root.querySelector('.custom-caret').hidden ? null : root.querySelector('.custom-caret').textContent,
      sliders: [...root.querySelectorAll('input[type="range"]')].map((s) => [s.dataset.param, Number(s.value)]),
      report: root.querySelector('.custom-report').textContent,
      label: canvas.getAttribute('aria-label'),
      ys: points.filter((_, i) => i % 50 === 0).map((p) => p.y),
      slopes: chart.data.datasets[1].$points.filter((_, i) => i % 50 === 0).map((p) => p.y),
      xs: points.filter((_, i) => i % 50 === 0).map((p) => p.x),
    };
  }, panel);
}

async function type(page, text) {
  await page.fill(`${panel} .custom-input`, text);
  // The panel compiles after a pause in typing; wait for it to settle.
  await page.waitForTimeout(600);
}

test('typing draws the curve and its derivative; an unknown name gets a slider; the URL carries both', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/`);
  await page.locator(panel).scrollIntoViewIfNeeded();
  await type(page, 'x * sigmoid(gamma * x)');
  let s = await shown(page);
  assert.equal(s.invalid, null);
  assert.deepEqual(s.sliders, [['gamma', 1]]);
  s.xs.forEach((x, i) => {
    assert.ok(Math.abs(s.ys[i] - x / (1 + Math.exp(-x))) < 1e-12, `f(${x})`);
    const sg = 1 / (1 + Math.exp(-x));
    assert.ok(Math.abs(s.slopes[i] - (sg + x * sg * (1 - sg))) < 1e-12, `f′(${x})`);
  });
  assert.match(s.label, /x \* sigmoid\(gamma \* x\)/);
  // The slider changes the curve: γ = 0 gives x/2.
  await page.evaluate((selector) => {
    const slider = document.querySelector(`${selector} input[data-param="gamma"]`);
    slider.value = '0';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, panel);
  s = await shown(page);
  s.xs.forEach((x, i) => assert.ok(Math.abs(s.ys[i] - x / 2) < 1e-12));
  await page.waitForTimeout(400);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('custom'), 'x * sigmoid(gamma * x)');
  assert.equal(url.searchParams.get('custom.params'), 'gamma:0');
  // The link opens the same view.
  const again = await harness.open(url.href);
  const s2 = await shown(again.page);
  assert.equal(s2.value, 'x * sigmoid(gamma * x)');
  assert.deepEqual(s2.sliders, [['gamma', 0]]);
  assert.deepEqual(s2.ys, s.ys);
  assert.deepEqual(again.problems, []);
  await again.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

// Each bad input, the message's start (English) and the character the caret stands under (1-based in the text).
const bad = [
  ['', /^Type a formula/, null],
  ['foo(x) + 1', /^Character 1: there is no function/, 1],
  ['pow(x)', /^Character 1: this function takes 2 argument/, 1],
  ['(x + 1', /^Character 1: this bracket is never closed/, 1],
  ['x + 1)', /^Character 6: this closing bracket/, 6],
  ['x *', /^Character 4: a number, x, a name/, 4],
  ['x^^2', /^Character 3: a number, x, a name/, 3],
  ['1e400 * x', /^Character 1: this number is too large/, 1],
  ['x'.repeat(10000), /^The formula is too long: at most 1000/, null],
  ['('.repeat(999) + 'x', /nested too deeply/, 41],
  ['<img src=x onerror=alert(1)>', /^Character 1: a number, x, a name/, 1],
];

test('every bad input typed gets its message, a caret, aria-invalid, and the last good curve stays', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/`);
  await page.locator(panel).scrollIntoViewIfNeeded();
  await type(page, 'max(0, x)');
  const good = await shown(page);
  for (const [text, message, column] of bad) {
    await type(page, text);
    const s = await shown(page);
    assert.match(s.message, message, text.slice(0, 30));
    assert.equal(s.invalid, 'true', text.slice(0, 30));
    assert.equal(s.live, 'polite');
    assert.deepEqual(s.ys, good.ys, `the last good curve stays (${text.slice(0, 30)})`);
    if (column !== null) {
      const [line, carets] = s.caret.split('\n');
      const at = carets.indexOf('^');
      const offset = line.startsWith('…') ? text.length - line.length + 1 : 0;
      assert.equal(text[offset + at - (line.startsWith('…') ? 1 : 0)], text[column - 1], `caret under character ${column} of ${text.slice(0, 30)}`);
    }
  }
  assert.equal(await page.$('img[src="x"]'), null, 'nothing typed becomes markup');
  // A good formula again clears the message.
  await type(page, 'x');
  assert.equal((await shown(page)).invalid, null);
  assert.equal((await shown(page)).message, '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('non-finite values are gaps with a report; division by zero and NaN do not break the page', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/`);
  await page.locator(panel).scrollIntoViewIfNeeded();
  await type(page, 'sqrt(x)');
  let s = await shown(page);
  assert.equal(s.report, 'Not defined (no finite value) for x < 0: drawn as a gap.');
  assert.ok(s.ys.slice(0, 5).every(Number.isNaN) && s.ys.slice(-3).every(Number.isFinite));
  await type(page, 'log(x - 1) + 1/(x + 2)');
  s = await shown(page);
  assert.match(s.report, /x < 1/);
  await type(page, '0/0 + x');
  assert.match((await shown(page)).report, /every x shown/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile and bad formulas from the URL: a message at the field, the default curve, nothing injected', async () => {
  for (const value of ['<script>alert(1)</script>', 'x^^2', '1e400', 'x'.repeat(5000), '%E0%A4%A', 'foo(x)']) {
    const search = new URLSearchParams({ lang: 'en', custom: value, 'custom.params': 'a:1e999,<b>:2,beta:abc' });
    const { page, context, problems } = await harness.open(`${harness.url}en/?${search}`.replace('%25E0%25A4%25A', '%E0%A4%A'));
    await page.locator(panel).scrollIntoViewIfNeeded();
    const s = await shown(page);
    if (value === '%E0%A4%A') {
      assert.equal(s.value, 'x * sigmoid(beta * x)', 'undecodable: the default');
    } else {
      assert.equal(s.invalid, 'true', value.slice(0, 20));
      assert.notEqual(s.message, '');
      // The default formula is drawn: x·σ(x).
      s.xs.forEach((x, i) => assert.ok(Math.abs(s.ys[i] - x / (1 + Math.exp(-x))) < 1e-12));
    }
    assert.equal(await page.$('script:not([src])'), null);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('embed mode shows the custom function: ?embed=1&part=fn&fn=custom&custom=…', async () => {
  const search = new URLSearchParams({ embed: '1', part: 'fn', fn: 'custom', custom: 'x > 0 ? x : alpha * expm1(x)', 'custom.params': 'alpha:2' });
  const { page, context, problems } = await harness.open(`${harness.url}en/?${search}`);
  const visible = await page.evaluate(() => [...document.querySelectorAll('[data-figure]')].filter((e) => e.getClientRects().length).map((e) => e.dataset.figure));
  assert.deepEqual(visible, ['custom']);
  const s = await shown(page);
  assert.deepEqual(s.sliders, [['alpha', 2]]);
  s.xs.forEach((x, i) => assert.ok(Math.abs(s.ys[i] - (x > 0 ? x : 2 * Math.expm1(x))) < 1e-12));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Chinese page has the panel in Chinese, with its messages', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}`, { locale: 'zh-CN' });
  await page.locator(panel).scrollIntoViewIfNeeded();
  assert.equal(await page.textContent('#custom h2'), '七、自己写一个');
  await type(page, 'foo(x)');
  assert.match((await shown(page)).message, /^第 1 个字符：没有这个名字的函数/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the compare chart can overlay the formula, values or derivatives', async () => {
  const search = new URLSearchParams({ custom: 'max(0.1*x, x)', 'compare.custom': '1', compare: 'relu' });
  const { page, context, problems } = await harness.open(`${harness.url}en/?${search}`);
  const read = () => page.evaluate(() => {
    const chart = window.Chart.getChart(document.querySelector('[data-figure="compare"] canvas'));
    const custom = chart.data.datasets.find((d) => d.label.startsWith('f'));
    return { labels: chart.data.datasets.map((d) => d.label), points: custom.$points.filter((_, i) => i % 40 === 0) };
  });
  let s = await read();
  assert.deepEqual(s.labels, ['ReLU', 'f(x)']);
  for (const { x, y } of s.points) assert.ok(Math.abs(y - Math.max(0.1 * x, x)) < 1e-12);
  await page.check('[data-figure="compare"] .derivative-toggle');
  s = await read();
  for (const { x, y } of s.points) assert.equal(y, x > 0 ? 1 : 0.1);
  assert.equal(await page.isChecked('[data-figure="compare"] .compare-custom'), true);
  assert.deepEqual(problems, []);
  await context.close();
});
