// Entry point: loads the module, builds every function section from its catalogue, reads the view from the
// URL, mounts figures and demos, and keeps URL, language and figures in step with one state object.
import formulas from '@generated/formulas.json';
import { demos } from './demos/index.js';
import { setAttr } from './dom.js';
import { figures } from './figures/index.js';
import { buildFunctionSections } from './function-section.js';
import { applyStrings, browserLanguage, hasString, languages, setLanguage, t } from './i18n.js';
import { pageSchema } from './page-state.js';
import { setUpEmbedding } from './embed/index.js';

const urlDelayMs = 200;

function showFatal(message) {
  const box = document.getElementById('load-status');
  box.textContent = message;
  box.hidden = false;
  box.classList.add('fatal');
}

// Mounts figures one per task, so no single task grows long: those coming near the viewport first, the rest when
// the browser is idle.
function mountLazily(elements, mountOne) {
  const pending = new Set(elements);
  const nearView = new Set();
  let soonScheduled = false;
  let idleScheduled = false;
  const mountNow = (element) => {
    if (!pending.delete(element)) return;
    nearView.delete(element);
    observer.unobserve(element);
    mountOne(element);
  };
  const mountNext = () => {
    const next = nearView.values().next().value ?? pending.values().next().value;
    if (!next) {
      document.body.dataset.figuresMounted = 'all';
      return;
    }
    try {
      mountNow(next);
    } finally {
      schedule();
    }
  };
  // The idle timeout keeps the chain going when a running demo leaves the browser no idle time.
  const idle = window.requestIdleCallback ? (fn) => requestIdleCallback(fn, { timeout: 250 }) : (fn) => setTimeout(fn, 30);
  function schedule() {
    if (nearView.size && !soonScheduled) {
      soonScheduled = true;
      setTimeout(() => { soonScheduled = false; mountNext(); }, 0);
    }
    if (!idleScheduled) {
      idleScheduled = true;
      idle(() => { idleScheduled = false; mountNext(); });
    }
  }
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting && pending.has(entry.target)) nearView.add(entry.target);
    schedule();
  }, { rootMargin: '400px 0px' });
  pending.forEach((element) => observer.observe(element));
  schedule();
}

const isOnScreen = (element) => element.getBoundingClientRect().top < window.innerHeight;

// Resolves in a task after the next frame has been painted (or after 100 ms where no frame comes: a hidden tab).
function afterNextPaint() {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    requestAnimationFrame(done);
    setTimeout(done, 100);
  });
}

const pinMs = 3000;
const readerInputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

// A link to a part of the lesson (#fn-gelu, #summary, or the state's section) lands there once the page is built:
// the browser looked for the element before it existed. Figures near it then mount and take their real size,
// which moves it (a summary table below an unmounted compare chart moved 700 px), so it stays pinned to the top
// whenever the page's size changes, until the reader scrolls, clicks or types, or for 3 s.
function showLinkedPart(section) {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = (id && document.getElementById(id)) || (section && document.getElementById(section));
  if (!target) return;
  const show = () => target.scrollIntoView({ behavior: 'instant' });
  const resized = new ResizeObserver(show);
  const stop = () => {
    resized.disconnect();
    for (const type of readerInputs) removeEventListener(type, stop, true);
  };
  show();
  resized.observe(document.body);
  for (const type of readerInputs) addEventListener(type, stop, { capture: true, passive: true });
  setTimeout(stop, pinMs);
}

