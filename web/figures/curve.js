// One function's curve: f (and optionally f′) sampled by the module, parameter sliders from the catalogue with
// a reset button, an x range, a crosshair reading x, f(x), f′(x) from the module, and a data table.
import { el, setAttr, setText, slider } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { paramsOf } from '../state/catalogue-views.js';
import { rangeLimit, repairRange } from '../state/ranges.js';
import { flagProp, numberProp } from '../state/schema.js';
import { chartScript, seriesName } from '../lesson/torch-code.js';
import { createLineChart, createProbe, createSampler, niceLimits, redraw, refresh, tableXs, yExtent } from '../charts/line-chart.js';
import { exportMenu } from '../charts/export-menu.js';
import { seriesCsv, titleOf } from '../charts/export-view.js';
import { rangeFields } from '../charts/range-fields.js';

// Every function's parameters, derivative toggle and x range.
export function settings(rows) {
  return rows.flatMap((row) => [
    ...row.params.map((p) => numberProp(`${row.id}.${p.name}`, p.default, p.min, p.max)),
    flagProp(`${row.id}.d`, false),
    numberProp(`${row.id}.lo`, row.range[0], -rangeLimit, rangeLimit),
    numberProp(`${row.id}.hi`, row.range[1], -rangeLimit, rangeLimit),
  ]);
}

// A range whose ends are not in order falls back to its default, a narrow one is widened; each pair of
// parameters that the catalogue orders (row.orderedParams: first < second) falls back to its defaults when it is
// not in order, as the module would refuse it.
export function repair(state, rows, reset) {
  for (const row of rows) repairRange(state, row.id, reset);
  for (const row of rows) {
    for (const [lower, upper] of row.orderedParams) {
      const names = [`${row.id}.${lower}`, `${row.id}.${upper}`];
      if (!(state[names[0]] < state[names[1]])) reset(names);
    }
  }
}

