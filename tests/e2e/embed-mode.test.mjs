// Embed mode (?embed=1): each part shows alone, without the lesson text; hide= removes controls; lock=1
// disables them with the state fixed by the URL; hostile parameters change nothing but fall back to defaults.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasIsDrawn, startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const visible = (page, selector) => page.$$eval(selector, (all) => all.filter((n) => n.getClientRects().length > 0).length);

// Opens an embed URL and waits for its figure to be mounted.
async function openEmbed(query, figureSelector) {
  const opened = await harness.open(`${harness.url}?${query}`, { width: 720, height: 700 });
  await opened.page.waitForSelector(`${figureSelector}[data-mounted="true"]`);
  return opened;
}

const parts = [
  { query: 'embed=1&part=fn&fn=relu', figure: '[data-figure="curve"][data-fn="relu"]', heading: 'ReLU' },
  { query: 'embed=1&part=fn&fn=gelu', figure: '[data-figure="curve"][data-fn="gelu"]', heading: 'GELU' },
  { query: 'embed=1&part=try&fn=sigmoid', figure: '[data-figure="try-it"][data-fn="sigmoid"]', heading: 'Sigmoid' },
  { query: 'embed=1&part=neuron', figure: '[data-figure="neuron"]' },
  { query: 'embed=1&section=compare', figure: '[data-figure="compare"]' },
  { query: 'embed=1&part=summary', figure: '[data-figure="summary"]' },
];

