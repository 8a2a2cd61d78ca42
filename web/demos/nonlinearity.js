// Demo: train two small networks live on the same 2-D data — one with identity activations (stacked
// linear layers, so one straight boundary however deep) and one with the chosen activation — and watch
// the decision boundaries, the loss curves and the accuracy. All computation is in the module.
import { el } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { bindSettings, button, createBoundaryMap, createChart, createLoop, halve, menu, nonlinearIds, settingChoice, showPlaying } from './demo-parts.js';
import { CUSTOM, choiceName, networkActivation, withCustom } from '../figures/custom-choice.js';

const LAYERS = [2, 8, 8, 1];
const RANGE = [-1.5, 1.5];
const GRID = 72;
const MAX_POINTS = 400;

// "a·x₁ − b·x₂ + c" with the signs folded into the operators.
function affine([m1, m2], c) {
  const term = (value, suffix) => `${value < 0 ? '−' : '+'} ${formatNumber(Math.abs(value), 3)}${suffix}`;
  return `${formatNumber(m1, 3)}·x₁ ${term(m2, '·x₂')} ${term(c, '')}`;
}

// The settings a link or an embed carries: the data set and the activation of the second network.
export function settings(rows, options) {
  return [
    settingChoice('nonlinearity.dataset', 'xor', options.datasets),
    settingChoice('nonlinearity.activation', 'relu', withCustom(nonlinearIds(rows))),
  ];
}

