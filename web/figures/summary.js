// The summary table: every catalogue function with its properties, sortable by any column. The build writes
// the table into the page (web/prerender.js runs this same mount, with the module); in the browser, mount
// finds it, sorting moves its rows, and the reader's own formula gets one more row, computed by the module
// (f.properties) and marked as such, with a note under the table saying what "computed" means.
import { nameOf } from '../page/names.js';
import { el } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { choiceProp } from '../state/schema.js';
import { customFunction, describeIntervals } from './custom-function.js';

// The table's columns, each sortable.
const summaryColumns = ['name', 'range', 'monotonic', 'zeroCentred', 'smoothness', 'saturation',
  'identityNearZero', 'use'];

const smoothnessRank = { discontinuous: -1, C0: 0, C1: 1, Cinf: 2 };

// The value a cell sorts by.
function sortKey(row, column, t) {
  switch (column) {
    case 'name': return row.name.toLowerCase();
    case 'range': return row.outputRange;
    case 'smoothness': return smoothnessRank[row.smoothness] ?? 9;
    case 'saturation': return row.saturation;
    case 'use': return row.useText ?? t(`use.${row.use}`);
    default: return row[column] ? 0 : 1;
  }
}

// One row's cells; only the build writes them.
function rowCells(row, api) {
  const { t, formulas } = api;
  return summaryColumns.map((column) => {
    if (column === 'name') return el('th', { scope: 'row' }, el('a', { href: `#fn-${row.id}`, text: nameOf(api, row) }));
    const node = el('td', { 'data-column': column });
    if (column === 'range') node.innerHTML = formulas[row.id]?.range ?? '';
    else if (column === 'smoothness' || column === 'saturation') node.textContent = t(`${column}.${row[column]}`);
    else if (column === 'use') node.textContent = t(`use.${row.use}`);
    else node.textContent = t(row[column] ? 'fact.yes' : 'fact.no');
    return node;
  });
}

function buildTable(element, api) {
  const headRow = el('tr', {}, summaryColumns.map((column) => el('th', { scope: 'col', 'data-column': column },
    el('button', { type: 'button', class: 'sort', 'data-sort': column, i18n: `summary.col.${column}` }))));
  const body = el('tbody', {}, api.rows.map((row) => el('tr', { 'data-fn': row.id }, rowCells(row, api))));
  element.append(el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'summary-caption' },
    el('table', { class: 'summary-table' }, [el('caption', { id: 'summary-caption', i18n: 'summary.caption' }), el('thead', {}, headRow), body])));
}

// The reader's formula's row: its `data-fn`, the note's id, and how many points a cell lists before "… (n in all)".
const customId = 'custom';
const computedNoteId = 'summary-computed-note';
const listedPoints = 4;
const shownFormula = 40;

// Points as "0, 6", or the first few and how many there are.
function pointsText(t, points) {
  const listed = points.slice(0, listedPoints).map((x) => formatNumber(x, 4)).join(t('custom.listSeparator'));
  return points.length > listedPoints ? `${listed}${t('custom.summary.andMore', { count: points.length })}` : listed;
}

// The range as an interval whose brackets say whether each end is reached, and the same in the catalogue's TeX
// spelling, which the range column sorts by.
function rangeTexts(t, { lo, hi, loAttained, hiAttained }) {
  if (Number.isNaN(lo)) return { text: t('custom.summary.noValue'), tex: '' };
  const open = loAttained ? '[' : '(', close = hiAttained ? ']' : ')';
  const tex = (v) => (v === -Infinity ? '{-\\infty}' : v === Infinity ? '\\infty' : String(Number(v.toPrecision(4))));
  return { text: `${open}${formatNumber(lo, 4)}, ${formatNumber(hi, 4)}${close}`, tex: `${open}${tex(lo)}, ${tex(hi)}${close}` };
}

