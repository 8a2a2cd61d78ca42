// Shared set-up for the browser tests: serves dist/ with the project's server, launches Debian's Chromium
// through playwright-core, and watches every page for console errors, CSP violations and foreign requests.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distIndexFileUrl = pathToFileURL(path.join(root, 'dist', 'index.html')).href;
export const outputDir = path.join(root, 'test-output');

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

// Starts the server and the browser; call close() when done.
export async function startHarness() {
  const { server, url } = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumArgs });
  return {
    url,
    fileUrl: distIndexFileUrl,
    browser,
    // A fresh context and page that records problems in `problems` (console errors, CSP, foreign requests).
    // Every figure is mounted before it returns (as a reader scrolling through would have it), unless `lazy`.
    async open(address, { width = 1280, height = 900, locale = 'en-US', colorScheme = 'light', lazy = false } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale, colorScheme });
      const page = await context.newPage();
      const problems = [];
      const own = new URL(address);
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (request) => {
        const target = new URL(request.url());
        // A blob: URL is made by the page itself (the one-file build starts the lab's worker from one).
        const allowed = target.protocol === 'data:' || target.protocol === 'blob:'
          || (own.protocol === 'file:' ? target.protocol === 'file:' : target.origin === own.origin);
        if (!allowed) problems.push(`foreign request: ${request.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(address);
      await page.waitForSelector('body[data-ready="true"], #load-status.fatal', { timeout: 20000 });
      if (!lazy && await page.$('body[data-ready="true"]')) await waitForAllFigures(page);
      return { page, context, problems };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Follows a link that opens another page (the language links) and waits until that page is ready.
export async function followLink(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await page.waitForSelector('body[data-ready="true"], #load-status.fatal', { timeout: 20000 });
  await waitForAllFigures(page);
}

// Scrolls through the page as a reader would until every figure has been mounted (they mount as they come near
// the viewport), then back to where the page was.
export async function waitForAllFigures(page, { timeout = 30000 } = {}) {
  await page.evaluate(async (limit) => {
    // The element at the top of the window, to return to: the page above it may change height as it fills in.
    const anchor = document.elementFromPoint(innerWidth / 2, 2) ?? document.body;
    const offset = anchor.getBoundingClientRect().top;
    const atTop = window.scrollY === 0;
    const deadline = performance.now() + limit;
    while (document.body.dataset.figuresMounted !== 'all') {
      if (performance.now() > deadline) throw new Error('figures did not all mount');
      const next = [...document.querySelectorAll('[data-figure]:not([data-mounted]), [data-demo]:not([data-mounted])')]
        .find((e) => e.getClientRects().length);
      next?.scrollIntoView({ block: 'center', behavior: 'instant' });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    if (atTop) window.scrollTo({ top: 0, behavior: 'instant' });
    else window.scrollBy({ top: anchor.getBoundingClientRect().top - offset, behavior: 'instant' });
  }, timeout);
}

// Path for a test artefact (screenshots), creating the folder.
export function outputPath(name) {
  mkdirSync(outputDir, { recursive: true });
  return path.join(outputDir, name);
}

// Whether a canvas has any non-transparent pixel.
export function canvasIsDrawn(page, selector) {
  return page.$eval(selector, (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });
}

// A cheap fingerprint of a canvas's pixels, to see that a chart changed.
export function canvasFingerprint(page, selector) {
  return page.$eval(selector, (canvas) => canvas.toDataURL());
}

// axe violations as readable lines: rule, help text and the first few offending elements.
export const describeViolations = (violations) => violations
  .map((v) => `${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`)
  .join('\n');
