// The "why it matters" demos in Chromium: training XOR with ReLU raises accuracy while identity stays
// a straight line; the depth chart follows its controls; equal starts keep units identical; the
// histograms land in their ranges; both languages load with no console error or CSP violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasFingerprint, startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

async function openDemo(page, id) {
  const selector = `[data-demo="${id}"]`;
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${selector}[data-mounted="true"]`, { timeout: 20000 });
  return selector;
}

const readout = (page, selector, name) => page.$eval(selector, (node, key) => ({ ...node.dataset, key }), name);

// For each row and each column of the heat map: how often the predicted class flips (blue = class 1,
// orange = class 0, near-white pixels skipped). A straight boundary flips at most once in every line.
// −1 when no pixel shows a class at all (nothing drawn).
function boundaryFlips(page, selector) {
  return page.$eval(selector, (canvas) => {
    const { width, height } = canvas;
    const px = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    const cls = (x, y) => {
      const k = 4 * (y * width + x);
      const d = px[k + 2] - px[k];
      return Math.abs(d) < 24 ? 0 : Math.sign(d);
    };
    let most = 0;
    let decided = 0;
    const scan = (n, at) => {
      let last = 0;
      let flips = 0;
      for (let i = 0; i < n; i++) {
        const c = at(i);
        if (c) decided++;
        if (c && last && c !== last) flips++;
        if (c) last = c;
      }
      most = Math.max(most, flips);
    };
    for (let y = 0; y < height; y += 4) scan(width, (x) => cls(x, y));
    for (let x = 0; x < width; x += 4) scan(height, (y) => cls(x, y));
    return decided > 0 ? most : -1;
  });
}

test('non-linearity: training XOR with ReLU raises accuracy; identity stays one straight line', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const demo = await openDemo(page, 'nonlinearity');
  await page.selectOption(`${demo} [data-control="dataset"]`, 'xor');
  await page.selectOption(`${demo} [data-control="activation"]`, 'relu');
  const chosen = `${demo} [data-readout="chosen"]`;
  const linear = `${demo} [data-readout="linear"]`;
  const start = Number((await readout(page, chosen)).accuracy);
  await page.click(`${demo} [data-control="play"]`);
  assert.equal(await page.getAttribute(`${demo} [data-control="play"]`, 'aria-pressed'), 'true');
  await page.waitForFunction((s) => Number(document.querySelector(s).dataset.epoch) >= 150, chosen, { timeout: 30000 });
  await page.click(`${demo} [data-control="play"]`);
  assert.equal(await page.getAttribute(`${demo} [data-control="play"]`, 'aria-pressed'), 'false');
  const trained = Number((await readout(page, chosen)).accuracy);
  const straight = Number((await readout(page, linear)).accuracy);
  assert.ok(trained >= 0.9 && trained > start, `ReLU accuracy ${start} → ${trained}`);
  assert.ok(straight <= 0.75, `identity accuracy ${straight}`);
  const linearFlips = await boundaryFlips(page, `${demo} [data-panel="linear"] canvas[data-layer="map"]`);
  assert.ok(linearFlips === 0 || linearFlips === 1, `identity: one straight boundary (${linearFlips})`);
  assert.ok(await boundaryFlips(page, `${demo} [data-panel="chosen"] canvas[data-layer="map"]`) >= 2, 'ReLU: a bent boundary');
  assert.match(await page.textContent(`${demo} [data-readout="collapsed"]`), /z = .*x₁.*x₂/);

  const epoch = Number((await readout(page, chosen)).epoch);
  await page.click(`${demo} [data-control="step"]`);
  assert.equal(Number((await readout(page, chosen)).epoch), epoch + 1, 'step trains one epoch');
  await page.click(`${demo} [data-control="reset"]`);
  assert.equal(Number((await readout(page, chosen)).epoch), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('vanishing gradients: the chart follows depth, activation and initialisation', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const demo = await openDemo(page, 'vanishing');
  const canvas = `${demo} canvas`;
  const text = `${demo} [data-readout="vanishing"]`;
  const setDepth = (n) => page.$eval(`${demo} [data-control="depth"]`, (input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, n);
  await page.selectOption(`${demo} [data-control="activation"]`, 'sigmoid');
  await setDepth(10);
  const before = await canvasFingerprint(page, canvas);
  await setDepth(30);
  assert.notEqual(await canvasFingerprint(page, canvas), before, 'the chart redraws for a new depth');
  const sigmoid = Number((await readout(page, text)).ratio);
  assert.ok(sigmoid <= 0.25 ** 29, `sigmoid, 30 layers: ratio ${sigmoid}`);
  await page.selectOption(`${demo} [data-control="activation"]`, 'relu');
  await page.selectOption(`${demo} [data-control="init"]`, 'he');
  const relu = Number((await readout(page, text)).ratio);
  assert.ok(relu > 0.05 && relu < 20, `relu + He, 30 layers: ratio ${relu}`);
  assert.equal(await page.locator(`${demo} details tbody tr`).count(), 30, 'the data table has one row per layer');
  assert.deepEqual(problems, []);
  await context.close();
});

test('symmetry: equal start keeps the hidden units identical, random start does not', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const demo = await openDemo(page, 'symmetry');
  for (let i = 0; i < 5; i++) await page.click(`${demo} [data-control="step"]`);
  assert.equal((await readout(page, `${demo} [data-readout="equal"]`)).distinct, '1');
  assert.equal((await readout(page, `${demo} [data-readout="torch_default"]`)).distinct, '4');
  assert.deepEqual(problems, []);
  await context.close();
});

test('symmetry, mixed activations: equal-weight units with different activations drift apart', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?symmetry.activation=mixed`);
  const demo = await openDemo(page, 'symmetry');
  assert.equal(await page.$eval(`${demo} [data-control="activation"]`, (s) => s.value), 'mixed');
  assert.equal((await readout(page, `${demo} [data-readout="equal"]`)).distinct, '1', 'they start as twins');
  for (let i = 0; i < 5; i++) await page.click(`${demo} [data-control="step"]`);
  assert.equal((await readout(page, `${demo} [data-readout="equal"]`)).distinct, '4');
  assert.equal((await readout(page, `${demo} [data-readout="torch_default"]`)).distinct, '4');
  // Back to one shared activation, the equal start keeps its twins again.
  await page.selectOption(`${demo} [data-control="activation"]`, 'relu');
  for (let i = 0; i < 5; i++) await page.click(`${demo} [data-control="step"]`);
  assert.equal((await readout(page, `${demo} [data-readout="equal"]`)).distinct, '1');
  assert.deepEqual(problems, []);
  await context.close();
});

