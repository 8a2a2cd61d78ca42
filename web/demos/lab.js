// The training lab: build a network layer by layer (0–6 hidden layers of 1–8 units, an activation per
// layer), pick the initialisation, seed and training settings, train it on a built-in data set or on your
// own points, and watch the decision boundary, every hidden unit's output, the loss curves, the dead units
// and the gradient size per layer. All computation is in the module; every setting is in the URL.
import { el, setText } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { parseDecimal } from '../state/decimal.js';
import { button, classColours, createBoundaryMap, createChart, createLoop, halve, menu, showPlaying } from './demo-parts.js';
import { linkable, nearestPoint, parseCsv, pointsToData, POINT_LIMIT, MAX_OWN_POINTS, REMOVE_RADIUS, splitData } from './lab-data.js';
import { keyboardPoints } from './lab-keyboard.js';
import {
  BATCH, INIT_VALUE, LEARNING_RATE, MAX_HIDDEN, MAX_UNITS, NOISE, RATIO, SEED_MAX, WEIGHT_DECAY,
  choosableIds, labSettings, layerActivations,
} from './lab-settings.js';
import { CUSTOM, choiceName, networkActivation, withCustom } from '../figures/custom-choice.js';
import { computeView, GRID, THUMB } from './lab-view.js';
import { createOffload, workerUrl } from './lab-offload.js';

export const settings = labSettings;

const RANGE = [-POINT_LIMIT, POINT_LIMIT];
const MAX_CURVE = 400;
// While training plays, the loss chart and the thumbnails are redrawn at most this often (ms): laying out the
// chart's axes costs more than the rest of a frame's drawing, and a curve over hundreds of epochs looks the
// same at ten updates a second; 48 thumbnails cost about as much as the chart, and move smoothly at thirty.
// The decision map and the readouts follow every epoch; paused, everything is drawn at once.
const CHART_INTERVAL_MS = 100;
const THUMBS_INTERVAL_MS = 33;
const DATA_POINTS = 400;

// A labelled number field: typed text goes through the page's decimal parser; a bad value shows `messageKey`
// next to the field and the last good value stays in force.
function numberField(labelKey, value, attrs = {}) {
  const input = el('input', { type: 'text', inputmode: 'decimal', size: 7, spellcheck: 'false', autocomplete: 'off', ...attrs });
  input.value = String(value);
  const message = el('span', { class: 'field-message', 'aria-live': 'polite' });
  const label = el('label', {}, [el('span', { i18n: labelKey }), ' ', input]);
  return { wrapper: el('div', { class: 'demo-field lab-field' }, [label, message]), input, message };
}

