// Demo: vanishing gradients by depth. The module builds a deep random network (width 32), pushes
// random inputs through it, backpropagates a unit gradient from the top and reports its size at every
// layer; the chart shows it on a log scale, with the 0.25ⁿ line: the factor σ′ ≤ 1/4 alone contributes (weights
// not counted, so it is no bound on the gradient itself).
import { el, slider } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { tickLabel } from '../charts/line-chart.js';
import { integerProp } from '../state/schema.js';
import { bindSettings, createChart, menu, settingChoice } from './demo-parts.js';
import { CUSTOM, choiceName, networkActivation, withCustom } from '../figures/custom-choice.js';

const WIDTH = 32;

// Log-axis tick labels: only exact powers of ten, written 10⁻⁶ rather than 0.000001.
const superscript = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
function powerOfTen(value) {
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(value / 10 ** exponent - 1) > 1e-9) return '';
  return `10${String(exponent).replace(/./g, (ch) => superscript[ch])}`;
}

// The readout writes 6.54e−17 as 6.54 × 10⁻¹⁷, the notation of the chart's axis beside it.
function scientific(text) {
  const match = /^([^e]+)e([−+-]?)(\d+)$/.exec(text);
  if (!match) return text;
  const exponent = (match[2] === '+' ? '' : match[2] ? '-' : '') + match[3];
  return `${match[1]} × 10${exponent.replace(/./g, (ch) => superscript[ch])}`;
}

// The initialisations this demo offers: the random and equal schemes (zeros and a constant would make every
// gradient here 0 or identical, which the symmetry demo and the training lab show instead).
const depthInits = (options) => options.inits.filter((id) => id !== 'zeros' && id !== 'constant');

// The settings a link or an embed carries: depth, activation and initialisation.
export function settings(rows, options) {
  return [
    integerProp('vanishing.depth', 20, 1, 50),
    settingChoice('vanishing.activation', 'sigmoid', withCustom(rows.map((r) => r.id))),
    settingChoice('vanishing.init', 'torch_default', depthInits(options)),
  ];
}

