// Entry point. The lesson is already in the page (the build wrote it); this reads the view from the URL,
// arranges embed mode, loads the module, mounts figures and demos as they come near the viewport, and keeps
// the URL, the language links and the figures in step with one state object.
import catalogue from '@generated/catalogue.json';
import { demos } from './demos/index.js';
import { figures } from './figures/index.js';
import { watchFormulaOverflow } from './lesson/function-section.js';
import { applyStrings, documentLanguage, hasString, languages, setLanguage, t } from './page/i18n.js';
import { pageSchema } from './state/page-state.js';
import { arrangeEmbedView, setUpEmbedding } from './embed/index.js';
import { swapInlineLesson } from './lesson/inline-lessons.js';
import { showLinkedPart } from './page/linked-part.js';
import { mountNearView } from './page/scheduler.js';
import { setUpTeacherTools } from './page/teacher-tools.js';

const urlDelayMs = 200;

function showFatal(message) {
  const box = document.getElementById('load-status');
  box.textContent = message;
  box.hidden = false;
  box.classList.add('fatal');
}

// Every figure and demo, by the name its box carries in `data-figure`.
const registry = new Map();
for (const figure of figures) registry.set(figure.id, figure);
for (const demo of demos) registry.set(`demo:${demo.id}`, demo);

const isOnScreen = (element) => element.getBoundingClientRect().top < window.innerHeight;

swapInlineLesson();
setUpTeacherTools(document);
// The page's language is the one it was rendered in; `?lang=` for another was sent to that page by boot.js.
const pageLanguage = documentLanguage();
setLanguage(pageLanguage);
const schema = pageSchema(catalogue.rows, pageLanguage, languages, catalogue.demoOptions);
const initialState = { ...schema.read(location.search), lang: pageLanguage };
// Embed mode is arranged at once, from the URL alone, before the module has loaded.
const arranged = arrangeEmbedView(initialState);

// The other languages' pages, with the view's state: each language link keeps what the reader has set up.
function linkLanguages(state) {
  for (const link of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('a[data-lang]'))) {
    const lang = link.dataset.lang;
    const page = document.documentElement.getAttribute(`data-page-${lang}`);
    if (page === null || lang === pageLanguage) continue;
    const href = `${page}${schema.write({ ...state, lang }, ['lang'])}${location.hash}`;
    if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  }
}
linkLanguages(initialState);

async function start() {
  const lab = await window.createActivationLab();
  performance.mark('alab-module-ready');
  // The page's own module instance, for curious students in the console and for the memory test.
  window.activationLab = lab;
  const rows = lab.catalogue();
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const groups = [...new Set(rows.map((row) => row.group))];
  let state = initialState;
  let urlTimer = 0;

  const writeUrl = () => {
    urlTimer = 0;
    linkLanguages(state);
    try {
      history.replaceState(null, '', `${location.pathname}${schema.write(state, ['lang'])}${location.hash}`);
    } catch {
      // Some file:// set-ups refuse history changes; the page works the same without a shareable URL.
    }
  };
  // A language link followed before the URL was written still carries the latest state.
  for (const link of document.querySelectorAll('a[data-lang]')) {
    for (const type of ['pointerdown', 'focus', 'keydown']) link.addEventListener(type, () => linkLanguages(state));
  }
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
    if (/** @type {HTMLInputElement} */ (event.target).type !== 'range') return;
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
    dragTimer = window.setTimeout(endDrag, 500);
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
  // Every mounted figure follows the state: those in view (or holding the focus) now, the rest when they scroll in.
  const updateFigures = () => {
    const focused = document.activeElement;
    for (const [element, view] of figureViews) {
      // The figure holding the focused control always follows at once, even before the observer has seen it.
      if (view.visible || element.contains(focused)) view.update(state);
      else view.stale = true;
    }
  };
  const setState = (patch) => {
    const next = { ...state };
    for (const [name, value] of Object.entries(patch)) if (schema.has(name) && name !== 'lang') next[name] = value;
    state = next;
    updateFigures();
    // Once the changes pause: history.replaceState takes ~1 ms in Chromium, which during a drag would show as
    // late frames.
    clearTimeout(urlTimer);
    urlTimer = window.setTimeout(writeUrl, urlDelayMs);
  };
  const sectionOf = (element) => element.closest('section[id]')?.id ?? '';
  const api = { lab, rows, rowById, groups, t, hasString, state: () => state, setState, sectionOf };

  const embedding = setUpEmbedding(api, schema, arranged);
  linkLanguages(state);
  watchFormulaOverflow(document);

  // One figure that fails to mount is reported in the console and marked; the others still mount.
  const mountFigure = (element) => {
    try {
      mountOne(element);
    } catch (err) {
      console.error(`figure ${element.dataset.figure}:`, err);
      element.dataset.mounted = 'failed';
    }
  };
  const mountOne = (element) => {
    const { mount } = registry.get(element.dataset.figure);
    // The text alternative for readers without JavaScript goes; the figure takes its place in the same box.
    for (const fallback of element.querySelectorAll(':scope > noscript')) fallback.remove();
    const update = mount(element, api);
    applyStrings(element);
    figureViews.set(element, { update, visible: true, stale: false });
    viewObserver.observe(element);
    update(state);
    element.dataset.mounted = 'true';
    // The benchmark reads this mark: navigation → first chart on screen.
    if (element.querySelector('canvas') && !performance.getEntriesByName('alab-first-curve').length) performance.mark('alab-first-curve');
  };
  // A demo's box says which demo it holds (`data-demo`); it is mounted like any figure, under `demo:<id>`.
  for (const container of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-demo]'))) {
    if (registry.has(`demo:${container.dataset.demo}`)) container.dataset.figure = `demo:${container.dataset.demo}`;
    else container.hidden = true;
  }
  updateFigures();
  performance.mark('alab-page-built');
  const figuresToMount = () => embedding.figures([...document.querySelectorAll('[data-figure]:not([data-mounted])')]);
  document.getElementById('load-status').hidden = true;
  // The first figure (the neuron, or the embedded part), when it is on screen, is drawn before the next paint.
  const [first, ...rest] = figuresToMount();
  if (first && isOnScreen(first)) mountFigure(first);
  const mountAll = mountNearView(first?.dataset.mounted ? rest : [first, ...rest].filter(Boolean), mountFigure);
  // A printed handout shows every chart, drawn as the page now stands.
  addEventListener('beforeprint', mountAll);
  showLinkedPart(state.section);
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  console.error(err);
  // A browser without the module's features gets a message in the page's language; the lesson above still reads.
  showFatal(err.name === 'UnsupportedBrowserError' ? t('page.tooOld') : `Activation Lab could not start: ${err.message}`);
});
