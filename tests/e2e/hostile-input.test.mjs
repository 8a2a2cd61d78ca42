// What a hostile-input probe tries, in Chromium: parameter pairs out of order in the URL, ranges too narrow to
// draw, numbers in notations other than decimal, malformed percent-encoding, and bad counts typed in. Each must
// give a working page with the last good (or default) state and, for typed input, a message next to the field.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness, waitForAllFigures } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

// The neuron's defaults: z = 0.8·1 + 0.3·(−2) − 1.2·0.5 + 0.5.
// The neuron's default inputs, weights and bias (z = −0.9, so ReLU visibly cuts it).
const defaultZ = 0.8 * 1 + 0.3 * -2 - 1.2 * 0.5 - 0.5;

async function neuronShown(page) {
  return page.evaluate(() => ({
    z: Number(document.querySelector('.neuron-z').dataset.value),
    f: document.querySelector('.neuron-out').dataset.value,
    message: document.querySelector('.neuron-message').textContent,
    linearNote: !document.querySelector('.neuron-linear-note').hidden,
    diagram: [...document.querySelectorAll('.neuron-diagram text')].map((t) => t.textContent),
  }));
}

for (const form of ['page', 'embed']) {
  test(`a parameter pair out of order in the URL falls back to its defaults (${form})`, async () => {
    const embed = form === 'embed' ? 'embed=1&part=neuron&' : '';
    const { page, context, problems } = await harness.open(`${harness.url}?${embed}lang=en&neuron.fn=hardtanh&hardtanh.min_val=5&hardtanh.max_val=-5`);
    const shown = await neuronShown(page);
    assert.ok(Math.abs(shown.z - defaultZ) < 1e-12, `z = ${shown.z}`);
    assert.ok(Math.abs(Number(shown.f) - defaultZ) < 1e-12, 'hardtanh(z) with min_val = −1, max_val = 1 is z here');
    assert.equal(shown.message, '');
    assert.equal(shown.linearNote, false, 'the identity note is for identity only');
    assert.ok(shown.diagram.every((text) => text.trim() !== ''), 'every number of the diagram is written');
    if (form === 'page') {
      await waitForAllFigures(page);
      assert.equal(await page.inputValue('#fn-hardtanh input[data-param="min_val"]'), '-1');
      assert.equal(await page.inputValue('#fn-hardtanh input[data-param="max_val"]'), '1');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a pair set out of order in the page still shows z in the neuron, and says why f(z) is missing', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=en&neuron.fn=hardtanh`);
  await waitForAllFigures(page);
  await page.evaluate(() => {
    const slider = document.querySelector('#fn-hardtanh input[data-param="min_val"]');
    slider.value = '2';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.locator('#neuron').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.neuron-message').textContent !== '');
  const shown = await neuronShown(page);
  assert.ok(Math.abs(shown.z - defaultZ) < 1e-12, `z = ${shown.z}`);
  assert.equal(shown.f, '');
  assert.match(shown.message, /Hardtanh/);
  assert.match(shown.message, /max_val/);
  assert.equal(shown.linearNote, false);
  assert.deepEqual(problems, []);
  await context.close();
});

// The x axis's labels of the chart in `selector`.
const xLabels = (page, selector) => page.$eval(selector, (canvas) => window.Chart.getChart(canvas).scales.x.ticks.map((t) => t.label));

test('ranges narrower than the smallest span are widened from the URL, and their axes keep short labels', async () => {
  for (const [query, canvas, lo, hi] of [
    ['compare.lo=-1e-300&compare.hi=1e-300&section=compare', '#compare canvas', -1e-300, 0.01],
    ['relu.lo=0&relu.hi=5e-324', '#fn-relu [data-figure="curve"] canvas', 0, 0.01],
    ['tanh.lo=999.999&tanh.hi=1000', '#fn-tanh [data-figure="curve"] canvas', 999.99, 1000],
  ]) {
    const { page, context, problems } = await harness.open(`${harness.url}?lang=en&${query}`);
    await waitForAllFigures(page);
    await page.locator(canvas).scrollIntoViewIfNeeded();
    const scale = await page.$eval(canvas, (c) => ({ min: window.Chart.getChart(c).scales.x.min, max: window.Chart.getChart(c).scales.x.max }));
    assert.deepEqual(scale, { min: lo, max: hi }, query);
    const labels = await xLabels(page, canvas);
    assert.ok(labels.length >= 3, `${query}: labels ${labels}`);
    assert.equal(new Set(labels).size, labels.length, `${query}: distinct labels ${labels}`);
    assert.ok(labels.every((l) => l.length <= 10 && !/E/.test(l)), `${query}: short labels ${labels}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a typed range narrower than the smallest span is widened, and the message says so', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=en`);
  const fn = '#fn-relu';
  await page.locator(`${fn} [data-figure="curve"]`).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${fn} [data-figure="curve"][data-mounted]`);
  await page.locator(`${fn} .range-box summary`).click();
  const from = `${fn} .range-fields input >> nth=0`;
  const to = `${fn} .range-fields input >> nth=1`;
  await page.fill(from, '0');
  await page.fill(to, '1e-9');
  await page.press(to, 'Enter');
  assert.match(await page.textContent(`${fn} .range-box .field-message`), /0\.01 wide.*0 to 0\.01/);
  assert.equal(await page.getAttribute(to, 'aria-invalid'), null);
  assert.equal(await page.inputValue(to), '0.01');
  assert.equal(await page.$eval(`${fn} [data-figure="curve"] canvas`, (c) => window.Chart.getChart(c).scales.x.max), 0.01);
  await page.fill(to, '3');
  await page.press(to, 'Enter');
  assert.equal((await page.textContent(`${fn} .range-box .field-message`)).trim(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('only decimal notation is a number, in typed fields and in the URL', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=en&relu.hi=0x10&tanh.lo=%E2%88%922.5&sigmoid.n=0b101&relu.seed=0x10`);
  await waitForAllFigures(page);
  assert.equal(await page.inputValue('#fn-relu .range-fields input >> nth=1'), '5', 'hexadecimal is not read from the URL');
  assert.equal(await page.inputValue('#fn-tanh .range-fields input >> nth=0'), '-2.5', 'the typographic minus is');
  assert.equal(await page.locator('#fn-sigmoid .try-table tbody tr').count(), 4, 'binary is not read from the URL (four inputs by default)');
  assert.ok(!(await page.textContent('#fn-relu .try-seed')).includes('16'), 'nor is a hexadecimal seed');

  const fn = '#fn-relu';
  await page.locator(`${fn} .range-box summary`).click();
  const from = `${fn} .range-fields input >> nth=0`;
  const to = `${fn} .range-fields input >> nth=1`;
  for (const text of ['0x10', '0b101', '0o7', 'Infinity', 'NaN', '1,5', '--1', '1e', '½']) {
    await page.fill(from, '-1');
    await page.fill(to, text);
    await page.press(to, 'Enter');
    assert.equal(await page.textContent(`${fn} .range-box .field-message`), 'Enter a number in decimal notation, such as −2.5 or 1e-3.', text);
  }
  await page.fill(from, '−1e−1');
  await page.fill(to, '+2.5E+0');
  await page.press(to, 'Enter');
  assert.equal((await page.textContent(`${fn} .range-box .field-message`)).trim(), '');
  const scale = await page.$eval(`${fn} [data-figure="curve"] canvas`, (c) => [window.Chart.getChart(c).scales.x.min, window.Chart.getChart(c).scales.x.max]);
  assert.deepEqual(scale, [-0.1, 2.5], 'every typographic minus is read');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the count field names its own limits, 1 to 20, for any number outside them', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=en`);
  const box = '#fn-sigmoid [data-figure="try-it"]';
  await page.locator(box).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${box}[data-mounted]`);
  for (const value of ['1e400', '-1e308', '0', '21', '2.5', '-3']) {
    await page.fill(`${box} .try-count`, value);
    await page.press(`${box} .try-count`, 'Enter');
    assert.equal(await page.textContent(`${box} .field-message`), 'Enter a whole number from 1 to 20.', value);
    assert.equal(await page.locator(`${box} tbody tr`).count(), 4, 'the last good table (four inputs by default) stays');
  }
  for (const value of ['Infinity', '0x10']) {
    await page.fill(`${box} .try-count`, value);
    await page.press(`${box} .try-count`, 'Enter');
    assert.equal(await page.textContent(`${box} .field-message`), 'Enter a number in decimal notation, such as −2.5 or 1e-3.', value);
  }
  await page.fill(`${box} .try-count`, '1e1');
  await page.press(`${box} .try-count`, 'Enter');
  assert.equal(await page.textContent(`${box} .field-message`), '');
  assert.equal(await page.locator(`${box} tbody tr`).count(), 10);
  assert.deepEqual(problems, []);
  await context.close();
});

test('malformed percent-encoding in the query is skipped and the rest of it still counts', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=en&relu.lo=%E0%A4%A&relu.hi=3%&tanh.lo=-2&neuron.fn=tanh%E0&%=1&leaky_relu.negative_slope=0.2&neuron.x1=%E2%88%923`);
  await waitForAllFigures(page);
  assert.equal(await page.inputValue('#fn-relu .range-fields input >> nth=0'), '-5');
  assert.equal(await page.inputValue('#fn-relu .range-fields input >> nth=1'), '5');
  assert.equal(await page.inputValue('#fn-tanh .range-fields input >> nth=0'), '-2');
  assert.equal(await page.inputValue('#fn-leaky_relu input[data-param="negative_slope"]'), '0.2');
  assert.equal(await page.inputValue('#neuron-fn'), 'relu');
  assert.equal(await page.inputValue('#neuron input[data-neuron="x1"]'), '-3');
  assert.deepEqual(problems, []);
  await context.close();
});
