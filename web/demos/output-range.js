// Demo: output range. One set of random pre-activations z ~ N(0, s²) goes through sigmoid, tanh and
// ReLU (the module draws the same z for each, from one seed); the histograms show the outputs landing
// in (0, 1), (−1, 1) and [0, ∞).
import { el, slider } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { numberProp } from '../state/schema.js';
import { bindSettings, createChart } from './demo-parts.js';

const BINS = 40;

// Three significant digits; a value that would round onto a bound it never reaches (sigmoid's 1, tanh's −1) is
// written as its distance from it, 1 − 3.4e−5, which is the meaningful part.
const significant = (v, digits) => formatNumber(Number(v.toPrecision(digits)), 12);
function extreme(v, bounds) {
  const text = significant(v, 3);
  for (const bound of bounds) {
    if (v !== bound && Number(text.replace('−', '-')) === bound) {
      const gap = significant(Math.abs(bound - v), 2);
      return v < bound ? `${formatNumber(bound)} − ${gap}` : `${formatNumber(bound)} + ${gap}`;
    }
  }
  return text;
}
const SAMPLES = 20000;
// The histogram's window per function: its range, or for ReLU a window that grows with s.
const FUNCTIONS = [
  { id: 'sigmoid', range: () => [0, 1] },
  { id: 'tanh', range: () => [-1, 1] },
  { id: 'relu', range: (s) => [0, Math.max(1, 3 * s)] },
];

// The setting a link or an embed carries: the spread of the pre-activations.
export function settings() {
  return [numberProp('output-range.scale', 2, 0.5, 5)];
}

export function mount(element, api) {
  const { lab, t } = api;
  const scale = slider({ labelKey: 'demo.outputRange.scale', min: 0.5, max: 5, step: 0.5, value: api.state()['output-range.scale'] });
  scale.input.dataset.control = 'scale';
  const panels = FUNCTIONS.map((fn, i) => {
    const name = api.rowById.get(fn.id).name;
    const canvas = el('canvas', { role: 'img' });
    const readout = el('p', { class: 'readout', 'data-readout': fn.id });
    const panel = el('div', { class: 'demo-panel', 'data-panel': fn.id }, [
      el('h4', { class: 'demo-panel-title', text: name }), el('div', { class: 'chart-box' }, canvas), readout,
    ]);
    const points = [];
    const chart = createChart(canvas, {
      datasets: [{ label: name, data: points, borderColor: '', backgroundColor: '', fill: 'origin', stepped: 'middle', borderWidth: 1 }],
      x: { title: ' ' }, y: { min: 0, title: ' ' }, legend: false, exportAs: { t, file: `output-range-${fn.id}` },
    });
    chart.$recolour = (c) => {
      chart.data.datasets[0].borderColor = c.series[i];
      chart.data.datasets[0].backgroundColor = `${c.series[i]}55`;
    };
    chart.$recolour(chart.$colours);
    return { ...fn, name, canvas, readout, panel, points, chart, result: null };
  });
  element.append(el('div', { class: 'demo-controls' }, [scale.wrapper]), el('div', { class: 'demo-panels three' }, panels.map((p) => p.panel)));
  let lang = null;

  function compute() {
    const s = Number(scale.input.value);
    scale.output.textContent = formatNumber(s, 2);
    for (const p of panels) {
      const range = p.range(s);
      p.result = lab.outputHistogram({ activation: p.id, samples: SAMPLES, scale: s, seed: 11, bins: BINS, range });
      const width = (range[1] - range[0]) / BINS;
      p.points.length = 0;
      p.result.counts.forEach((count, k) => p.points.push({ x: range[0] + (k + 0.5) * width, y: count / SAMPLES }));
      Object.assign(p.chart.options.scales.x, { min: range[0], max: range[1] });
    }
    describe();
  }

  function describe() {
    const s = Number(scale.input.value);
    for (const p of panels) {
      const r = p.result;
      const bounds = p.id === 'relu' ? [] : p.range(s);
      const text = t('demo.outputRange.readout', { min: extreme(r.min, bounds), max: extreme(r.max, bounds), above: r.above });
      p.readout.textContent = text;
      p.readout.dataset.min = String(r.min);
      p.readout.dataset.max = String(r.max);
      p.canvas.setAttribute('aria-label', t('demo.outputRange.chartLabel', { name: p.name, s: formatNumber(s, 2) }) + ' ' + text);
      p.chart.options.scales.x.title.text = t('demo.outputRange.output', { name: p.name });
      p.chart.options.scales.y.title.text = t('demo.outputRange.share');
      p.chart.update('none');
    }
  }

  const sync = bindSettings(api, element, [{ key: 'output-range.scale', control: scale.input, read: (c) => Number(c.value) }]);
  scale.input.addEventListener('input', compute);
  compute();

  return (state) => {
    if (sync(state)) compute();
    if (state.lang === lang) return;
    lang = state.lang;
    describe();
  };
}

export default { id: 'output-range', mount, settings };
