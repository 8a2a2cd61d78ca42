// "Write your own": a formula in x typed by the reader, compiled by the module's own parser (no eval), drawn
// with its exact derivative. Names that are not functions become parameters, each with a slider. A bad formula
// gets a message next to the field (announced, with a caret under the offending character, the field marked
// aria-invalid) and the last good curve stays; values that are not finite are drawn as gaps and reported.
import { el, setAttr, setText, slider, uniqueId } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { customDefault, customParamsOf, customProps, customRange } from '../state/custom-state.js';
import { repairRange } from '../state/ranges.js';
import { createLineChart, niceLimits, redraw, refresh } from '../charts/line-chart.js';
import { describeIntervals } from './custom-function.js';

const typingDelayMs = 250;
const caretWindow = 48;  // characters of the formula shown around the caret

// The error's message in the page's language; the module's codes are the keys.
export function errorMessage(t, error, maxLength, maxDepth) {
  const vars = { position: error.position + 1, min: error.minArgs, max: error.maxArgs, limit: maxLength, depth: maxDepth };
  let key = `custom.error.${error.code}`;
  if (error.code === 'wrong_arity') key += error.maxArgs === error.minArgs ? '.exact' : error.maxArgs === 0 ? '.atLeast' : '.between';
  return t(key, vars);
}

// The excerpt of `text` around `position` and a caret line under it (length carets for a name), for a <pre>.
export function caretLines(text, position, length) {
  const start = Math.max(0, Math.min(position - caretWindow / 2, text.length - caretWindow));
  const excerpt = text.slice(start, start + caretWindow).replace(/[\u0000-\u001f]/g, ' ');
  const prefix = start > 0 ? '…' : '';
  const carets = '^'.repeat(Math.max(1, Math.min(length, caretWindow - (position - start))));
  return `${prefix}${excerpt}${start + caretWindow < text.length ? '…' : ''}\n${' '.repeat(prefix.length + position - start)}${carets}`;
}

// Where the values are not finite, as intervals of x over the grid, each end found by bisection on the formula
// itself: [{from, to}] with from = null for "from the left edge" and to = null for "to the right edge".
export function undefinedIntervals(f, params, xs, values) {
  const bad = (x) => !Number.isFinite(f.evaluate([x], params)[0]);
  const edge = (good, notGood) => {
    let a = good, b = notGood;
    for (let k = 0; k < 50 && Math.abs(b - a) > 1e-12 * Math.max(1, Math.abs(a)); k++) {
      const m = (a + b) / 2;
      if (bad(m)) b = m; else a = m;
    }
    return (a + b) / 2;
  };
  const out = [];
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(values[i])) continue;
    let j = i;
    while (j + 1 < n && !Number.isFinite(values[j + 1])) j++;
    out.push({ from: i === 0 ? null : edge(xs[i - 1], xs[i]), to: j === n - 1 ? null : edge(xs[j + 1], xs[j]) });
    i = j;
  }
  return out;
}