// Mounts the curve figure of the function named by element.dataset.fn.
export function mount(element, api) {
  const { lab, t } = api;
  const row = api.rowById.get(element.dataset.fn);
  const id = row.id;
  const key = (name) => `${id}.${name}`;

  const derivativeBox = el('input', { type: 'checkbox', class: 'derivative-toggle' });
  const controls = el('div', { class: 'curve-controls' }, [
    el('label', { class: 'toggle' }, [derivativeBox, el('span', { i18n: 'curve.showDerivative' })]),
  ]);
  const sliders = row.params.map((p) => {
    const s = slider({ labelText: p.name, min: p.min, max: p.max, step: p.step, value: p.default });
    s.input.dataset.param = p.name;
    s.input.addEventListener('input', () => api.setState({ [key(p.name)]: Number(s.input.value), section: api.sectionOf(element) }));
    controls.append(s.wrapper);
    return { param: p, ...s };
  });
  const paramMessage = el('p', { class: 'field-message', role: 'status' });
  if (row.params.length) {
    const reset = el('button', { type: 'button', class: 'reset', i18n: 'curve.reset' });
    reset.addEventListener('click', () => {
      const patch = { [key('lo')]: row.range[0], [key('hi')]: row.range[1] };
      for (const p of row.params) patch[key(p.name)] = p.default;
      api.setState(patch);
    });
    controls.append(reset, paramMessage);
    if (api.hasString(`fn.${id}.note`)) controls.append(el('p', { class: 'param-note', i18n: `fn.${id}.note` }));
  }
  const rangeBox = el('details', { class: 'range-box' }, [el('summary', { i18n: 'range.title' })]);
  controls.append(rangeBox);
  const range = rangeFields(rangeBox, t, (lo, hi) => api.setState({ [key('lo')]: lo, [key('hi')]: hi }));
  derivativeBox.addEventListener('change', () => api.setState({ [key('d')]: derivativeBox.checked, section: api.sectionOf(element) }));

  const canvas = el('canvas', { role: 'img' });
  const readout = el('p', { class: 'readout', 'aria-live': 'off' });
  const tableBody = el('tbody');
  const table = el('details', { class: 'data-table' }, [
    el('summary', { i18n: 'curve.dataTable' }),
    el('table', {}, [
      el('caption', { class: 'visually-hidden' }),
      el('thead', {}, el('tr', {}, [el('th', { scope: 'col', text: 'x' }), el('th', { scope: 'col', text: 'f(x)' }), el('th', { scope: 'col', text: 'f′(x)' })])),
      tableBody,
    ]),
  ]);
  // The view as it leaves the page (see export-menu.js); null while the parameters are invalid.
  const exportView = () => {
    if (!shown?.exportable) return null;
    const { params, lo, hi, derivative } = shown;
    const columns = [{ name: 'x', values: values.map((p) => p.x) }, { name: seriesName(row, params, false), values: values.map((p) => p.y) }];
    if (derivative) columns.push({ name: seriesName(row, params, true), values: slopes.map((p) => p.y) });
    const { min, max } = chart.options.scales.y;
    return {
      file: id,
      csv: seriesCsv(columns),
      script: chartScript({
        functions: [{ row, params, label: { f: 'f(x)', df: 'f′(x)' } }], lo, hi, n: values.length, values: true,
        slopes: derivative, yLimits: [min, max], title: titleOf(row, params), yLabel: derivative ? 'f(x), f′(x)' : 'f(x)',
        file: `${id}.png`, tableXs: tableXs(lo, hi),
      }),
    };
  };
  const chartBox = el('div', { class: 'chart-box' }, canvas);
  element.append(controls, chartBox, readout, table);

  const sampler = createSampler(lab);
  const probe = createProbe(lab);
  const values = [];
  const slopes = [];
  let shown = null;
  let last = null;

  const chart = createLineChart(canvas, {
    datasets: [
      { label: 'f(x)', data: [], $points: values, borderColor: '', borderWidth: 2.5 },
      { label: 'f′(x)', data: [], $points: slopes, borderColor: '', borderDash: [6, 4], hidden: true },
    ],
    onPointer: (x) => showReadout(x), readout,
    onResize: () => requestAnimationFrame(() => last && render(last, true)),
  });
  const recolour = (colours) => {
    chart.data.datasets[0].borderColor = colours.series[0];
    chart.data.datasets[1].borderColor = colours.series[1];
  };
  chart.$recolour = recolour;
  recolour(chart.$colours);
  chartBox.after(exportMenu(chart, t, exportView));

  function showReadout(x, draw = true) {
    chart.$crosshairX = x;
    if (x === null || !shown) {
      setText(readout, t('curve.readoutHint'));
    } else {
      const { f, df } = probe(id, shown.params, x);
      setText(readout, t('curve.readout', { x: formatNumber(x), f: formatNumber(f), df: formatNumber(df) }));
    }
    if (draw) redraw(chart);
  }

  function fillTable() {
    if (!table.open || !shown) return;
    const xs = tableXs(shown.lo, shown.hi);
    const fs = lab.evaluate(id, xs, shown.params);
    const dfs = lab.derivative(id, xs, shown.params);
    tableBody.replaceChildren(...xs.map((x, i) => el('tr', {}, [
      el('th', { scope: 'row', text: formatNumber(x) }), el('td', { text: formatNumber(fs[i], 6) }), el('td', { text: formatNumber(dfs[i], 6) }),
    ])));
  }
  table.addEventListener('toggle', fillTable);

  function render(state, force = false) {
    const params = paramsOf(row, state);
    const derivative = state[key('d')];
    const lo = state[key('lo')];
    const hi = state[key('hi')];
    const signature = JSON.stringify([params, derivative, lo, hi, state.lang]);
    if (!force && signature === last?.signature) return;
    last = { ...state, signature };
    derivativeBox.checked = derivative;
    for (const s of sliders) {
      s.input.value = String(params[s.param.name]);
      setText(s.output, formatNumber(params[s.param.name], 3));
    }
    range.show(lo, hi);
    range.relabel();
    try {
      sampler.grid(chart.width, lo, hi);
      sampler.sample(id, params, false, values);
      if (derivative) sampler.sample(id, params, true, slopes);
    } catch (err) {
      paramMessage.textContent = t('curve.badParams', { reason: err.message });
      if (shown) shown.exportable = false;
      return;
    }
    setText(paramMessage, '');
    shown = { params, lo, hi, derivative, exportable: true };
    chart.data.datasets[1].hidden = !derivative;
    chart.options.plugins.legend.display = derivative;
    const [ylo, yhi] = niceLimits(...yExtent(derivative ? [values, slopes] : [values]));
    Object.assign(chart.options.scales.x, { min: lo, max: hi });
    Object.assign(chart.options.scales.y, { min: ylo, max: yhi });
    showReadout(chart.$crosshairX, false);
    refresh(chart);
    setAttr(canvas, 'aria-label', t(derivative ? 'curve.labelWithDerivative' : 'curve.label',
      { name: row.name, lo: formatNumber(lo), hi: formatNumber(hi) }));
    setText(table.querySelector('caption'), t('curve.tableCaption', { name: row.name }));
    fillTable();
  }
  return (state) => render(state);
}

export default { id: 'curve', mount, settings, repair };