export function mount(element, api) {
  const { lab, t } = api;
  const options = lab.demoOptions();
  const ids = withCustom(choosableIds(api.rows));
  let state = api.state();

  // ---- controls ----
  const play = button('demo.play', { 'aria-pressed': 'false', 'data-control': 'play' });
  const step = button('demo.step', { 'data-control': 'step' });
  const reset = button('lab.reset', { 'data-control': 'reset' });
  const reseed = button('lab.newWeights', { 'data-control': 'new-weights' });
  const epochReadout = el('span', { class: 'readout lab-epoch', 'data-readout': 'epoch' });
  const speedReadout = el('span', { class: 'readout lab-speed', 'data-readout': 'speed' });

  const datasetMenu = menu({
    labelKey: 'demo.dataset', value: state['lab.dataset'],
    options: [...options.datasets, 'own'].map((id) => ({ value: id, key: id === 'own' ? 'lab.dataset.own' : `demo.dataset.${id}` })),
  });
  datasetMenu.select.dataset.control = 'dataset';
  const initMenu = menu({
    labelKey: 'demo.init', value: state['lab.init'],
    options: options.inits.map((id) => ({ value: id, key: `demo.init.${id}` })),
  });
  initMenu.select.dataset.control = 'init';
  const batchMenu = menu({
    labelKey: 'lab.batch', value: String(state['lab.batch']),
    options: [1, 2, 5, 10, 20, 50, 100].map((v) => ({ value: String(v), text: String(v) })),
  });
  batchMenu.select.dataset.control = 'batch';
  const fields = {
    'lab.lr': { ...numberField('lab.lr', state['lab.lr'], { 'data-control': 'lr' }), range: LEARNING_RATE, key: 'lab.lr.message' },
    'lab.l2': { ...numberField('lab.l2', state['lab.l2'], { 'data-control': 'l2' }), range: WEIGHT_DECAY, key: 'lab.l2.message' },
    'lab.noise': { ...numberField('lab.noise', state['lab.noise'], { 'data-control': 'noise' }), range: NOISE, key: 'lab.noise.message' },
    'lab.ratio': { ...numberField('lab.ratio', state['lab.ratio'], { 'data-control': 'ratio' }), range: RATIO, key: 'lab.ratio.message', integer: true },
    'lab.seed': { ...numberField('lab.seed', state['lab.seed'], { 'data-control': 'seed' }), range: { min: 0, max: SEED_MAX }, key: 'lab.seed.message', integer: true },
    'lab.initValue': { ...numberField('lab.initValue', state['lab.initValue'], { 'data-control': 'init-value' }), range: INIT_VALUE, key: 'lab.initValue.message' },
  };

  const addLayer = button('lab.addLayer', { 'data-control': 'add-layer' });
  const removeLayer = button('lab.removeLayer', { 'data-control': 'remove-layer' });
  const layerCount = el('span', { class: 'readout', 'data-readout': 'layers' });
  const outputNote = el('p', { class: 'readout lab-output-note', i18n: 'lab.outputNote' });
  const columns = el('div', { class: 'lab-columns' });

  const map = createBoundaryMap('lab.mapLabel');
  map.wrapper.classList.add('lab-map');
  const modeMenu = menu({
    labelKey: 'lab.own.mode', value: 'one',
    options: ['one', 'zero', 'remove'].map((v) => ({ value: v, key: `lab.own.mode.${v}` })),
  });
  modeMenu.select.dataset.control = 'point-mode';
  const clear = button('lab.own.clear', { 'data-control': 'clear-points' });
  const csvText = el('textarea', { rows: 3, cols: 24, spellcheck: 'false', 'data-control': 'csv', 'aria-describedby': '' });
  const csvLabel = el('label', {}, [el('span', { i18n: 'lab.csv.label' }), csvText]);
  const csvLoad = button('lab.csv.load', { 'data-control': 'csv-load' });
  const csvFile = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', 'data-control': 'csv-file' });
  const csvFileLabel = el('label', {}, [el('span', { i18n: 'lab.csv.file' }), ' ', csvFile]);
  const csvMessage = el('div', { class: 'field-message lab-csv-message', 'aria-live': 'polite', 'data-readout': 'csv' });
  const ownNote = el('p', { class: 'readout lab-own-note', 'data-readout': 'own' });
  const keys = keyboardPoints(map.wrapper, { t, limit: POINT_LIMIT, edit: editPoints, points: () => ownPoints });
  const ownTools = el('div', { class: 'lab-own' }, [
    keys.readout, el('p', { class: 'lab-own-hint', i18n: 'lab.own.hint' }), keys.hint,
    el('div', { class: 'demo-controls' }, [modeMenu.wrapper, clear]),
    csvLabel, el('div', { class: 'demo-controls' }, [csvLoad, csvFileLabel]), csvMessage, ownNote,
  ]);

  const resultReadout = el('p', { class: 'readout lab-result', 'data-readout': 'result' });
  const stop = el('div', { class: 'lab-stop', role: 'alert', hidden: true, 'data-readout': 'stopped' });
  const refusal = el('p', { class: 'lab-stop lab-refused', role: 'alert', hidden: true, 'data-readout': 'refused' });
  const stopText = el('p');
  const stopReset = button('lab.stop.reset', { 'data-control': 'stop-reset' });
  stop.append(stopText, stopReset);

  const lossCanvas = el('canvas', { role: 'img', 'data-i18n-label': 'lab.lossLabel' });
  const statsBody = el('tbody');
  const stats = el('table', { class: 'lab-stats data-table' }, [
    el('caption', { i18n: 'lab.stats.caption' }),
    el('thead', {}, el('tr', {}, ['lab.stats.layer', 'lab.stats.activation', 'lab.stats.dead', 'lab.stats.gradient']
      .map((key) => el('th', { scope: 'col', i18n: key })))),
    statsBody,
  ]);
  const status = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });

  element.append(
    el('div', { class: 'demo-controls lab-run' }, [play, step, reset, reseed, epochReadout, speedReadout]),
    // Beside the buttons it disables, so a reader who presses Train sees why nothing happens.
    refusal,
    el('div', { class: 'demo-controls lab-settings' }, [datasetMenu.wrapper, fields['lab.noise'].wrapper, fields['lab.ratio'].wrapper,
      fields['lab.lr'].wrapper, batchMenu.wrapper, fields['lab.l2'].wrapper, initMenu.wrapper, fields['lab.initValue'].wrapper,
      fields['lab.seed'].wrapper]),
    el('div', { class: 'demo-controls lab-layer-controls' }, [removeLayer, layerCount, addLayer]),
    outputNote,
    el('div', { class: 'lab-body' }, [columns, el('div', { class: 'lab-out' }, [map.wrapper, resultReadout, stop, ownTools])]),
    el('div', { class: 'chart-box lab-loss' }, lossCanvas),
    el('div', { class: 'table-scroll' }, stats),
    status,
  );

  const chart = createChart(lossCanvas, {
    datasets: [{ label: '', data: [], borderColor: '' }, { label: '', data: [], borderColor: '', borderDash: [5, 3] }],
    x: { min: 0, title: ' ' }, y: { min: 0, title: ' ' }, exportAs: { t, file: 'training-lab-loss' },
  });
  chart.$recolour = (c) => { chart.data.datasets[0].borderColor = c.series[0]; chart.data.datasets[1].borderColor = c.series[1]; };
  chart.$recolour(chart.$colours);
  const trainCurve = chart.data.datasets[0].data, testCurve = chart.data.datasets[1].data;

  // ---- model ----
  let net = null, data = null, split = null, epoch = 0, stride = 1, stopped = false, lang = null;
  let result = null, view = null, shownEpoch = 0, recordedUpTo = 0;
  let speed = { since: 0, epochs: 0, value: 0 };
  const thumbs = [];  // {canvas, image, layer, unit}
  // While training plays, each epoch's view comes from the worker when one runs (lab-offload.js).
  const offload = createOffload(() => workerUrl(), (v, context) => present(v, context, 'worker'));

  const loop = createLoop(element, () => trainEpochs(1, true), (playing) => {
    showPlaying(play, playing, t);
    if (playing) speed = { since: performance.now(), epochs: 0, value: speed.value };
    if (!playing && shownEpoch !== epoch) showNow();
    if (!playing) { chartDrawer.flush(); thumbsDrawer.flush(); }
    if (!playing && epoch > 0) announce();
  });

  const hidden = () => state['lab.layers'];
  const own = () => state['lab.dataset'] === 'own';

  function makeData() {
    if (own()) data = pointsToData(ownPoints);
    else data = lab.dataset(state['lab.dataset'], { n: DATA_POINTS, noise: state['lab.noise'], seed: 7 });
    split = splitData(data, state['lab.ratio'] / 100);
    if (own()) split = { train: data, test: { xs: new Float64Array(0), ys: new Float64Array(0) } };
  }

  // The network the settings describe. A layer whose choice is refused (the reader's formula, when it does not
  // compile or is not finite) is built as the identity so the page still shows a network, and training stays off
  // with the reason shown. Returns whether the network may train.
  function makeNetwork() {
    const chosen = layerActivations(state).map((id) => networkActivation(api, state, id));
    const problem = hidden().length ? chosen.find((c) => c.problem)?.problem : undefined;
    setText(refusal, problem ?? '');
    refusal.hidden = !problem;
    net?.delete();
    const options = {
      layers: [2, ...hidden(), 1],
      activation: hidden().length ? chosen.map((c) => (c.problem ? 'identity' : c.activation)) : 'identity',
      params: hidden().length ? chosen.map((c) => c.params ?? null) : null,
      init: state['lab.init'], initValue: state['lab.initValue'], seed: state['lab.seed'],
      learningRate: state['lab.lr'], weightDecay: state['lab.l2'],
    };
    net = new lab.Network(options);
    const asText = (a) => (typeof a === 'string' ? a : { formula: a.text });
    offload.configure({ ...options, activation: Array.isArray(options.activation) ? options.activation.map(asText) : options.activation }, split);
    return !problem;
  }

  function rebuild() {
    loop.pause();
    makeData();
    const trainable = makeNetwork();
    epoch = 0;
    stride = 1;
    recordedUpTo = 0;
    stopped = !trainable;
    play.disabled = step.disabled = !trainable;
    trainCurve.length = 0;
    testCurve.length = 0;
    buildColumns();
    showNow();
  }

  // The view of the network as it is now, computed here; drops any view the worker has still to send.
  function showNow() {
    offload.cancel();
    present(computeView(net, split, RANGE), { epoch, gradients: net.gradientNorms() }, 'page');
  }

  // Shows the view of the network after epoch `context.epoch`: the loss and accuracy on both sets, the dead
  // units on the training set, a point on the loss curves, the grid and the thumbnails.
  function present(v, context, from) {
    view = v;
    shownEpoch = context.epoch;
    result = { train: v.train, test: v.test, gradients: context.gradients };
    element.dataset.viewFrom = from;
    element.dataset.viewEpoch = String(context.epoch);
    if (context.epoch > 0 && !stopped && result.train && !Number.isFinite(result.train.loss)) stopTraining(result.train.loss);
    if (result.train && context.epoch - recordedUpTo >= stride) {
      recordedUpTo = context.epoch;
      trainCurve.push({ x: context.epoch, y: result.train.loss });
      if (result.test) testCurve.push({ x: context.epoch, y: result.test.loss });
      if (trainCurve.length > MAX_CURVE) { halve(trainCurve); halve(testCurve); stride *= 2; }
    }
    draw();
  }

  // `count` epochs, then their view: from the worker while playing (when it runs), else computed here.
  function trainEpochs(count, playing = false) {
    if (stopped || split.train.ys.length < 2) { loop.pause(); return; }
    for (let k = 0; k < count; k++) {
      const loss = net.train(split.train, { epochs: 1, batchSize: state['lab.batch'] });
      epoch += 1;
      speed.epochs += 1;
      if (!Number.isFinite(loss)) { stopTraining(loss); break; }
    }
    const now = performance.now();
    if (now - speed.since >= 1000) {
      speed.value = (1000 * speed.epochs) / (now - speed.since);
      speed = { since: now, epochs: 0, value: speed.value };
    }
    const context = { epoch, gradients: net.gradientNorms() };
    if (playing && !stopped && offload.request(net.parameters(), RANGE, context)) return;
    if (shownEpoch !== epoch) showNow();
  }

  function stopTraining(loss) {
    stopped = true;
    loop.pause();
    const name = [...new Set(layerActivations(state).map((id) => choiceName(api, id)))].join(', ') || 'Identity';
    setText(stopText, t('lab.stop.text', { epoch, value: Number.isNaN(loss) ? 'NaN' : String(loss).replace('Infinity', '∞'),
      lr: formatNumber(state['lab.lr']), name }));
    stop.hidden = false;
  }

  // ---- the network's columns: a header per layer and a thumbnail per unit ----
  function buildColumns() {
    columns.replaceChildren();
    thumbs.length = 0;
    const acts = layerActivations(state);
    hidden().forEach((width, l) => {
      const actMenu = menu({
        labelKey: 'lab.layerActivation', value: acts[l],
        options: ids.map((id) => ({ value: id, text: choiceName(api, id) })),
      });
      actMenu.select.dataset.control = `activation-${l + 1}`;
      actMenu.select.addEventListener('change', () => {
        const next = layerActivations(state);
        next[l] = actMenu.select.value;
        commit({ 'lab.act': next.every((id) => id === next[0]) ? [next[0]] : next });
      });
      const less = button('lab.removeUnit', { 'data-control': `remove-unit-${l + 1}`, disabled: width <= 1 || undefined });
      const more = button('lab.addUnit', { 'data-control': `add-unit-${l + 1}`, disabled: width >= MAX_UNITS || undefined });
      const resize = (delta) => {
        const layers = [...hidden()];
        layers[l] = Math.min(MAX_UNITS, Math.max(1, layers[l] + delta));
        commit({ 'lab.layers': layers });
      };
      less.addEventListener('click', () => resize(-1));
      more.addEventListener('click', () => resize(1));
      const title = el('h4', { class: 'lab-layer-title', text: t('lab.layerTitle', { layer: l + 1, units: width }) });
      const grid = el('div', { class: 'lab-thumbs' });
      for (let j = 0; j < width; j++) {
        const canvas = el('canvas', { width: THUMB, height: THUMB, class: 'lab-thumb', tabindex: '0', role: 'img',
          'aria-label': t('lab.thumbLabel', { layer: l + 1, unit: j + 1 }), 'data-unit': `${l + 1}.${j + 1}` });
        grid.append(canvas);
        thumbs.push({ canvas, image: new ImageData(THUMB, THUMB), layer: l, unit: j });
      }
      columns.append(el('div', { class: 'lab-column', 'data-layer': String(l + 1) },
        [title, actMenu.wrapper, el('div', { class: 'lab-unit-buttons' }, [less, more]), grid]));
    });
    if (!hidden().length) columns.append(el('p', { class: 'readout lab-no-hidden', text: t('lab.noHidden') }));
    for (const node of columns.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    setText(layerCount, t('lab.layerCount', { count: hidden().length }));
    removeLayer.disabled = hidden().length === 0;
    addLayer.disabled = hidden().length >= MAX_HIDDEN;
  }

  function drawThumbs(maps) {
    const colours = classColours();
    for (let u = 0; u < thumbs.length; u++) {
      const { canvas, image } = thumbs[u];
      const values = maps[u];
      let scale = 0;
      for (let k = 0; k < values.length; k++) scale = Math.max(scale, Math.abs(values[k]));
      scale = scale > 0 ? 1 / scale : 0;
      const px = image.data;
      let p = 0;
      for (let k = 0; k < THUMB * THUMB; k++) {
        const v = values[k] * scale;
        const target = v > 0 ? colours.one : colours.zero;
        const w = Math.min(1, Math.abs(v));
        px[p] = colours.middle[0] + (target[0] - colours.middle[0]) * w;
        px[p + 1] = colours.middle[1] + (target[1] - colours.middle[1]) * w;
        px[p + 2] = colours.middle[2] + (target[2] - colours.middle[2]) * w;
        px[p + 3] = 255;
        p += 4;
      }
      canvas.getContext('2d').putImageData(image, 0, 0);
    }
  }

  // Draws the last view; the readouts count the epochs trained.
  function draw() {
    map.draw(view.grid, GRID, GRID, split.train, RANGE, split.test);
    thumbsDrawer.draw();
    setText(epochReadout, t('lab.epoch', { epoch }));
    setText(speedReadout, t('lab.speed', { rate: speed.value ? formatNumber(speed.value, speed.value < 10 ? 1 : 0) : '—' }));
    element.dataset.epoch = String(epoch);
    const describe = (r) => (r ? t('lab.result.part', { loss: formatNumber(r.loss, 3), accuracy: (100 * r.accuracy).toFixed(1) }) : '—');
    setText(resultReadout, t('lab.result', { train: describe(result.train), test: describe(result.test) }));
    resultReadout.dataset.trainLoss = String(result.train?.loss ?? '');
    resultReadout.dataset.trainAccuracy = String(result.train?.accuracy ?? '');
    if (!stopped) stop.hidden = true;
    drawStats();
    chartDrawer.draw();
  }

  const chartDrawer = throttled(CHART_INTERVAL_MS, () => {
    chart.options.scales.x.max = Math.max(10, epoch);
    chart.update('none');
  });
  const thumbsDrawer = throttled(THUMBS_INTERVAL_MS, () => drawThumbs(view.units));

  // draw() runs `paint` unless training plays and it ran less than `interval` ms ago; flush() runs a skipped one.
  function throttled(interval, paint) {
    let at = -Infinity, stale = false;
    const drawer = {
      draw() {
        const now = performance.now();
        stale = loop.playing && now - at < interval;
        if (stale) return;
        at = now;
        paint();
      },
      flush() { if (stale) drawer.draw(); },
    };
    return drawer;
  }

  // The per-layer table: its rows are rebuilt when a layer, an activation, a dead-unit count or the language
  // changes; otherwise only the gradient sizes are rewritten (a rebuilt table is restyled and laid out again).
  let statsKey = '';
  let gradientCells = [];
  function drawStats() {
    const acts = layerActivations(state);
    const norms = result.gradients;
    const dead = result.train?.dead ?? new Float64Array(hidden().length);
    const deadCounts = hidden().map((width, l) => Math.round(dead[l] * width));
    const key = JSON.stringify([t('lab.stats.output'), acts.map((id) => choiceName(api, id)), hidden(), deadCounts]);
    if (key !== statsKey) {
      statsKey = key;
      const rows = [];
      gradientCells = [];
      for (let l = 0; l <= hidden().length; l++) {
        const isOutput = l === hidden().length;
        const width = isOutput ? 1 : hidden()[l];
        const deadCount = isOutput ? null : deadCounts[l];
        const meter = isOutput ? el('span', { text: '—' })
          : el('span', {}, [el('meter', { min: 0, max: width, value: deadCount, 'aria-hidden': 'true' }),
            ` ${t('lab.stats.deadOf', { dead: deadCount, units: width })}`]);
        const gradient = el('td');
        gradientCells.push(gradient);
        rows.push(el('tr', { 'data-layer': String(l + 1), 'data-dead': isOutput ? '' : String(deadCount) }, [
          el('th', { scope: 'row', text: isOutput ? t('lab.stats.output') : String(l + 1) }),
          el('td', { text: isOutput ? 'sigmoid' : choiceName(api, acts[l]) }),
          el('td', {}, meter),
          gradient,
        ]));
      }
      statsBody.replaceChildren(...rows);
    }
    gradientCells.forEach((cell, l) => setText(cell, epoch ? formatNumber(norms[l], 3) : '—'));
  }

  function announce() {
    status.textContent = `${epochReadout.textContent}. ${resultReadout.textContent}`;
  }

  // ---- own data ----
  let ownPoints = state['lab.points'].map((p) => [...p]);
  let ownOverflow = false;  // more points than a link can carry: the URL keeps the last ones that fit, and says so

  function setOwnPoints(points) {
    ownPoints = points;
    const link = linkable(points);
    ownOverflow = !link.ok;
    setText(ownNote, link.ok ? t('lab.own.count', { count: points.length }) : `${t('lab.own.count', { count: points.length })} ${t(link.key, link.params)}`);
    commit({ 'lab.dataset': 'own', 'lab.points': link.ok ? points.map((p) => [...p]) : [] });
  }

  map.wrapper.addEventListener('click', (event) => {
    if (!own()) return;
    const box = map.wrapper.getBoundingClientRect();
    const x = RANGE[0] + ((event.clientX - box.left) / box.width) * (RANGE[1] - RANGE[0]);
    const y = RANGE[1] - ((event.clientY - box.top) / box.height) * (RANGE[1] - RANGE[0]);
    if (!(Math.abs(x) <= POINT_LIMIT && Math.abs(y) <= POINT_LIMIT)) return;
    keys.place(x, y);
    editPoints(x, y, event.altKey || event.shiftKey);
  });

  // What a click at (x, y) does in the chosen mode (`remove` forces removal); says what happened, for the keyboard.
  function editPoints(x, y, remove) {
    const base = ownPoints;
    if (remove || modeMenu.select.value === 'remove') {
      const i = nearestPoint(base, x, y, REMOVE_RADIUS);
      if (i >= 0) setOwnPoints(base.filter((_, k) => k !== i));
      return i >= 0 ? { kind: 'removed', point: base[i], count: base.length - 1 } : { kind: 'none' };
    }
    if (base.length >= MAX_OWN_POINTS) {
      const message = t('lab.csv.tooMany', { count: base.length + 1, limit: MAX_OWN_POINTS });
      setText(ownNote, message);
      return { kind: 'full', message };
    }
    const point = [Number(x.toFixed(2)), Number(y.toFixed(2)), modeMenu.select.value === 'zero' ? 0 : 1];
    setOwnPoints([...base, point]);
    return { kind: 'added', point, count: base.length + 1 };
  }
  clear.addEventListener('click', () => setOwnPoints([]));

  function loadCsv(text) {
    const parsed = parseCsv(text);
    if (parsed.errors) {
      const shown = parsed.errors.slice(0, 8).map((e) => el('p', { text: t(e.key, e.params) }));
      if (parsed.errors.length > 8) shown.push(el('p', { text: t('lab.csv.more', { count: parsed.errors.length - 8 }) }));
      csvMessage.replaceChildren(...shown);
      csvMessage.dataset.state = 'error';
      return;
    }
    csvMessage.replaceChildren(el('p', { text: t('lab.csv.loaded', { count: parsed.points.length }) }));
    csvMessage.dataset.state = 'ok';
    setOwnPoints(parsed.points);
  }
  csvLoad.addEventListener('click', () => loadCsv(csvText.value));
  csvFile.addEventListener('change', () => {
    const file = csvFile.files?.[0];
    if (!file) return;
    if (file.size > 20000) { loadCsv('x'.repeat(20001)); return; }
    file.text().then(loadCsv);
  });

  // ---- settings → state ----
  function commit(patch) {
    api.setState({ ...patch, section: api.sectionOf(element) });
  }

  for (const [key, f] of Object.entries(fields)) {
    f.input.addEventListener('change', () => {
      const v = parseDecimal(f.input.value);
      const ok = Number.isFinite(v) && v >= f.range.min && v <= f.range.max && (!f['integer'] || Number.isInteger(v));
      f.input.setAttribute('aria-invalid', String(!ok));
      setText(f.message, ok ? '' : t(f.key, { min: formatNumber(f.range.min), max: formatNumber(f.range.max) }));
      if (ok) commit({ [key]: v });
    });
  }
  datasetMenu.select.addEventListener('change', () => commit({ 'lab.dataset': datasetMenu.select.value }));
  initMenu.select.addEventListener('change', () => commit({ 'lab.init': initMenu.select.value }));
  batchMenu.select.addEventListener('change', () => commit({ 'lab.batch': Number(batchMenu.select.value) }));
  addLayer.addEventListener('click', () => {
    const layers = hidden();
    if (layers.length >= MAX_HIDDEN) return;
    const acts = layerActivations(state);
    commit({ 'lab.layers': [...layers, layers.at(-1) ?? 4], 'lab.act': acts.every((a) => a === acts[0]) && acts.length ? [acts[0]] : [...acts, acts.at(-1) ?? state['lab.act'][0]] });
  });
  removeLayer.addEventListener('click', () => {
    const layers = hidden();
    if (!layers.length) return;
    const acts = layerActivations(state).slice(0, -1);
    commit({ 'lab.layers': layers.slice(0, -1), 'lab.act': acts.length && !acts.every((a) => a === acts[0]) ? acts : [state['lab.act'][0]] });
  });
  play.addEventListener('click', () => { if (stopped) return; loop.toggle(); });
  step.addEventListener('click', () => { loop.pause(); trainEpochs(1); announce(); });
  reset.addEventListener('click', () => { rebuild(); announce(); });
  stopReset.addEventListener('click', () => { rebuild(); reset.focus(); });
  reseed.addEventListener('click', () => commit({ 'lab.seed': (state['lab.seed'] + 1) % (SEED_MAX + 1) }));

  // ---- state → controls ----
  const networkKeys = ['lab.layers', 'lab.act', 'lab.init', 'lab.initValue', 'lab.seed', 'lab.lr', 'lab.l2'];
  const dataKeys = ['lab.dataset', 'lab.noise', 'lab.ratio', 'lab.points'];
  const customKeys = ['custom', 'custom.params'];
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  function syncControls() {
    datasetMenu.select.value = state['lab.dataset'];
    initMenu.select.value = state['lab.init'];
    batchMenu.select.value = String(state['lab.batch']);
    for (const [key, f] of Object.entries(fields)) {
      if (f.input.getAttribute('aria-invalid') !== 'true' || parseDecimal(f.input.value) === state[key]) {
        f.input.value = String(state[key]);
        f.input.removeAttribute('aria-invalid');
        setText(f.message, '');
      }
    }
    fields['lab.initValue'].wrapper.hidden = state['lab.init'] !== 'constant';
    fields['lab.noise'].wrapper.hidden = own();
    fields['lab.ratio'].wrapper.hidden = own();
    ownTools.hidden = !own();
    keys.enable(own());
    if (!ownOverflow) setText(ownNote, own() ? t('lab.own.count', { count: ownPoints.length }) : '');
  }

  syncControls();
  rebuild();

  return (next) => {
    const before = state;
    state = next;
    const formulaMoved = layerActivations(next).includes(CUSTOM) && customKeys.some((k) => !same(before[k], next[k]));
    const rebuilt = formulaMoved || networkKeys.some((k) => !same(before[k], next[k])) ||
      dataKeys.some((k) => !same(before[k], next[k]));
    if (!same(before['lab.points'], next['lab.points']) && !ownOverflow) ownPoints = next['lab.points'].map((p) => [...p]);
    syncControls();
    if (rebuilt) rebuild();
    if (next.lang === lang && !rebuilt) return;
    lang = next.lang;
    play.textContent = t(play.dataset.i18n);
    chart.data.datasets[0].label = t('lab.trainLoss');
    chart.data.datasets[1].label = t('lab.testLoss');
    chart.options.scales.x.title.text = t('demo.epoch');
    chart.options.scales.y.title.text = t('lab.loss');
    buildColumns();
    draw();
  };
}

export default { id: 'lab', mount, settings };
