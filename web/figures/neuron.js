// The neuron panel: inputs x1..x3, weights w1..w3, bias b and an activation; the module computes z = w·x + b
// and f(z); a diagram carries the live numbers and the activation's curve marks z.
import { nameOf } from '../page/names.js';
import { el, setText, slider, svg } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { neuronInputs, neuronWeights } from '../state/neuron-names.js';
import { paramsOf } from '../state/catalogue-views.js';
import { choiceProp, numberProp } from '../state/schema.js';
import { neuronScript, seriesName } from '../lesson/torch-code.js';
import { createLineChart, createProbe, createSampler, niceLimits, redraw, refresh, yExtent } from '../charts/line-chart.js';
import { exportMenu } from '../charts/export-menu.js';
import { CUSTOM, choiceName, withCustom } from './custom-choice.js';
import { customFunction } from './custom-function.js';
import { customRange } from '../state/custom-state.js';
import { seriesCsv, titleOf } from '../charts/export-view.js';

const names = [...neuronInputs, ...neuronWeights, 'b'];
// Every input, weight and the bias lie in [−neuronLimit, neuronLimit].
const neuronLimit = 5;
// z = −0.9 by default: negative, so ReLU visibly cuts it to 0 and each activation gives a different output.
const neuronDefaults = { x1: 1, x2: -2, x3: 0.5, w1: 0.8, w2: 0.3, w3: -1.2, b: -0.5 };

// The neuron's activation (ReLU unless the catalogue lacks it), inputs, weights and bias.
export function settings(rows) {
  const ids = rows.map((r) => r.id);
  return [
    choiceProp('neuron.fn', ids.includes('relu') ? 'relu' : ids[0], withCustom(ids)),
    ...names.map((name) => numberProp(`neuron.${name}`, neuronDefaults[name], -neuronLimit, neuronLimit)),
  ];
}

// Draws the neuron: three inputs, weighted edges, the sum node, the activation and the output.
function diagram() {
  const root = svg('svg', { viewBox: '0 0 420 210', class: 'neuron-diagram', role: 'img' });
  const title = svg('title');
  root.append(title);
  const parts = { title, inputs: [], weights: [], edges: [] };
  const ys = [40, 105, 170];
  ys.forEach((y, i) => {
    const edge = svg('line', { x1: 62, y1: y, x2: 196, y2: 105, class: 'edge' });
    // The weight's label runs along its edge, just above it, so it never crosses the line.
    const midY = (y + 105) / 2;
    const angle = (Math.atan2(105 - y, 196 - 62) * 180) / Math.PI;
    const weight = svg('text', { x: 129, y: midY - 6, class: 'weight', 'text-anchor': 'middle', transform: `rotate(${angle.toFixed(2)} 129 ${midY})` });
    const node = svg('circle', { cx: 38, cy: y, r: 24, class: 'node' });
    const value = svg('text', { x: 38, y: y + 5, class: 'value', 'text-anchor': 'middle' });
    const name = svg('text', { x: 6, y: y - 28, class: 'name' });
    name.textContent = `x${i + 1}`;
    root.append(edge, node, value, weight, name);
    parts.inputs.push(value);
    parts.weights.push(weight);
    parts.edges.push(edge);
  });
  const bias = svg('text', { x: 222, y: 36, class: 'weight', 'text-anchor': 'middle' });
  root.append(svg('line', { x1: 222, y1: 42, x2: 222, y2: 77, class: 'edge bias' }), bias);
  root.append(svg('circle', { cx: 222, cy: 105, r: 28, class: 'node sum' }));
  const sumLabel = svg('text', { x: 222, y: 101, class: 'name', 'text-anchor': 'middle' });
  sumLabel.textContent = 'Σ';
  const z = svg('text', { x: 222, y: 122, class: 'value', 'text-anchor': 'middle' });
  root.append(sumLabel, z, svg('line', { x1: 250, y1: 105, x2: 290, y2: 105, class: 'edge' }));
  root.append(svg('rect', { x: 290, y: 80, width: 58, height: 50, rx: 8, class: 'node activation' }));
  const fname = svg('text', { x: 319, y: 110, class: 'name', 'text-anchor': 'middle' });
  root.append(fname, svg('line', { x1: 348, y1: 105, x2: 372, y2: 105, class: 'edge' }));
  const out = svg('text', { x: 414, y: 95, class: 'value', 'text-anchor': 'end' });
  root.append(out);
  Object.assign(parts, { bias, z, fname, out });
  return { root, parts };
}

