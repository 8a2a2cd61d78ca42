// Firefox through puppeteer-core over WebDriver BiDi (Debian's firefox-esr, or FIREFOX_PATH); no browser
// download. Problems are seen natively (console messages, page errors, requests as BiDi reports them; BiDi does
// not report file: loads) and by the in-page observers, installed as a preload script.
import puppeteer from 'puppeteer-core';
import { EnginePage } from './adapter.mjs';
import { installObservers } from './observers.mjs';

export const executable = () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

// Playwright-style key names ('Shift+ArrowRight') as puppeteer's down/press/up.
async function pressKey(keyboard, combo) {
  const keys = combo.split('+');
  const main = keys.pop();
  for (const k of keys) await keyboard.down(k);
  await keyboard.press(main);
  for (const k of keys.reverse()) await keyboard.up(k);
}

class FirefoxPage extends EnginePage {
  constructor(context, page) {
    super();
    this.engine = 'firefox';
    this.context = context;
    this.page = page;
    this.seen = [];
    page.on('console', (m) => { if (m.type() === 'error') this.seen.push(`console: ${m.text()}`); });
    page.on('pageerror', (err) => this.seen.push(`page error: ${err.message ?? err}`));
    page.on('request', (request) => {
      if (this.home && !this.isOwn(request.url())) this.seen.push(`foreign request: ${request.url()}`);
    });
  }

  nativeProblems() { return this.seen; }
  // Runs `fn` in every document before the page's own scripts.
  addInitScript(fn) { return this.page.evaluateOnNewDocument(fn); }
  navigate(url) { return this.page.goto(url); }
  url() { return this.page.url(); }
  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }
  click(selector) { return this.page.click(selector); }
  focus(selector) { return this.page.focus(selector); }
  async type(selector, text) {
    await this.page.click(selector);
    await this.page.evaluate((s) => document.querySelector(s).select(), selector);
    await this.page.keyboard.type(text);
  }
  press(key) { return pressKey(this.page.keyboard, key); }
  async pointerDrag(x0, y0, x1, y1) {
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    await this.page.mouse.move(x1, y1, { steps: 8 });
    await this.page.mouse.up();
  }
  setViewport(width, height) { return this.page.setViewport({ width, height }); }
  // The visible window only: Firefox's full-page captures paint black squares behind some slider thumbs.
  screenshotTo(file) { return this.page.screenshot({ path: file }); }
  close() { return this.context.close(); }
}

export async function launch() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: executable(), headless: true });
  return {
    name: 'firefox',
    version: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    async newPage({ width = 1280, height = 900 } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      await page.evaluateOnNewDocument(installObservers);
      return new FirefoxPage(context, page);
    },
    close: () => browser.close(),
  };
}
