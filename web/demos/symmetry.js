// Demo: symmetry. Two copies of the same small network train on the same data; one starts with every
// weight equal, the other with random weights. The chart follows each first-layer unit's first weight:
// units that start equal get equal gradients and stay identical (one visible line), whatever the
// activation — only random initialisation breaks the symmetry. "Mixed" gives each hidden unit its own activation
// (mixed-network.js), so the article's literal claim can be tried: equal-weight units then do drift apart.
import { el } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { bindSettings, button, createChart, createLoop, halve, menu, nonlinearIds, settingChoice, showPlaying, nameOf } from './demo-parts.js';
import { mixedNetwork } from './mixed-network.js';

const LAYERS = [2, 4, 1];
const UNITS = LAYERS[1];
const MAX_POINTS = 300;
// The "mixed" choice: hidden unit j uses MIXED[j].
export const MIXED = ['tanh', 'sigmoid', 'relu', 'silu'];

// How many different incoming-weight rows (weights and bias) a layer has.
function distinctUnits(layer) {
  const rows = new Set();
  for (let j = 0; j < layer.outputs; j++) {
    const w = Array.from(layer.weights.subarray(j * layer.inputs, (j + 1) * layer.inputs));
    rows.add(JSON.stringify([...w, layer.biases[j]]));
  }
  return rows.size;
}

// The setting a link or an embed carries: the activation of both networks.
export function settings(rows) {
  return [settingChoice('symmetry.activation', 'tanh', [...nonlinearIds(rows), 'mixed'])];
}

export function mount(element, api) {
  const { lab, t } = api;
  const activationMenu = menu({
    labelKey: 'demo.activation', value: api.state()['symmetry.activation'],
    options: [...nonlinearIds(api.rows).map((id) => ({ value: id, text: nameOf(api, api.rowById.get(id)) })),
      { value: 'mixed', key: 'demo.symmetry.mixed' }],
  });
  activationMenu.select.dataset.control = 'activation';
  const play = button('demo.play', { 'aria-pressed': 'false', 'data-control': 'play' });
  const step = button('demo.step', { 'data-control': 'step' });
  const reset = button('demo.reset', { 'data-control': 'reset' });

  const panels = ['equal', 'torch_default'].map((init) => {
    const canvas = el('canvas', { role: 'img', 'data-i18n-label': `demo.symmetry.chart.${init}` });
    const readout = el('p', { class: 'readout', 'data-readout': init });
    const panel = el('div', { class: 'demo-panel', 'data-panel': init }, [
      el('h4', { class: 'demo-panel-title', i18n: `demo.symmetry.title.${init}` }),
      el('div', { class: 'chart-box' }, canvas), readout,
    ]);
    const series = Array.from({ length: UNITS }, () => []);
    return { init, canvas, readout, panel, series, net: null, chart: null, distinct: 0 };
  });
  const status = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  element.append(
    el('div', { class: 'demo-controls' }, [activationMenu.wrapper, play, step, reset]),
    el('div', { class: 'demo-panels' }, panels.map((p) => p.panel)),
    status,
  );
  for (const p of panels) {
    p.chart = createChart(p.canvas, {
      datasets: p.series.map((data) => ({ label: '', data, borderColor: '' })),
      x: { min: 0, title: ' ' }, y: { title: ' ' }, exportAs: { t, file: `symmetry-${p.init}` },
    });
    p.chart.$recolour = (c) => p.chart.data.datasets.forEach((d, j) => { d.borderColor = c.series[j]; });
    p.chart.$recolour(p.chart.$colours);
  }

  let data = lab.dataset('circle', { n: 200, noise: 0.05, seed: 5 });
  let epoch = 0;
  let stride = 1;
  let lang = null;

  const loop = createLoop(element, () => trainEpochs(1), (playing) => {
    showPlaying(play, playing, t);
    if (!playing) status.textContent = panels.map(describe).join(' ');
  });

  function record(p) {
    const [first] = p.net.weights();
    p.distinct = distinctUnits(first);
    if (epoch % stride === 0) first.weights.forEach((w, k) => { if (k % first.inputs === 0) p.series[k / first.inputs].push({ x: epoch, y: w }); });
  }

  function rebuild() {
    loop.pause();
    epoch = 0;
    stride = 1;
    for (const p of panels) {
      p.net?.delete();
      const activation = activationMenu.select.value;
      p.net = activation === 'mixed'
        ? mixedNetwork(lab, { activations: MIXED, init: p.init, learningRate: 0.3, seed: 2 })
        : new lab.Network({ layers: LAYERS, activation, init: p.init, learningRate: 0.3, seed: 2 });
      p.canvas.dataset.i18nLabel = `demo.symmetry.chart.${p.init}${activation === 'mixed' ? '.mixed' : ''}`;
      p.canvas.setAttribute('aria-label', t(p.canvas.dataset.i18nLabel));
      p.series.forEach((s) => { s.length = 0; });
      record(p);
    }
    relabel();
  }

  function trainEpochs(count) {
    for (let k = 0; k < count; k++) {
      epoch += 1;
      for (const p of panels) {
        p.net.train(data, { epochs: 1, batchSize: 10 });
        record(p);
      }
    }
    if (panels[0].series[0].length > MAX_POINTS) {
      for (const p of panels) p.series.forEach(halve);
      stride *= 2;
    }
    draw();
  }

  function describe(p) {
    return t(`demo.symmetry.readout`, { epoch, distinct: p.distinct, units: UNITS });
  }

  function draw() {
    for (const p of panels) {
      p.readout.textContent = describe(p);
      p.readout.dataset.distinct = String(p.distinct);
      p.chart.options.scales.x.max = Math.max(10, epoch);
      p.chart.update('none');
    }
  }

  function relabel() {
    for (const p of panels) {
      const mixed = activationMenu.select.value === 'mixed';
      p.chart.data.datasets.forEach((d, j) => {
        d.label = mixed ? t('demo.symmetry.unitWith', { unit: j + 1, name: nameOf(api, api.rowById.get(MIXED[j])) })
          : t('demo.symmetry.unit', { unit: j + 1 });
      });
      p.chart.options.scales.x.title.text = t('demo.epoch');
      p.chart.options.scales.y.title.text = t('demo.symmetry.weight');
    }
    draw();
  }

  const sync = bindSettings(api, element, [{ key: 'symmetry.activation', control: activationMenu.select, read: (c) => c.value }]);
  activationMenu.select.addEventListener('change', rebuild);
  play.addEventListener('click', () => loop.toggle());
  step.addEventListener('click', () => { loop.pause(); trainEpochs(1); status.textContent = panels.map(describe).join(' '); });
  reset.addEventListener('click', rebuild);
  rebuild();

  return (state) => {
    if (sync(state)) rebuild();
    if (state.lang === lang) return;
    lang = state.lang;
    play.textContent = t(play.dataset.i18n);
    relabel();
  };
}

export default { id: 'symmetry', mount, settings };
