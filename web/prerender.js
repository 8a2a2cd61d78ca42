// Build-time rendering of one language's lesson into the page's HTML (scripts/prerender.mjs runs this under a
// server-side DOM): every text, formula, function section, property table and the summary table, so the lesson
// arrives ready and reads without JavaScript. The figures' boxes stay empty but for a <noscript> text
// alternative; the page's scripts mount the figures into them.
import { placeEmbedButtons } from './embed/buttons.js';
import { formatNumber } from './page/format.js';
import { customDefault } from './state/custom-state.js';
import { tableXs } from './charts/line-chart.js';
import { mount as mountSummary } from './figures/summary.js';
import { tryItScript } from './lesson/torch-code.js';
import { buildFunctionSections } from './lesson/function-section.js';
import { applyStrings, hasString, htmlLangOf, languages, setLanguage, t } from './page/i18n.js';
import { el } from './page/dom.js';
import { markerRows, markerTable } from './demos/number-formats.js';
import { paramsOf } from './state/catalogue-views.js';
import { pageSchema } from './state/page-state.js';
import { buildQuestion, questionById } from './lesson/questions.js';

// Where each language's page lives, relative to the site's root.
export const pagePaths = { zh: 'index.html', en: 'en/index.html' };
// The language of the root page, index.html.
const rootLanguage = 'zh';

const assetAttributes = [['script', 'src'], ['link[rel="stylesheet"]', 'href']];

// A figure's text alternative for readers without JavaScript: what the figure is, and its numbers where they
// can be computed at build time.
function fallbackFor(element, { rows, lab, state }) {
  const kind = element.dataset.figure ?? `demo:${element.dataset.demo}`;
  const note = el('p', { class: 'noscript-note', text: t('noscript.figure') });
  const row = rows.find((r) => r.id === element.dataset.fn);
  if (kind === 'curve' && row) {
    const params = paramsOf(row, state);
    // Five points fit the box the chart will take; the chart's own table has eleven.
    const xs = tableXs(row.range[0], row.range[1], 5);
    const fs = lab.evaluate(row.id, xs, params);
    const dfs = lab.derivative(row.id, xs, params);
    return [note, el('table', { class: 'data-table static-table' }, [
      el('caption', { text: t('curve.tableCaption', { name: row.name }) }),
      el('thead', {}, el('tr', {}, ['x', 'f(x)', 'f′(x)'].map((text) => el('th', { scope: 'col', text })))),
      el('tbody', {}, xs.map((x, i) => el('tr', {}, [el('th', { scope: 'row', text: formatNumber(x) }),
        el('td', { text: formatNumber(fs[i], 6) }), el('td', { text: formatNumber(dfs[i], 6) })]))),
    ])];
  }
  if (kind === 'custom') {
    // The formula the panel starts with, at five points, computed by the module's own parser.
    const xs = tableXs(-5, 5, 5);
    const { value, derivative } = lab.compile(customDefault).evaluateBoth(xs);
    return [note, el('table', { class: 'data-table static-table' }, [
      el('caption', { text: t('custom.tableCaption', { formula: customDefault }) }),
      el('thead', {}, el('tr', {}, ['x', 'f(x)', 'f′(x)'].map((text) => el('th', { scope: 'col', text })))),
      el('tbody', {}, xs.map((x, i) => el('tr', {}, [el('th', { scope: 'row', text: formatNumber(x) }),
        el('td', { text: formatNumber(value[i], 6) }), el('td', { text: formatNumber(derivative[i], 6) })]))),
    ])];
  }
  if (kind === 'try-it' && row) {
    const code = tryItScript(row, paramsOf(row, state), state[`${row.id}.n`], state[`${row.id}.seed`],
      row.use === 'binary_output' ? state[`${row.id}.threshold`] : undefined);
    return [note, el('p', { text: t('try.codeTitle') }), el('pre', {}, el('code', { text: code }))];
  }
  if (kind === 'neuron') {
    const id = state['neuron.fn'];
    const fnRow = rows.find((r) => r.id === id);
    const get = (name) => state[`neuron.${name}`];
    const result = lab.neuron({ inputs: [get('x1'), get('x2'), get('x3')], weights: [get('w1'), get('w2'), get('w3')], bias: get('b'), activation: id });
    return [note, el('p', { text: t('noscript.neuron', {
      x: [get('x1'), get('x2'), get('x3')].map((v) => formatNumber(v)).join(', '),
      w: [get('w1'), get('w2'), get('w3')].map((v) => formatNumber(v)).join(', '),
      b: formatNumber(get('b')), z: formatNumber(result.z), name: fnRow?.name ?? id, f: formatNumber(result.output),
    }) })];
  }
  if (kind === 'demo:number-formats') {
    const range = [state['formats.lo'], state['formats.hi']];
    return [note, markerTable(t, markerRows(lab, state['formats.fn'], range))];
  }
  return [note];
}