export function mount(element, api) {
  const { lab, t } = api;
  const depth = slider({ labelKey: 'demo.vanishing.depth', min: 1, max: 50, step: 1, value: api.state()['vanishing.depth'] });
  depth.input.dataset.control = 'depth';
  const activationMenu = menu({
    labelKey: 'demo.activation', value: api.state()['vanishing.activation'], options: withCustom(api.rows.map((r) => r.id)).map((id) => ({ value: id, text: choiceName(api, id) })),
  });
  activationMenu.select.dataset.control = 'activation';
  const initMenu = menu({
    labelKey: 'demo.init', value: api.state()['vanishing.init'],
    options: depthInits(lab.demoOptions()).map((id) => ({ value: id, key: `demo.init.${id}` })),
  });
  initMenu.select.dataset.control = 'init';
  const canvas = el('canvas', { role: 'img', 'data-i18n-label': 'demo.vanishing.chartLabel' });
  const readout = el('p', { class: 'readout', 'data-readout': 'vanishing', 'aria-live': 'polite' });
  const refusal = el('p', { class: 'lab-stop', role: 'alert', hidden: true, 'data-readout': 'refused' });
  const table = el('table');
  element.append(
    el('div', { class: 'demo-controls' }, [depth.wrapper, activationMenu.wrapper, initMenu.wrapper]),
    el('div', { class: 'chart-box tall' }, canvas),
    readout,
    refusal,
    el('details', { class: 'data-table' }, [el('summary', { i18n: 'demo.dataTable' }), table]),
  );

  const gradient = [];
  const bound = [];
  const chart = createChart(canvas, {
    datasets: [
      { label: '', data: gradient, borderColor: '', pointRadius: 2 },
      { label: '', data: bound, borderColor: '', borderDash: [6, 4], borderWidth: 1.5 },
    ],
    x: { min: 1, max: 20, title: ' ', ticks: { precision: 0, callback: tickLabel } },
    y: { type: 'logarithmic', title: ' ', ticks: { callback: powerOfTen, autoSkip: true } },
    exportAs: { t, file: 'vanishing-gradients' },
  });
  chart.$recolour = (c) => {
    chart.data.datasets[0].borderColor = c.series[0];
    chart.data.datasets[1].borderColor = c.series[1];
  };
  chart.$recolour(chart.$colours);
  let lang = null;
  let result = null;
  let shown = '';  // the function the chart shows: the last one that could be computed

  function compute() {
    const n = Number(depth.input.value);
    const activation = activationMenu.select.value;
    const chosen = networkActivation(api, api.state(), activation);
    refusal.textContent = chosen.problem ?? '';
    refusal.hidden = !chosen.problem;
    if (chosen.problem) {
      if (result) return;  // the last good chart stays
      chosen.activation = 'sigmoid';
    }
    shown = chosen.problem ? 'sigmoid' : activation;
    result = lab.gradientByDepth({ depth: n, width: WIDTH, activation: chosen.activation, params: chosen.params,
      init: initMenu.select.value, samples: 8, seed: 1 });
    depth.output.textContent = String(n);
    gradient.length = 0;
    bound.length = 0;
    const g = result.gradients;
    const top = g[n - 1];
    let lo = Infinity;
    let hi = 0;
    for (let l = 0; l < n; l++) {
      // Layer 1 is next to the input; a gradient of exactly 0 (dead units) cannot sit on a log axis.
      gradient.push({ x: l + 1, y: g[l] > 0 ? g[l] : NaN });
      if (g[l] > 0) { lo = Math.min(lo, g[l]); hi = Math.max(hi, g[l]); }
      if (shown === 'sigmoid') {
        const b = top * 0.25 ** (n - 1 - l);
        bound.push({ x: l + 1, y: b });
        if (b > 0) lo = Math.min(lo, b);
      }
    }
    if (!(lo < Infinity)) { lo = 1e-3; hi = 1; }
    Object.assign(chart.options.scales.y, {
      min: 10 ** Math.floor(Math.log10(lo)), max: 10 ** Math.ceil(Math.log10(Math.max(hi, lo * 10))),
    });
    Object.assign(chart.options.scales.x, { min: 1, max: Math.max(2, n) });
    chart.data.datasets[1].hidden = shown !== 'sigmoid';
    describe();
    chart.update('none');
  }

  function describe() {
    const g = result.gradients;
    const n = g.length;
    const name = choiceName(api, shown);
    const ratio = g[n - 1] > 0 ? g[0] / g[n - 1] : NaN;
    readout.textContent = t('demo.vanishing.readout', { name, depth: n, ratio: scientific(formatNumber(ratio, 3)) });
    readout.dataset.ratio = String(ratio);
    chart.data.datasets[0].label = t('demo.vanishing.series', { name });
    chart.data.datasets[1].label = t('demo.vanishing.bound');
    chart.options.scales.x.title.text = t('demo.vanishing.layer');
    chart.options.scales.y.title.text = t('demo.vanishing.magnitude');
    table.replaceChildren(
      el('thead', {}, el('tr', {}, [el('th', { scope: 'col', text: t('demo.vanishing.layer') }),
        el('th', { scope: 'col', text: t('demo.vanishing.magnitude') })])),
      el('tbody', {}, Array.from(g, (v, l) => el('tr', {}, [el('td', { text: String(l + 1) }), el('td', { text: formatNumber(v, 4) })]))),
    );
  }

  const sync = bindSettings(api, element, [
    { key: 'vanishing.depth', control: depth.input, read: (c) => Number(c.value) },
    { key: 'vanishing.activation', control: activationMenu.select, read: (c) => c.value },
    { key: 'vanishing.init', control: initMenu.select, read: (c) => c.value },
  ]);
  depth.input.addEventListener('input', compute);
  activationMenu.select.addEventListener('change', compute);
  initMenu.select.addEventListener('change', compute);
  compute();

  let formula = null;
  return (state) => {
    const formulaNow = JSON.stringify([state.custom, state['custom.params']]);
    const formulaMoved = state['vanishing.activation'] === CUSTOM && formula !== null && formula !== formulaNow;
    formula = formulaNow;
    if (sync(state) || formulaMoved) compute();
    if (state.lang === lang) return;
    lang = state.lang;
    describe();
    chart.update('none');
  };
}

export default { id: 'vanishing', mount, settings };
