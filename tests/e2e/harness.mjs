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
    async open(address, { width = 1280, height = 900, locale = 'en-US', colorScheme = 'light' } = {}) {
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
        const allowed = target.protocol === 'data:' || (own.protocol === 'file:' ? target.protocol === 'file:' : target.origin === own.origin);
        if (!allowed) problems.push(`foreign request: ${request.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(address);
      await page.waitForSelector('body[data-ready="true"], #load-status.fatal', { timeout: 20000 });
      return { page, context, problems };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Waits until every figure on the page has been mounted (they mount lazily, then when the browser is idle).
export async function waitForAllFigures(page) {
  await page.waitForSelector('body[data-figures-mounted="all"]', { timeout: 30000 });
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
