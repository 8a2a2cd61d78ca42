// The cross-engine journeys, written once against the adapter (adapter.mjs) and run in every engine by
// journeys.test.mjs. Each takes a fresh page and the run's context:
//   { engine, lab (http URL of dist/), host (the course page's URL), file (file:// URL of dist/), out (screenshot folder) }
import assert from 'node:assert/strict';
import path from 'node:path';

// Every chart canvas on the page and whether it has any non-transparent pixel.
function chartCanvases() {
  return [...document.querySelectorAll('[data-figure] canvas')].map((canvas) => {
    const box = canvas.closest('[data-figure]');
    const id = `${box.dataset.figure}${box.dataset.fn ? `:${box.dataset.fn}` : ''}${canvas.dataset.layer ? `/${canvas.dataset.layer}` : ''}`;
    if (!canvas.width || !canvas.height) return { id, drawn: false };
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return { id, drawn: true };
    return { id, drawn: false };
  });
}

const fingerprint = (selector) => document.querySelector(selector).toDataURL();

async function assertEveryChartDrawn(page) {
  const canvases = await page.evaluate(chartCanvases);
  assert.ok(canvases.length >= 34, `the lesson's charts are there (${canvases.length})`);
  assert.deepEqual(canvases.filter((c) => !c.drawn).map((c) => c.id), [], 'every chart is drawn');
  const formulas = await page.evaluate(() => document.querySelectorAll('.fn-section .formula math').length);
  assert.ok(formulas >= 21, `each function shows its formula as MathML (${formulas})`);
}

async function assertNoProblems(page, ctx) {
  assert.deepEqual(await page.problems(), [], `${page.engine}: no console error, CSP violation or foreign request`);
  assert.deepEqual(ctx.reports.splice(0), [], 'no CSP report reached the server');
}

const numbers = (text) => text.replace(/−/g, '-');

