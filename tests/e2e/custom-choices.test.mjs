// The reader's formula wherever a catalogue function can be chosen, in Chromium: the neuron computes f(z) with
// it, the non-linearity demo and the lab train with it, the vanishing-gradient demo measures it, each from a
// link; a formula with no finite value where a unit's input can be is refused with the reason (both
// languages), training stays off and nothing breaks. No console error, no CSP violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const q = (params) => new URLSearchParams(params).toString();

async function mounted(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${selector}[data-mounted="true"]`, { timeout: 20000 });
}

test('the neuron: f(z) of the reader\'s formula, with its parameter', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html?${q({ 'neuron.fn': 'custom', custom: 'k * x + x^2', 'custom.params': 'k:3' })}`);
  await page.locator('#neuron-fn').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.neuron-out')?.dataset.value !== '', null, { timeout: 20000 });
  const { z, f, choice } = await page.evaluate(() => ({
    z: Number(document.querySelector('.neuron-z').dataset.value),
    f: Number(document.querySelector('.neuron-out').dataset.value),
    choice: document.querySelector('#neuron-fn').selectedOptions[0].textContent,
  }));
  assert.ok(Number.isFinite(z));
  assert.ok(Math.abs(f - (3 * z + z * z)) < 1e-12, `f(${z}) = ${f}`);
  assert.equal(choice, 'Your f(x)');
  // The curve beside it is the formula too, sampled across the chart.
  const curve = await page.$eval('[data-figure="neuron"] canvas', (c) => window.Chart.getChart(c).data.datasets[0].$points.map((p) => [p.x, p.y]));
  assert.ok(curve.length >= 100, `${curve.length} points`);
  for (const [x, y] of curve) assert.ok(Math.abs(y - (3 * x + x * x)) <= 1e-12 * Math.max(1, Math.abs(y)), `f(${x}) = ${y}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the non-linearity demo trains with the formula, as with the built-in function it writes', async () => {
  const demo = '[data-demo="nonlinearity"]';
  const accuracyAfter = async (params) => {
    const { page, context, problems } = await harness.open(`${harness.url}en/index.html?${q(params)}`, { lazy: true });
    await mounted(page, demo);
    for (let k = 0; k < 15; k++) await page.click(`${demo} [data-control="step"]`);
    const r = await page.evaluate((s) => ({
      accuracy: Number(document.querySelector(`${s} [data-readout="chosen"]`).dataset.accuracy),
      epoch: Number(document.querySelector(`${s} [data-readout="chosen"]`).dataset.epoch),
      refused: !document.querySelector(`${s} [data-readout="refused"]`).hidden,
      title: document.querySelector(`${s} [data-panel="chosen"] h4`).textContent,
    }), demo);
    assert.deepEqual(problems, []);
    await context.close();
    return r;
  };
  const mine = await accuracyAfter({ 'nonlinearity.activation': 'custom', custom: 'max(0, x)', 'nonlinearity.dataset': 'xor' });
  const relu = await accuracyAfter({ 'nonlinearity.activation': 'relu', 'nonlinearity.dataset': 'xor' });
  assert.equal(mine.refused, false);
  assert.equal(mine.epoch, 15);
  assert.match(mine.title, /Your f\(x\)/);
  assert.ok(Math.abs(mine.accuracy - relu.accuracy) < 1e-9, `${mine.accuracy} vs ReLU ${relu.accuracy}`);
  assert.ok(mine.accuracy > 0.8, `XOR learnt to ${mine.accuracy}`);
});

test('a formula that is not finite on the data is refused with the reason, in both languages; training stays off', async () => {
  const demo = '[data-demo="nonlinearity"]';
  for (const [lang, pattern] of [['en', /Training refused.*for x from about −20 to 0\b/], ['zh', /拒绝训练.*在 x 约从 −20 到 0 的范围内/]]) {
    const path = lang === 'en' ? 'en/index.html' : 'index.html';
    const { page, context, problems } = await harness.open(`${harness.url}${path}?${q({ 'nonlinearity.activation': 'custom', custom: 'log(x)' })}`, { lazy: true });
    await mounted(page, demo);
    const refusal = await page.$eval(`${demo} [data-readout="refused"]`, (e) => ({ hidden: e.hidden, text: e.textContent, role: e.getAttribute('role') }));
    assert.equal(refusal.hidden, false);
    assert.equal(refusal.role, 'alert');
    assert.match(refusal.text, pattern);
    assert.equal(await page.$eval(`${demo} [data-control="step"]`, (b) => b.disabled), true);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the lab: a layer with the formula trains; a refused formula keeps training off and says why', async () => {
  const LAB = '[data-demo="lab"]';
  let { page, context, problems } = await harness.open(`${harness.url}en/index.html?${q({ 'lab.layers': '4,4', 'lab.act': 'custom,tanh', custom: 'x * tanh(softplus(x))', 'lab.lr': '0.1' })}`, { lazy: true });
  await mounted(page, LAB);
  for (let k = 0; k < 5; k++) await page.click(`${LAB} [data-control="step"]`);
  assert.equal(await page.$eval(LAB, (e) => Number(e.dataset.epoch)), 5);
  assert.ok(Number.isFinite(await page.$eval(`${LAB} [data-readout="result"]`, (e) => Number(e.dataset.trainLoss))));
  assert.match(await page.$eval(`${LAB} .lab-stats tbody tr`, (r) => r.textContent), /Your f\(x\)/);
  assert.equal(await page.$eval(`${LAB} [data-readout="refused"]`, (e) => e.hidden), true);
  assert.deepEqual(problems, []);
  await context.close();

  ({ page, context, problems } = await harness.open(`${harness.url}en/index.html?${q({ 'lab.act': 'custom', custom: '1 / x' })}`, { lazy: true }));
  await mounted(page, LAB);
  assert.match(await page.$eval(`${LAB} [data-readout="refused"]`, (e) => e.textContent), /Training refused.*at x = 0\./);
  assert.equal(await page.$eval(`${LAB} [data-control="step"]`, (b) => b.disabled), true);
  assert.equal(await page.$eval(`${LAB} [data-control="play"]`, (b) => b.disabled), true);
  await page.$eval(`${LAB} [data-control="step"]`, (b) => b.click());  // a disabled button does nothing
  assert.equal(await page.$eval(LAB, (e) => Number(e.dataset.epoch)), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the vanishing-gradient demo measures the formula as the built-in function it writes', async () => {
  const demo = '[data-demo="vanishing"]';
  const ratio = async (params) => {
    const { page, context, problems } = await harness.open(`${harness.url}en/index.html?${q(params)}`, { lazy: true });
    await mounted(page, demo);
    const r = await page.$eval(`${demo} [data-readout="vanishing"]`, (e) => ({ ratio: Number(e.dataset.ratio), text: e.textContent }));
    assert.deepEqual(problems, []);
    await context.close();
    return r;
  };
  const mine = await ratio({ 'vanishing.activation': 'custom', custom: '1 / (1 + exp(-x))' });
  const sigmoid = await ratio({ 'vanishing.activation': 'sigmoid' });
  assert.ok(Math.abs(mine.ratio / sigmoid.ratio - 1) < 1e-9, `${mine.ratio} vs ${sigmoid.ratio}`);
  assert.match(mine.text, /Your f\(x\)/);
});