export function mount(element, api) {
  const { lab, t } = api;
  const info = lab.expressionInfo();
  const inputId = uniqueId('custom-input');
  const messageId = uniqueId('custom-message');
  const hintId = uniqueId('custom-hint');

  const input = el('input', {
    type: 'text', id: inputId, class: 'custom-input', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
    'aria-describedby': `${messageId} ${hintId}`,
  });
  const caret = el('pre', { class: 'custom-caret', 'aria-hidden': 'true', hidden: true });
  const message = el('p', { id: messageId, class: 'field-message custom-message', 'aria-live': 'polite' });
  const hint = el('p', { id: hintId, class: 'custom-hint', i18n: 'custom.hint' });
  const params = el('div', { class: 'custom-params' });
  const report = el('p', { class: 'custom-report', 'aria-live': 'polite' });
  const canvas = el('canvas', { role: 'img' });
  const readout = el('p', { class: 'readout', 'aria-live': 'off' });
  const chartBox = el('div', { class: 'chart-box' }, canvas);
  element.append(
    el('div', { class: 'custom-field' }, [el('label', { for: inputId, i18n: 'custom.label' }), input]),
    caret, message, hint, params, chartBox, readout, report,
  );

  const values = [];
  const slopes = [];
  let shown = null;       // {text, f, params}: the last good formula drawn
  let sliders = [];       // [{name, input, output}]
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typingTimer;
  let lastSignature = '';

  const chart = createLineChart(canvas, {
    datasets: [
      { label: 'f(x)', data: [], $points: values, borderColor: '', borderWidth: 2.5 },
      { label: 'f′(x)', data: [], $points: slopes, borderColor: '', borderDash: [6, 4] },
    ],
    legend: true,
    onPointer: (x) => showReadout(x), readout,
    onResize: () => requestAnimationFrame(() => shown && draw(true)),
  });
  const recolour = (colours) => {
    chart.data.datasets[0].borderColor = colours.series[0];
    chart.data.datasets[1].borderColor = colours.series[1];
  };
  chart.$recolour = recolour;
  recolour(chart.$colours);

  function showReadout(x, paint = true) {
    chart.$crosshairX = x;
    if (x === null || !shown) {
      setText(readout, t('curve.readoutHint'));
    } else {
      const r = shown.f.evaluateBoth([x], shown.params);
      setText(readout, t('curve.readout', { x: formatNumber(x), f: formatNumber(r.value[0]), df: formatNumber(r.derivative[0]) }));
    }
    if (paint) redraw(chart);
  }

  function showError(text, error) {
    setAttr(input, 'aria-invalid', 'true');
    setText(message, errorMessage(t, error, info.maxLength, info.maxDepth));
    caret.textContent = caretLines(text, Math.min(error.position, text.length), error.length);
    caret.hidden = false;
  }
  function clearError() {
    // As elsewhere on the page, a valid field has no aria-invalid at all (the style keys on its presence).
    input.removeAttribute('aria-invalid');
    setText(message, '');
    caret.hidden = true;
  }

  // Compiles `text`; null (with the message shown) when it is not a formula.
  function compile(text) {
    try {
      return lab.compile(text);
    } catch (error) {
      if (typeof error.code !== 'string') throw error;
      showError(text, error);
      return null;
    }
  }

  function buildSliders(f, values) {
    const names = f.params.map((p) => p.name).join(',');
    if (names === sliders.map((s) => s.name).join(',')) return;
    sliders = f.params.map((p) => {
      const s = slider({ labelText: p.name, min: p.min, max: p.max, step: 0.01, value: values[p.name] });
      s.input.dataset.param = p.name;
      s.input.addEventListener('input', () => {
        const next = { ...customParamsOf(api.state()), [p.name]: Number(s.input.value) };
        api.setState({ 'custom.params': next, section: api.sectionOf(element) });
      });
      return { name: p.name, ...s };
    });
    params.replaceChildren(...sliders.map((s) => s.wrapper));
  }

  function draw(force = false) {
    const { f, params: ps, lo, hi } = shown;
    const signature = JSON.stringify([f.text, ps, lo, hi, chart.width]);
    if (!force && signature === lastSignature) return;
    lastSignature = signature;
    const n = Math.max(64, Math.min(2048, Math.round(chart.width || 600)));
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = lo + ((hi - lo) * i) / (n - 1);
    const both = f.evaluateBoth(xs, ps);
    values.length = n;
    slopes.length = n;
    let ylo = Infinity, yhi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = both.value[i], d = both.derivative[i];
      values[i] = { x: xs[i], y: Number.isFinite(v) ? v : NaN };
      // Where f has no value its derivative is not drawn either (log(x)′ = 1/x is finite for x < 0).
      slopes[i] = { x: xs[i], y: Number.isFinite(v) && Number.isFinite(d) ? d : NaN };
      for (const y of [v, d]) {
        if (Number.isFinite(y)) {
          if (y < ylo) ylo = y;
          if (y > yhi) yhi = y;
        }
      }
    }
    // A pole (1/x) would stretch the axis until the rest is flat: the axis stops at 20 × the median magnitude.
    const mags = values.map((p) => Math.abs(p.y)).filter(Number.isFinite).sort((a, b) => a - b);
    const cap = 20 * Math.max(1, mags.length ? mags[mags.length >> 1] : 1);
    ylo = Math.max(ylo, -cap);
    yhi = Math.min(yhi, cap);
    if (!(ylo <= yhi)) [ylo, yhi] = [-1, 1];
    const [a, b] = niceLimits(ylo, yhi);
    Object.assign(chart.options.scales.x, { min: lo, max: hi });
    Object.assign(chart.options.scales.y, { min: a, max: b });
    const gaps = undefinedIntervals(f, ps, xs, both.value);
    setText(report, gaps.length ? t('custom.gaps', { where: describeIntervals(t, gaps) }) : '');
    report.classList.toggle('warning', gaps.length > 0);
    setAttr(canvas, 'aria-label', t('custom.chartLabel', { formula: f.text, lo: formatNumber(lo), hi: formatNumber(hi) }));
    showReadout(chart.$crosshairX, false);
    refresh(chart);
  }

  // Typing: compiled after a pause; a good formula becomes the state (and the URL), a bad one only a message.
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const text = input.value;
      const f = compile(text);
      if (!f) return;
      clearError();
      api.setState({ custom: text, section: api.sectionOf(element) });
    }, typingDelayMs);
  });

  return (state) => {
    const text = state.custom;
    if (!shown || shown.text !== text) {
      if (document.activeElement !== input) input.value = text;
      let f = compile(text);
      if (f) clearError();
      // A formula from the URL that does not compile: its message stays, the default formula is drawn.
      if (!f) f = shown?.f ?? lab.compile(customDefault);
      shown = { text, f };
    }
    const given = customParamsOf(state);
    const ps = Object.fromEntries(shown.f.params.map((p) => [p.name, p.name in given ? given[p.name] : p.default]));
    buildSliders(shown.f, ps);
    for (const s of sliders) {
      s.input.value = String(ps[s.name]);
      setText(s.output, formatNumber(ps[s.name], 3));
    }
    const [lo, hi] = customRange(state);
    Object.assign(shown, { params: ps, lo, hi });
    draw();
  };
}

// The formula's text, its parameters' values, its x range and whether Compare draws it too.
export default {
  id: 'custom',
  mount,
  settings: () => customProps(),
  repair: (state, rows, reset) => repairRange(state, 'custom', reset),
};
