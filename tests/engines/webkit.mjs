// WebKit (Safari's engine) through W3C WebDriver: Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser under
// Xvfb, with the `webdriver` client from npm. The driver runs in its own process group, killed as a whole at the
// end (xvfb-run, Xvfb, the driver and the browser).
//
// Classic WebDriver has no init scripts and no console or network events, so here the in-page observers start
// when a page has loaded. What happens before that is covered by: the lab's fatal message (the one console.error
// the page makes is when it cannot start, and then it also shows that message, which fails the journey), the
// buffered PerformanceObserver (it lists resources fetched before it started) and, over http, the server's
// report-only copy of the CSP (the browser reports violations to the test server from the first byte).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import WebDriver from 'webdriver';
import { EnginePage } from './adapter.mjs';
import { installObservers } from './observers.mjs';

export const driverPath = () => process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const browserPath = () => process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// W3C WebDriver key codes for the keys the journeys press.
const keyCodes = {
  Shift: '\uE008', Control: '\uE009', Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004', Home: '\uE011', End: '\uE010',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Backspace: '\uE003',
};
const keyActions = (combo) => {
  const keys = combo.split('+').map((k) => keyCodes[k] ?? k);
  return [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
};

const elementKey = 'element-6066-11e4-a52e-4f735466cecf';

const freePort = () => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

class WebKitPage extends EnginePage {
  constructor(client) {
    super();
    this.engine = 'webkit';
    this.client = client;
  }

  async navigate(url) {
    if (!this.frameSize) {
      await this.client.navigateTo(url);
      return;
    }
    // A viewport narrower than the window can be: the page goes into an iframe of that size at the top left, which
    // is its own viewport (media queries, innerWidth and layout all see the asked-for width), and the driver talks
    // to the frame from then on. The frame's host page comes from the journeys' server (servers.mjs, /__viewport):
    // WebKit leaves an http frame blank inside an about:blank or data: page opened by the driver.
    await this.client.switchToParentFrame().catch(() => {});
    const target = new URL(url);
    if (!target.protocol.startsWith('http')) throw new Error(`webkit: a ${this.frameSize.width} px viewport needs an http page, not ${url}`);
    const query = new URLSearchParams({ src: url, width: this.frameSize.width, height: this.frameSize.height });
    await this.client.navigateTo(`${target.origin}/__viewport?${query}`);
    // Into the frame once its page has loaded: the driver would stay with the frame's first, blank document.
    await this.waitFor(() => document.getElementById('viewport')?.dataset.loaded, undefined, { message: 'the viewport frame' });
    await this.client.switchToFrame({ [elementKey]: await this.element('#viewport') });
  }
  async afterLoad() { await this.evaluate(installObservers); }
  url() { return this.client.getUrl(); }
  // W3C Execute Script awaits a returned promise, so async functions work as in the other engines.
  evaluate(fn, arg) { return this.client.executeScript(`return (${fn.toString()})(arguments[0]);`, [arg]); }
  async element(selector) {
    const found = await this.client.findElement('css selector', selector);
    const id = found?.[elementKey];
    if (!id || found.error) throw new Error(`webkit: no element ${selector}`);
    return id;
  }
  async click(selector) {
    await this.scrollTo(selector);
    await this.client.elementClick(await this.element(selector));
  }
  async focus(selector) { await this.evaluate((s) => document.querySelector(s).focus(), selector); }
  async type(selector, text) {
    await this.click(selector);
    await this.evaluate((s) => document.querySelector(s).select(), selector);
    await this.actions([{ type: 'key', id: 'keyboard', actions: [...text].flatMap((c) => keyActions(c)) }]);
  }
  press(key) { return this.actions([{ type: 'key', id: 'keyboard', actions: keyActions(key) }]); }
  pointerDrag(x0, y0, x1, y1) {
    const move = (x, y, duration) => ({ type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration });
    const steps = Array.from({ length: 8 }, (_, i) => move(x0 + ((x1 - x0) * (i + 1)) / 8, y0 + ((y1 - y0) * (i + 1)) / 8, 15));
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [move(x0, y0, 0), { type: 'pointerDown', button: 0 }, ...steps, { type: 'pointerUp', button: 0 }] }]);
  }
  async actions(list) {
    await this.client.performActions(list);
    await this.client.releaseActions();
  }
  // The window is the viewport plus the browser's own frame: size it, then correct by what the page measures.
  // MiniBrowser's window has a minimum width (447 px here, its toolbar): narrower viewports are iframes.
  async setViewport(width, height) {
    this.frameSize = null;
    await this.client.setWindowRect(null, null, width, height);
    let inner = await this.evaluate(() => [innerWidth, innerHeight]);
    if (inner[0] !== width || inner[1] !== height) {
      await this.client.setWindowRect(null, null, 2 * width - inner[0], 2 * height - inner[1]);
      inner = await this.evaluate(() => [innerWidth, innerHeight]);
    }
    if (inner[0] !== width) this.frameSize = { width, height };
  }
  async screenshotTo(file) {
    let png;
    if (this.frameSize) {
      await this.client.switchToParentFrame();
      png = await this.client.takeElementScreenshot(await this.element('#viewport'));
      await this.client.switchToFrame({ [elementKey]: await this.element('#viewport') });
    } else {
      png = await this.client.takeScreenshot();
    }
    writeFileSync(file, Buffer.from(png, 'base64'));
  }
  async close() {
    if (this.frameSize) await this.client.switchToParentFrame();
    await this.client.navigateTo('about:blank');
  }
}

export async function launch() {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', driverPath(), `--port=${port}`],
    { detached: true, stdio: 'ignore' });
  const stop = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ } };
  // Also when the test process ends some other way (a crash, an uncaught error): no Xvfb or browser is left behind.
  process.once('exit', stop);
  try {
    const client = await WebDriver.newSession({
      hostname: '127.0.0.1', port, logLevel: 'error', connectionRetryCount: 20, connectionRetryTimeout: 60000,
      capabilities: {
        browserName: 'MiniBrowser',
        // The client would ask for a BiDi session, which WebKitWebDriver does not offer.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: browserPath(), args: ['--automation'] },
      },
    });
    return {
      name: 'webkit',
      version: `WebKitGTK ${client.capabilities.browserVersion}`,
      // One window for all journeys (MiniBrowser under automation has one); each journey starts from about:blank.
      async newPage({ width = 1280, height = 900 } = {}) {
        const page = new WebKitPage(client);
        await client.navigateTo('about:blank');
        await page.setViewport(width, height);
        return page;
      },
      async close() {
        try { await client.deleteSession(); } finally { stop(); }
      },
    };
  } catch (err) {
    stop();
    throw err;
  }
}