export function mount(element, api) {
  const { lab, t } = api;
  const options = lab.demoOptions();
  const datasetMenu = menu({
    labelKey: 'demo.dataset', value: api.state()['nonlinearity.dataset'],
    options: options.datasets.map((id) => ({ value: id, key: `demo.dataset.${id}` })),
  });
  const activationMenu = menu({
    labelKey: 'demo.activation', value: api.state()['nonlinearity.activation'],
    options: withCustom(nonlinearIds(api.rows)).map((id) => ({ value: id, text: choiceName(api, id) })),
  });
  datasetMenu.select.dataset.control = 'dataset';
  activationMenu.select.dataset.control = 'activation';
  const play = button('demo.play', { 'aria-pressed': 'false', 'data-control': 'play' });
  const step = button('demo.step', { 'data-control': 'step' });
  const reset = button('demo.reset', { 'data-control': 'reset' });

  const panels = ['linear', 'chosen'].map((kind) => {
    const map = createBoundaryMap(`demo.nonlinearity.map.${kind}`);
    const heading = el('h4', { class: 'demo-panel-title' });
    const readout = el('p', { class: 'readout', 'data-readout': kind });
    const extra = kind === 'linear' ? el('p', { class: 'readout demo-collapsed', 'data-readout': 'collapsed' }) : null;
    const panel = el('div', { class: 'demo-panel', 'data-panel': kind }, [heading, map.wrapper, readout, extra]);
    return { kind, map, heading, readout, extra, panel, net: null, losses: [], accuracy: 0, loss: NaN };
  });
  const lossCanvas = el('canvas', { role: 'img', 'data-i18n-label': 'demo.nonlinearity.lossLabel' });
  const status = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const refusal = el('p', { class: 'lab-stop', role: 'alert', hidden: true, 'data-readout': 'refused' });
  element.append(
    el('div', { class: 'demo-controls' }, [datasetMenu.wrapper, activationMenu.wrapper, play, step, reset]),
    refusal,
    el('div', { class: 'demo-panels' }, panels.map((p) => p.panel)),
    el('div', { class: 'chart-box demo-loss' }, lossCanvas),
    status,
  );

  const chart = createChart(lossCanvas, {
    datasets: panels.map((p) => ({ label: '', data: p.losses, borderColor: '' })),
    x: { min: 0, title: ' ' }, y: { min: 0, title: ' ' }, exportAs: { t, file: 'nonlinearity-loss' },
  });
  chart.$recolour = (c) => panels.forEach((p, i) => { chart.data.datasets[i].borderColor = c.series[i === 0 ? 7 : 0]; });
  chart.$recolour(chart.$colours);

  let data = null;
  let epoch = 0;
  let stride = 1;
  let lang = null;
  let refused = false;

  const loop = createLoop(element, () => trainEpochs(1), (playing) => {
    showPlaying(play, playing, t);
    if (!playing && epoch > 0) announce();
  });

  function rebuild() {
    loop.pause();
    panels.forEach((p) => p.net?.delete());
    data = lab.dataset(datasetMenu.select.value, { n: 300, noise: 0.05, seed: 7 });
    // The chosen function may be the reader's formula; when that cannot be trained with, its panel shows the
    // untrained identity network and training stays off, with the reason above the panels.
    const chosen = networkActivation(api, api.state(), activationMenu.select.value);
    refused = Boolean(chosen.problem);
    refusal.textContent = chosen.problem ?? '';
    refusal.hidden = !refused;
    play.disabled = step.disabled = refused;
    for (const p of panels) {
      const { activation, params } = p.kind === 'linear' || refused ? { activation: 'identity', params: null } : chosen;
      p.net = new lab.Network({ layers: LAYERS, activation, params, learningRate: 0.1, seed: 3 });
      p.losses.length = 0;
      p.loss = p.net.lossOn(data);
      p.accuracy = p.net.accuracy(data);
    }
    epoch = 0;
    stride = 1;
    draw();
  }

  function trainEpochs(count) {
    if (refused) { loop.pause(); return; }
    for (let k = 0; k < count; k++) {
      epoch += 1;
      for (const p of panels) {
        p.loss = p.net.train(data, { epochs: 1, batchSize: 10 });
        if (epoch % stride === 0) p.losses.push({ x: epoch, y: p.loss });
      }
    }
    for (const p of panels) p.accuracy = p.net.accuracy(data);
    if (panels[0].losses.length > MAX_POINTS) {
      for (const p of panels) halve(p.losses);
      stride *= 2;
    }
    draw();
  }

  function describe(p) {
    return t('demo.nonlinearity.readout', {
      epoch, loss: formatNumber(p.loss, 3), accuracy: (100 * p.accuracy).toFixed(1),
    });
  }

  function draw() {
    for (const p of panels) {
      p.map.draw(p.net.predictGrid({ cols: GRID, rows: GRID, x: RANGE, y: RANGE }), GRID, GRID, data, RANGE);
      p.readout.textContent = describe(p);
      p.readout.dataset.accuracy = String(p.accuracy);
      p.readout.dataset.epoch = String(epoch);
    }
    const { matrix, bias } = panels[0].net.collapsed();
    panels[0].extra.textContent = t('demo.nonlinearity.collapsed', { line: affine(matrix, bias) });
    chart.options.scales.x.max = Math.max(10, epoch);
    chart.update('none');
  }

  function announce() {
    status.textContent = panels.map((p) => `${p.heading.textContent}: ${describe(p)}`).join(' ');
  }

  function relabel() {
    const name = choiceName(api, activationMenu.select.value);
    panels[0].heading.textContent = t('demo.nonlinearity.linearTitle');
    panels[1].heading.textContent = t('demo.nonlinearity.chosenTitle', { name });
    chart.data.datasets[0].label = t('demo.nonlinearity.linearTitle');
    chart.data.datasets[1].label = name;
    chart.options.scales.x.title.text = t('demo.epoch');
    chart.options.scales.y.title.text = t('demo.loss');
    draw();
  }

  const sync = bindSettings(api, element, [
    { key: 'nonlinearity.dataset', control: datasetMenu.select, read: (c) => c.value },
    { key: 'nonlinearity.activation', control: activationMenu.select, read: (c) => c.value },
  ]);
  datasetMenu.select.addEventListener('change', () => { rebuild(); relabel(); });
  activationMenu.select.addEventListener('change', () => { rebuild(); relabel(); });
  play.addEventListener('click', () => loop.toggle());
  step.addEventListener('click', () => { loop.pause(); trainEpochs(1); announce(); });
  reset.addEventListener('click', () => { rebuild(); announce(); });
  rebuild();

  let formula = null;
  return (state) => {
    const formulaNow = JSON.stringify([state.custom, state['custom.params']]);
    const formulaMoved = state['nonlinearity.activation'] === CUSTOM && formula !== null && formula !== formulaNow;
    formula = formulaNow;
    const moved = sync(state);
    if (moved || formulaMoved) rebuild();
    if (state.lang === lang && !moved) return;
    lang = state.lang;
    play.textContent = t(play.dataset.i18n);
    relabel();
  };
}

export default { id: 'nonlinearity', mount, settings };
