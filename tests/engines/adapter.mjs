// The engine adapter the journeys are written against. Each engine file (chromium.mjs, firefox.mjs, webkit.mjs)
// supplies a few primitives; everything else is built here from them, the same for all engines:
//   goto(url), evaluate(fn, arg), click(selector), focus(selector), type(selector, text), press(key),
//   dragSlider(selector, fraction), screenshot(file), setViewport(width, height), problems(), close()
// Keys are named as in Playwright ('ArrowRight', 'Shift+ArrowRight', 'Enter', 'Escape', 'Tab', 'Home').
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readObservers } from './observers.mjs';

export class EnginePage {
  // Origins besides the page's own that it may load from (a course page embedding the lab allows the lab's).
  allowed = [];

  allowOrigin(url) { this.allowed.push(new URL(url).origin); }

  // Waits until `fn(arg)` (run in the page) is truthy; evaluation errors while a page is being replaced count as
  // "not yet". Resolves to its value.
  async waitFor(fn, arg, { timeout = 20000, message = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await this.evaluate(fn, arg);
        if (value) return value;
      } catch (err) {
        last = err;
      }
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for ${message}${last ? ` (${last.message})` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // Navigates; the address's origin is the page's own from then on (links followed stay on it).
  async goto(url) {
    this.home = new URL(url);
    await this.navigate(url);
  }

  // Whether a request from the page to `url` stays at home: data:, blob:, the page's origin (file: for a
  // page from file://) or an allowed origin.
  isOwn(url) {
    const target = new URL(url);
    if (['data:', 'blob:'].includes(target.protocol)) return true;
    if (this.home.protocol === 'file:') return target.protocol === 'file:';
    return target.origin === this.home.origin || this.allowed.includes(target.origin);
  }

  // Scrolls the figure or demo `selector` into view until it has mounted.
  async mounted(selector) {
    await this.waitFor((s) => {
      const e = document.querySelector(s);
      e?.scrollIntoView({ block: 'center', behavior: 'instant' });
      return e?.dataset.mounted;
    }, selector, { message: `${selector} to mount` });
  }

  // Opens `url` and waits until the lab has started; a lab that shows its fatal message fails the journey.
  async open(url, { mountAll = true } = {}) {
    await this.goto(url);
    await this.waitReady();
    if (mountAll) await this.mountAllFigures();
  }

  async waitReady() {
    await this.waitFor(() => document.body?.dataset.ready === 'true' || document.querySelector('#load-status.fatal'),
      undefined, { message: 'the lab to start' });
    await this.afterLoad();
    const fatal = await this.evaluate(() => document.querySelector('#load-status.fatal')?.textContent ?? null);
    if (fatal) throw new Error(`${this.engine}: the lab did not start: ${fatal}`);
  }

  // Hook for engines that can only start watching once a page has loaded.
  async afterLoad() {}

  // Runs `action` (which leaves the page through a link) and waits for the next page to be ready.
  async followNavigation(action) {
    await this.evaluate(() => { window.__alabLeaving = true; });
    await action();
    await this.waitFor(() => !window.__alabLeaving && document.body?.dataset.ready === 'true', undefined, { message: 'the next page' });
    await this.waitReady();
  }

  // Scrolls through the page as a reader would until every figure has mounted, then back to the top.
  async mountAllFigures() {
    await this.evaluate(async () => {
      const deadline = performance.now() + 30000;
      while (document.body.dataset.figuresMounted !== 'all') {
        if (performance.now() > deadline) throw new Error('figures did not all mount');
        const next = [...document.querySelectorAll('[data-figure]:not([data-mounted]), [data-demo]:not([data-mounted])')]
          .find((e) => e.getClientRects().length);
        next?.scrollIntoView({ block: 'center', behavior: 'instant' });
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      window.scrollTo({ top: 0, behavior: 'instant' });
      return true;
    });
  }

  // Scrolls an element to the middle of the window; resolves to its rectangle in viewport CSS pixels once it has
  // stayed put for two frames (sections above it may still be laying out, and WebKit has no scroll anchoring).
  async scrollTo(selector, block = 'center') {
    const rect = await this.evaluate(async ({ selector: s, block: b }) => {
      const e = document.querySelector(s);
      if (!e) return null;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      let last = '';
      for (let i = 0; i < 30; i++) {
        e.scrollIntoView({ block: b, behavior: 'instant' });
        await frame();
        const r = e.getBoundingClientRect();
        const now = JSON.stringify([r.left, r.top, r.width, r.height]);
        if (now === last) return { x: r.left, y: r.top, width: r.width, height: r.height };
        last = now;
      }
      return null;
    }, { selector, block });
    if (!rect) throw new Error(`${this.engine}: no element ${selector}`);
    return rect;
  }

  // Drags a range input's thumb with the pointer, from where its value puts it to `fraction` of its track.
  async dragSlider(selector, fraction) {
    const rect = await this.scrollTo(selector);
    const at = await this.evaluate((s) => {
      const input = document.querySelector(s);
      return (Number(input.value) - Number(input.min)) / (Number(input.max) - Number(input.min));
    }, selector);
    // The thumb's centre travels between half a thumb from either end (thumbs are about 16 px wide).
    const x = (f) => Math.round(rect.x + 8 + f * (rect.width - 16));
    const y = Math.round(rect.y + rect.height / 2);
    await this.pointerDrag(x(at), y, x(fraction), y);
  }

  // Chooses an option of a <select> as a user's choice does: value set, then input and change.
  async select(selector, value) {
    await this.evaluate(({ s, v }) => {
      const select = document.querySelector(s);
      select.value = v;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, { s: selector, v: value });
  }

  // Console errors, CSP violations and foreign requests seen so far.
  async problems() {
    return [...this.nativeProblems(), ...await this.evaluate(readObservers, this.allowed)];
  }

  nativeProblems() { return []; }

  async screenshot(file) {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.screenshotTo(file);
  }
}
