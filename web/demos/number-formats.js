// Number formats: the chosen function's value and derivative, computed in float64 and rounded to float32,
// bfloat16 and float16 by the module (lab.roundToFormat), over a range the reader picks, with the module's
// markers (lab.formatMarkers): where each format's output saturates, where its derivative rounds to exactly
// 0, where exp overflows.
import { el, setText } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { parseDecimal } from '../state/decimal.js';
import { createChart, menu } from './demo-parts.js';
import { rangeLimit, repairRange } from '../state/ranges.js';
import { choiceProp, numberProp } from '../state/schema.js';

const SAMPLES = 600;
const RANGE_LIMIT = rangeLimit;
const FORMATS = ['float64', 'float32', 'bfloat16', 'float16'];
const MARKERS = ['saturatesBelow', 'saturatesAbove', 'derivativeZeroBelow', 'derivativeZeroAbove', 'expOverflow'];

export function settings(rows) {
  const ids = rows.map((r) => r.id);
  return [
    choiceProp('formats.fn', ids.includes('sigmoid') ? 'sigmoid' : ids[0], ids),
    numberProp('formats.lo', -20, -RANGE_LIMIT, RANGE_LIMIT),
    numberProp('formats.hi', 20, -RANGE_LIMIT, RANGE_LIMIT),
    choiceProp('formats.view', 'value', ['value', 'error']),
  ];
}

// A linked range out of order goes back to the defaults; one narrower than the charts draw is widened.
export function repair(state, rows, reset) {
  repairRange(state, 'formats', reset);
}

// The markers of every format as rows of text (also the page's text alternative, written at build time).
export function markerRows(lab, id, range) {
  const markers = lab.formatMarkers(id, { range });
  return FORMATS.map((format) => ({ format, values: MARKERS.map((m) => markers[format][m]) }));
}

export function markerTable(t, rows) {
  return el('table', { class: 'data-table formats-markers' }, [
    el('caption', { i18n: 'formats.markers.caption', text: t('formats.markers.caption') }),
    el('thead', {}, el('tr', {}, [el('th', { scope: 'col', i18n: 'formats.format', text: t('formats.format') }),
      ...MARKERS.map((m) => el('th', { scope: 'col', i18n: `formats.markers.${m}`, text: t(`formats.markers.${m}`) }))])),
    el('tbody', {}, rows.map((r) => el('tr', { 'data-format': r.format }, [
      el('th', { scope: 'row', text: r.format }),
      ...r.values.map((v, i) => el('td', { 'data-marker': MARKERS[i], text: v === null ? '—' : `x ≈ ${formatNumber(v, 4)}` })),
    ]))),
  ]);
}