test('output range: readouts show a few digits, and a value next to a bound as its distance from it', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const demo = await openDemo(page, 'output-range');
  const text = await page.textContent(`${demo} [data-readout="tanh"]`);
  assert.match(text, /1 − \d(\.\d)?e−\d/, text);
  assert.ok(!/\d{6}/.test(text), `no long runs of digits: ${text}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('output range: sigmoid in (0, 1), tanh in (−1, 1), ReLU from 0 up', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const demo = await openDemo(page, 'output-range');
  const range = async (id) => {
    const d = await readout(page, `${demo} [data-readout="${id}"]`);
    return [Number(d.min), Number(d.max)];
  };
  const [smin, smax] = await range('sigmoid');
  const [tmin, tmax] = await range('tanh');
  const [rmin, rmax] = await range('relu');
  assert.ok(smin > 0 && smax < 1);
  assert.ok(tmin > -1 && tmax < 1 && tmin < 0);
  assert.ok(rmin === 0 && rmax > 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('in Chinese every demo string is there (a missing key logs an error)', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=zh`);
  for (const id of ['nonlinearity', 'vanishing', 'symmetry', 'output-range']) await openDemo(page, id);
  assert.match(await page.textContent('[data-demo="nonlinearity"] [data-control="play"]'), /训练/);
  assert.deepEqual(problems, []);
  await context.close();
});

