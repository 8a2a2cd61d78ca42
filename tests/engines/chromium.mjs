// Chromium through playwright-core (Debian's /usr/bin/chromium, or CHROMIUM_PATH). Problems are seen natively
// (console messages, page errors, every request) and by the in-page observers, installed as an init script.
import { chromium } from 'playwright-core';
import { EnginePage } from './adapter.mjs';
import { installObservers } from './observers.mjs';

export const executable = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

class ChromiumPage extends EnginePage {
  constructor(context, page) {
    super();
    this.engine = 'chromium';
    this.context = context;
    this.page = page;
    this.seen = [];
    page.on('console', (m) => { if (m.type() === 'error') this.seen.push(`console: ${m.text()}`); });
    page.on('pageerror', (err) => this.seen.push(`page error: ${err.message}`));
    page.on('request', (request) => {
      if (this.home && !this.isOwn(request.url())) this.seen.push(`foreign request: ${request.url()}`);
    });
  }

  nativeProblems() { return this.seen; }
  // Runs `fn` in every document before the page's own scripts.
  addInitScript(fn) { return this.page.addInitScript(fn); }
  navigate(url) { return this.page.goto(url); }
  url() { return this.page.url(); }
  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }
  click(selector) { return this.page.click(selector); }
  focus(selector) { return this.page.focus(selector); }
  async type(selector, text) {
    await this.page.click(selector, { clickCount: 3 });
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }
  press(key) { return this.page.keyboard.press(key); }
  async pointerDrag(x0, y0, x1, y1) {
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    await this.page.mouse.move(x1, y1, { steps: 8 });
    await this.page.mouse.up();
  }
  setViewport(width, height) { return this.page.setViewportSize({ width, height }); }
  screenshotTo(file) { return this.page.screenshot({ path: file }); }
  close() { return this.context.close(); }

  // Touch, for the mobile journey: a tap at a point, and a one-finger drag (CDP touch events, which Chromium
  // turns into pointer events and a range input's own touch handling, as on a phone).
  tap(x, y) { return this.page.touchscreen.tap(x, y); }
  async touchDrag(x0, y0, x1, y1, steps = 8) {
    const cdp = await this.context.newCDPSession(this.page);
    const point = (x, y) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(x0, y0) });
    for (let i = 1; i <= steps; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }
}

export async function launch() {
  const browser = await chromium.launch({ executablePath: executable(), args });
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    // A fresh context per journey: nothing carries over from the previous one.
    async newPage({ width = 1280, height = 900, mobile = false } = {}) {
      const context = await browser.newContext(mobile
        ? { viewport: { width, height }, deviceScaleFactor: 3, hasTouch: true, isMobile: true }
        : { viewport: { width, height } });
      const page = await context.newPage();
      await page.addInitScript(installObservers);
      return new ChromiumPage(context, page);
    },
    close: () => browser.close(),
  };
}