async function start() {
  const lab = await window.createActivationLab();
  performance.mark('alab-module-ready');
  // The page's own module instance, for curious students in the console and for the memory test.
  window.activationLab = lab;
  const rows = lab.catalogue();
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const groups = [...new Set(rows.map((row) => row.group))];
  const schema = pageSchema(rows, browserLanguage(), languages, lab.demoOptions());
  let state = schema.read(location.search);
  const updates = new Set();
  let urlTimer = 0;

  const writeUrl = () => {
    urlTimer = 0;
    try {
      history.replaceState(null, '', `${location.pathname}${schema.write(state, ['lang'])}${location.hash}`);
    } catch {
      // Some file:// set-ups refuse history changes; the page works the same without a shareable URL.
    }
  };
  // Figures out of view only note that they are stale and catch up when they scroll into view, so a slider
  // redraws its own chart at once and not every chart on the page.
  const figureViews = new Map();
  // While a slider is dragged, the canvases of figures out of view rest (`canvas[data-resting]` is hidden).
  // Chromium composites every canvas within a few thousand pixels of the viewport and, when it composites in
  // software (no GPU, or a blocklisted one), hands each of them to the compositor again in every frame that
  // changes anything: ~0.05 ms a canvas, about twelve around a function section. They wake when the drag ends
  // (`change`), after 500 ms without input, or as they come into view, so none is ever hidden on screen or
  // once the controls have settled.
  const resting = new Set();
  let dragTimer = 0;
  const wake = (canvases = [...resting]) => {
    for (const canvas of canvases) {
      delete canvas.dataset.resting;
      resting.delete(canvas);
    }
  };
  const endDrag = () => {
    clearTimeout(dragTimer);
    dragTimer = 0;
    wake();
  };
  document.addEventListener('input', (event) => {
    if (event.target.type !== 'range') return;
    if (!dragTimer) {
      for (const [element, view] of figureViews) {
        if (view.visible) continue;
        for (const canvas of element.querySelectorAll('canvas')) {
          canvas.dataset.resting = '';
          resting.add(canvas);
        }
      }
    }
    clearTimeout(dragTimer);
    dragTimer = setTimeout(endDrag, 500);
  }, true);
  document.addEventListener('change', endDrag, true);
  const viewObserver = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const view = figureViews.get(entry.target);
      view.visible = entry.isIntersecting;
      if (view.visible && resting.size) wake([...entry.target.querySelectorAll('canvas')].filter((c) => resting.has(c)));
      if (view.visible && view.stale) {
        view.stale = false;
        view.update(state);
      }
    }
  }, { rootMargin: '200px 0px' });
  const refresh = () => {
    for (const update of updates) update(state);
    const focused = document.activeElement;
    for (const [element, view] of figureViews) {
      // The figure holding the focused control always follows at once, even before the observer has seen it.
      if (view.visible || element.contains(focused)) view.update(state);
      else view.stale = true;
    }
  };
  const setState = (patch) => {
    const next = { ...state };
    for (const [name, value] of Object.entries(patch)) if (schema.has(name)) next[name] = value;
    const langChanged = next.lang !== state.lang;
    state = next;
    if (langChanged) setLanguage(state.lang);
    refresh();
    // Once the changes pause: history.replaceState takes ~1 ms in Chromium, which every few frames of a drag
    // would show as a late frame (it used to be written every 200 ms while a slider moved).
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrl, urlDelayMs);
  };
  const sectionOf = (element) => element.closest('section[id]')?.id ?? '';
  const api = { lab, rows, rowById, groups, formulas, t, hasString, state: () => state, setState, sectionOf };

  // An embedded part may be a function's; otherwise the sections are built after the first curve is painted.
  if (state.embed) buildFunctionSections(rows, formulas);
  const embedding = setUpEmbedding(api, schema);
  setLanguage(state.lang);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setState({ lang: button.dataset.lang }));
  }
  const markLanguage = () => document.querySelectorAll('[data-lang]').forEach((b) => setAttr(b, 'aria-pressed', String(b.dataset.lang === state.lang)));
  updates.add(markLanguage);

  const mountFigure = (element) => {
    const mount = figures[element.dataset.figure];
    const update = mount(element, api);
    applyStrings(element);
    figureViews.set(element, { update, visible: true, stale: false });
    viewObserver.observe(element);
    update(state);
    element.dataset.mounted = 'true';
    // The benchmark reads this mark: navigation → first chart on screen.
    if (element.querySelector('canvas') && !performance.getEntriesByName('alab-first-curve').length) performance.mark('alab-first-curve');
  };
  for (const container of document.querySelectorAll('[data-demo]')) {
    const demo = demos.find((d) => d.id === container.dataset.demo);
    if (!demo) {
      container.hidden = true;
      continue;
    }
    container.dataset.figure = `demo:${demo.id}`;
    figures[container.dataset.figure] = demo.mount;
  }
  refresh();
  performance.mark('alab-page-built');
  const figuresToMount = () => embedding.figures([...document.querySelectorAll('[data-figure]:not([data-mounted])')]);
  document.getElementById('load-status').hidden = true;
  // The first figure (the neuron, or the embedded part), when it is on screen, is drawn before the next paint.
  const [first] = figuresToMount();
  if (first && isOnScreen(first)) mountFigure(first);
  if (!state.embed) {
    // The 21 function sections below it are built after that paint.
    await afterNextPaint();
    buildFunctionSections(rows, formulas);
    embedding.addFunctionButtons(document);
    for (const id of ['article-functions', 'family-groups']) applyStrings(document.getElementById(id));
  }
  mountLazily(figuresToMount(), mountFigure);
  showLinkedPart(state.section);
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  console.error(err);
  showFatal(`Activation Lab could not start: ${err.message}`);
});
