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
  // A student drags once the page has settled: the figures around the slider mounted (they mount as they come
  // near the viewport) and nothing else pending.
  await page.waitForTimeout(1000);
  await slider.scrollIntoViewIfNeeded();
  // Chromium delivers a dragged slider's input at the start of a frame (continuous input is aligned to
  // requestAnimationFrame), runs its handler (Chart.js redraws synchronously, animation off), then styles,
  // lays out, paints and commits that same frame. Each move does that: inside a frame callback it sets the
  // value and dispatches `input`, and a message posted from there is delivered once the frame's rendering
  // has finished on the main thread. Per move: `work` is the handler alone, `paint` input → frame painted,
  // `vsync` the time when the input instead arrives just after a frame (it then waits for the next one,
  // which on a 60 Hz display is mostly waiting for the display, not work the page does). The moves sweep the
  // slider's range in steps of 0.01 as a drag does, the two kinds alternating; `relaid` counts the moves after
  // which the chart had new axes (a full Chart.js update rather than a redraw of the curve).
  const times = await slider.evaluate(async (input, count) => {
    const work = [];
    const paint = [];
    const vsync = [];
    const chart = window.Chart.getChart(input.closest('[data-figure]').querySelector('canvas'));
    let relaid = 0;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const afterRendering = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
    const move = (i) => {
      input.value = String((i % 100) / 100);
      const layout = chart.$layout;
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const handled = performance.now();
      if (chart.$layout !== layout) relaid++;
      return { start, handled };
    };
    await nextFrame();
    for (let i = 0; i < count; i++) {
      const inFrame = await new Promise((resolve) => requestAnimationFrame(() => {
        const { start, handled } = move(2 * i);
        afterRendering().then((end) => resolve({ start, handled, end }));
      }));
      work.push(inFrame.handled - inFrame.start);
      paint.push(inFrame.end - inFrame.start);
      await afterRendering();
      const { start } = move(2 * i + 1);
      await nextFrame();
      vsync.push((await afterRendering()) - start);
    }
    return { work, paint, vsync, relaid };
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
      { measure: `slider input → frame painted, median of ${moves.paint.length}`, value: median(moves.paint), unit: 'ms', budget: BUDGET.sliderMedianMs },
      { measure: `slider input → frame painted, p95 of ${moves.paint.length}`, value: percentile(moves.paint, 95), unit: 'ms', budget: BUDGET.sliderP95Ms },
      { measure: 'slider input → chart drawn (handler, Chart.js paints the canvas), median', value: median(moves.work), unit: 'ms', budget: BUDGET.sliderMedianMs },
      { measure: 'slider input → chart drawn (handler, Chart.js paints the canvas), p95', value: percentile(moves.work, 95), unit: 'ms', budget: BUDGET.sliderP95Ms },
      { measure: 'slider input just after a frame → next frame painted (incl. vsync wait), median', value: median(moves.vsync), unit: 'ms', budget: null },
      { measure: `slider moves that gave the chart new axes (full update), of ${2 * moves.paint.length}`, value: moves.relaid, unit: '', budget: null },
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
