// Benchmark part "soak" (run only when named: `node scripts/bench/run.mjs soak`): the built page in headless
// Chromium under 30,000 slider events with a derivative toggle every 50, then two spells of 60 s training the
// first demo. After each phase, with garbage collected twice: the JS heap, the WebAssembly memory and the bytes
// allocated in it, and the live handles (DOM nodes, JS event listeners, documents) Chromium counts.
import { chromium } from 'playwright-core';

import { startServer } from '../serve.mjs';
import { waitForAllFigures } from '../../tests/e2e/harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

// Moves the leaky ReLU slope slider `count` times, toggling its derivative every 50 moves, a frame every 25.
function drive(page, count) {
  return page.evaluate(async (n) => {
    const slider = document.querySelector('[data-fn="leaky_relu"] input[data-param="negative_slope"]');
    const toggle = document.querySelector('[data-fn="leaky_relu"] .derivative-toggle');
    for (let i = 0; i < n; i++) {
      slider.value = String((i % 101) / 100);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 50 === 49) toggle.click();
      if (i % 25 === 24) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }, count);
}

async function measure(page, cdp, phase) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.activationLab.heapStats());
  const dom = await cdp.send('Memory.getDOMCounters');
  return {
    phase, jsHeapMB: usedSize / 2 ** 20, wasmMemoryMB: wasm.memoryBytes / 2 ** 20, wasmInUseB: wasm.inUseBytes,
    domNodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents,
  };
}

export async function run({ quick = false } = {}) {
  const { server, url } = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const events = quick ? 3000 : 30000;
  const trainMs = quick ? 10000 : 60000;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    await waitForAllFigures(page, { timeout: 60000 });
    const cdp = await context.newCDPSession(page);
    await page.locator('[data-fn="leaky_relu"] input[data-param="negative_slope"]').scrollIntoViewIfNeeded();
    const rows = [];
    await drive(page, 2000);
    rows.push(await measure(page, cdp, 'warm: 2,000 slider events'));
    await drive(page, events - 2000);
    rows.push(await measure(page, cdp, `${events.toLocaleString('en')} slider events, ${events / 50} derivative toggles`));
    const play = '[data-demo="nonlinearity"] .demo-button[aria-pressed]';
    await page.locator('[data-demo="nonlinearity"]').scrollIntoViewIfNeeded();
    for (const spell of [1, 2]) {
      await page.click(play);
      await page.waitForTimeout(trainMs);
      await page.click(play);
      rows.push(await measure(page, cdp, `then ${spell * trainMs / 1000} s of training`));
    }
    await context.close();
    return {
      title: 'Soak: heaps and live handles after garbage collection',
      columns: ['phase', 'jsHeapMB', 'wasmMemoryMB', 'wasmInUseB', 'domNodes', 'listeners', 'documents'],
      rows,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