// The row for the state's formula, as a row-like object to sort by and its cells; null when it does not compile.
function customLine(api, rowById, state) {
  const custom = customFunction(api.lab, state);
  if (!custom) return null;
  const { t } = api;
  const p = custom.f.properties(custom.params);
  const text = custom.f.text;
  const range = rangeTexts(t, p.range);
  const gaps = p.undefinedWhere.map(([lo, hi]) => ({ from: lo === -Infinity ? null : lo, to: hi === Infinity ? null : hi }));
  const separator = t('custom.summary.separator');
  const rangeText = gaps.length && range.tex
    ? `${range.text}${separator}${t('custom.summary.undefined', { where: describeIntervals(t, gaps) })}` : range.text;
  const places = p.jumps.length ? t('custom.summary.jumps', { where: pointsText(t, p.jumps) })
    : p.kinks.length ? t('custom.summary.kinks', { where: pointsText(t, p.kinks) })
      : p.bends.length ? t('custom.summary.bends', { where: pointsText(t, p.bends) }) : '';
  const closest = p.closest && rowById.get(p.closest.id);
  const useText = closest
    ? t('custom.summary.closest', { name: nameOf(api, closest), distance: formatNumber(p.closest.distance, 2) })
    : t('custom.summary.noClosest');
  const row = {
    id: customId, index: api.rows.length, name: `f(x) = ${text}`, outputRange: range.tex, monotonic: p.monotonic,
    zeroCentred: p.zeroCentred, smoothness: p.smoothness, saturation: p.saturation, identityNearZero: p.identityNearZero,
    useText,
  };
  const yesNo = (value) => t(value ? 'fact.yes' : 'fact.no');
  const cell = (column, value) => el('td', { 'data-column': column, text: value });
  const formula = text.length > shownFormula ? `${text.slice(0, shownFormula)}…` : text;
  const tr = el('tr', { 'data-fn': customId, class: 'computed-row' }, [
    el('th', { scope: 'row', 'aria-describedby': computedNoteId }, [
      el('a', { href: '#custom', title: text, text: `f(x) = ${formula}` }), ' ',
      el('span', { class: 'computed-mark', text: t('custom.summary.computed') })]),
    cell('range', rangeText),
    cell('monotonic', yesNo(p.monotonic)),
    cell('zeroCentred', yesNo(p.zeroCentred)),
    cell('smoothness', places ? `${t(`smoothness.${p.smoothness}`)}${separator}${places}` : t(`smoothness.${p.smoothness}`)),
    cell('saturation', t(`saturation.${p.saturation}`)),
    cell('identityNearZero', yesNo(p.identityNearZero)),
    cell('use', useText),
  ]);
  return { row, tr };
}

// The column the table is sorted by, and the direction.
export function settings() {
  return [choiceProp('table.sort', 'name', summaryColumns), choiceProp('table.dir', 'asc', ['asc', 'desc'])];
}

// Mounts the table (building it where the page does not hold it yet); sorting is part of the page state. With the
// module (api.lab) the reader's formula has a row too: the build writes the default formula's row and note, so the
// table keeps its size when the script takes it over, and the script replaces that row as the formula changes.
export function mount(element, api) {
  const { t } = api;
  if (!element.querySelector('table.summary-table')) buildTable(element, api);
  const body = element.querySelector('table.summary-table tbody');
  const buttons = new Map([...element.querySelectorAll('button[data-sort]')].map((b) => [b.dataset.sort, b]));
  for (const [column, button] of buttons) {
    button.addEventListener('click', () => {
      const state = api.state();
      const dir = state['table.sort'] === column && state['table.dir'] === 'asc' ? 'desc' : 'asc';
      api.setState({ 'table.sort': column, 'table.dir': dir, section: 'summary' });
    });
  }
  const rowById = new Map(api.rows.map((row) => [row.id, row]));
  let note = element.querySelector(`#${computedNoteId}`);
  if (!note && api.lab) {
    note = el('p', { id: computedNoteId, class: 'table-note computed-note', hidden: true, text: t('custom.summary.note') });
    element.append(note);
  }
  // The formula's row as the build wrote it, replaced by the first update.
  let written = body.querySelector(`tr[data-fn="${customId}"]`);
  let custom = null;  // {row, tr} of the formula's row, when it has one
  let last = '';
  let lastCustom = '';

  function placeCustomRow(state) {
    custom?.tr.remove();
    written?.remove();
    written = null;
    custom = customLine(api, rowById, state);
    if (custom) body.append(custom.tr);
    note.hidden = !custom;
  }

  return function update(state) {
    const column = state['table.sort'];
    const dir = state['table.dir'];
    const customSignature = api.lab ? JSON.stringify([state.custom, state['custom.params']]) : '';
    const signature = [column, dir, customSignature].join('\n');
    if (signature === last) return;
    last = signature;
    if (customSignature !== lastCustom) {
      lastCustom = customSignature;
      placeCustomRow(state);
    }
    for (const [name, button] of buttons) {
      button.parentElement.setAttribute('aria-sort', name === column ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    }
    const sign = dir === 'asc' ? 1 : -1;
    const current = [...body.children];
    const rowOf = (tr) => (tr.dataset.fn === customId ? custom?.row : rowById.get(tr.dataset.fn));
    const lines = current.map((tr) => ({ tr, row: rowOf(tr) })).filter((l) => l.row)
      .map((l) => ({ ...l, key: sortKey(l.row, column, t) }));
    lines.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.row.index - b.row.index));
    // Rows already in this order are left alone, so an unchanged sort touches nothing.
    if (lines.some((line, i) => current[i] !== line.tr)) body.append(...lines.map((l) => l.tr));
  };
}

export default { id: 'summary', mount, settings };