export const journeys = [
  {
    name: 'the one-file build from file://: every chart drawn, and its language link shows the English lesson',
    async run(page, ctx) {
      await page.open(`${ctx.file}activation-lab.html`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await assertEveryChartDrawn(page);
      await page.followNavigation(() => page.click('a[data-lang="en"]'));
      assert.match(await page.url(), /activation-lab\.html\?(.*&)?lang=en/);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.match(await page.evaluate(() => document.querySelector('h1').textContent), /Activation/);
      await page.mountAllFigures();
      await assertEveryChartDrawn(page);
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'a slider dragged with the pointer redraws its chart, and the URL follows',
    async run(page, ctx) {
      await page.open(`${ctx.lab}en/index.html#fn-leaky_relu`, { mountAll: false });
      const figure = '#fn-leaky_relu [data-figure="curve"]';
      const slider = `${figure} input[data-param="negative_slope"]`;
      await page.mounted(figure);
      const before = await page.evaluate(fingerprint, `${figure} canvas`);
      assert.equal(await page.evaluate((s) => document.querySelector(s).value, slider), '0.01');
      await page.dragSlider(slider, 0.75);
      const { value, min, max, shown } = await page.evaluate((s) => {
        const input = document.querySelector(s);
        return { value: Number(input.value), min: Number(input.min), max: Number(input.max),
          shown: input.closest('.slider, label, div').querySelector('.slider-value')?.textContent };
      }, slider);
      const fraction = (value - min) / (max - min);
      assert.ok(Math.abs(fraction - 0.75) < 0.1, `the thumb went where it was dragged (${value} in [${min}, ${max}])`);
      assert.equal(Number(numbers(shown ?? '')), value, 'the value beside the slider follows');
      assert.notEqual(await page.evaluate(fingerprint, `${figure} canvas`), before, 'the curve is redrawn');
      await page.waitFor((v) => new URLSearchParams(location.search).get('leaky_relu.negative_slope') === String(v), value,
        { message: 'the URL to carry the slope' });
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'a number field rejects bad input with its message and keeps the last good table',
    async run(page, ctx) {
      await page.open(`${ctx.lab}en/index.html#fn-sigmoid`, { mountAll: false });
      const box = '#fn-sigmoid [data-figure="try-it"]';
      await page.mounted(box);
      const state = () => page.evaluate((s) => ({
        message: document.querySelector(`${s} .field-message`).textContent,
        rows: document.querySelectorAll(`${s} tbody tr`).length,
      }), box);
      const enter = async (text) => {
        await page.type(`${box} .try-count`, text);
        await page.press('Enter');
      };
      const start = await state();
      await enter('21');
      assert.deepEqual(await state(), { message: 'Enter a whole number from 1 to 20.', rows: start.rows });
      await enter('0x10');
      assert.deepEqual(await state(), { message: 'Enter a number in decimal notation, such as −2.5 or 1e-3.', rows: start.rows });
      await enter('5');
      assert.deepEqual(await state(), { message: '', rows: 5 });
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'the neuron computes z = w·x + b and f(z), set from its sliders and the keyboard',
    async run(page, ctx) {
      await page.open(`${ctx.lab}en/index.html`, { mountAll: false });
      await page.mounted('[data-figure="neuron"]');
      const set = { x1: 1.5, x2: -0.5, x3: 2, w1: 0.4, w2: -1.2, w3: 0.3, b: -0.7 };
      await page.evaluate((values) => {
        for (const [name, value] of Object.entries(values)) {
          const input = document.querySelector(`input[data-neuron="${name}"]`);
          input.value = String(value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }, set);
      // One step more on x1 from the keyboard, as a student without a mouse would.
      await page.focus('input[data-neuron="x1"]');
      await page.press('ArrowRight');
      const x1 = await page.evaluate(() => Number(document.querySelector('input[data-neuron="x1"]').value));
      assert.ok(x1 > set.x1, `ArrowRight moves the x1 slider (${x1})`);
      const z = set.w1 * x1 + set.w2 * set.x2 + set.w3 * set.x3 + set.b;
      const expected = { relu: Math.max(0, z), sigmoid: 1 / (1 + Math.exp(-z)), tanh: Math.tanh(z), identity: z };
      for (const [id, output] of Object.entries(expected)) {
        await page.select('#neuron-fn', id);
        const got = await page.evaluate(() => ({
          z: Number(document.querySelector('.neuron-z').dataset.value), out: Number(document.querySelector('.neuron-out').dataset.value),
        }));
        assert.ok(Math.abs(got.z - z) < 1e-12, `z = ${got.z}, expected ${z}`);
        assert.ok(Math.abs(got.out - output) < 1e-12, `${id}(z) = ${got.out}, expected ${output}`);
      }
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'the non-linearity demo trains epoch by epoch and while playing',
    async run(page, ctx) {
      await page.open(`${ctx.lab}en/index.html#why-nonlinearity`, { mountAll: false });
      const demo = '[data-demo="nonlinearity"]';
      await page.mounted(demo);
      const epoch = () => page.evaluate((s) => Number(document.querySelector(`${s} [data-readout="chosen"]`).dataset.epoch), demo);
      for (let i = 1; i <= 3; i++) {
        await page.click(`${demo} [data-control="step"]`);
        assert.equal(await epoch(), i, 'one epoch a click');
      }
      await page.click(`${demo} [data-control="play"]`);
      await page.waitFor((s) => Number(document.querySelector(`${s} [data-readout="chosen"]`).dataset.epoch) >= 40, demo,
        { timeout: 30000, message: 'training to run' });
      await page.click(`${demo} [data-control="play"]`);
      const paused = await epoch();
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await epoch(), paused, 'pausing stops it');
      const { accuracy, drawn } = await page.evaluate((s) => ({
        accuracy: Number(document.querySelector(`${s} [data-readout="chosen"]`).dataset.accuracy),
        drawn: [...document.querySelectorAll(`${s} canvas`)].some((c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v)),
      }), demo);
      assert.ok(accuracy >= 0 && accuracy <= 1, `accuracy ${accuracy}`);
      assert.ok(drawn, 'the decision map is drawn');
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'the training lab plays with each epoch\'s view from its worker, and paused shows the view of its last epoch',
    async run(page, ctx) {
      await page.open(`${ctx.lab}en/index.html?lab.layers=6,6#lab-network`, { mountAll: false });
      const lab = '[data-demo="lab"]';
      await page.mounted(lab);
      await page.click(`${lab} [data-control="play"]`);
      await page.waitFor((s) => {
        const e = document.querySelector(s);
        return e.dataset.viewFrom === 'worker' && Number(e.dataset.viewEpoch) >= 5;
      }, lab, { timeout: 30000, message: 'views from the worker' });
      await page.click(`${lab} [data-control="play"]`);
      await page.waitFor((s) => document.querySelector(s).dataset.viewEpoch === document.querySelector(s).dataset.epoch, lab,
        { message: 'the view of the epoch paused at' });
      const shown = await page.evaluate((s) => {
        const e = document.querySelector(s);
        const drawn = (c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v);
        return { epoch: e.dataset.epoch, viewEpoch: e.dataset.viewEpoch, loss: Number(e.querySelector('[data-readout="result"]').dataset.trainLoss),
          drawn: [...e.querySelectorAll('canvas[data-layer="map"], .lab-thumb')].every(drawn) };
      }, lab);
      assert.equal(shown.viewEpoch, shown.epoch, 'the view shown is of the epoch paused at');
      assert.ok(Number.isFinite(shown.loss) && shown.loss > 0, `training loss ${shown.loss}`);
      assert.ok(shown.drawn, 'the map and every thumbnail are drawn');
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'the one-file build from file:// plays the lab with its views from a worker started from a blob',
    async run(page, ctx) {
      await page.open(`${ctx.file}activation-lab.html?lang=en&lab.layers=4,4#lab-network`, { mountAll: false });
      const lab = '[data-demo="lab"]';
      await page.mounted(lab);
      await page.click(`${lab} [data-control="play"]`);
      await page.waitFor((s) => {
        const e = document.querySelector(s);
        return e.dataset.viewFrom === 'worker' && Number(e.dataset.viewEpoch) >= 5;
      }, lab, { timeout: 30000, message: 'views from the worker' });
      await page.click(`${lab} [data-control="play"]`);
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'embedded in a course page on another origin, the frame fits its content (lti.frameResize too) and follows it',
    async run(page, ctx) {
      page.allowOrigin(ctx.lab);
      await page.goto(`${ctx.host}?frame=${encodeURIComponent('embed=1&part=fn&fn=leaky_relu&id=7')}`);
      await page.afterLoad();
      const heights = () => page.evaluate(() => {
        const ours = window.labMessages.filter((m) => m?.type === 'activation-lab:height');
        const lti = window.labMessages.filter((m) => m?.subject === 'lti.frameResize');
        return { ours: ours.map((m) => m.height), ids: ours.map((m) => m.id), lti: lti.map((m) => m.height),
          frame: document.getElementById('lab').clientHeight };
      });
      await page.waitFor(() => {
        const last = window.labMessages.filter((m) => m?.type === 'activation-lab:height').at(-1);
        return last && Math.abs(document.getElementById('lab').clientHeight - last.height) < 1;
      }, undefined, { message: 'the frame to take the height the lab posts' });
      const first = await heights();
      assert.deepEqual(first.lti, first.ours, 'Canvas\'s lti.frameResize carries the same heights');
      assert.ok(first.ids.every((id) => id === 7), 'our message carries the id= of the URL');
      assert.ok(first.ours.at(-1) > 300, `the view is taller than the snippet's 300 px (${first.ours.at(-1)})`);
      // A narrower frame wraps the controls: the view grows and posts it, and the frame follows.
      await page.evaluate(() => { document.getElementById('lab').style.width = '320px'; });
      await page.waitFor((h) => {
        const last = window.labMessages.filter((m) => m?.type === 'activation-lab:height').at(-1);
        return last.height > h && Math.abs(document.getElementById('lab').clientHeight - last.height) < 1;
      }, first.ours.at(-1), { message: 'the frame to follow the narrower view' });
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'keyboard: the crosshair moves with the arrow keys, and the language switch works with Tab and Enter',
    async run(page, ctx) {
      await page.open(`${ctx.lab}en/index.html?leaky_relu.negative_slope=0.3#fn-sigmoid`, { mountAll: false });
      const figure = '#fn-sigmoid [data-figure="curve"]';
      await page.mounted(figure);
      const read = () => page.evaluate((s) => {
        const text = document.querySelector(`${s} .readout`).textContent.replace(/−/g, '-');
        const m = text.match(/x = (\S+)\s+f\(x\) = (\S+)\s+f′\(x\) = (\S+)/);
        return m ? { x: Number(m[1]), f: Number(m[2]), df: Number(m[3]) } : null;
      }, figure);
      await page.focus(`${figure} canvas`);
      await page.press('ArrowRight');
      assert.equal((await read())?.x, 0, 'the first key press shows the crosshair at x = 0');
      for (let i = 0; i < 10; i++) await page.press('ArrowRight');
      await page.press('Shift+ArrowRight');
      const { x, f, df } = await read();
      assert.ok(Math.abs(x - 2) < 0.05, `ten small steps and one Shift step: x = ${x}`);
      const s = 1 / (1 + Math.exp(-x));
      assert.ok(Math.abs(f - s) < 1e-3 && Math.abs(df - s * (1 - s)) < 1e-3, `σ(${x}) = ${f}, σ′ = ${df}`);
      await page.press('Escape');
      assert.equal(await read(), null, 'Escape hides it');

      // From the top of the page (the skip link), Tab reaches the other language's link; Enter follows it with the state.
      await page.focus('.skip-link');
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        await page.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.matches('a[data-lang="zh"]'));
      }
      assert.ok(reached, 'Tab reaches the 中文 link');
      await page.followNavigation(() => page.press('Enter'));
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await page.mounted('#fn-leaky_relu [data-figure="curve"]');
      assert.equal(await page.evaluate(() => document.querySelector('#fn-leaky_relu input[data-param="negative_slope"]').value), '0.3',
        'the state came along');
      await assertNoProblems(page, ctx);
    },
  },

  {
    name: 'a browser without WebAssembly SIMD or DecompressionStream gets a clear message in its language, and the lesson',
    engines: ['chromium', 'firefox'],
    why: 'it needs a script that runs before the page, which classic WebDriver does not have',
    async run(page, ctx) {
      await page.addInitScript(() => {
        if (sessionStorage.getItem('alab-test-old') === 'no-decompression') delete window.DecompressionStream;
        else WebAssembly.validate = () => false;
      });
      for (const [url, old, expected] of [[ctx.lab, 'no-simd', /浏览器版本过旧.*Safari 16\.4\+/], [`${ctx.lab}en/index.html`, 'no-decompression', /too old.*Firefox 113\+/]]) {
        await page.goto(url);
        // The init script reads which feature to take away at the start of the reloaded page.
        await page.evaluate((how) => {
          sessionStorage.setItem('alab-test-old', how);
          window.__alabLeaving = true;
          setTimeout(() => location.reload());
        }, old);
        const shown = await page.waitFor(() => {
          const box = document.querySelector('#load-status.fatal');
          return !window.__alabLeaving && document.readyState === 'complete' && box && !box.hidden && box.getClientRects().length
            ? box.textContent : null;
        }, undefined, { message: 'the message for an old browser' });
        assert.match(shown, expected);
        const lesson = await page.evaluate(() => ({ headings: document.querySelectorAll('main h2').length, formulas: document.querySelectorAll('.formula math').length }));
        assert.ok(lesson.headings >= 6 && lesson.formulas >= 21, `the lesson is still there (${JSON.stringify(lesson)})`);
      }
    },
  },

  ...['zh', 'en'].flatMap((lang) => [360, 1280].map((width) => ({
    name: `the ${lang === 'zh' ? 'Chinese (root)' : 'English'} page over http at ${width} px: every chart drawn, `
      + 'nothing overflows the page or a function\'s section; screenshots',
    viewport: { width, height: 800 },
    async run(page, ctx) {
      await page.open(lang === 'zh' ? ctx.lab : `${ctx.lab}en/index.html`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en');
      await assertEveryChartDrawn(page);
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        const wide = [];
        for (const section of document.querySelectorAll('.fn-section')) {
          const box = section.getBoundingClientRect();
          for (const e of section.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width && (r.left < box.left - 1 || r.right > box.right + 1)) {
              wide.push(`${section.id} ${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}`);
              break;
            }
          }
        }
        return { page: doc.scrollWidth - doc.clientWidth, wide };
      });
      assert.equal(overflow.page, 0, 'no horizontal scrolling of the page');
      assert.deepEqual(overflow.wide, [], 'nothing sticks out of a function\'s section');
      const shots = { top: null, gelu_tanh: '#fn-gelu_tanh', hardtanh: '#fn-hardtanh', neuron: '[data-figure="neuron"]', demo: '[data-demo="vanishing"]' };
      for (const [name, selector] of Object.entries(shots)) {
        if (selector) await page.scrollTo(selector, 'start');
        else await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot(path.join(ctx.out, `${lang}-${width}-${name}.png`));
      }
      await assertNoProblems(page, ctx);
    },
  }))),
];
