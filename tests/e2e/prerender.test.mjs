// The page arrives ready: each language's lesson is in its HTML (readable with scripting off), its head says
// what it is, figure boxes keep their size while scripts mount into them, nothing shifts, old links work,
// malformed or hostile URLs change nothing, and a printout is a clean handout.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { prerenderPages } from '../../scripts/prerender.mjs';
import { followLink, root, startHarness, waitForAllFigures } from './harness.mjs';

const catalogue = JSON.parse(readFileSync(path.join(root, 'build', 'generated', 'catalogue.json'), 'utf8'));
const hasChinese = (text) => /[\u4e00-\u9fff]/.test(text);
const pages = { zh: { path: '', htmlLang: 'zh-CN' }, en: { path: 'en/', htmlLang: 'en' } };

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

async function openWithoutScripts(address, width = 1280) {
  const context = await harness.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(address);
  return { page, context };
}

for (const [lang, { path: pagePath, htmlLang }] of Object.entries(pages)) {
  test(`${lang}: with scripting off the whole lesson reads, formulas and tables included`, async () => {
    const { page, context } = await openWithoutScripts(harness.url + pagePath);
    assert.equal(await page.getAttribute('html', 'lang'), htmlLang);
    const lesson = await page.evaluate(() => ({
      headings: [...document.querySelectorAll('main h2, main h3, main h4')].map((h) => h.textContent.trim()),
      paragraphs: [...document.querySelectorAll('main .prose p:not(.equation), .fn-summary, .fn-detail')].map((p) => p.textContent.trim()),
      corrections: document.querySelectorAll('.correction').length,
      formulas: document.querySelectorAll('.formula math').length,
      sections: [...document.querySelectorAll('article[data-fn]')].map((a) => a.dataset.fn),
      facts: document.querySelectorAll('article[data-fn] .facts dt').length,
      summaryRows: document.querySelectorAll('.summary-table tbody tr').length,
      code: [...document.querySelectorAll('[data-figure="try-it"] noscript')].map((n) => n.textContent),
      chartTables: [...document.querySelectorAll('[data-figure="curve"] noscript')].map((n) => n.textContent),
      visibleNote: (() => { const n = document.querySelector('.noscript-note.without-js'); return n && n.getClientRects().length > 0 ? n.textContent : ''; })(),
      textLength: document.querySelector('main').textContent.replace(/\s+/g, ' ').length,
    }));
    const ids = catalogue.rows.map((r) => r.id);
    assert.deepEqual([...lesson.sections].sort(), [...ids].sort(), 'a section for every catalogue function');
    assert.ok(lesson.headings.length >= ids.length + 10 && lesson.headings.every(Boolean), `headings: ${lesson.headings.length}`);
    assert.ok(lesson.paragraphs.length >= 40 && lesson.paragraphs.every(Boolean), 'every paragraph has its text');
    for (const text of [...lesson.headings.slice(0, 6), ...lesson.paragraphs.slice(0, 10)]) {
      assert.equal(hasChinese(text), lang === 'zh', `${lang} text: ${text}`);
    }
    assert.equal(lesson.corrections, 2, 'both correction notes');
    assert.ok(lesson.formulas >= ids.length * 3, `formula, derivative and range of each function: ${lesson.formulas}`);
    assert.ok(lesson.facts >= ids.length * 8, 'every property table');
    assert.equal(lesson.summaryRows, ids.length + 1, 'the summary table: every function and the default formula\'s computed row');
    assert.ok(lesson.code.length >= 4 && lesson.code.every((c) => c.includes('torch.manual_seed')), 'the PyTorch code samples');
    assert.ok(lesson.chartTables.every((c) => /\d/.test(c)), 'each curve has its values as text');
    assert.ok(lesson.visibleNote.includes('JavaScript'), 'a note says what needs JavaScript');
    assert.ok(lesson.textLength > (lang === 'zh' ? 8000 : 15000), `the lesson's text: ${lesson.textLength} characters`);
    await context.close();
  });

  test(`${lang}: title, description, canonical and hreflang links`, async () => {
    const { page, context } = await openWithoutScripts(harness.url + pagePath);
    const head = await page.evaluate(() => ({
      title: document.title,
      description: document.querySelector('meta[name="description"]')?.content ?? '',
      canonical: document.querySelector('link[rel="canonical"]')?.href ?? '',
      alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href])),
    }));
    assert.ok(head.title.length > 10);
    assert.equal(hasChinese(head.title), lang === 'zh');
    assert.ok(head.description.length > 50);
    assert.equal(hasChinese(head.description), lang === 'zh');
    assert.equal(head.canonical, `${harness.url}${lang === 'zh' ? 'index.html' : 'en/index.html'}`);
    assert.deepEqual(head.alternates, { 'zh-CN': `${harness.url}index.html`, en: `${harness.url}en/index.html`, 'x-default': `${harness.url}index.html` });
    await context.close();
  });
}

