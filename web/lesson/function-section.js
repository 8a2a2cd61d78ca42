// Builds (at build time, web/prerender.js) a section per catalogue function from its row: typeset formula, prose keys derived from the id,
// facts from the row, and placeholders for its figures. Nothing here names a particular function.
import { el } from '../page/dom.js';
import { articleRows, familyRows } from '../state/catalogue-views.js';
import { fitFormula } from './formula-fit.js';
import { displayName } from '../page/i18n.js';

// Fits every pre-rendered formula under `root` to its box from now on (web/lesson/formula-fit.js).
export function watchFormulaOverflow(root) {
  for (const box of root.querySelectorAll('.formula')) fitFormula(box);
}

const formula = (mathml, className) => {
  const box = el('div', { class: className });
  box.innerHTML = mathml ?? '';
  return box;
};

function fact(labelKey, value) {
  return [el('dt', { i18n: labelKey }), el('dd', {}, value)];
}

function yesNo(flag) {
  return el('span', { i18n: flag ? 'fact.yes' : 'fact.no' });
}

// The list of facts a teacher shows for one function.
function facts(row, formulas) {
  const list = el('dl', { class: 'facts' });
  const torch = [row.torchModule, row.torchFunctional].filter(Boolean).map((name) => el('code', { text: name }));
  list.append(
    ...fact('fact.range', formula(formulas[row.id]?.range, 'formula inline')),
    ...fact('fact.use', el('span', { i18n: `use.${row.use}` })),
    ...fact('fact.pitfall', el('span', { i18n: `fn.${row.id}.pitfall` })),
    ...fact('fact.monotonic', yesNo(row.monotonic)),
    ...fact('fact.zeroCentred', yesNo(row.zeroCentred)),
    ...fact('fact.smoothness', el('span', { i18n: `smoothness.${row.smoothness}` })),
    ...fact('fact.saturation', el('span', { i18n: `saturation.${row.saturation}` })),
    ...fact('fact.identityNearZero', yesNo(row.identityNearZero)),
    ...fact('fact.torch', el('span', { class: 'torch-names' }, torch)),
  );
  if (row.otherDefaults.length) {
    list.append(...fact('fact.otherDefaults', el('ul', { class: 'other-defaults' }, row.otherDefaults.map((d) =>
      el('li', {}, [`${d.framework} `, el('code', { text: d.api }), `: ${d.differs}`])))));
  }
  return list;
}

// One function's section; `lesson` adds the longer explanation and the try-it box (the article's four).
function functionSection(row, formulas, { lesson }) {
  const headingId = `fn-${row.id}-title`;
  return el('article', { class: lesson ? 'fn-section lesson' : 'fn-section card', id: `fn-${row.id}`, 'data-fn': row.id, 'aria-labelledby': headingId }, [
    el(lesson ? 'h3' : 'h4', { id: headingId, text: displayName(row) }),
    el('div', { class: 'fn-text' }, [
      formula(formulas[row.id]?.f, 'formula'),
      el('p', { class: 'fn-summary', i18n: `fn.${row.id}.summary` }),
      lesson ? el('p', { class: 'fn-detail', i18n: `fn.${row.id}.detail` }) : null,
      el('details', { class: 'derivative-formula' }, [el('summary', { i18n: 'fact.derivative' }), formula(formulas[row.id]?.df, 'formula')]),
      lesson ? facts(row, formulas) : el('details', { class: 'facts-box' }, [el('summary', { i18n: 'fact.title' }), facts(row, formulas)]),
    ]),
    el('div', { class: 'fn-figures' }, [
      el('div', { class: 'figure', 'data-figure': 'curve', 'data-fn': row.id }),
      lesson ? el('div', { class: 'figure try-it', 'data-figure': 'try-it', 'data-fn': row.id }) : null,
    ]),
  ]);
}

// Fills #article-functions with the article's functions in its order and #family-groups with the rest by group.
export function buildFunctionSections(rows, formulas) {
  const lessonRows = articleRows(rows);
  document.getElementById('article-functions').replaceChildren(...lessonRows.map((row) => functionSection(row, formulas, { lesson: true })));
  const rest = familyRows(rows);
  const groups = [...new Set(rest.map((r) => r.group))];
  document.getElementById('family-groups').replaceChildren(...groups.map((group) => el('section', { class: 'fn-group', 'aria-labelledby': `group-${group}` }, [
    el('h3', { id: `group-${group}`, i18n: `group.${group}` }),
    el('p', { class: 'group-intro', i18n: `group.${group}.intro` }),
    el('div', { class: 'cards' }, rest.filter((r) => r.group === group).map((row) => functionSection(row, formulas, { lesson: false }))),
  ])));
}