export function mount(element, api) {
  const { lab, t } = api;
  let state = api.state();
  const fnMenu = menu({
    labelKey: 'formats.function', value: state['formats.fn'],
    options: api.rows.map((r) => ({ value: r.id, text: r.name })),
  });
  fnMenu.select.dataset.control = 'fn';
  const viewMenu = menu({
    labelKey: 'formats.view', value: state['formats.view'],
    options: ['value', 'error'].map((v) => ({ value: v, key: `formats.view.${v}` })),
  });
  viewMenu.select.dataset.control = 'view';
  const field = (key, control) => {
    const input = el('input', { type: 'text', inputmode: 'decimal', size: 7, spellcheck: 'false', 'data-control': control });
    input.value = String(state[key]);
    return { input, wrapper: el('label', { class: 'demo-field' }, [el('span', { i18n: `formats.${control}` }), ' ', input]) };
  };
  const lo = field('formats.lo', 'lo'), hi = field('formats.hi', 'hi');
  const message = el('p', { class: 'field-message', 'aria-live': 'polite', 'data-readout': 'message' });
  const valueCanvas = el('canvas', { role: 'img', 'data-i18n-label': 'formats.valueLabel' });
  const slopeCanvas = el('canvas', { role: 'img', 'data-i18n-label': 'formats.slopeLabel' });
  const tableBox = el('div', { class: 'formats-table table-scroll' });
  element.append(
    el('div', { class: 'demo-controls' }, [fnMenu.wrapper, lo.wrapper, hi.wrapper, viewMenu.wrapper]),
    message,
    el('div', { class: 'formats-charts' }, [el('div', {}, el('div', { class: 'chart-box formats-chart' }, valueCanvas)),
      el('div', {}, el('div', { class: 'chart-box formats-chart' }, slopeCanvas))]),
    tableBox,
  );
  const series = () => [
    ...FORMATS.map((f) => ({ label: f, data: [], borderColor: '', borderWidth: f === 'float64' ? 3 : 1.6 })),
    ...FORMATS.map((f) => ({ label: `| ${f}`, data: [], borderColor: '', borderDash: [4, 3], borderWidth: 1 })),
  ];
  const charts = [valueCanvas, slopeCanvas].map((canvas, k) => {
    const chart = createChart(canvas, { datasets: series(), x: { title: 'x' }, y: { title: ' ' },
      exportAs: { t, file: k ? 'number-formats-derivative' : 'number-formats-value' } });
    chart.options.plugins.legend.labels.filter = (item) => !item.text.startsWith('|');
    const palette = [7, 0, 1, 2];
    chart.$recolour = (c) => chart.data.datasets.forEach((d, i) => { d.borderColor = c.series[palette[i % 4]]; });
    chart.$recolour(chart.$colours);
    return chart;
  });
  let lang = null;

  function readRange() {
    const a = parseDecimal(lo.input.value), b = parseDecimal(hi.input.value);
    const ok = [a, b].every((v) => Number.isFinite(v) && Math.abs(v) <= RANGE_LIMIT) && b - a >= 0.01;
    return ok ? [a, b] : null;
  }

  function draw() {
    const id = state['formats.fn'];
    const row = api.rowById.get(id);
    const range = [state['formats.lo'], state['formats.hi']];
    const params = Object.fromEntries(row.params.map((p) => [p.name, state[`${id}.${p.name}`] ?? p.default]));
    const xs = new Float64Array(SAMPLES);
    for (let i = 0; i < SAMPLES; i++) xs[i] = range[0] + ((range[1] - range[0]) * i) / (SAMPLES - 1);
    let markers;
    try {
      const values = [lab.evaluate(id, xs, params), lab.derivative(id, xs, params)];
      markers = lab.formatMarkers(id, { params, range });
      values.forEach((exact, k) => {
        const chart = charts[k];
        let yMin = Infinity, yMax = -Infinity;
        const error = state['formats.view'] === 'error';
        FORMATS.forEach((format, f) => {
          const rounded = format === 'float64' ? exact : lab.roundToFormat(exact, format);
          // The error view: rounded − float64, which shows each format's steps at any scale.
          const ys = error ? rounded.map((y, i) => y - exact[i]) : rounded;
          chart.data.datasets[f].data = Array.from(xs, (x, i) => ({ x, y: Number.isFinite(ys[i]) ? ys[i] : NaN }));
          for (const y of ys) if (Number.isFinite(y)) { yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); }
        });
        if (!(yMax > yMin)) { yMin -= 1; yMax += 1; }
        FORMATS.forEach((format, f) => {
          const m = markers[format];
          const at = k === 0 ? [m.saturatesBelow, m.saturatesAbove, m.expOverflow] : [m.derivativeZeroBelow, m.derivativeZeroAbove];
          chart.data.datasets[4 + f].data = at.filter((x) => x !== null).flatMap((x) => [{ x, y: yMin }, { x, y: yMax }, { x, y: NaN }]);
        });
        chart.options.scales.x.min = range[0];
        chart.options.scales.x.max = range[1];
        const title = k ? t('formats.derivative', { name: row.name }) : t('formats.value', { name: row.name });
        chart.options.scales.y.title.text = error ? t('formats.errorOf', { what: title }) : title;
        chart.update('none');
      });
    } catch (error) {
      setText(message, error.message);
      return;
    }
    setText(message, '');
    tableBox.replaceChildren(markerTable(t, FORMATS.map((format) => ({ format, values: MARKERS.map((m) => markers[format][m]) }))));
  }

  fnMenu.select.addEventListener('change', () => api.setState({ 'formats.fn': fnMenu.select.value, section: api.sectionOf(element) }));
  viewMenu.select.addEventListener('change', () => api.setState({ 'formats.view': viewMenu.select.value, section: api.sectionOf(element) }));
  for (const f of [lo, hi]) {
    f.input.addEventListener('change', () => {
      const range = readRange();
      for (const g of [lo, hi]) g.input.setAttribute('aria-invalid', String(!range));
      if (!range) { setText(message, t('formats.rangeMessage', { limit: RANGE_LIMIT })); return; }
      api.setState({ 'formats.lo': range[0], 'formats.hi': range[1], section: api.sectionOf(element) });
    });
  }

  return (next) => {
    const moved = ['formats.fn', 'formats.lo', 'formats.hi', 'formats.view'].some((k) => next[k] !== state[k]);
    state = next;
    fnMenu.select.value = state['formats.fn'];
    viewMenu.select.value = state['formats.view'];
    if (moved || lo.input.getAttribute('aria-invalid') !== 'true') {
      lo.input.value = String(state['formats.lo']);
      hi.input.value = String(state['formats.hi']);
      lo.input.removeAttribute('aria-invalid');
      hi.input.removeAttribute('aria-invalid');
    }
    if (!moved && next.lang === lang) return;
    lang = next.lang;
    draw();
  };
}

export default { id: 'number-formats', mount, settings, repair };
