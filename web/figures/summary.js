// The summary table: every catalogue function with its properties, sortable by any column. The build writes
// the table into the page (web/prerender.js runs this same mount); in the browser, mount finds it and sorting
// moves its rows.
import { nameOf } from '../page/names.js';
import { el } from '../page/dom.js';
import { choiceProp } from '../state/schema.js';

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
    case 'use': return t(`use.${row.use}`);
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

// The column the table is sorted by, and the direction.
export function settings() {
  return [choiceProp('table.sort', 'name', summaryColumns), choiceProp('table.dir', 'asc', ['asc', 'desc'])];
}

// Mounts the table (building it where the page does not hold it yet); sorting is part of the page state.
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
  let last = '';

  return function update(state) {
    const column = state['table.sort'];
    const dir = state['table.dir'];
    const signature = [column, dir].join();
    if (signature === last) return;
    last = signature;
    for (const [name, button] of buttons) {
      button.parentElement.setAttribute('aria-sort', name === column ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    }
    const sign = dir === 'asc' ? 1 : -1;
    const current = [...body.children];
    const lines = current.map((tr) => ({ tr, row: rowById.get(tr.dataset.fn) })).filter((l) => l.row)
      .map((l) => ({ ...l, key: sortKey(l.row, column, t) }));
    lines.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.row.index - b.row.index));
    // Rows already in this order are left alone, so an unchanged sort touches nothing.
    if (lines.some((line, i) => current[i] !== line.tr)) body.append(...lines.map((l) => l.tr));
  };
}

export default { id: 'summary', mount, settings };
