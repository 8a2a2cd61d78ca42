// The training lab and the number-formats panel in Chromium: layer and unit buttons, per-layer
// activations, thumbnails (one per hidden unit, enlarged on focus), training, a NaN stop with its reset,
// the URL state round trip, own points by click, keyboard and CSV (bad rows refused whole), bad typed values
// (a message at the field, the last good state kept), the markers the module computes; both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasFingerprint, outputPath, startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const LAB = '[data-demo="lab"]';
const FORMATS = '[data-demo="number-formats"]';

async function openLab(page, selector = LAB) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${selector}[data-mounted="true"]`, { timeout: 20000 });
}

const epochOf = (page) => page.$eval(LAB, (e) => Number(e.dataset.epoch));
const searchOf = (page) => page.evaluate(() => location.search);
const waitForSearch = (page, text) => page.waitForFunction((t) => decodeURIComponent(location.search).includes(t), text, { timeout: 5000 });

test('layers and units: buttons add and remove them, one thumbnail per hidden unit, activation per layer', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`, { lazy: true });
  await openLab(page);
  const thumbs = () => page.$$eval(`${LAB} .lab-thumb`, (all) => all.length);
  assert.equal(await thumbs(), 8);  // default 4, 4
  await page.click(`${LAB} [data-control="add-layer"]`);
  assert.equal(await thumbs(), 12);
  await page.click(`${LAB} [data-control="add-unit-3"]`);
  assert.equal(await thumbs(), 13);
  await page.click(`${LAB} [data-control="remove-unit-1"]`);
  assert.equal(await thumbs(), 12);
  await page.selectOption(`${LAB} [data-control="activation-2"]`, 'relu');
  await waitForSearch(page, 'lab.act=tanh,relu,tanh');
  await waitForSearch(page, 'lab.layers=3,4,5');
  // Up to six layers, then the button is disabled; removing them all leaves logistic regression.
  for (let k = 0; k < 3; k++) await page.click(`${LAB} [data-control="add-layer"]`);
  assert.equal(await page.$$eval(`${LAB} .lab-column`, (c) => c.length), 6);
  assert.equal(await page.$eval(`${LAB} [data-control="add-layer"]`, (b) => b.disabled), true);
  // A click on the disabled button (forced past Playwright's wait for it to be enabled) adds nothing.
  await page.click(`${LAB} [data-control="add-layer"]`, { force: true });
  assert.equal(await page.$$eval(`${LAB} .lab-column`, (c) => c.length), 6);
  await waitForSearch(page, 'lab.layers=3,4,5,5,5,5');  // a new layer takes the units of the last one
  for (let k = 0; k < 6; k++) await page.click(`${LAB} [data-control="remove-layer"]`);
  assert.equal(await thumbs(), 0);
  assert.ok(await page.$(`${LAB} .lab-no-hidden`));
  // Every menu offers the catalogue's functions, as the other figures' menus do, and the reader's formula.
  await page.click(`${LAB} [data-control="add-layer"]`);
  const offered = await page.$$eval(`${LAB} [data-control="activation-1"] option`, (o) => o.map((x) => x.value));
  const catalogue = await page.evaluate(() => window.activationLab.catalogue().map((r) => r.id));
  assert.deepEqual(offered, [...catalogue, 'custom']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('thumbnails show each unit\'s map and enlarge on focus; training changes them and the boundary', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html?lab.layers=3&lab.act=relu&lab.lr=0.3`, { lazy: true });
  await openLab(page);
  const thumb = `${LAB} .lab-thumb[data-unit="1.1"]`;
  const before = await canvasFingerprint(page, thumb);
  const small = await page.$eval(thumb, (c) => c.getBoundingClientRect().width);
  await page.focus(thumb);
  await page.waitForTimeout(200);
  const large = await page.$eval(thumb, (c) => c.getBoundingClientRect().width);
  assert.ok(large > 2.5 * small, `focused thumbnail ${large} px, unfocused ${small} px`);
  assert.match(await page.$eval(thumb, (c) => c.getAttribute('aria-label')), /unit 1 of layer 1/);
  const map = await canvasFingerprint(page, `${LAB} canvas[data-layer="map"]`);
  for (let k = 0; k < 20; k++) await page.click(`${LAB} [data-control="step"]`);
  assert.equal(await epochOf(page), 20);
  assert.notEqual(await canvasFingerprint(page, thumb), before);
  assert.notEqual(await canvasFingerprint(page, `${LAB} canvas[data-layer="map"]`), map);
  // The per-layer table: dead units and a gradient size for each layer.
  const rows = await page.$$eval(`${LAB} .lab-stats tbody tr`, (r) => r.map((x) => x.textContent));
  assert.equal(rows.length, 2);
  assert.match(rows[0], /ReLU.*of 3.*\d/);
  // Play trains on its own and shows the speed.
  await page.click(`${LAB} [data-control="play"]`);
  await page.waitForFunction((s) => Number(document.querySelector(s).dataset.epoch) > 40, LAB, { timeout: 10000 });
  await page.waitForFunction((s) => /\d epochs\/s/.test(document.querySelector(`${s} [data-readout="speed"]`).textContent), LAB, { timeout: 5000 });
  // A rate, not a measurement to the millisecond: whole epochs a second (one decimal below 10).
  assert.match(await page.textContent(`${LAB} [data-readout="speed"]`), /^(\d{2,}|\d\.\d|\d) epochs\/s$/);
  await page.click(`${LAB} [data-control="play"]`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a loss that becomes NaN or infinite stops training with a plain explanation and a one-click reset', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html?lab.lr=10&lab.act=identity&lab.layers=8,8,8&lab.init=he`, { lazy: true });
  await openLab(page);
  await page.click(`${LAB} [data-control="play"]`);
  await page.waitForSelector(`${LAB} [data-readout="stopped"]:not([hidden])`, { timeout: 20000 });
  const text = await page.textContent(`${LAB} [data-readout="stopped"]`);
  assert.match(text, /loss became (NaN|∞)/);
  assert.match(text, /learning rate 10 is too high for this network \(Identity\)/);
  assert.equal(await page.getAttribute(`${LAB} [data-control="play"]`, 'aria-pressed'), 'false');
  await page.click(`${LAB} [data-control="stop-reset"]`);
  assert.equal(await epochOf(page), 0);
  assert.ok(await page.$(`${LAB} [data-readout="stopped"][hidden]`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('state round trip: a link opens the same network, seed and settings at epoch 0, training the same way', async () => {
  const query = '?lab.dataset=spirals&lab.layers=6,5,4&lab.act=relu,tanh,gelu&lab.init=xavier_normal&lab.seed=42&lab.lr=0.1&lab.batch=5&lab.l2=0.001&lab.noise=0.2&lab.ratio=70&section=lab-network';
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html${query}`, { lazy: true });
  await openLab(page);
  assert.equal(await page.inputValue(`${LAB} [data-control="seed"]`), '42');
  assert.equal(await page.inputValue(`${LAB} [data-control="lr"]`), '0.1');
  assert.equal(await page.inputValue(`${LAB} [data-control="batch"]`), '5');
  assert.equal(await page.inputValue(`${LAB} [data-control="init"]`), 'xavier_normal');
  assert.equal(await page.inputValue(`${LAB} [data-control="activation-3"]`), 'gelu');
  for (let k = 0; k < 5; k++) await page.click(`${LAB} [data-control="step"]`);
  const first = await page.$eval(`${LAB} [data-readout="result"]`, (e) => e.textContent);
  // The same link in a fresh page trains to the same numbers.
  const again = await harness.open(`${harness.url}en/index.html${query}`, { lazy: true });
  await openLab(again.page);
  for (let k = 0; k < 5; k++) await again.page.click(`${LAB} [data-control="step"]`);
  assert.equal(await again.page.$eval(`${LAB} [data-readout="result"]`, (e) => e.textContent), first);
  // New weights reseeds and says so in the URL; reset keeps the weights.
  await page.click(`${LAB} [data-control="new-weights"]`);
  await waitForSearch(page, 'lab.seed=43');
  // Out-of-range values in a link are clamped, unknown words ignored.
  const clamped = await harness.open(`${harness.url}en/index.html?lab.layers=99,0,4,4,4,4,4,4&lab.lr=1e400&lab.act=swish&lab.seed=-5`, { lazy: true });
  await openLab(clamped.page);
  assert.equal(await clamped.page.$$eval(`${LAB} .lab-column`, (c) => c.length), 2);
  assert.equal(await clamped.page.inputValue(`${LAB} [data-control="seed"]`), '0');
  assert.equal(await clamped.page.inputValue(`${LAB} [data-control="lr"]`), '0.03');  // not a finite number: the default
  assert.deepEqual([...problems, ...again.problems, ...clamped.problems], []);
  await Promise.all([context.close(), again.context.close(), clamped.context.close()]);
});

test('fields show only where they apply: the constant with its initialisation, noise and training share with built-in data', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`, { lazy: true });
  await openLab(page);
  const visible = (control) => page.isVisible(`${LAB} [data-control="${control}"]`);
  assert.deepEqual([await visible('init-value'), await visible('noise'), await visible('ratio')], [false, true, true]);
  await page.selectOption(`${LAB} [data-control="init"]`, 'constant');
  assert.equal(await visible('init-value'), true);
  await page.selectOption(`${LAB} [data-control="dataset"]`, 'own');
  assert.deepEqual([await visible('noise'), await visible('ratio')], [false, false]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad typed values: a message at the field and the last good state kept', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`, { lazy: true });
  await openLab(page);
  await page.fill(`${LAB} [data-control="lr"]`, '1e400');
  await page.press(`${LAB} [data-control="lr"]`, 'Enter');
  await page.locator(`${LAB} [data-control="lr"]`).blur();
  const field = page.locator(`${LAB} .lab-field`, { has: page.locator('[data-control="lr"]') });
  assert.match(await field.locator('.field-message').textContent(), /learning rate is a number from 1e−5 to 10/i);
  assert.equal(await page.getAttribute(`${LAB} [data-control="lr"]`, 'aria-invalid'), 'true');
  assert.ok(!(await searchOf(page)).includes('lab.lr'));
  await page.fill(`${LAB} [data-control="seed"]`, '0x10');
  await page.locator(`${LAB} [data-control="seed"]`).blur();
  assert.equal(await page.getAttribute(`${LAB} [data-control="seed"]`, 'aria-invalid'), 'true');
  await page.click(`${LAB} [data-control="step"]`);
  assert.equal(await epochOf(page), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('own data: click to add and remove points, CSV with per-row messages and nothing half-loaded', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`, { lazy: true });
  await openLab(page);
  await page.selectOption(`${LAB} [data-control="dataset"]`, 'own');
  const map = page.locator(`${LAB} .lab-map`);
  const box = await map.boundingBox();
  await map.click({ position: { x: box.width * 0.25, y: box.height * 0.25 } });
  await page.selectOption(`${LAB} [data-control="point-mode"]`, 'zero');
  await map.click({ position: { x: box.width * 0.75, y: box.height * 0.75 } });
  await waitForSearch(page, 'lab.points=');
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /2 points/);
  const link = await searchOf(page);
  assert.match(decodeURIComponent(link), /lab\.points=-0\.7\d,0\.7\d,1_0\.7\d,-0\.7\d,0/);
  await page.selectOption(`${LAB} [data-control="point-mode"]`, 'remove');
  await map.click({ position: { x: box.width * 0.75, y: box.height * 0.75 } });
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /1 points/);
  // A CSV with two bad rows: both named, nothing loaded.
  await page.fill(`${LAB} [data-control="csv"]`, 'x,y,label\n0.1,0.2,1\n0.3,abc,0\n0.5,0.5,2\n');
  await page.click(`${LAB} [data-control="csv-load"]`);
  const message = await page.textContent(`${LAB} [data-readout="csv"]`);
  assert.match(message, /Line 3: x and y must be decimal numbers/);
  assert.match(message, /Line 4: the label must be 0 or 1/);
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /1 points/);
  // A good CSV replaces the points; the link carries them; reopening the link shows them.
  const rows = Array.from({ length: 20 }, (_, i) => `${(i / 10 - 1).toFixed(1)},${((i % 7) / 5 - 0.6).toFixed(1)},${i % 2}`).join('\n');
  await page.fill(`${LAB} [data-control="csv"]`, rows);
  await page.click(`${LAB} [data-control="csv-load"]`);
  assert.match(await page.textContent(`${LAB} [data-readout="csv"]`), /Loaded 20 points/);
  await page.waitForFunction(() => (location.search.match(/_/g) ?? []).length === 19, null, { timeout: 5000 });
  const reopened = await harness.open(`${harness.url}en/index.html${await searchOf(page)}`, { lazy: true });
  await openLab(reopened.page);
  assert.match(await reopened.page.textContent(`${LAB} [data-readout="own"]`), /20 points/);
  await reopened.page.click(`${LAB} [data-control="step"]`);
  assert.equal(await epochOf(reopened.page), 1);
  // More points than a link carries: the page says why the link leaves them out.
  const many = Array.from({ length: 200 }, (_, i) => `${((i % 20) / 10 - 1).toFixed(2)},${(Math.floor(i / 20) / 10 - 0.5).toFixed(2)},${i % 2}`).join('\n');
  await page.fill(`${LAB} [data-control="csv"]`, many);
  await page.click(`${LAB} [data-control="csv-load"]`);
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /200 points.*at most 150 points/);
  assert.deepEqual([...problems, ...reopened.problems], []);
  await Promise.all([context.close(), reopened.context.close()]);
});

test('own data from the keyboard: Tab to the map, arrows move the cross, Enter adds, Delete removes, each announced', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`, { lazy: true });
  await openLab(page);
  const map = `${LAB} .lab-map`;
  const said = () => page.textContent(`${LAB} [data-readout="cursor"]`);
  const focused = () => page.evaluate(() => document.activeElement?.dataset.control ?? document.activeElement?.className);
  // A built-in data set takes no points, so the map is no Tab stop then.
  assert.equal(await page.getAttribute(map, 'tabindex'), null);
  await page.selectOption(`${LAB} [data-control="dataset"]`, 'own');
  assert.equal(await page.getAttribute(map, 'role'), 'application');
  assert.match(await page.textContent(`#${await page.getAttribute(map, 'aria-describedby')}`), /arrow keys.*Enter or Space.*Delete/);
  // Tab from the last thumbnail reaches the map; the cross shows only while it has focus.
  assert.equal(await page.isVisible(`${map} .lab-cursor`), false);
  await page.focus(`${LAB} .lab-thumb[data-unit="2.4"]`);
  await page.keyboard.press('Tab');
  assert.match(await focused(), /lab-map/);
  assert.equal(await page.isVisible(`${map} .lab-cursor`), true);
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Shift+ArrowUp']) await page.keyboard.press(key);
  assert.equal(await said(), 'Cross at x 0.15, y 0.50.');
  await page.keyboard.press('Enter');
  assert.equal(await said(), 'Added a blue point (class 1) at x 0.15, y 0.50. Points: 1.');
  await waitForSearch(page, 'lab.points=0.15,0.5,1');
  // The class menu is the next Tab stop; back on the map, Space adds a point of the class chosen there.
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'point-mode');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(`${LAB} [data-control="point-mode"]`), 'zero');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press(' ');
  assert.equal(await said(), 'Added an orange point (class 0) at x −0.35, y 0.00. Points: 2.');
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /2 points/);
  await waitForSearch(page, 'lab.points=0.15,0.5,1_-0.35,0,0');
  await page.locator(map).screenshot({ path: outputPath('lab-keyboard-cross.png') });
  // Back over the blue point the cross says so; Delete removes it, and again finds nothing there.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  assert.equal(await said(), 'Cross at x 0.15, y 0.50, on a blue point (class 1).');
  await page.keyboard.press('Delete');
  assert.equal(await said(), 'Removed a blue point (class 1) at x 0.15, y 0.50. Points: 1.');
  await waitForSearch(page, 'lab.points=-0.35,0,0');
  await page.keyboard.press('Backspace');
  assert.equal(await said(), 'No point to remove near x 0.15, y 0.50.');
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /1 points/);
  // The cross stays on the map however far it is pushed, and hides when focus leaves.
  for (let k = 0; k < 8; k++) await page.keyboard.press('Shift+ArrowUp');
  assert.equal(await said(), 'Cross at x 0.15, y 1.50.');
  await page.keyboard.press('Tab');
  assert.equal(await page.isVisible(`${map} .lab-cursor`), false);
  // A click still adds a point, and the arrow keys go on from where it was.
  const box = await page.locator(map).boundingBox();
  await page.locator(map).click({ position: { x: box.width / 2, y: box.height / 2 } });
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /2 points/);
  assert.equal(await page.isVisible(`${map} .lab-cursor`), false);
  await page.keyboard.press('ArrowLeft');
  assert.match(await said(), /^Cross at x −0\.0\d, y [−0]/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('own data from the keyboard in Chinese: the hint, the name and every announcement in the page\'s language', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}index.html?lab.dataset=own&lab.points=0.5,0.5,0`, { lazy: true });
  await openLab(page);
  const map = `${LAB} .lab-map`;
  const said = () => page.textContent(`${LAB} [data-readout="cursor"]`);
  assert.match(await page.getAttribute(map, 'aria-label'), /方向键/);
  assert.match(await page.textContent(`#${await page.getAttribute(map, 'aria-describedby')}`), /方向键.*Enter/);
  await page.focus(map);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await said(), '十字位于 x 0.00，y −0.10。');
  await page.keyboard.press('Enter');
  assert.equal(await said(), '已在 x 0.00，y −0.10 处添加一个蓝色点（类别 1）。共 2 个点。');
  await waitForSearch(page, 'lab.points=0.5,0.5,0_0,-0.1,1');
  for (const key of ['Shift+ArrowRight', 'Shift+ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
  assert.equal(await said(), '十字位于 x 0.50，y 0.50，这里有一个橙色点（类别 0）。');
  await page.keyboard.press('Delete');
  assert.equal(await said(), '已删除 x 0.50，y 0.50 处的一个橙色点（类别 0）。共 1 个点。');
  assert.match(await page.textContent(`${LAB} [data-readout="own"]`), /1 个/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('number formats: the module\'s markers (sigmoid exactly 1 from 17.3, 8.3, 6.2), range input, both languages', async () => {
  for (const [path, word] of [['en/index.html', 'Format'], ['index.html', '格式']]) {
    const { page, context, problems } = await harness.open(`${harness.url}${path}`, { lazy: true });
    await openLab(page, FORMATS);
    const cell = (format, marker) => page.textContent(`${FORMATS} tr[data-format="${format}"] td[data-marker="${marker}"]`);
    assert.match(await cell('float32', 'saturatesAbove'), /17\.3/);
    assert.match(await cell('float16', 'saturatesAbove'), /8\.31/);
    assert.match(await cell('bfloat16', 'saturatesAbove'), /6\.23/);
    assert.match(await cell('float16', 'expOverflow'), /11\.09/);
    assert.match(await cell('float64', 'saturatesAbove'), /—/);
    assert.match(await page.textContent(`${FORMATS} thead`), new RegExp(word));
    await page.fill(`${FORMATS} [data-control="hi"]`, '100');
    await page.locator(`${FORMATS} [data-control="hi"]`).blur();
    await page.waitForFunction((s) => /88\.7/.test(document.querySelector(`${s} tr[data-format="float32"] td[data-marker="expOverflow"]`).textContent), FORMATS);
    await page.fill(`${FORMATS} [data-control="lo"]`, 'abc');
    await page.locator(`${FORMATS} [data-control="lo"]`).blur();
    assert.ok((await page.textContent(`${FORMATS} [data-readout="message"]`)).length > 10);
    assert.match(await cell('float32', 'expOverflow'), /88\.7/);  // the last good view stays
    await page.selectOption(`${FORMATS} [data-control="view"]`, 'error');
    await page.selectOption(`${FORMATS} [data-control="fn"]`, 'tanh');
    await page.waitForFunction(() => location.search.includes('formats.fn=tanh'));
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// Records every view the lab shows: {from: 'worker' | 'page', epoch, loss (the training loss, as a string)}.
function recordViews(page) {
  return page.$eval(LAB, (lab) => {
    window.labViews = [];
    new MutationObserver(() => {
      window.labViews.push({ from: lab.dataset.viewFrom, epoch: Number(lab.dataset.viewEpoch),
        loss: lab.querySelector('[data-readout="result"]').dataset.trainLoss });
    }).observe(lab, { attributes: true, attributeFilter: ['data-view-epoch'] });
  });
}

test('while it plays, a worker computes each epoch\'s view, the same numbers the page computes; a step computes its own', async () => {
  const query = '?lab.layers=6,6,6&lab.act=tanh,relu,sigmoid&lab.seed=3&lab.lr=0.1';
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html${query}`, { lazy: true });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openLab(page);
  await recordViews(page);
  const map = await canvasFingerprint(page, `${LAB} canvas[data-layer="map"]`);
  const thumb = await canvasFingerprint(page, `${LAB} .lab-thumb[data-unit="3.2"]`);
  await page.click(`${LAB} [data-control="play"]`);
  await page.waitForFunction(() => window.labViews.filter((v) => v.from === 'worker' && v.epoch >= 3).length >= 5, null, { timeout: 20000 });
  await page.click(`${LAB} [data-control="play"]`);
  await page.waitForFunction((s) => document.querySelector(s).dataset.viewEpoch === document.querySelector(s).dataset.epoch, LAB);
  assert.ok(requested.some((p) => p.endsWith('/lab-worker.js')), requested.join(' '));
  const views = await page.evaluate(() => window.labViews);
  const fromWorker = views.filter((v) => v.from === 'worker');
  // Views arrive in epoch order; paused, the view shown is of the epoch it paused at (the worker's, when it had
  // sent that one, else the page's own).
  assert.ok(fromWorker.every((v, i) => i === 0 || v.epoch > fromWorker[i - 1].epoch), JSON.stringify(fromWorker));
  assert.equal(views.at(-1).epoch, await epochOf(page));
  // Stepping computes the view on the page.
  await page.click(`${LAB} [data-control="step"]`);
  assert.equal(await page.$eval(LAB, (e) => e.dataset.viewFrom), 'page');
  assert.notEqual(await canvasFingerprint(page, `${LAB} canvas[data-layer="map"]`), map);
  assert.notEqual(await canvasFingerprint(page, `${LAB} .lab-thumb[data-unit="3.2"]`), thumb);
  // A worker's view is the page's: the same link stepped to that epoch in a fresh page shows the same loss.
  const sample = fromWorker.find((v) => v.epoch >= 3);
  const again = await harness.open(`${harness.url}en/index.html${query}`, { lazy: true });
  await openLab(again.page);
  for (let k = 0; k < sample.epoch; k++) await again.page.click(`${LAB} [data-control="step"]`);
  assert.equal(await again.page.$eval(LAB, (e) => e.dataset.viewFrom), 'page');
  assert.equal(await again.page.$eval(`${LAB} [data-readout="result"]`, (e) => e.dataset.trainLoss), sample.loss);
  assert.deepEqual([...problems, ...again.problems], []);
  await Promise.all([context.close(), again.context.close()]);
});

test('from a file, where no worker can start, the lab plays with the views computed on the page', async () => {
  const { page, context, problems } = await harness.open(`${harness.fileUrl.replace(/index\.html$/, 'en/index.html')}?lab.layers=4`, { lazy: true });
  await openLab(page);
  await recordViews(page);
  await page.click(`${LAB} [data-control="play"]`);
  await page.waitForFunction((s) => Number(document.querySelector(s).dataset.epoch) > 20, LAB, { timeout: 20000 });
  await page.click(`${LAB} [data-control="play"]`);
  const views = await page.evaluate(() => window.labViews);
  assert.ok(views.length >= 20 && views.every((v) => v.from === 'page'), JSON.stringify(views.slice(0, 5)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the one-file build from a file plays with its views from a worker started from a blob', async () => {
  const { page, context, problems } = await harness.open(`${harness.fileUrl.replace(/index\.html$/, 'activation-lab.html')}?lang=en&lab.layers=4,4`, { lazy: true });
  await openLab(page);
  await recordViews(page);
  await page.click(`${LAB} [data-control="play"]`);
  await page.waitForFunction(() => window.labViews.filter((v) => v.from === 'worker').length >= 5, null, { timeout: 20000 });
  await page.click(`${LAB} [data-control="play"]`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('embed mode shows the lab alone and it trains', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html?embed=1&part=demo&demo=lab&lab.layers=5`, { lazy: true });
  await openLab(page);
  assert.equal(await page.$$eval(`${LAB} .lab-thumb`, (t) => t.length), 5);
  await page.click(`${LAB} [data-control="step"]`);
  assert.equal(await epochOf(page), 1);
  assert.equal(await page.isVisible('#why'), false);
  assert.deepEqual(problems, []);
  await context.close();
});
