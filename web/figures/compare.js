// The compare chart: overlay any set of catalogue functions (or their derivatives) over one x range.
import { nameOf } from '../page/names.js';
import { customFunction } from './custom-function.js';
import { el } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { articleRows, paramsOf } from '../state/catalogue-views.js';
import { rangeLimit, repairRange } from '../state/ranges.js';
import { flagProp, listProp, numberProp } from '../state/schema.js';
import { chartScript, seriesName } from '../lesson/torch-code.js';
import { createLineChart, createProbe, createSampler, niceLimits, redraw, refresh, tableXs, yExtent } from '../charts/line-chart.js';
import { exportMenu } from '../charts/export-menu.js';
import { seriesCsv } from '../charts/export-view.js';
import { rangeFields } from '../charts/range-fields.js';

// Curves that coincide (LeakyReLU's default slope is 0.01, so it lies on ReLU) must all stay visible: the first
// series is solid and widest, each later one, drawn on top, thinner and dashed in its own pattern.
const dashes = [[9, 4], [3, 3], [12, 3, 3, 3], [5, 5], [1, 3]];
const lineWidth = (i) => Math.max(1.5, 4 - 0.75 * i);
const dashOf = (i) => (i === 0 ? [] : dashes[(i - 1) % dashes.length]);

// Mounts the compare chart with one checkbox per catalogue function, grouped as in the catalogue.
// The compared functions (the article's four at first), the derivative toggle and the shared x range.
export function settings(rows) {
  return [
    listProp('compare', articleRows(rows).map((r) => r.id), rows.map((r) => r.id)),
    flagProp('compare.d', false),
    numberProp('compare.lo', -5, -rangeLimit, rangeLimit),
    numberProp('compare.hi', 5, -rangeLimit, rangeLimit),
  ];
}

export function repair(state, rows, reset) {
  repairRange(state, 'compare', reset);
}