test('the build refuses to write pages when a text is missing in one language', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alab-i18n-'));
  try {
    writeFileSync(path.join(dir, 'i18n.json'), JSON.stringify({ keys: ['page.title', 'only.english'], texts: { en: ['A', 'B'], zh: ['甲', null] } }));
    await assert.rejects(prerenderPages({ root, generated: dir, lab: null }), /"only\.english" has no text in zh/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The size of every figure box with scripting off (what the HTML and CSS reserve) and once its script has
// built it, at a phone's and a laptop's width in both languages.
for (const width of [360, 1280]) {
  for (const [lang, { path: pagePath }] of Object.entries(pages)) {
    test(`${lang} at ${width} px: figure boxes have the same size before and after their scripts run`, async () => {
      const boxes = (page) => page.$$eval('[data-figure], [data-demo]', (all) => all.map((e) => {
        const r = e.getBoundingClientRect();
        const name = e.dataset.demo ? `demo ${e.dataset.demo}` : `${e.dataset.figure} ${e.dataset.fn ?? ''}`;
        return `${name}: ${Math.round(r.width)}×${Math.round(r.height)}`;
      }));
      const still = await openWithoutScripts(harness.url + pagePath, width);
      const reserved = await boxes(still.page);
      await still.context.close();
      const { page, context, problems } = await harness.open(harness.url + pagePath, { width });
      await waitForAllFigures(page);
      const mounted = await boxes(page);
      assert.equal(mounted.length, reserved.length);
      const moved = mounted.filter((box, i) => box !== reserved[i]);
      assert.deepEqual(moved, [], `boxes that changed size (before: ${reserved.filter((b, i) => mounted[i] !== b).join('; ')})`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

// Layout shifts as the Layout Instability API reports them, from navigation until the figures near the top
// have mounted (a reader's input would exclude what follows it).
async function layoutShift(address, width) {
  const context = await harness.browser.newContext({ viewport: { width, height: width < 600 ? 740 : 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(address);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForTimeout(1500);
  const total = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  await context.close();
  return total;
}

for (const [name, suffix] of [['root', ''], ['en', 'en/'], ['embed', '?embed=1&part=fn&fn=gelu']]) {
  test(`${name}: nothing shifts while the page loads (CLS ≤ 0.02 at 360 and 1280 px)`, async () => {
    for (const width of [360, 1280]) {
      const cls = await layoutShift(harness.url + suffix, width);
      assert.ok(cls <= 0.02, `${name} at ${width} px: CLS ${cls.toFixed(4)}`);
    }
  });
}

test('old links: ?lang= on the root opens that language\'s page with every other parameter kept', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}?lang=en&relu.d=1&section=summary#fn-gelu`);
  assert.equal(new URL(page.url()).pathname, '/en/index.html');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(new URL(page.url()).hash, '#fn-gelu');
  await page.locator('#fn-relu [data-figure="curve"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('#fn-relu [data-figure="curve"][data-mounted]');
  assert.ok(await page.isChecked('#fn-relu .derivative-toggle'), 'relu.d=1 kept');
  const back = await harness.open(`${harness.url}en/index.html?lang=zh&relu.d=1`);
  assert.equal(new URL(back.page.url()).pathname, '/index.html');
  assert.equal(await back.page.getAttribute('html', 'lang'), 'zh-CN');
  await back.context.close();
  // An unknown language stays on the page it was asked of.
  const unknown = await harness.open(`${harness.url}?lang=fr`);
  assert.equal(await unknown.page.getAttribute('html', 'lang'), 'zh-CN');
  await unknown.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the English page never paints the Chinese lesson on the way (boot.js leaves from <head>, the body hidden)', async () => {
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('pagehide', () => {
      const body = document.body;
      sessionStorage.setItem(`left:${location.pathname}`, body ? getComputedStyle(body).visibility : 'no body yet');
    });
  });
  await page.goto(`${harness.url}?lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  const left = await page.evaluate(() => sessionStorage.getItem('left:/'));
  assert.ok(left === 'hidden' || left === 'no body yet', `the root page's body as it was left: ${left}`);
  await context.close();
});

for (const mangled of ['?lang=en#%', '#neuron%E0%A4%A', '?lang=en&leaky_relu.negative_slope=0.2%E0%A4%A#%zz', '?%&=%%&lang=%E0']) {
  test(`a malformed URL is ignored, never fatal: ${mangled}`, async () => {
    const { page, context, problems } = await harness.open(harness.url + mangled);
    assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
    assert.equal(await page.locator('#load-status.fatal').count(), 0);
    if (mangled.includes('negative_slope')) {
      assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the rest of the state is kept');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('hostile URL parameters never reach the pre-rendered markup', async () => {
  const clean = await harness.open(`${harness.url}en/index.html`);
  const prose = (page) => page.$$eval('main .prose, article[data-fn] .fn-text, .summary-table', (all) => all.map((e) => `${e.querySelectorAll('*').length}:${e.textContent}`).join(''));
  const expected = await prose(clean.page);
  await clean.context.close();
  const evil = encodeURIComponent('"><img src=x onerror=alert(1)><script>alert(2)</script>');
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html?lang=${evil}&fn=${evil}&section=${evil}&neuron.fn=${evil}&${evil}=1`);
  page.on('dialog', () => problems.push('dialog opened'));
  assert.equal(await prose(page), expected);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('figures mount as they come near the viewport, not all at load, and a fast scroll finds them drawn', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`, { width: 1280, height: 800, lazy: true });
  await page.waitForTimeout(800);
  const mounted = await page.$$eval('[data-figure]', (all) => all.filter((e) => e.dataset.mounted).length);
  const total = await page.$$eval('[data-figure]', (all) => all.length);
  assert.ok(mounted < total / 3, `mounted at load: ${mounted} of ${total}`);
  await page.evaluate(() => document.querySelector('#fn-tanhshrink').scrollIntoView({ behavior: 'instant' }));
  await page.waitForSelector('#fn-tanhshrink [data-figure="curve"][data-mounted]', { timeout: 2000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('printing gives a handout: no controls or navigation, the drawn charts kept', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`, { lazy: true });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => {
    const visible = (selector) => [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length > 0).length;
    return {
      controls: visible('input, select, button'),
      chrome: visible('.toc, .lang-switch, .embed-button, #load-status'),
      charts: visible('[data-figure="curve"] canvas'),
      unmounted: document.querySelectorAll('[data-figure]:not([data-mounted])').length,
      formulas: visible('.formula math'),
    };
  });
  assert.equal(shown.controls, 0, 'no control is printed');
  assert.equal(shown.chrome, 0, 'no navigation chrome');
  assert.equal(shown.unmounted, 0, 'every figure was drawn for the printout');
  assert.equal(shown.charts, catalogue.rows.length, 'every function\'s chart is printed');
  assert.ok(shown.formulas > 40);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the language link keeps the view: switching back and forth restores the slider', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/index.html`);
  const slider = '#fn-leaky_relu input[data-param="negative_slope"]';
  await page.locator('#fn-leaky_relu').scrollIntoViewIfNeeded();
  await page.waitForSelector(`${slider}`);
  await page.locator(slider).fill('0.4');
  await followLink(page, 'a[data-lang="zh"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.locator('#fn-leaky_relu').scrollIntoViewIfNeeded();
  await page.waitForSelector(slider);
  assert.equal(await page.inputValue(slider), '0.4');
  assert.deepEqual(problems, []);
  await context.close();
});
