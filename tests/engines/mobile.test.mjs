// A phone, in Chromium's touch emulation: 360×740 CSS px at a device scale factor of 3, touch only (no hover).
// A slider follows a finger, a tap on a chart shows the crosshair readout, menus open with a tap, nothing is
// reachable only by hovering, and the page never scrolls sideways. Runs when BROWSERS includes chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { engines, selectedEngines } from './engines.mjs';
import { startLabServer } from './servers.mjs';

const wanted = selectedEngines().includes('chromium');
const missing = wanted ? engines.chromium.missing() : null;
let lab;
let engine;
let page;

if (!wanted) {
  test('mobile (Chromium touch emulation): not run', { skip: `chromium not in BROWSERS=${process.env.BROWSERS}` }, () => {});
} else if (missing) {
  if (process.env.CI === 'true') test('mobile: Chromium installed', () => assert.fail(missing));
  else test('mobile: Chromium installed', { skip: missing }, () => {});
} else {
  before(async () => {
    lab = await startLabServer();
    engine = await engines.chromium.launch();
    page = await engine.newPage({ width: 360, height: 740, mobile: true });
    await page.open(`${lab.url}en/index.html`);
  });
  after(async () => {
    await page?.close();
    await engine?.close();
    await lab?.close();
  });

  test('a phone: 360 px at 3× pixels, touch and no hover, and the page never scrolls sideways', async () => {
    const device = await page.evaluate(() => ({
      width: innerWidth, ratio: devicePixelRatio, hoverless: matchMedia('(hover: none)').matches,
      coarse: matchMedia('(pointer: coarse)').matches, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    assert.deepEqual(device, { width: 360, ratio: 3, hoverless: true, coarse: true, sideways: 0 });
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('#fn-relu [data-figure="curve"] canvas');
      return { backing: c.width, css: c.getBoundingClientRect().width };
    });
    assert.ok(Math.abs(canvas.backing / canvas.css - 3) < 0.02, `charts are drawn at the screen's resolution (${JSON.stringify(canvas)})`);
  });

  test('nothing needs hover: no :hover rule shows, hides or moves anything', async () => {
    const rules = await page.evaluate(() => {
      const found = [];
      const visit = (list) => {
        for (const rule of list) {
          // Rules under a media condition this phone does not meet, such as (hover: hover), never apply here.
          if (rule.cssRules && (!rule.media || matchMedia(rule.media.mediaText).matches)) visit(rule.cssRules);
          if (!rule.selectorText?.includes(':hover')) continue;
          const changes = [...rule.style].filter((p) => /^(display|visibility|opacity|position|height|width|max-height|transform|pointer-events|content)$/.test(p));
          if (changes.length) found.push(`${rule.selectorText} { ${changes.join(', ')} }`);
        }
      };
      for (const sheet of document.styleSheets) visit(sheet.cssRules);
      return found;
    });
    assert.deepEqual(rules, [], 'hover may only recolour');
  });

  test('a finger drags a slider: the value, the chart and the URL follow', async () => {
    const figure = '#fn-leaky_relu [data-figure="curve"]';
    const slider = `${figure} input[data-param="negative_slope"]`;
    await page.mounted(figure);
    const before = await page.evaluate((s) => document.querySelector(s).toDataURL(), `${figure} canvas`);
    const rect = await page.scrollTo(slider);
    const y = rect.y + rect.height / 2;
    const from = await page.evaluate((s) => {
      const i = document.querySelector(s);
      return (Number(i.value) - Number(i.min)) / (Number(i.max) - Number(i.min));
    }, slider);
    await page.touchDrag(rect.x + 8 + from * (rect.width - 16), y, rect.x + 8 + 0.6 * (rect.width - 16), y);
    const { value, fraction } = await page.evaluate((s) => {
      const i = document.querySelector(s);
      return { value: Number(i.value), fraction: (Number(i.value) - Number(i.min)) / (Number(i.max) - Number(i.min)) };
    }, slider);
    assert.ok(Math.abs(fraction - 0.6) < 0.1, `the thumb followed the finger (value ${value})`);
    assert.notEqual(await page.evaluate((s) => document.querySelector(s).toDataURL(), `${figure} canvas`), before, 'the curve is redrawn');
    await page.waitFor((v) => new URLSearchParams(location.search).get('leaky_relu.negative_slope') === String(v), value, { message: 'the URL' });
  });

  test('a tap on a chart shows the crosshair readout, read from the module', async () => {
    const figure = '#fn-relu [data-figure="curve"]';
    await page.mounted(figure);
    const rect = await page.scrollTo(`${figure} canvas`);
    await page.tap(rect.x + rect.width * 0.8, rect.y + rect.height / 2);
    // Chart.js handles pointer events in the next animation frame, so the readout follows the tap shortly after.
    await page.waitFor((s) => /x = /.test(document.querySelector(`${s} .readout`).textContent), figure, { timeout: 5000, message: 'the readout after the tap' })
      .catch(() => {});
    const text = await page.evaluate((s) => document.querySelector(`${s} .readout`).textContent.replace(/−/g, '-'), figure);
    const match = text.match(/x = (\S+)\s+f\(x\) = (\S+)\s+f′\(x\) = (\S+)/);
    assert.ok(match, `a readout after the tap: "${text}"`);
    assert.ok(Number(match[1]) > 0 && Math.abs(Number(match[2]) - Number(match[1])) < 1e-3 && match[3] === '1', text);
  });

  test('the export menu opens with a tap', async () => {
    const summary = '#fn-relu .export-menu summary';
    const rect = await page.scrollTo(summary);
    await page.tap(rect.x + rect.width / 2, rect.y + rect.height / 2);
    assert.equal(await page.evaluate((s) => document.querySelector(s).parentElement.open, summary), true);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'still nothing sideways');
    assert.deepEqual(await page.problems(), []);
    assert.deepEqual(lab.reports, []);
  });
}
