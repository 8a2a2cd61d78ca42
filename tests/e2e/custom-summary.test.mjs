// The reader's formula in the summary table, in Chromium: typed in "Write your own", it gets a row of computed
// properties marked "computed" with the note saying what that means; the row follows the formula and its
// parameters, sorts with the others, keeps the last good formula while a bad one is typed, and is absent when
// the state's formula does not compile (a bad link) and from the pre-rendered page. No console error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { root, startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const panel = '#custom [data-figure="custom"]';
const summary = '[data-figure="summary"]';

async function type(page, text) {
  await page.fill(`${panel} .custom-input`, text);
  // The panel compiles after a pause in typing.
  await page.waitForTimeout(600);
}

// The computed row's cells by column (null when there is no row), the marker, the note, and the rows' order.
async function computedRow(page) {
  await page.locator(summary).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const tr = root.querySelector('tr.computed-row');
    const note = root.querySelector('#summary-computed-note');
    const order = [...root.querySelectorAll('tbody tr')].map((r) => r.dataset.fn);
    if (!tr) return { row: null, noteShown: !note.hidden, order };
    const cells = Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.column, td.textContent]));
    const th = tr.querySelector('th');
    return {
      row: { name: th.querySelector('a').textContent, link: th.querySelector('a').getAttribute('href'), ...cells },
      mark: th.querySelector('.computed-mark').textContent,
      describedBy: document.getElementById(th.getAttribute('aria-describedby'))?.textContent ?? '',
      noteShown: !note.hidden && note.getClientRects().length > 0,
      note: note.textContent,
      order,
    };
  }, summary);
}

test('a typed formula gets a computed row with its properties, marked and explained; sliders and sorting follow', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/`);
  await page.locator(panel).scrollIntoViewIfNeeded();
  await type(page, 'min(max(0, x), 6)');
  let s = await computedRow(page);
  assert.deepEqual(s.row, {
    name: 'f(x) = min(max(0, x), 6)', link: '#custom', range: '[0, 6]', monotonic: 'yes', zeroCentred: 'no',
    smoothness: 'continuous, with a kink (C⁰); kinks at x = 0, 6', saturation: 'on both sides', identityNearZero: 'no',
    use: 'Closest in shape: ReLU6 (RMS difference 0 on −5 ≤ x ≤ 5)',
  });
  assert.equal(s.mark, 'computed');
  assert.ok(s.noteShown, 'the note under the table is shown');
  assert.match(s.note, /^Computed: .*every 1\/128 from x = −50 to 50.*can be missed.*C¹ against C∞ is a guess/);
  assert.equal(s.describedBy, s.note, 'the row header points at the note');
  // Sorted with the others by name: "f(x) = …" between ELU and GELU.
  assert.deepEqual(s.order.slice(s.order.indexOf('custom') - 1, s.order.indexOf('custom') + 2), ['elu', 'custom', 'gelu']);
  assert.equal(s.order.length, 26);

  // A formula with a parameter: the row follows its slider.
  await page.locator(panel).scrollIntoViewIfNeeded();
  await type(page, 'x * sigmoid(beta * x)');
  s = await computedRow(page);
  assert.equal(s.row.range, '[−0.2785, ∞)');
  assert.equal(s.row.monotonic, 'no');
  assert.equal(s.row.smoothness, 'infinitely smooth (C∞)');
  assert.equal(s.row.saturation, 'for x → −∞');
  assert.match(s.row.use, /^Closest in shape: SiLU \(Swish\) \(RMS difference (0|[\d.]+e−1[5-7]) on/);
  await page.locator(panel).scrollIntoViewIfNeeded();
  await page.evaluate((selector) => {
    const slider = document.querySelector(`${selector} input[data-param="beta"]`);
    slider.value = '0';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, panel);
  s = await computedRow(page);
  assert.equal(s.row.range, '(−∞, ∞)', 'β = 0 makes it x/2');
  assert.equal(s.row.monotonic, 'yes');
  assert.equal(s.row.zeroCentred, 'yes');
  assert.equal(s.row.saturation, 'no');

  // Sorting by smoothness: C∞ sorts after every C¹ row and before nothing of lower rank.
  await page.click(`${summary} button[data-sort="smoothness"]`);
  s = await computedRow(page);
  const at = s.order.indexOf('custom');
  assert.ok(s.order.indexOf('softsign') < at && s.order.indexOf('elu') < at, 'after the C¹ rows');
  assert.ok(at > s.order.indexOf('relu'), 'after the C⁰ rows');

  // A bad formula typed: the message is at the field, the row keeps the last good formula.
  await page.locator(panel).scrollIntoViewIfNeeded();
  await type(page, 'x * (');
  assert.equal(await page.getAttribute(`${panel} .custom-input`, 'aria-invalid'), 'true');
  const kept = await computedRow(page);
  assert.deepEqual(kept.row, s.row);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a row for poles and gaps, in Chinese; none for a formula from the URL that does not compile', async () => {
  const search = new URLSearchParams({ custom: 'sqrt(x)' });
  const zh = await harness.open(`${harness.url}?${search}`, { locale: 'zh-CN' });
  let s = await computedRow(zh.page);
  assert.equal(s.mark, '计算所得');
  assert.equal(s.row.range, '[0, ∞)；在 x < 0 处没有定义');
  assert.equal(s.row.monotonic, '是');
  assert.equal(s.row.saturation, 'x → +∞ 时饱和');
  assert.match(s.note, /^计算所得：/);
  assert.deepEqual(zh.problems, []);
  await zh.context.close();

  const pole = await harness.open(`${harness.url}en/?${new URLSearchParams({ custom: '1/(x - 0.3)' })}`);
  s = await computedRow(pole.page);
  assert.equal(s.row.range, '(−∞, ∞); not defined for x ≈ 0.3');
  assert.equal(s.row.zeroCentred, 'no');
  await pole.context.close();

  const bad = await harness.open(`${harness.url}en/?${new URLSearchParams({ custom: 'x^^2' })}`);
  s = await computedRow(bad.page);
  assert.equal(s.row, null, 'no row for a formula that does not compile');
  assert.equal(s.noteShown, false);
  assert.equal(s.order.length, 25);
  assert.deepEqual(bad.problems, []);
  await bad.context.close();
});

test('the pre-rendered pages hold the catalogue rows and the default formula\'s computed row with its note', () => {
  // Written at build time so that the table has its final size before the script runs (nothing shifts), and a
  // reader without JavaScript sees what "computed" means next to the formula of "Write your own".
  for (const page of ['index.html', path.join('en', 'index.html')]) {
    const html = readFileSync(path.join(root, 'dist', page), 'utf8');
    const body = html.slice(html.indexOf('<tbody', html.indexOf('summary-table')), html.indexOf('</tbody>', html.indexOf('summary-table')));
    assert.equal((body.match(/<tr /g) ?? []).length, 26, page);
    assert.equal((body.match(/computed-row/g) ?? []).length, 1, page);
    assert.ok(body.includes('x * sigmoid(beta * x)'), page);
    assert.ok(html.includes('id="summary-computed-note"'), page);
  }
});
