// Demo: softmax with a temperature. Four logits (the scores a classifier's last layer gives four classes) and a
// temperature T go through the module's softmax, p_k = exp(z_k/T) / Σ exp(z_j/T); a table shows each class's
// logit and probability with a bar. Small T sharpens the distribution towards the arg max, large T flattens it
// towards 1/4 each, and adding the same number to every logit changes nothing.
import { el, setText, slider } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { numberProp } from '../state/schema.js';
import { bindSettings } from './demo-parts.js';

const CLASSES = ['A', 'B', 'C', 'D'];
const LOGITS = [2, 1, 0.1, -1];
const LIMIT = 6;

// The settings a link or an embed carries: the four logits and the temperature.
export function settings() {
  return [
    ...CLASSES.map((c, k) => numberProp(`softmax.z${k + 1}`, LOGITS[k], -LIMIT, LIMIT)),
    numberProp('softmax.t', 1, 0.1, 5),
  ];
}

export function mount(element, api) {
  const { lab, t } = api;
  const logits = CLASSES.map((c, k) => {
    const s = slider({ labelText: t('demo.softmax.logit', { name: c }), min: -LIMIT, max: LIMIT, step: 0.1, value: api.state()[`softmax.z${k + 1}`] });
    s.input.dataset.control = `z${k + 1}`;
    return s;
  });
  const temperature = slider({ labelKey: 'demo.softmax.temperature', min: 0.1, max: 5, step: 0.1, value: api.state()['softmax.t'] });
  temperature.input.dataset.control = 't';
  const body = el('tbody');
  const rows = CLASSES.map((c) => {
    const logit = el('td');
    const probability = el('td', { 'data-probability': c });
    const meter = el('meter', { min: 0, max: 1, value: 0, 'aria-hidden': 'true' });
    const row = el('tr', {}, [el('th', { scope: 'row', text: c }), logit, probability, el('td', { class: 'softmax-bar' }, meter)]);
    body.append(row);
    return { logit, probability, meter };
  });
  const table = el('table', { class: 'softmax-table' }, [
    el('caption', { i18n: 'demo.softmax.caption' }),
    el('thead', {}, el('tr', {}, [
      el('th', { scope: 'col', i18n: 'demo.softmax.class' }), el('th', { scope: 'col', i18n: 'demo.softmax.logitCol' }),
      el('th', { scope: 'col', i18n: 'demo.softmax.probability' }), el('th', { scope: 'col', i18n: 'demo.softmax.bar' }),
    ])),
    body,
  ]);
  const readout = el('p', { class: 'readout', 'data-readout': 'softmax', 'aria-live': 'polite' });
  element.append(
    el('div', { class: 'demo-controls softmax-controls' }, [...logits.map((s) => s.wrapper), temperature.wrapper]),
    table, readout,
  );
  let lang = null;
  let result = null;

  function compute() {
    const zs = logits.map((s) => Number(s.input.value));
    const T = Number(temperature.input.value);
    result = { zs, T, ps: lab.softmax(zs, { temperature: T }) };
    logits.forEach((s, k) => setText(s.output, formatNumber(zs[k], 2)));
    setText(temperature.output, formatNumber(T, 2));
    rows.forEach((r, k) => {
      setText(r.logit, formatNumber(zs[k], 2));
      setText(r.probability, formatNumber(result.ps[k], 3));
      r.meter.value = result.ps[k];
    });
    describe();
  }

  function describe() {
    const { ps, T } = result;
    let top = 0;
    ps.forEach((p, k) => { if (p > ps[top]) top = k; });
    const text = t('demo.softmax.readout', { t: formatNumber(T, 2), name: CLASSES[top], p: formatNumber(ps[top], 3) });
    setText(readout, text);
    readout.dataset.top = String(ps[top]);
    readout.dataset.sum = String(ps.reduce((a, p) => a + p, 0));
  }

  const sync = bindSettings(api, element, [
    ...logits.map((s, k) => ({ key: `softmax.z${k + 1}`, control: s.input, read: (c) => Number(c.value) })),
    { key: 'softmax.t', control: temperature.input, read: (c) => Number(c.value) },
  ]);
  for (const s of [...logits, temperature]) s.input.addEventListener('input', compute);
  compute();

  return (state) => {
    if (sync(state)) compute();
    if (state.lang === lang) return;
    lang = state.lang;
    describe();
  };
}

export default { id: 'softmax', mount, settings };