// What a teacher shares: a link that opens every demo as it was set, and a link that writes itself back
// when a demo control moves. Hostile values fall back to defaults or are clamped.
test('demo settings are part of the shareable link, both ways', async () => {
  const settings = 'nonlinearity.dataset=spirals&nonlinearity.activation=tanh&vanishing.depth=35&vanishing.init=he' +
    '&vanishing.activation=relu&symmetry.activation=sigmoid&output-range.scale=3.5';
  const { page, context, problems } = await harness.open(`${harness.url}?${settings}`);
  const value = (id, control) => page.$eval(`[data-demo="${id}"] [data-control="${control}"]`, (c) => c.value);
  for (const id of ['nonlinearity', 'vanishing', 'symmetry', 'output-range']) await openDemo(page, id);
  assert.equal(await value('nonlinearity', 'dataset'), 'spirals');
  assert.equal(await value('nonlinearity', 'activation'), 'tanh');
  assert.equal(await value('vanishing', 'depth'), '35');
  assert.equal(await value('vanishing', 'init'), 'he');
  assert.equal(await value('vanishing', 'activation'), 'relu');
  assert.equal(await value('symmetry', 'activation'), 'sigmoid');
  assert.equal(await value('output-range', 'scale'), '3.5');
  // The demos computed with those settings, not only showed them.
  assert.equal(await page.locator('[data-demo="vanishing"] details tbody tr').count(), 35);
  assert.match(await page.textContent('[data-demo="nonlinearity"] [data-panel="chosen"] .demo-panel-title'), /Tanh/);

  await page.selectOption('[data-demo="nonlinearity"] [data-control="dataset"]', 'circle');
  await page.$eval('[data-demo="vanishing"] [data-control="depth"]', (input) => {
    input.value = '12';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => location.search.includes('vanishing.depth=12'));
  const query = new URLSearchParams(await page.evaluate(() => location.search));
  assert.equal(query.get('nonlinearity.dataset'), 'circle');
  assert.equal(query.get('nonlinearity.activation'), 'tanh');
  assert.equal(query.get('section'), 'why-vanishing', 'the link opens where the last control moved');
  assert.deepEqual(problems, []);
  await context.close();

  const hostile = await harness.open(`${harness.url}?nonlinearity.dataset=%3Cimg%20src%3Dx%3E&vanishing.depth=12.5` +
    '&vanishing.init=javascript:alert(1)&output-range.scale=-4');
  for (const id of ['nonlinearity', 'vanishing', 'output-range']) await openDemo(hostile.page, id);
  const hostileValue = (id, control) => hostile.page.$eval(`[data-demo="${id}"] [data-control="${control}"]`, (c) => c.value);
  assert.equal(await hostileValue('nonlinearity', 'dataset'), 'xor');
  assert.equal(await hostileValue('vanishing', 'depth'), '20', 'not an integer: the default');
  assert.equal(await hostileValue('vanishing', 'init'), 'torch_default');
  assert.equal(await hostileValue('output-range', 'scale'), '0.5', 'clamped to the smallest spread');
  assert.equal(await hostile.page.locator('img[src="x"]').count(), 0);
  assert.deepEqual(hostile.problems, []);
  await hostile.context.close();
});

test('an embedded demo opens with the settings in its link', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?embed=1&part=demo&demo=vanishing&vanishing.depth=7&vanishing.activation=tanh`);
  const demo = await openDemo(page, 'vanishing');
  assert.equal(await page.$eval(`${demo} [data-control="depth"]`, (c) => c.value), '7');
  assert.equal(await page.locator(`${demo} details tbody tr`).count(), 7);
  assert.deepEqual(problems, []);
  await context.close();
});