// Writes the lesson in `lang` into `document` (web/index.html parsed), for the page at `pagePath`.
// `siteUrl` (the published address, e.g. https://user.github.io/activation-lab/) makes the canonical and
// alternate links absolute; without it they are relative to the page.
export function renderLesson(document, { lang, rows, formulas, lab, siteUrl = '' }) {
  setLanguage(lang);
  const html = document.documentElement;
  html.setAttribute('lang', htmlLangOf(lang));
  html.dataset.lang = lang;
  const pagePath = pagePaths[lang];
  const depth = pagePath.split('/').length - 1;
  const toRoot = '../'.repeat(depth);
  for (const other of languages) html.setAttribute(`data-page-${other}`, toRoot + pagePaths[other]);

  buildFunctionSections(rows, formulas);
  for (const box of document.querySelectorAll('[data-figure="question"]')) {
    const question = questionById.get(box.dataset.q);
    if (!question) throw new Error(`prerender: no question "${box.dataset.q}" (web/questions.js)`);
    buildQuestion(box, question, { t, lab });
  }
  placeEmbedButtons(document, rows);
  applyStrings(document);
  for (const meta of document.querySelectorAll('[data-i18n-content]')) meta.setAttribute('content', t(meta.getAttribute('data-i18n-content')));

  const head = document.head;
  const address = (path) => (siteUrl ? new URL(path.replace(/index\.html$/, ''), siteUrl).href : toRoot + path);
  head.append(el('link', { rel: 'canonical', href: address(pagePath) }));
  for (const other of languages) head.append(el('link', { rel: 'alternate', hreflang: htmlLangOf(other), href: address(pagePaths[other]) }));
  head.append(el('link', { rel: 'alternate', hreflang: 'x-default', href: address(pagePaths[rootLanguage]) }));

  // Each language link points at the other page; the page's script adds the view's state to it.
  for (const link of document.querySelectorAll('a[data-lang]')) {
    const target = link.dataset.lang;
    link.setAttribute('href', toRoot + pagePaths[target]);
    if (target === lang) link.setAttribute('aria-current', 'page');
  }

  const state = pageSchema(rows, lang, languages, lab.demoOptions()).defaults();
  const summary = document.querySelector('[data-figure="summary"]');
  const api = { rows, formulas, lab, t, hasString, state: () => state, setState: () => {} };
  mountSummary(summary, api)(state);
  applyStrings(summary);

  // A question needs no text alternative: it reads as it is, its explanation shown.
  for (const element of document.querySelectorAll('[data-figure]:not([data-figure="summary"]):not([data-figure="question"]), [data-demo]')) {
    const row = rows.find((r) => r.id === element.dataset.fn);
    if (element.dataset.figure === 'curve' && row) {
      // The box's reserved height follows what the figure will hold (web/style.css).
      element.dataset.params = String(row.params.length);
      if (hasString(`fn.${row.id}.note`)) element.dataset.note = '';
    }
    if (element.dataset.figure === 'try-it' && row?.use === 'binary_output') element.dataset.threshold = '';
    const fallback = document.createElement('noscript');
    fallback.append(...fallbackFor(element, { rows, lab, state }));
    element.append(fallback);
  }

  // The page's own texts are final: no script rewrites them, so their keys are not shipped.
  for (const node of document.querySelectorAll('[data-i18n], [data-i18n-label], [data-i18n-content]')) {
    node.removeAttribute('data-i18n');
    node.removeAttribute('data-i18n-label');
    node.removeAttribute('data-i18n-content');
  }
  if (depth) {
    for (const [selector, name] of assetAttributes) {
      for (const node of document.querySelectorAll(`${selector}[${name}]`)) node.setAttribute(name, toRoot + node.getAttribute(name));
    }
  }
}