// Mounts the panel; the activation's parameters come from that function's own section.
export function mount(element, api) {
  const { lab, t } = api;
  const sliders = new Map();
  const grid = el('div', { class: 'neuron-sliders' });
  for (const name of names) {
    const s = slider({ labelText: name, min: -neuronLimit, max: neuronLimit, step: 0.1, value: 0 });
    s.input.dataset.neuron = name;
    s.input.addEventListener('input', () => api.setState({ [`neuron.${name}`]: Number(s.input.value), section: 'neuron' }));
    sliders.set(name, s);
    grid.append(s.wrapper);
  }
  const menu = el('select', { id: 'neuron-fn' }, withCustom(api.rows.map((row) => row.id)).map((id) => el('option', { value: id, text: choiceName(api, id) })));
  menu.addEventListener('change', () => api.setState({ 'neuron.fn': menu.value, section: 'neuron' }));
  const menuRow = el('div', { class: 'neuron-menu' }, [el('label', { for: 'neuron-fn', i18n: 'neuron.activation' }), menu]);
  const zOut = el('output', { class: 'neuron-z', 'data-value': '' });
  const fOut = el('output', { class: 'neuron-out', 'data-value': '' });
  const result = el('p', { class: 'neuron-result', 'aria-live': 'polite' }, [
    el('span', { text: 'z = ' }), zOut, el('span', { text: '  →  ' }), el('span', { class: 'neuron-f' }), fOut,
  ]);
  const message = el('p', { class: 'field-message neuron-message', role: 'status' });
  const linearNote = el('p', { class: 'neuron-linear-note', i18n: 'neuron.linearNote' });
  const { root: picture, parts } = diagram();
  const canvas = el('canvas', { role: 'img' });
  const chartBox = el('div', { class: 'chart-box' }, canvas);
  const readout = el('p', { class: 'readout' });
  element.append(
    el('div', { class: 'neuron-controls' }, [grid, menuRow]),
    el('div', { class: 'neuron-figures' }, [picture, result, message, linearNote, chartBox, readout]),
  );
  const probe = createProbe(lab);
  const showReadout = (x) => {
    chart.$crosshairX = x;
    const custom = last && !last.problem && last['neuron.fn'] === CUSTOM ? customFunction(lab, last) : null;
    const shown = last && !last.problem && !custom && { row: api.rowById.get(last['neuron.fn']), params: paramsOf(api.rowById.get(last['neuron.fn']), last) };
    if (x !== null && custom) {
      const { value, derivative } = custom.f.evaluateBoth([x], custom.params);
      readout.textContent = t('curve.readout', { x: formatNumber(x), f: formatNumber(value[0]), df: formatNumber(derivative[0]) });
    } else if (x === null || !shown) readout.textContent = t('curve.readoutHint');
    else {
      const { f, df } = probe(shown.row.id, shown.params, x);
      readout.textContent = t('curve.readout', { x: formatNumber(x), f: formatNumber(f), df: formatNumber(df) });
    }
    redraw(chart);
  };

  const sampler = createSampler(lab);
  const curve = [];
  const marker = [{ x: 0, y: 0 }];
  const chart = createLineChart(canvas, {
    datasets: [
      { label: 'f', data: [], $points: curve, borderColor: '' },
      { label: 'z', data: [], $points: marker, showLine: false, pointRadius: 6, backgroundColor: '' },
    ],
    onPointer: (x) => showReadout(x), readout,
    onResize: () => requestAnimationFrame(() => last && render(last, true)),
  });
  chart.$recolour = (c) => {
    chart.data.datasets[0].borderColor = c.series[0];
    chart.data.datasets[1].backgroundColor = c.series[1];
  };
  chart.$recolour(chart.$colours);
  let last = null;
  let shownNeuron = null;  // what the chart shows, for the export menu; null while the parameters are invalid
  const exportView = () => {
    if (!shownNeuron) return null;
    const { row, params, values, result, lo, hi } = shownNeuron;
    // The curve, then the neuron's own point as one more row, marked in a column of its own.
    const csv = seriesCsv([
      { name: 'z', values: [...curve.map((p) => p.x), result.z] },
      { name: seriesName(row, params).replace('(x', '(z'), values: [...curve.map((p) => p.y), result.output] },
      { name: 'neuron', values: [...curve.map(() => 0), 1] },
    ]);
    const { min, max } = chart.options.scales.y;
    return {
      file: `neuron-${row.id}`, csv,
      script: neuronScript({
        row, params, inputs: neuronInputs.map((k) => values[k]), weights: neuronWeights.map((k) => values[k]), bias: values.b,
        lo, hi, n: curve.length, yLimits: [min, max], title: `${titleOf(row, params)}, z = w·x + b`, file: `neuron-${row.id}.png`,
      }),
    };
  };
  chartBox.after(exportMenu(chart, t, exportView));

  // The reader's formula as the neuron's activation: a row-like view of it (its name, the range it is drawn
  // over) and f(z) from the module; null when the formula does not compile.
  function customRow(state) {
    const custom = customFunction(lab, state);
    if (!custom) return null;
    const [lo, hi] = customRange(state);
    return { id: CUSTOM, name: choiceName(api, CUSTOM), range: [lo, hi], params: [], custom };
  }

  function render(state, force = false) {
    const isCustom = state['neuron.fn'] === CUSTOM;
    const row = isCustom ? customRow(state) ?? { id: CUSTOM, name: choiceName(api, CUSTOM), range: customRange(state), params: [] }
      : api.rowById.get(state['neuron.fn']);
    const values = Object.fromEntries(names.map((n) => [n, state[`neuron.${n}`]]));
    const params = isCustom ? row.custom?.params ?? {} : paramsOf(row, state);
    const signature = JSON.stringify([row.id, values, params, state.lang, isCustom && state.custom, isCustom && customRange(state)]);
    if (!force && signature === last?.signature) return;
    last = { ...state, signature };
    for (const [name, s] of sliders) {
      s.input.value = String(values[name]);
      s.output.textContent = formatNumber(values[name], 2);
    }
    menu.value = row.id;
    const weighted = { inputs: neuronInputs.map((n) => values[n]), weights: neuronWeights.map((n) => values[n]), bias: values.b };
    let result;
    let problem = '';
    try {
      if (isCustom && !row.custom) throw new Error(t('neuron.customInvalid'));
      if (isCustom) {
        const z = lab.neuron({ ...weighted, activation: 'identity' }).z;
        result = { z, output: row.custom.f.evaluate([z], params)[0] };
      } else result = lab.neuron({ ...weighted, activation: row.id, params });
    } catch (err) {
      // Only the activation's parameters can be refused (a pair out of order, set in its own section); z does
      // not depend on them, so it is still shown, and f(z) gives way to the reason.
      problem = err.message;
      result = { z: lab.neuron({ ...weighted, activation: 'identity' }).z, output: NaN };
      shownNeuron = null;
    }
    last.problem = problem;
    setText(message, problem ? (isCustom ? problem : t('neuron.badParams', { name: row.name, reason: problem })) : '');
    zOut.textContent = formatNumber(result.z);
    zOut.dataset.value = String(result.z);
    fOut.textContent = problem ? '—' : formatNumber(result.output);
    fOut.dataset.value = problem ? '' : String(result.output);
    element.querySelector('.neuron-f').textContent = `${row.id === 'identity' || isCustom ? 'f' : nameOf(api, row)}(z) = `;
    linearNote.hidden = row.id !== 'identity';

    parts.inputs.forEach((node, i) => { node.textContent = formatNumber(values[neuronInputs[i]], 2); });
    parts.weights.forEach((node, i) => {
      const w = values[neuronWeights[i]];
      node.textContent = `w${i + 1} = ${formatNumber(w, 2)}`;
      parts.edges[i].setAttribute('stroke-width', String(1 + Math.min(5, Math.abs(w) * 1.5)));
      parts.edges[i].classList.toggle('negative', w < 0);
    });
    parts.bias.textContent = `b = ${formatNumber(values.b, 2)}`;
    parts.z.textContent = `z=${formatNumber(result.z, 2)}`;
    parts.fname.textContent = row.id === 'identity' ? 'f(z)=z' : 'f';
    parts.out.textContent = problem ? '—' : formatNumber(result.output);
    parts.title.textContent = t('neuron.diagramLabel', { z: formatNumber(result.z), f: problem ? '—' : formatNumber(result.output), name: row.name });
    if (problem) return;

    const lo = Math.min(row.range[0], Math.floor(result.z) - 1);
    const hi = Math.max(row.range[1], Math.ceil(result.z) + 1);
    sampler.grid(chart.width, lo, hi);
    if (isCustom) sampler.sampleFormula(row.custom.f, params, false, curve);
    else sampler.sample(row.id, params, false, curve);
    // The export menu writes PyTorch code for a catalogue function; the reader's formula has none.
    shownNeuron = isCustom ? null : { row, params, values, result, lo, hi };
    marker[0].x = result.z;
    marker[0].y = result.output;
    const [ylo, yhi] = niceLimits(...yExtent([curve, marker]));
    Object.assign(chart.options.scales.x, { min: lo, max: hi });
    Object.assign(chart.options.scales.y, { min: ylo, max: yhi });
    chart.$crosshairX = null;
    readout.textContent = t('curve.readoutHint');
    refresh(chart);
    canvas.setAttribute('aria-label', t('neuron.chartLabel', { name: row.name, z: formatNumber(result.z), f: formatNumber(result.output) }));
  }
  return (state) => render(state);
}

export default { id: 'neuron', mount, settings };
