// Benchmark part 3: the built page in headless Chromium on localhost — bytes of the first view (raw and
// gzip), navigation → first curve drawn, slider `input` → next paint, and long tasks while training.
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { startServer } from '../serve.mjs';
import { median, percentile } from './common.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
const BUDGET = { firstViewGzipKB: 200, firstCurveMs: 300, sliderMedianMs: 4, sliderP95Ms: 8, longTaskMs: 50 };

// Records every long task from the first script on (the page marks its first drawn chart itself:
// performance mark "alab-first-curve", set when the first figure with a chart has been drawn).
function instrument() {
  window.__bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function firstView(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (response) => {
    try {
      bodies.push(await response.body());
    } catch {
      // A response without a body (redirect, 304) transfers no bytes worth counting.
    }
  });
  await page.addInitScript(instrument);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('alab-first-curve').length > 0, null, { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  const firstCurve = await page.evaluate(() => performance.getEntriesByName('alab-first-curve')[0].startTime);
  await context.close();
  const raw = bodies.reduce((sum, b) => sum + b.length, 0);
  const gzip = bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  return { raw, gzip, firstCurve, requests: bodies.length };
}

async function sliderLatency(browser, url, moves) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}#fn-leaky_relu`);
  const slider = page.locator('[data-fn="leaky_relu"] [data-figure="curve"][data-mounted="true"] input[type="range"]').first();
  await slider.waitFor({ timeout: 20000 });
  await slider.scrollIntoViewIfNeeded();
  // Per move: `work` is the input event's handling, chart redraw included (Chart.js draws synchronously
  // with animation off); `frame` adds the wait for the next frame and its paint, which on a 60 Hz
  // display is mostly waiting for the display, not work the page does.
  const times = await slider.evaluate(async (input, count) => {
    const work = [];
    const frame = [];
    const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await afterPaint();
    for (let i = 0; i < count; i++) {
      input.value = String((i % 100) / 100);
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      work.push(performance.now() - start);
      await afterPaint();
      frame.push(performance.now() - start);
    }
    return { work, frame };
  }, moves);
  await context.close();
  return times;
}

async function trainingLongTasks(browser, url, seconds) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${url}#why`);
  const play = page.locator('[data-demo="nonlinearity"] [data-control="play"]').first();
  await play.waitFor({ timeout: 20000 });
  await play.scrollIntoViewIfNeeded();
  await page.evaluate(() => { window.__bench.longTasks = []; });
  await play.click();
  await page.waitForTimeout(seconds * 1000);
  const result = await page.evaluate(() => window.__bench.longTasks);
  await context.close();
  return result;
}

export async function run({ quick = false } = {}) {
  const { server, url } = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const views = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) views.push(await firstView(browser, url));
    const moves = await sliderLatency(browser, url, quick ? 50 : 200);
    const longTasks = await trainingLongTasks(browser, url, quick ? 3 : 10);
    const firstCurve = median(views.map((v) => v.firstCurve));
    const rows = [
      // Decimal kilobytes (1 kB = 1000 B), the stricter reading of the "200 KB".
      { measure: 'first view, raw', value: views[0].raw / 1000, unit: 'kB', budget: null },
      { measure: 'first view, gzip', value: views[0].gzip / 1000, unit: 'kB', budget: BUDGET.firstViewGzipKB },
      { measure: 'requests in first view', value: views[0].requests, unit: '', budget: null },
      { measure: 'navigation → first curve (median)', value: firstCurve, unit: 'ms', budget: BUDGET.firstCurveMs },
      { measure: `slider input → chart redrawn, median of ${moves.work.length}`, value: median(moves.work), unit: 'ms', budget: BUDGET.sliderMedianMs },
      { measure: `slider input → chart redrawn, p95 of ${moves.work.length}`, value: percentile(moves.work, 95), unit: 'ms', budget: BUDGET.sliderP95Ms },
      { measure: 'slider input → next frame painted (incl. vsync wait), median', value: median(moves.frame), unit: 'ms', budget: null },
      { measure: `long tasks while training ${quick ? 3 : 10} s`, value: longTasks.length, unit: 'count', budget: 0 },
      { measure: 'longest task while training', value: longTasks.length ? Math.max(...longTasks) : 0, unit: 'ms', budget: BUDGET.longTaskMs },
    ];
    for (const row of rows) row.withinBudget = row.budget === null ? null : row.value <= row.budget;
    return { title: 'Page in headless Chromium (localhost)', columns: ['measure', 'value', 'unit', 'budget', 'withinBudget'], rows };
  } finally {
    await browser.close();
    server.close();
  }
}
