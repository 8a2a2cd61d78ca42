// Memory: 10,000 slider updates and 200 derivative toggles must not make the WebAssembly heap, the JS heap (after
// garbage collection) or the live DOM nodes and event listeners keep growing once the page has warmed up.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startHarness, waitForAllFigures } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

// Drags the slider `moves` times, toggling the derivative every 50 moves (a new series and legend: a full chart
// update), letting frames paint as a user would.
function drive(page, moves) {
  return page.evaluate(async (count) => {
    const slider = document.querySelector('[data-fn="leaky_relu"] input[data-param="negative_slope"]');
    const toggle = document.querySelector('[data-fn="leaky_relu"] .derivative-toggle');
    for (let i = 0; i < count; i++) {
      slider.value = String((i % 101) / 100);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 50 === 49) toggle.click();
      if (i % 25 === 24) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }, moves);
}

async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.activationLab.heapStats());
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { js: usedSize, wasmInUse: wasm.inUseBytes, wasmMemory: wasm.memoryBytes, nodes, listeners: jsEventListeners };
}

test('10,000 slider updates and derivative toggles leave the heaps and live handles flat after warm-up', { timeout: 300000 }, async (t) => {
  const { page, context, problems } = await harness.open(harness.url);
  await waitForAllFigures(page);
  await page.locator('[data-fn="leaky_relu"] input[data-param="negative_slope"]').scrollIntoViewIfNeeded();
  const cdp = await context.newCDPSession(page);

  await drive(page, 4000);
  const warm = await measure(page, cdp);
  await drive(page, 3000);
  const middle = await measure(page, cdp);
  await drive(page, 3000);
  const end = await measure(page, cdp);

  const mb = (b) => (b / 2 ** 20).toFixed(2);
  const report = `JS heap ${mb(warm.js)} → ${mb(middle.js)} → ${mb(end.js)} MB; WASM memory ${mb(warm.wasmMemory)} → ${mb(end.wasmMemory)} MB, `
    + `in use ${warm.wasmInUse} → ${middle.wasmInUse} → ${end.wasmInUse} B; DOM nodes ${warm.nodes} → ${middle.nodes} → ${end.nodes}; `
    + `event listeners ${warm.listeners} → ${middle.listeners} → ${end.listeners}`;
  t.diagnostic(report);
  assert.equal(end.wasmInUse, warm.wasmInUse, `WASM allocations must not grow: ${report}`);
  assert.equal(end.wasmMemory, warm.wasmMemory, `WASM memory must not grow: ${report}`);
  // A leak of 100 bytes per update would add 0.6 MB over the last 6,000; allow GC noise well below that.
  assert.ok(end.js - warm.js < 512 * 1024, `JS heap must stop growing: ${report}`);
  assert.ok(end.js - middle.js < 256 * 1024, `JS heap must stop growing: ${report}`);
  assert.ok(end.listeners <= warm.listeners, `event listeners must not accumulate: ${report}`);
  assert.ok(end.nodes - warm.nodes < 200, `DOM nodes must not accumulate: ${report}`);
  assert.deepEqual(problems, []);
  await context.close();
});
