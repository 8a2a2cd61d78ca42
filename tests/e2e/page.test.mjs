// The foundation page in Chromium: it loads over http and from file://, every catalogue function has a drawn
// curve, the derivative toggle and parameter sliders redraw it, the neuron panel computes z and f(z), and
// nothing breaks the CSP, logs an error or reaches another origin.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { canvasFingerprint, canvasIsDrawn, followLink, root, startHarness, waitForAllFigures } from './harness.mjs';

const require = createRequire(import.meta.url);
const lab = await require(path.join(root, 'dist', 'activation-lab.js'))();
const catalogue = lab.catalogue();
let harness;

before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

for (const how of ['http', 'file']) {
  test(`over ${how}: every catalogue function has a section with a drawn curve, and nothing goes wrong`, async () => {
    const { page, context, problems } = await harness.open(how === 'http' ? harness.url : harness.fileUrl);
    await waitForAllFigures(page);
    for (const row of catalogue) {
      const canvas = `#fn-${row.id} [data-figure="curve"] canvas`;
      assert.equal(await page.locator(canvas).count(), 1, `${row.id} has one curve`);
      assert.ok(await canvasIsDrawn(page, canvas), `${row.id}'s curve is drawn`);
      assert.ok((await page.locator(`#fn-${row.id} .formula math`).count()) >= 1, `${row.id} shows its formula`);
    }
    const functionSections = await page.$$eval('[data-fn].fn-section', (nodes) => nodes.map((n) => n.dataset.fn));
    assert.deepEqual(functionSections.sort(), catalogue.map((r) => r.id).sort(), 'one section per catalogue row, no more');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the article\'s four come first, in its order, with its default ranges', async () => {
  const { page, context } = await harness.open(harness.url);
  const order = await page.$$eval('#article-functions > [data-fn]', (nodes) => nodes.map((n) => n.dataset.fn));
  assert.deepEqual(order, ['relu', 'sigmoid', 'tanh', 'leaky_relu']);
  const ranges = { relu: [-5, 5], sigmoid: [-5, 5], tanh: [-6, 6], leaky_relu: [-6, 6] };
  for (const [id, [lo, hi]] of Object.entries(ranges)) {
    await page.locator(`#fn-${id} .range-box summary`).click();
    assert.equal(Number(await page.inputValue(`#fn-${id} .range-fields input >> nth=0`)), lo);
    assert.equal(Number(await page.inputValue(`#fn-${id} .range-fields input >> nth=1`)), hi);
  }
  await context.close();
});

test('the derivative toggle and the negative_slope slider redraw the chart', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const canvas = '#fn-leaky_relu [data-figure="curve"] canvas';
  await page.locator(canvas).scrollIntoViewIfNeeded();
  await page.waitForSelector('#fn-leaky_relu [data-figure="curve"][data-mounted]');
  const before = await canvasFingerprint(page, canvas);
  await page.locator('#fn-leaky_relu .derivative-toggle').check();
  const withDerivative = await canvasFingerprint(page, canvas);
  assert.notEqual(withDerivative, before, 'the derivative appears');
  await page.locator('#fn-leaky_relu .derivative-toggle').uncheck();
  assert.equal(await canvasFingerprint(page, canvas), before, 'and disappears again');

  const slope = page.locator('#fn-leaky_relu input[data-param="negative_slope"]');
  assert.equal(Number(await slope.inputValue()), 0.01, "PyTorch's default slope");
  await slope.fill('0.5');
  const steeper = await canvasFingerprint(page, canvas);
  assert.notEqual(steeper, before, 'the slope changes the curve');
  await slope.fill('0');
  assert.notEqual(await canvasFingerprint(page, canvas), steeper);
  assert.match(await page.textContent('#fn-leaky_relu .param-note'), /nn\.LeakyReLU\(0\)/);
  await page.locator('#fn-leaky_relu button.reset').click();
  assert.equal(Number(await slope.inputValue()), 0.01, 'reset restores the default');
  assert.deepEqual(problems, []);
  await context.close();
});

// Slider moves that keep the axes only redraw the canvas (line-chart.js's refresh); the line must still pass through
// the values of the slope just set, at the pixels the chart's own axes give, whichever path drew it.
test('the leaky ReLU curve passes through x and slope·x for each slope the slider sets', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}#fn-leaky_relu`);
  const figure = '#fn-leaky_relu [data-figure="curve"]';
  await page.waitForSelector(`${figure}[data-mounted]`);
  for (const slope of [0.2, 0.25, 0.3, 0.05, 1]) {
    await page.locator(`${figure} input[data-param="negative_slope"]`).fill(String(slope));
    const misses = await page.$eval(`${figure} canvas`, (canvas, a) => {
      const chart = window.Chart.getChart(canvas);
      const g = canvas.getContext('2d');
      const ratio = canvas.width / canvas.clientWidth;
      // Whether some pixel within 2 CSS px of (x, y) is drawn in the line's colour (antialiasing blends its edges).
      const [r, gr, b] = chart.data.datasets[0].borderColor.match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16));
      const inked = (x, y) => {
        const px = g.getImageData(Math.round((x - 2) * ratio), Math.round((y - 2) * ratio), Math.round(4 * ratio) + 1, Math.round(4 * ratio) + 1).data;
        for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - gr) + Math.abs(px[i + 2] - b) < 60 && px[i + 3] > 200) return true;
        return false;
      };
      const { x: xs, y: ys } = chart.scales;
      const wrong = [];
      for (const x of [-5.5, -4, -2.5, -1, 1.5, 3, 4.5]) {
        const y = x > 0 ? x : a * x;
        if (!inked(xs.getPixelForValue(x), ys.getPixelForValue(y))) wrong.push(`no line at (${x}, ${y})`);
        const off = y + (ys.max - ys.min) / 4;
        if (inked(xs.getPixelForValue(x), ys.getPixelForValue(off))) wrong.push(`line at (${x}, ${off})`);
      }
      return wrong;
    }, slope);
    assert.deepEqual(misses, [], `slope ${slope}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// During a drag the page stops compositing charts out of view (web/main.js); a reader must never see that: every
// chart on screen stays visible, one scrolled into view wakes, and all are back when the drag ends or pauses.
test('while a slider is dragged, no chart in view is hidden, and every chart is back afterwards', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}#fn-leaky_relu`);
  await waitForAllFigures(page);
  const slider = '#fn-leaky_relu [data-figure="curve"] input[data-param="negative_slope"]';
  const drag = (steps) => page.$eval(slider, async (input, n) => {
    for (let i = 1; i <= n; i++) {
      input.value = String(i / 100);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }, steps);
  const canvases = () => page.$$eval('canvas', (all) => all.map((c) => {
    const r = c.getBoundingClientRect();
    return { onScreen: r.bottom > 0 && r.top < innerHeight && r.width > 0, shown: getComputedStyle(c).visibility === 'visible' };
  }));
  await drag(5);
  let seen = await canvases();
  assert.ok(seen.some((c) => c.onScreen), 'the dragged chart is on screen');
  assert.deepEqual(seen.filter((c) => c.onScreen && !c.shown), [], 'no chart on screen is hidden mid-drag');
  assert.ok(seen.some((c) => !c.shown), 'charts out of view rest mid-drag');
  await page.$eval(slider, (input) => input.dispatchEvent(new Event('change', { bubbles: true })));
  assert.ok((await canvases()).every((c) => c.shown), 'all back when the drag ends');

  await drag(3);
  await page.waitForTimeout(800);
  assert.ok((await canvases()).every((c) => c.shown), 'all back after a pause without change');

  await drag(3);
  // Well within the 500 ms pause that wakes everything: scrolled into view, a resting chart shows in a frame or two.
  const woken = await page.evaluate(async () => {
    const canvas = document.querySelector('#fn-sigmoid [data-figure="curve"] canvas');
    const before = getComputedStyle(canvas).visibility;
    canvas.scrollIntoView({ behavior: 'instant' });  // the page scrolls smoothly otherwise
    const start = performance.now();
    while (getComputedStyle(canvas).visibility !== 'visible' && performance.now() - start < 250) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return { before, after: getComputedStyle(canvas).visibility, scrolled: scrollY };
  });
  assert.deepEqual({ before: woken.before, after: woken.after }, { before: 'hidden', after: 'visible' }, `a chart scrolled into view mid-drag is shown (${JSON.stringify(woken)})`);
  seen = await canvases();
  assert.deepEqual(seen.filter((c) => c.onScreen && !c.shown), [], 'nothing on screen is hidden after the scroll');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the neuron panel computes z = w·x + b and f(z) for the values set', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const set = { x1: 1.5, x2: -0.5, x3: 2, w1: 0.4, w2: -1.2, w3: 0.3, b: -0.7 };
  for (const [name, value] of Object.entries(set)) await page.locator(`input[data-neuron="${name}"]`).fill(String(value));
  const z = set.w1 * set.x1 + set.w2 * set.x2 + set.w3 * set.x3 + set.b;
  const expected = {
    identity: z, relu: Math.max(0, z), sigmoid: 1 / (1 + Math.exp(-z)), tanh: Math.tanh(z), leaky_relu: z > 0 ? z : 0.01 * z,
  };
  for (const [id, output] of Object.entries(expected)) {
    await page.selectOption('#neuron-fn', id);
    assert.ok(Math.abs(Number(await page.getAttribute('.neuron-z', 'data-value')) - z) < 1e-12, `z with ${id}`);
    assert.ok(Math.abs(Number(await page.getAttribute('.neuron-out', 'data-value')) - output) < 1e-12, `f(z) with ${id}`);
  }
  await page.selectOption('#neuron-fn', 'identity');
  assert.ok(await page.isVisible('.neuron-linear-note'), 'identity is called linear regression');
  assert.ok(await canvasIsDrawn(page, '[data-figure="neuron"] canvas'));
  const chartBefore = await canvasFingerprint(page, '[data-figure="neuron"] canvas');
  await page.locator('input[data-neuron="b"]').fill('2');
  assert.notEqual(await canvasFingerprint(page, '[data-figure="neuron"] canvas'), chartBefore, 'the z marker moves');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every parameter of every function gets a slider from the catalogue, and reset restores the defaults', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  await waitForAllFigures(page);
  for (const row of catalogue.filter((r) => r.params.length)) {
    const canvas = `#fn-${row.id} [data-figure="curve"] canvas`;
    const original = await canvasFingerprint(page, canvas);
    for (const p of row.params) {
      const slider = page.locator(`#fn-${row.id} input[data-param="${p.name}"]`);
      const [min, max, step, value] = await slider.evaluate((s) => [s.min, s.max, s.step, s.value].map(Number));
      assert.deepEqual([min, max, step], [p.min, p.max, p.step], `${row.id}.${p.name}`);
      // A slider's value is written with 15 significant digits: RReLU's upper = 1/3 reads back as 0.333333333333333.
      assert.ok(Math.abs(value - p.default) <= 1e-14 * Math.max(1, Math.abs(p.default)), `${row.id}.${p.name} = ${value}`);
    }
    const first = row.params[0];
    await page.locator(`#fn-${row.id} input[data-param="${first.name}"]`).fill(String(first.min));
    assert.notEqual(await canvasFingerprint(page, canvas), original, `${row.id}: ${first.name} = ${first.min} redraws`);
    await page.click(`#fn-${row.id} button.reset`);
    assert.equal(Number(await page.inputValue(`#fn-${row.id} input[data-param="${first.name}"]`)), first.default);
    assert.equal(await canvasFingerprint(page, canvas), original, `${row.id}: reset restores the curve`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('parameters the module rejects show its message and keep the last good curve', async () => {
  const rejected = [];
  for (const row of catalogue.filter((r) => r.params.length >= 2)) {
    const [a, b] = row.params;
    try {
      lab.evaluate(row.id, [0], { [a.name]: a.max, [b.name]: b.min });
    } catch {
      rejected.push({ row, a, b });
    }
  }
  assert.ok(rejected.length > 0, 'some parameter pair can be invalid (hardtanh: min_val must stay below max_val)');
  const { page, context, problems } = await harness.open(harness.url);
  await waitForAllFigures(page);
  for (const { row, a, b } of rejected) {
    const canvas = `#fn-${row.id} [data-figure="curve"] canvas`;
    await page.locator(`#fn-${row.id} input[data-param="${b.name}"]`).fill(String(b.min));
    // The curve's points as drawn (the message takes room from the chart, which is then drawn a little shorter).
    const curve = () => page.$eval(canvas, (c) => JSON.stringify(window.Chart.getChart(c).data.datasets[0].$points));
    const good = await curve();
    await page.locator(`#fn-${row.id} input[data-param="${a.name}"]`).fill(String(a.max));
    assert.ok((await page.textContent(`#fn-${row.id} .curve-controls .field-message`)).trim(), `${row.id} explains`);
    assert.equal(await curve(), good, `${row.id} keeps its last good curve`);
    await page.click(`#fn-${row.id} button.reset`);
    assert.equal((await page.textContent(`#fn-${row.id} .curve-controls .field-message`)).trim(), '');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('from file://, a link restores its state and the language link carries it to the other page', async () => {
  const { page, context, problems } = await harness.open(`${harness.fileUrl}?lang=zh&leaky_relu.negative_slope=0.2`);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.inputValue('#fn-leaky_relu input[data-param="negative_slope"]'), '0.2');
  await followLink(page, 'a[data-lang="en"]');
  assert.match(page.url(), /^file:.*\/en\/index\.html\?/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('#fn-leaky_relu input[data-param="negative_slope"]'), '0.2');
  await page.waitForFunction(() => location.search.includes('lang=en') && location.search.includes('negative_slope=0.2'));
  assert.deepEqual(problems, []);
  await context.close();
});

// The charts write their axis labels without Intl (line-chart.js's tickLabel); for the page's languages they must read
// exactly as Chart.js's own formatter writes them, on the page's charts and over a sweep of ranges and tick counts.
// A lone tick and axes that need scientific notation (|ticks| < 1e-4 or > 1e15) are written by the page's number
// formatter instead: there the labels must be distinct and short.
for (const locale of ['en-US', 'zh-CN']) {
  test(`axis labels read as Chart.js writes them (${locale})`, async () => {
    const { page, context } = await harness.open(harness.url, { locale });
    await waitForAllFigures(page);
    const mismatches = await page.evaluate(() => {
      const { Chart } = window;
      const charts = [...document.querySelectorAll('[data-figure] canvas')].map((c) => Chart.getChart(c)).filter(Boolean);
      const scale = charts[0].scales.x;
      const ours = scale.options.ticks.callback;
      const theirs = Chart.Ticks.formatters.numeric;
      const wrong = [];
      const check = (ticks) => {
        const largest = Math.max(...ticks.map((tick) => Math.abs(tick.value)));
        const labels = ticks.map((tick, i) => ours.call(scale, tick.value, i, ticks));
        if (ticks.length < 2) return;
        if (largest < 1e-4 || largest > 1e15) {
          if (new Set(labels).size !== labels.length || labels.some((l) => l.length > 16)) wrong.push(`scientific: ${labels}`);
          return;
        }
        ticks.forEach((tick, i) => {
          const b = theirs.call(scale, tick.value, i, ticks);
          if (labels[i] !== b) wrong.push(`${tick.value}: ${labels[i]} ≠ ${b}`);
        });
      };
      for (const chart of charts) {
        for (const s of Object.values(chart.scales)) if (s.type === 'linear' && s.options.ticks.callback === ours) check(s.ticks);
      }
      // Ticks as Chart.js's linear scale places them: multiples of a 1/2/5 step between two limits.
      for (const [lo, hi] of [[-5, 5], [-6, 6], [0, 1], [-0.2, 1.2], [-1000, 1000], [-3, 2.5], [0.001, 0.002], [-12000, 48000], [1e-5, 5e-5], [-7.3, 19.1], [-1e-300, 1e-300], [2e16, 9e16], [1.5e-7, 1.5000001e-7]]) {
        for (let count = 2; count <= 11; count++) {
          const rough = (hi - lo) / count;
          const step = [1, 2, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(rough))).find((s) => s >= rough);
          const ticks = [];
          for (let v = Math.ceil(lo / step) * step; v <= hi + step / 1e6; v += step) ticks.push({ value: Math.round(v / step) * step });
          if (ticks.length) check(ticks);
        }
      }
      return wrong;
    });
    assert.deepEqual(mismatches, []);
    await context.close();
  });
}
