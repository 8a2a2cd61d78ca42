// The lesson in Chromium: its sections in both languages, the try-it box and its threshold, the crosshair,
// shareable URLs that restore the view, hostile URL parameters, and messages for invalid input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasFingerprint, canvasIsDrawn, followLink, startHarness, waitForAllFigures } from './harness.mjs';

const sections = ['neuron', 'activation', 'why', 'four', 'family', 'compare', 'summary'];
const hasChinese = (text) => /[\u4e00-\u9fff]/.test(text);
let harness;

before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

for (const lang of ['en', 'zh']) {
  test(`every section of the lesson is there in ${lang}`, async () => {
    const { page, context, problems } = await harness.open(`${harness.url}?lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
    for (const id of sections) {
      const heading = (await page.textContent(`#${id} h2`)).trim();
      assert.ok(heading, `#${id} has a heading`);
      assert.equal(hasChinese(heading), lang === 'zh', `#${id} heading "${heading}" is in ${lang}`);
    }
    for (const reason of ['nonlinearity', 'vanishing', 'symmetry', 'output-range']) {
      assert.equal(await page.locator(`#why-${reason} [data-demo="${reason}"]`).count(), 1, `${reason} has a demo slot`);
    }
    assert.equal(await page.locator('#why .correction').count(), 2, 'two correction notes');
    const summary = (await page.textContent('#fn-sigmoid .fn-summary')).trim();
    assert.equal(hasChinese(summary), lang === 'zh');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the root page is Chinese whatever the browser says, and the language link opens the English page with the view', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?leaky_relu.negative_slope=0.2`, { locale: 'en-US' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('a[data-lang="zh"]', 'aria-current'), 'page');
  await followLink(page, 'a[data-lang="en"]');
  assert.equal(new URL(page.url()).pathname, '/en/index.html');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('a[data-lang="en"]', 'aria-current'), 'page');
  assert.ok(!hasChinese(await page.textContent('#neuron h2')));
  assert.equal(await page.inputValue('#fn-leaky_relu input[data-param="negative_slope"]'), '0.2', 'the view came along');
  await page.waitForFunction(() => location.search.includes('lang=en'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the sigmoid try-it box shows sigmoid(x) of the x it shows, and new draws change x', async () => {
  const { page, context } = await harness.open(harness.url);
  const box = '#fn-sigmoid [data-figure="try-it"]';
  await page.locator(box).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${box}[data-mounted]`);
  const read = () => page.$$eval(`${box} tbody tr`, (rows) => rows.map((r) => ({
    x: Number(r.querySelector('.try-x').dataset.value), xText: r.querySelector('.try-x').textContent,
    y: Number(r.querySelector('.try-y').dataset.value), yText: r.querySelector('.try-y').textContent,
    label: r.querySelector('.try-label').textContent,
  })));
  const first = await read();
  assert.equal(first.length, 4, 'four inputs, like torch.randn(4)');
  for (const { x, xText, y, yText } of first) {
    const expected = Math.fround(1 / (1 + Math.exp(-x)));  // y is float32, as torch computes it
    assert.ok(Math.abs(y - expected) <= 2 ** -24 * expected, `sigmoid(${x}) = ${expected}, shown ${y}`);
    assert.equal(x, Math.fround(x), 'x is a float32, as torch.randn draws it');
    assert.equal(xText, x.toFixed(4));
    assert.equal(yText, y.toFixed(4));
  }
  assert.match(await page.textContent(`${box} .try-code code`), /torch\.randn\(4\)[\s\S]*torch\.sigmoid\(x\)[\s\S]*> 0\.5/);
  await page.click(`${box} button.draw`);
  const second = await read();
  assert.notDeepEqual(second.map((r) => r.x), first.map((r) => r.x));
  await page.fill(`${box} .try-count`, '6');
  await page.press(`${box} .try-count`, 'Enter');
  assert.equal((await read()).length, 6);

  for (const threshold of ['0.3', '0.5', '0.8']) {
    await page.locator(`${box} input.try-threshold`).fill(threshold);
    for (const { y, label } of await read()) assert.equal(label, y > Number(threshold) ? '1' : '0', `label of ${y} at ${threshold}`);
  }
  await context.close();
});

// Rows are rewritten in place when only values change, rebuilt when the count does: both must show the new numbers.
test('the leaky ReLU try-it box follows the slope slider and the input count', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const section = '#fn-leaky_relu';
  const box = `${section} [data-figure="try-it"]`;
  await page.locator(box).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${box}[data-mounted]`);
  const read = () => page.$$eval(`${box} tbody tr`, (rows) => rows.map((r) => ({
    index: r.cells[0].textContent, x: Number(r.querySelector('.try-x').dataset.value),
    y: Number(r.querySelector('.try-y').dataset.value), yText: r.querySelector('.try-y').textContent,
  })));
  const check = (rows, slope) => rows.forEach(({ index, x, y, yText }, i) => {
    assert.equal(index, String(i));
    assert.equal(y, Math.fround(x > 0 ? x : slope * x), `leaky_relu(${x}) with slope ${slope}`);
    assert.equal(yText, y.toFixed(4));
  });
  await page.fill(`${box} .try-count`, '8');
  await page.press(`${box} .try-count`, 'Enter');
  const before = await read();
  assert.equal(before.length, 8);
  assert.ok(before.some((r) => r.x < 0), 'the seed draws a negative x');
  await page.$eval(`${section} [data-figure="curve"] input[data-param="negative_slope"]`, (slider) => {
    slider.value = '0.5';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const after = await read();
  check(after, 0.5);
  assert.deepEqual(after.map((r) => r.x), before.map((r) => r.x), 'the same inputs, new outputs');
  await page.fill(`${box} .try-count`, '3');
  await page.press(`${box} .try-count`, 'Enter');
  const fewer = await read();
  assert.equal(fewer.length, 3);
  check(fewer, 0.5);
  assert.deepEqual(problems, []);
  await context.close();
});

// Keyboard users get the same crosshair: Tab to the chart, arrow keys move it, the readout is announced.
test('the crosshair moves from the keyboard, and its readout is announced while the chart has focus', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const figure = '#fn-sigmoid [data-figure="curve"]';
  const canvas = page.locator(`${figure} canvas`);
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${figure}[data-mounted="true"]`);
  const withoutCrosshair = await canvasFingerprint(page, `${figure} canvas`);
  await canvas.focus();
  assert.equal(await page.getAttribute(`${figure} .readout`, 'aria-live'), 'polite');
  const read = async () => {
    const text = (await page.textContent(`${figure} .readout`)).replace(/−/g, '-');
    const [, x, f, df] = text.match(/x = (\S+)\s+f\(x\) = (\S+)\s+f′\(x\) = (\S+)/);
    return { x: Number(x), f: Number(f), df: Number(df) };
  };
  await page.keyboard.press('ArrowRight');
  assert.equal((await read()).x, 0, 'the first key press shows the crosshair at x = 0');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  const { x, f, df } = await read();
  // The sigmoid's axis spans 10 (−5 to 5): ten steps of 1/100 and one Shift step of 1/10 make x = 2.
  assert.ok(Math.abs(x - 2) < 0.05, `ten steps and one big step right of 0: x = ${x}`);
  const s = 1 / (1 + Math.exp(-x));
  assert.ok(Math.abs(f - s) < 1e-3 && Math.abs(df - s * (1 - s)) < 1e-3, `sigmoid and its slope at ${x}`);
  await page.keyboard.press('Home');
  assert.ok((await read()).x < -4, 'Home goes to the left end');
  await page.keyboard.press('Escape');
  assert.ok(!/x = /.test(await page.textContent(`${figure} .readout`)), 'Escape hides it');
  // Each move redraws the chart (the curve over a saved copy of its axes): no line is left where it was.
  assert.equal(await canvasFingerprint(page, `${figure} canvas`), withoutCrosshair, 'and leaves the chart as it was');
  await page.keyboard.press('Tab');
  assert.equal(await page.getAttribute(`${figure} .readout`, 'aria-live'), 'off', 'quiet again after the chart loses focus');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the crosshair reads x, f(x) and f′(x) from the module', async () => {
  const { page, context } = await harness.open(harness.url);
  const canvas = page.locator('#fn-relu [data-figure="curve"] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const boxRect = await canvas.boundingBox();
  await page.mouse.move(boxRect.x + boxRect.width * 0.8, boxRect.y + boxRect.height / 2);
  const text = await page.textContent('#fn-relu .readout');
  const [, x, f, df] = text.replace(/−/g, '-').match(/x = (\S+)\s+f\(x\) = (\S+)\s+f′\(x\) = (\S+)/);
  assert.ok(Number(x) > 0);
  assert.ok(Math.abs(Number(f) - Number(x)) < 1e-3, text);
  assert.equal(df, '1');

  await waitForAllFigures(page);
  const compare = page.locator('[data-figure="compare"] canvas');
  await compare.scrollIntoViewIfNeeded();
  const rect = await compare.boundingBox();
  await page.mouse.move(rect.x + rect.width * 0.3, rect.y + rect.height / 2);
  const lines = (await page.textContent('[data-figure="compare"] .readout')).replace(/−/g, '-').split('\n');
  const at = Number(lines[0].match(/x = (\S+)/)[1]);
  const sigmoid = lines.find((line) => line.startsWith('Sigmoid:')).match(/f = (\S+), f′ = (\S+)/);
  assert.ok(Math.abs(Number(sigmoid[1]) - 1 / (1 + Math.exp(-at))) < 1e-3, lines.join(' | '));
  const s = 1 / (1 + Math.exp(-at));
  assert.ok(Math.abs(Number(sigmoid[2]) - s * (1 - s)) < 1e-3, 'the slope too');
  await context.close();
});

test('a shared link restores the view, carried to the other language by its link', async () => {
  const { page, context } = await harness.open(`${harness.url}en/index.html`);
  await page.waitForSelector('#fn-leaky_relu [data-mounted]');
  await page.locator('#fn-leaky_relu input[data-param="negative_slope"]').fill('0.3');
  await page.locator('#fn-relu .derivative-toggle').check();
  await page.locator('#fn-tanh .range-box summary').click();
  await page.fill('#fn-tanh .range-fields input >> nth=0', '-3');
  await page.fill('#fn-tanh .range-fields input >> nth=1', '2.5');
  await page.press('#fn-tanh .range-fields input >> nth=1', 'Enter');
  await page.selectOption('#neuron-fn', 'sigmoid');
  await page.locator('input[data-neuron="x1"]').fill('2.5');
  await page.locator('#fn-sigmoid input.try-threshold').fill('0.7');
  await waitForAllFigures(page);
  await page.locator('.compare-pickers input[value="gelu"]').check();
  await page.click('th[data-column="use"] button');
  await page.waitForFunction(() => location.search.includes('gelu') && location.search.includes('sort=use'), null, { timeout: 5000 })
    .catch(() => assert.fail(`the URL did not follow: ${page.url()}`));
  await followLink(page, 'a[data-lang="zh"]');
  await page.waitForFunction(() => location.search.includes('lang=zh') && location.search.includes('gelu'));
  const link = page.url();

  const again = await harness.open(link);
  const p = again.page;
  await waitForAllFigures(p);
  assert.equal(await p.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await p.inputValue('#fn-leaky_relu input[data-param="negative_slope"]'), '0.3');
  assert.ok(await p.isChecked('#fn-relu .derivative-toggle'));
  assert.equal(await p.inputValue('#fn-tanh .range-fields input >> nth=0'), '-3');
  assert.equal(await p.inputValue('#fn-tanh .range-fields input >> nth=1'), '2.5');
  assert.equal(await p.inputValue('#neuron-fn'), 'sigmoid');
  assert.equal(await p.inputValue('input[data-neuron="x1"]'), '2.5');
  assert.equal(await p.inputValue('#fn-sigmoid input.try-threshold'), '0.7');
  const compared = await p.$$eval('.compare-pickers input:checked', (boxes) => boxes.map((b) => b.value));
  assert.deepEqual(compared.sort(), ['gelu', 'leaky_relu', 'relu', 'sigmoid', 'tanh']);
  assert.equal(await p.getAttribute('th[data-column="use"]', 'aria-sort'), 'ascending');
  assert.deepEqual(again.problems, []);
  await again.context.close();
  await context.close();
});

// The function sections are built after the first curve is painted, so the browser cannot find a link's target
// by itself: the page scrolls there once it is built, and the target stays put while the figures above it mount.
test('a deep link lands on its part, and stays there while the page fills in', async () => {
  for (const [address, target] of [['#fn-gelu', '#fn-gelu'], ['?lang=zh#fn-elu', '#fn-elu'], ['?section=family', '#family'],
    ['#compare', '#compare'], ['#summary', '#summary'], ['?section=why-vanishing', '#why-vanishing']]) {
    for (const width of [1280, 360]) {
      const { page, context, problems } = await harness.open(`${harness.url}${address}`, { width, height: 800 });
      await waitForAllFigures(page);
      await page.waitForTimeout(200);
      const top = await page.$eval(target, (element) => element.getBoundingClientRect().top);
      assert.ok(Math.abs(top) <= 2, `${address} at ${width} px: ${target} is ${top} px from the top of the window`);
      if (target.startsWith('#fn-')) {
        assert.ok(await page.locator(`${target} .formula math`).count() >= 1, `${target} shows its formula`);
        assert.ok(await canvasIsDrawn(page, `${target} [data-figure="curve"] canvas`), `${target} shows its chart`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

// The pin on a linked part lets go as soon as the reader scrolls: the page never pulls them back.
test('scrolling right after opening a deep link is not undone', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}#fn-gelu`, { width: 1280, height: 800 });
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 600);
  await page.waitForFunction(() => document.getElementById('fn-gelu').getBoundingClientRect().top < -300);
  await waitForAllFigures(page);
  await page.waitForTimeout(300);
  const top = await page.$eval('#fn-gelu', (element) => element.getBoundingClientRect().top);
  assert.ok(top < -300, `the reader scrolled down, but #fn-gelu came back to ${top} px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile or malformed URL parameters are ignored and inject nothing', async () => {
  const hostile = new URLSearchParams({
    fn: '<script>window.__pwned=1</script>', lang: 'javascript:alert(1)', 'relu.lo': '1e400', 'relu.hi': '-1e999',
    'leaky_relu.negative_slope': '99999', 'neuron.fn': '<img src=x onerror="window.__pwned=1">', 'neuron.x1': 'NaN',
    compare: '<b>bold</b>,relu,__proto__', section: '"><svg onload="window.__pwned=1">', 'table.sort': 'constructor',
    __proto__: '{"polluted":1}', 'sigmoid.seed': '-5', 'sigmoid.n': '500', 'relu.n': '1e999', 'tanh.lo': '3', 'tanh.hi': '1',
  });
  const { page, context, problems } = await harness.open(`${harness.url}?${hostile}`);
  await waitForAllFigures(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img, svg[onload], [onerror], [onload], b').count(), 0);
  assert.equal(await page.locator('script').count(), 4, 'only the page\'s own four scripts (boot.js in <head>, three at the end)');
  assert.equal(await page.evaluate(() => ({}).polluted), undefined);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', 'the root page stays Chinese');
  assert.equal(await page.inputValue('#fn-leaky_relu input[data-param="negative_slope"]'), '1', 'clamped to the maximum');
  assert.equal(await page.inputValue('#neuron-fn'), 'relu');
  assert.equal(await page.inputValue('#fn-relu .range-fields input >> nth=0'), '-5');
  assert.equal(await page.inputValue('#fn-tanh .range-fields input >> nth=0'), '-6', 'a reversed range falls back');
  assert.equal(await page.locator('#fn-sigmoid .try-table tbody tr').count(), 20, 'the input count is clamped');
  assert.equal(await page.locator('#fn-relu .try-table tbody tr').count(), 4, 'an absurd count is ignored');
  const compared = await page.$$eval('.compare-pickers input:checked', (boxes) => boxes.map((b) => b.value));
  assert.deepEqual(compared, ['relu']);
  const text = await page.textContent('body');
  assert.ok(!text.includes('<script>') && !text.includes('onerror') && !text.includes('<b>'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('invalid input shows a message next to the field and keeps the last good chart', async () => {
  const { page, context, problems } = await harness.open(harness.url);
  const fn = '#fn-relu';
  const canvas = `${fn} [data-figure="curve"] canvas`;
  await page.locator(canvas).scrollIntoViewIfNeeded();
  await page.locator(`${fn} .range-box summary`).click();
  const from = `${fn} .range-fields input >> nth=0`;
  const to = `${fn} .range-fields input >> nth=1`;
  // What the chart shows: its curve and axes (a message takes room from the chart, which is drawn a little shorter).
  const shown = () => page.$eval(canvas, (c) => {
    const chart = window.Chart.getChart(c);
    return JSON.stringify([chart.data.datasets[0].$points, chart.options.scales.x.min, chart.options.scales.x.max]);
  });
  const good = await shown();
  const cases = [[from, ''], [from, 'abc'], [to, '1e400'], [from, '7']];
  for (const [field, value] of cases) {
    await page.fill(field, value);
    await page.press(field, 'Enter');
    const message = (await page.textContent(`${fn} .range-box .field-message`)).trim();
    assert.ok(message, `a message for "${value}"`);
    assert.equal(await page.getAttribute(field, 'aria-invalid'), '');
    assert.equal(await shown(), good, `the chart is kept for "${value}"`);
    await page.fill(from, '-5');
    await page.fill(to, '5');
    await page.press(to, 'Enter');
    assert.equal((await page.textContent(`${fn} .range-box .field-message`)).trim(), '');
  }
  const box = '#fn-sigmoid [data-figure="try-it"]';
  await page.locator(box).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${box}[data-mounted]`);
  for (const value of ['500', 'two', '1.5']) {
    await page.fill(`${box} .try-count`, value);
    await page.press(`${box} .try-count`, 'Enter');
    assert.ok((await page.textContent(`${box} .field-message`)).trim(), `a message for ${value} inputs`);
    assert.equal(await page.locator(`${box} tbody tr`).count(), 4, 'the last good table (four inputs by default) stays');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('controls work from the keyboard, and the summary table sorts', async () => {
  const { page, context } = await harness.open(harness.url);
  const x1 = page.locator('input[data-neuron="x1"]');
  await x1.focus();
  const before = Number(await x1.inputValue());
  const zBefore = await page.getAttribute('.neuron-z', 'data-value');
  await page.keyboard.press('ArrowRight');
  assert.ok(Number(await x1.inputValue()) > before);
  assert.notEqual(await page.getAttribute('.neuron-z', 'data-value'), zBefore, 'z follows the keyboard');
  await waitForAllFigures(page);
  const names = () => page.$$eval('.summary-table tbody tr', (rows) => rows.map((r) => r.dataset.fn));
  // Every function's row, and the reader's formula's computed one (custom-summary.test.mjs tests it).
  assert.equal((await names()).filter((id) => id !== 'custom').length, await page.locator('.fn-section').count());
  assert.ok((await names()).includes('custom'));
  await page.locator('th[data-column="name"] button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('th[data-column="name"]', 'aria-sort'), 'descending');
  const descending = await names();
  await page.keyboard.press('Enter');
  assert.deepEqual(await names(), [...descending].reverse());
  await context.close();
});
