// The charts' export menu in Chromium, over http and from file://: the PNG at twice the screen's resolution,
// the CSV of exactly the plotted series, the copied PyTorch script, keyboard use, and nothing exported while
// the settings are invalid. (The scripts themselves run in PyTorch in tests/torch/export.test.mjs.)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

// Clicks `button` and returns the file it downloads: {name, bytes}.
async function downloadOf(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

for (const where of ['http', 'file']) {
  test(`a function chart exports PNG, CSV and code (${where})`, async () => {
    const { page, context, problems } = await harness.open(where === 'http' ? `${harness.url}en/index.html` : harness.fileUrl.replace(/index\.html$/, 'en/index.html'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const figure = '#fn-leaky_relu [data-figure="curve"]';
    await page.locator(figure).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${figure}[data-mounted]`);
    await page.check(`${figure} .derivative-toggle`);
    // From the keyboard: focus the menu's summary, open it with Enter.
    await page.focus(`${figure} .export-menu summary`);
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute(`${figure} .export-menu`, 'open'), '');

    const csv = await downloadOf(page, `${figure} .export-csv`);
    assert.equal(csv.name, 'leaky_relu.csv');
    const [header, ...rows] = csv.bytes.toString('utf8').trimEnd().split('\n');
    assert.equal(header, "x,leaky_relu(x; negative_slope=0.01),leaky_relu'(x; negative_slope=0.01)");
    assert.ok(rows.length >= 100, `${rows.length} samples`);
    for (const line of rows) {
      const [x, f, df] = line.split(',').map(Number);
      assert.equal(f, x > 0 ? x : 0.01 * x, line);
      assert.equal(df, x > 0 ? 1 : 0.01, line);
    }
    const range = await page.evaluate(() => window.activationLab.catalogue().find((r) => r.id === 'leaky_relu').range);
    assert.deepEqual([Number(rows[0].split(',')[0]), Number(rows.at(-1).split(',')[0])], range, 'the x range shown');

    const png = await downloadOf(page, `${figure} .export-png`);
    assert.equal(png.name, 'leaky_relu.png');
    assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
    // Twice the canvas's pixels on screen (±1: Chart.js rounds fractional CSS widths at each ratio).
    const [screenWidth, cssWidth] = await page.$eval(`${figure} canvas`, (c) => [c.width, c.clientWidth * window.devicePixelRatio]);
    assert.ok(Math.abs(png.bytes.readUInt32BE(16) - 2 * screenWidth) <= 1, `PNG ${png.bytes.readUInt32BE(16)} px wide, screen ${screenWidth}`);
    assert.ok(Math.abs(screenWidth - cssWidth) <= 1, 'the chart is back at screen resolution');

    await page.click(`${figure} .export-code`);
    await page.waitForFunction((f) => document.querySelector(`${f} .export-status`).textContent !== '', figure);
    const script = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(script, /torch\.nn\.functional\.leaky_relu\(x, negative_slope=0\.01\)/);
    assert.match(script, /torch\.autograd\.grad/);
    assert.match(await page.textContent(`${figure} .export-status`), /Copied/);
    // Where the clipboard refuses, the script is downloaded instead, and the menu says so.
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
    const file = await downloadOf(page, `${figure} .export-code`);
    assert.equal(file.name, 'leaky_relu.py');
    assert.equal(file.bytes.toString('utf8'), script);
    assert.match(await page.textContent(`${figure} .export-status`), /leaky_relu\.py/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the compare chart exports the curves it shows; nothing is exported while parameters are invalid', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?compare=relu,gelu&compare.d=1&lang=zh`);
  const figure = '[data-figure="compare"]';
  await page.locator(figure).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${figure}[data-mounted]`);
  assert.equal((await page.textContent(`${figure} .export-menu summary`)).trim(), '导出');
  await page.click(`${figure} .export-menu summary`);
  const csv = await downloadOf(page, `${figure} .export-csv`);
  assert.equal(csv.bytes.toString('utf8').split('\n')[0], "x,relu'(x),gelu'(x)");

  const section = '#fn-hardtanh [data-figure="curve"]';
  await page.locator(section).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${section}[data-mounted]`);
  await page.$eval(`${section} input[data-param="min_val"]`, (s) => {
    s.value = '3';
    s.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.click(`${section} .export-menu summary`);
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.click(`${section} .export-csv`);
  await page.waitForTimeout(300);
  assert.equal(downloaded, false);
  assert.match(await page.textContent(`${section} .export-status`), /无法导出/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the neuron and the demos\' charts export too; the demos offer no script and say why', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html?neuron.fn=tanh&neuron.x1=1&neuron.w1=2`);
  await page.waitForSelector('[data-figure="neuron"][data-mounted]');
  await page.click('[data-figure="neuron"] .export-menu summary');
  const csv = await downloadOf(page, '[data-figure="neuron"] .export-csv');
  assert.equal(csv.name, 'neuron-tanh.csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(lines[0], 'z,tanh(z),neuron');
  const [z, f, marked] = lines.at(-1).split(',').map(Number);
  assert.equal(marked, 1);
  assert.equal(z, Number(await page.getAttribute('.neuron-z', 'data-value')));
  assert.equal(f, Number(await page.getAttribute('.neuron-out', 'data-value')));

  const demo = '[data-demo="vanishing"]';
  await page.locator(demo).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${demo}[data-mounted]`);
  await page.click(`${demo} .export-menu summary`);
  assert.equal(await page.locator(`${demo} .export-code`).count(), 0);
  assert.match(await page.textContent(`${demo} .export-menu`), /No script for this demo/);
  const data = await downloadOf(page, `${demo} .export-csv`);
  assert.equal(data.name, 'vanishing-gradients.csv');
  const [header, ...rows] = data.bytes.toString('utf8').trimEnd().split('\n');
  assert.match(header, /^series,/);
  assert.ok(rows.length >= 2);
  const png = await downloadOf(page, `${demo} .export-png`);
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual(problems, []);
  await context.close();
});