export function mount(element, api) {
  const { lab, t } = api;
  const boxes = new Map();
  const pickers = el('div', { class: 'compare-pickers' });
  for (const group of api.groups) {
    const set = el('fieldset', { class: 'compare-group' }, [el('legend', { i18n: `group.${group}` })]);
    for (const row of api.rows.filter((r) => r.group === group)) {
      const box = el('input', { type: 'checkbox', value: row.id });
      box.addEventListener('change', () => {
        const chosen = api.rows.map((r) => r.id).filter((id) => boxes.get(id).checked);
        api.setState({ compare: chosen, section: 'compare' });
      });
      boxes.set(row.id, box);
      set.append(el('label', { class: 'toggle' }, [box, el('span', { text: nameOf(api, row) })]));
    }
    pickers.append(set);
  }
  // The reader's own formula ("Write your own"), drawn over the others; it is not in the exports (no PyTorch row).
  const customBox = el('input', { type: 'checkbox', class: 'compare-custom' });
  customBox.addEventListener('change', () => api.setState({ 'compare.custom': customBox.checked, section: 'compare' }));
  const customName = el('span');
  pickers.append(el('fieldset', { class: 'compare-group' }, [el('legend', { i18n: 'custom.compareLegend' }),
    el('label', { class: 'toggle' }, [customBox, customName])]));
  const customPoints = [];
  const derivativeBox = el('input', { type: 'checkbox', class: 'derivative-toggle' });
  derivativeBox.addEventListener('change', () => api.setState({ 'compare.d': derivativeBox.checked, section: 'compare' }));
  const options = el('div', { class: 'compare-options' }, [
    el('label', { class: 'toggle' }, [derivativeBox, el('span', { i18n: 'compare.derivatives' })]),
  ]);
  const range = rangeFields(options, t, (lo, hi) => api.setState({ 'compare.lo': lo, 'compare.hi': hi, section: 'compare' }));
  const canvas = el('canvas', { role: 'img' });
  const empty = el('p', { class: 'compare-empty', i18n: 'compare.empty' });
  const readout = el('p', { class: 'readout' });
  const chartBox = el('div', { class: 'chart-box tall' }, canvas);
  element.append(pickers, options, chartBox, readout, empty);

  const sampler = createSampler(lab);
  const probe = createProbe(lab);
  // One line per function at the crosshair: its value and its slope, both from the module.
  const showReadout = (x) => {
    chart.$crosshairX = x;
    if (x === null || !last?.compare.length) readout.textContent = t('curve.readoutHint');
    else {
      readout.textContent = [`x = ${formatNumber(x)}`, ...last.compare.map((id) => {
        const row = api.rowById.get(id);
        const { f, df } = probe(id, paramsOf(row, last), x);
        return `${row.name}: f = ${formatNumber(f)}, f′ = ${formatNumber(df)}`;
      })].join('\n');
    }
    redraw(chart);
  };
  const chart = createLineChart(canvas, {
    datasets: [], legend: true, onPointer: (x) => showReadout(x), readout,
    onResize: () => requestAnimationFrame(() => last && render(last, true)),
  });
  const pointsById = new Map();
  let last = null;
  let plotted = [];  // [{row, params, points}] of the curves drawn, for the export menu
  let plottedView = null;
  const exportView = () => {
    if (!plotted.length) return null;
    const { derivative, lo, hi } = plottedView;
    const { min, max } = chart.options.scales.y;
    const names = plotted.map(({ row }) => row.name).join(', ');
    return {
      file: 'compare',
      csv: seriesCsv([{ name: 'x', values: plotted[0].points.map((p) => p.x) },
        ...plotted.map(({ row, params, points }) => ({ name: seriesName(row, params, derivative), values: points.map((p) => p.y) }))]),
      script: chartScript({
        functions: plotted.map(({ row, params }) => ({ row, params, label: { f: row.name, df: `${row.name}′` } })),
        lo, hi, n: plotted[0].points.length, values: !derivative, slopes: derivative, yLimits: [min, max],
        title: derivative ? `Derivatives: ${names}` : names, yLabel: derivative ? 'f′(x)' : 'f(x)', file: 'compare.png',
        tableXs: tableXs(lo, hi),
      }),
    };
  };
  chartBox.after(exportMenu(chart, t, exportView));
  chart.$recolour = (c) => chart.data.datasets.forEach((d, i) => { d.borderColor = c.series[i % c.series.length]; });

  function render(state, force = false) {
    const chosen = state.compare;
    const derivative = state['compare.d'];
    const lo = state['compare.lo'];
    const hi = state['compare.hi'];
    const params = chosen.map((id) => paramsOf(api.rowById.get(id), state));
    const custom = state['compare.custom'] ? customFunction(lab, state) : null;
    const signature = JSON.stringify([chosen, derivative, lo, hi, params, state.lang, state['compare.custom'], state.custom,
      state['custom.params']]);
    if (!force && signature === last?.signature) return;
    last = { ...state, signature };
    for (const [id, box] of boxes) box.checked = chosen.includes(id);
    customBox.checked = state['compare.custom'];
    customName.textContent = `f(x) = ${state.custom.length > 40 ? `${state.custom.slice(0, 40)}…` : state.custom}`;
    derivativeBox.checked = derivative;
    range.show(lo, hi);
    range.relabel();
    sampler.grid(chart.width, lo, hi);
    const colours = chart.$colours.series;
    const datasets = [];
    plotted = [];
    plottedView = { derivative, lo, hi };
    chosen.forEach((id, i) => {
      const points = pointsById.get(id) ?? [];
      pointsById.set(id, points);
      try {
        sampler.sample(id, params[i], derivative, points);
      } catch {
        return;
      }
      plotted.push({ row: api.rowById.get(id), params: params[i], points });
      const name = nameOf(api, api.rowById.get(id));
      datasets.push({
        label: derivative ? `${name}′` : name, data: [], $points: points, borderColor: colours[i % colours.length],
        borderDash: dashOf(i), borderWidth: lineWidth(i),
      });
    });
    if (custom) {
      sampler.sampleFormula(custom.f, custom.params, derivative, customPoints);
      const i = datasets.length;
      datasets.push({ label: derivative ? 'f′(x)' : 'f(x)', data: [], $points: customPoints, borderColor: colours[i % colours.length],
        borderDash: [3, 3], borderWidth: 2.5 });
    }
    chart.data.datasets = datasets;
    const [ylo, yhi] = niceLimits(...yExtent(datasets.map((d) => d.$points)));
    Object.assign(chart.options.scales.x, { min: lo, max: hi });
    Object.assign(chart.options.scales.y, { min: ylo, max: yhi });
    chart.$crosshairX = null;
    readout.textContent = t('curve.readoutHint');
    refresh(chart);
    empty.hidden = chosen.length > 0 || custom !== null;
    canvas.setAttribute('aria-label', t(derivative ? 'compare.labelDerivatives' : 'compare.label', {
      names: chosen.map((id) => nameOf(api, api.rowById.get(id))).join(', ') || '—', lo: formatNumber(lo), hi: formatNumber(hi),
    }));
  }
  return (state) => render(state);
}

export default { id: 'compare', mount, settings, repair };