for (const { query, figure, heading } of parts) {
  test(`?${query} shows that part only`, async () => {
    const { page, context, problems } = await openEmbed(query, figure);
    try {
      assert.equal(await visible(page, '[data-figure]'), 1, 'one figure visible');
      assert.equal(await visible(page, figure), 1, 'the chosen one');
      assert.equal(await visible(page, '.prose, .fn-summary, .fn-detail, .facts, .tagline, .lang-switch, .toc, .page-footer'), 0, 'no lesson text');
      assert.ok(await page.$eval('h1', (h) => h.getBoundingClientRect().height <= 1), 'the page title is there for screen readers only');
      assert.equal(await visible(page, '.embed-button'), 0, 'no embed buttons inside an embed');
      if (heading) assert.equal((await page.locator('h2, h3, h4').filter({ visible: true }).first().textContent()).trim(), heading);
      const canvas = `${figure} canvas`;
      if (await page.locator(canvas).count()) assert.ok(await canvasIsDrawn(page, canvas), 'its chart is drawn');
      assert.equal(await page.locator('.embed-credit a').getAttribute('target'), '_blank');
      assert.ok(!(await page.locator('.embed-credit a').getAttribute('href')).includes('embed='), 'the full-lesson link leaves embed mode');
      // Only the embedded part's figures were built: the rest of the page stays idle.
      assert.equal(await page.locator('[data-figure][data-mounted="true"]').count(), 1);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('demos registered on the page can each be embedded alone', async () => {
  const { page, context } = await harness.open(harness.url);
  const demoIds = await page.$$eval('.embed-button[data-embed-part="demo"]', (all) => all.map((b) => b.dataset.embedTarget));
  await context.close();
  for (const id of demoIds) {
    const opened = await openEmbed(`embed=1&part=demo&demo=${id}`, `[data-demo="${id}"]`);
    assert.equal(await visible(opened.page, '[data-figure]'), 1, id);
    assert.deepEqual(opened.problems, [], id);
    await opened.context.close();
  }
});

test('hide= removes the named controls and keeps the others', async () => {
  const figure = '[data-figure="curve"][data-fn="leaky_relu"]';
  const { page, context, problems } = await openEmbed('embed=1&part=fn&fn=leaky_relu&hide=range,table,negative_slope,reset', figure);
  try {
    assert.equal(await visible(page, `${figure} .range-box`), 0, 'range hidden');
    assert.equal(await visible(page, `${figure} .data-table`), 0, 'data table hidden');
    assert.equal(await visible(page, `${figure} input[data-param="negative_slope"]`), 0, 'slope slider hidden');
    assert.equal(await visible(page, `${figure} .reset`), 0, 'reset hidden');
    assert.equal(await visible(page, `${figure} .derivative-toggle`), 1, 'derivative toggle still there');
    await page.check(`${figure} .derivative-toggle`);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('leaky_relu.d') === '1');
    const search = new URLSearchParams(await page.evaluate(() => location.search));
    assert.equal(search.get('embed'), '1', 'the URL keeps embed mode when the state is written back');
    assert.equal(search.get('hide'), 'range,table,negative_slope,reset');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('hide= on the neuron hides the named sliders and the menu', async () => {
  const { page, context } = await openEmbed('embed=1&part=neuron&hide=weights,b,activation', '[data-figure="neuron"]');
  try {
    for (const name of ['w1', 'w2', 'w3', 'b']) assert.equal(await visible(page, `input[data-neuron="${name}"]`), 0, name);
    for (const name of ['x1', 'x2', 'x3']) assert.equal(await visible(page, `input[data-neuron="${name}"]`), 1, name);
    assert.equal(await visible(page, '#neuron-fn'), 0);
  } finally {
    await context.close();
  }
});

test('lock=1 shows the controls disabled with the values from the URL, and they cannot change the chart', async () => {
  const figure = '[data-figure="curve"][data-fn="leaky_relu"]';
  const { page, context, problems } = await openEmbed('embed=1&part=fn&fn=leaky_relu&leaky_relu.negative_slope=0.25&leaky_relu.d=1&lock=1', figure);
  try {
    const slope = page.locator(`${figure} input[data-param="negative_slope"]`);
    assert.equal(await slope.inputValue(), '0.25');
    assert.ok(await slope.isDisabled());
    const toggle = page.locator(`${figure} .derivative-toggle`);
    assert.ok(await toggle.isChecked());
    assert.ok(await toggle.isDisabled());
    const enabled = await page.$$eval(`${figure} input, ${figure} button, ${figure} select`, (all) => all.filter((c) => !c.disabled).length);
    assert.equal(enabled, 0, 'every control is disabled');
    await page.locator(`${figure} .derivative-toggle`).click({ force: true });
    assert.ok(await toggle.isChecked(), 'a click on a locked toggle does nothing');
    assert.equal(await visible(page, '.embed-locked-note'), 1, 'the student is told why');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('lock=1 on the neuron fixes the question the teacher set', async () => {
  const { page, context } = await openEmbed('embed=1&part=neuron&neuron.fn=sigmoid&neuron.x1=2&neuron.w1=1.5&lock=1', '[data-figure="neuron"]');
  try {
    assert.equal(await page.locator('#neuron-fn').inputValue(), 'sigmoid');
    assert.ok(await page.locator('#neuron-fn').isDisabled());
    assert.equal(await page.locator('input[data-neuron="x1"]').inputValue(), '2');
    assert.equal(await page.$$eval('[data-figure="neuron"] input', (all) => all.every((i) => i.disabled)), true);
  } finally {
    await context.close();
  }
});

// A teacher fixes a demo's question (spirals, tanh) and the students run it: settings locked, play enabled.
test('lock=1 on a demo fixes its settings but the students can still run it', async () => {
  const demo = '[data-demo="nonlinearity"]';
  const { page, context, problems } = await openEmbed('embed=1&part=demo&demo=nonlinearity&nonlinearity.dataset=spirals' +
    '&nonlinearity.activation=tanh&lock=1', demo);
  try {
    for (const control of ['dataset', 'activation']) assert.ok(await page.locator(`${demo} [data-control="${control}"]`).isDisabled(), control);
    assert.equal(await page.locator(`${demo} [data-control="dataset"]`).inputValue(), 'spirals');
    for (const control of ['play', 'step', 'reset']) assert.ok(await page.locator(`${demo} [data-control="${control}"]`).isEnabled(), control);
    await page.click(`${demo} [data-control="step"]`);
    await page.click(`${demo} [data-control="step"]`);
    assert.equal(await page.getAttribute(`${demo} [data-readout="chosen"]`, 'data-epoch'), '2', 'two epochs trained');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('hide= names a demo\'s settings too', async () => {
  const demo = '[data-demo="vanishing"]';
  const { page, context, problems } = await openEmbed('embed=1&part=demo&demo=vanishing&vanishing.depth=12&hide=activation,init,depth', demo);
  try {
    for (const control of ['activation', 'init', 'depth']) {
      assert.equal(await visible(page, `${demo} [data-control="${control}"]`), 0, `${control} hidden`);
    }
    assert.equal(await visible(page, `${demo} .demo-field label, ${demo} .slider label`), 0, 'their labels go with them');
    assert.equal(await page.locator(`${demo} details tbody tr`).count(), 12, 'the hidden depth still applies');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('hostile embed parameters fall back to defaults and inject nothing', async () => {
  const evil = encodeURIComponent('<img src=x onerror="window.pwned=1">');
  const query = `embed=1&part=${evil}&fn=${evil}&hide=${evil},range&lock=${evil}&id=${evil}&demo=${evil}`;
  const { page, context, problems } = await openEmbed(query, '[data-figure="curve"][data-fn="relu"]');
  try {
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator('img').count(), 0, 'no injected element');
    assert.equal(await visible(page, '[data-figure]'), 1, 'the default part (ReLU) is shown');
    assert.equal(await visible(page, '[data-fn="relu"] .range-box'), 0, 'the valid hide name still applies');
    assert.ok(!(await page.locator('[data-fn="relu"] .derivative-toggle').isDisabled()), 'not locked');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
