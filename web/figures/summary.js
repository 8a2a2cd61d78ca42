// The summary table: every catalogue function with its properties, sortable by any column.
import { el } from '../dom.js';
import { summaryColumns } from '../page-state.js';

const smoothnessRank = { C0: 0, C1: 1, Cinf: 2 };

// The text a cell shows and the value it sorts by.
function cell(row, column, t, formulas) {
  switch (column) {
    case 'name': return { sortBy: row.name.toLowerCase(), text: row.name };
    case 'range': return { sortBy: row.outputRange, mathml: formulas[row.id]?.range };
    case 'smoothness': return { sortBy: smoothnessRank[row.smoothness] ?? 9, text: t(`smoothness.${row.smoothness}`) };
    case 'saturation': return { sortBy: row.saturation, text: t(`saturation.${row.saturation}`) };
    case 'use': return { sortBy: t(`use.${row.use}`), text: t(`use.${row.use}`) };
    default: return { sortBy: row[column] ? 0 : 1, text: t(row[column] ? 'fact.yes' : 'fact.no') };
  }
}

// Mounts the table; sorting is part of the page state so a link keeps it.
export function mount(element, api) {
  const { t } = api;
  const headRow = el('tr');
  const buttons = new Map();
  for (const column of summaryColumns) {
    const button = el('button', { type: 'button', class: 'sort', i18n: `summary.col.${column}` });
    button.addEventListener('click', () => {
      const state = api.state();
      const dir = state['table.sort'] === column && state['table.dir'] === 'asc' ? 'desc' : 'asc';
      api.setState({ 'table.sort': column, 'table.dir': dir, section: 'summary' });
    });
    buttons.set(column, button);
    headRow.append(el('th', { scope: 'col', 'data-column': column }, button));
  }
  const body = el('tbody');
  element.append(el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'summary-caption' },
    el('table', { class: 'summary-table' }, [el('caption', { id: 'summary-caption', i18n: 'summary.caption' }), el('thead', {}, headRow), body])));
  let last = '';

  return function update(state) {
    const column = state['table.sort'];
    const dir = state['table.dir'];
    const signature = [column, dir, state.lang].join();
    if (signature === last) return;
    last = signature;
    for (const [name, button] of buttons) {
      button.parentElement.setAttribute('aria-sort', name === column ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    }
    const sign = dir === 'asc' ? 1 : -1;
    const rows = api.rows.map((row) => ({ row, key: cell(row, column, t, api.formulas).sortBy }));
    rows.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.row.index - b.row.index));
    body.replaceChildren(...rows.map(({ row }) => el('tr', { 'data-fn': row.id }, summaryColumns.map((name) => {
      const content = cell(row, name, t, api.formulas);
      const node = name === 'name' ? el('th', { scope: 'row' }, el('a', { href: `#fn-${row.id}`, text: content.text })) : el('td', { 'data-column': name });
      if (content.mathml) node.innerHTML = content.mathml;
      else if (name !== 'name') node.textContent = content.text;
      return node;
    }))));
  };
}
