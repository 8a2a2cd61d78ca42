// "Try it": the article's experiment of feeding standard-normal random inputs through a function, with a seed
// button, the equivalent PyTorch code (it prints what the box shows: torch's own random inputs, printed as
// torch prints them), and — for functions used on binary outputs — a threshold that turns outputs into 0/1
// class labels.
import { parseDecimal } from '../state/decimal.js';
import { el, setAttr, setText, slider, uniqueId } from '../page/dom.js';
import { articleRows, labelsOutputs, paramsOf } from '../state/catalogue-views.js';
import { integerProp, numberProp } from '../state/schema.js';
import { tryItRun, tryItScript } from '../lesson/torch-code.js';

// The most inputs a try-it box draws.
export const maxTryInputs = 20;

// Each article function's seed (its place in the article at first), count of inputs and, for a binary output,
// the threshold that turns outputs into labels.
export function settings(rows) {
  return articleRows(rows).flatMap((row) => [
    // torch.manual_seed(0); torch.randn(4) is 1.5410, −0.2934, −2.1788, 0.5684: two signs and two sizes each, so
    // every box shows what its function does to negative inputs, and all four start from the same numbers.
    integerProp(`${row.id}.seed`, 0, 0, 2 ** 31 - 1),
    integerProp(`${row.id}.n`, 4, 1, maxTryInputs),
    ...(labelsOutputs(row) ? [numberProp(`${row.id}.threshold`, 0.5, 0, 1)] : []),
  ]);
}

// Reads the typed count of inputs: {value} (a whole number from 1 to maxTryInputs) or {error: i18n key}.
export function readCount(text) {
  if (text.trim() === '') return { error: 'input.empty' };
  const value = parseDecimal(text);
  if (Number.isNaN(value)) return { error: 'input.notNumber' };
  if (!(Number.isInteger(value) && value >= 1 && value <= maxTryInputs)) return { error: 'try.countRange' };
  return { value };
}

// Mounts the try-it box of the function named by element.dataset.fn.
export function mount(element, api) {
  const { lab, t } = api;
  const row = api.rowById.get(element.dataset.fn);
  const key = (name) => `${row.id}.${name}`;
  const withLabels = labelsOutputs(row);

  const draw = el('button', { type: 'button', class: 'draw', i18n: 'try.draw' });
  draw.addEventListener('click', () => api.setState({ [key('seed')]: (api.state()[key('seed')] + 1) % 2 ** 31, section: 'four' }));
  const countId = uniqueId('try-n');
  const countMessageId = uniqueId('try-n-msg');
  let countProblem = '';
  const count = el('input', { id: countId, type: 'text', inputmode: 'numeric', size: 3, class: 'try-count', 'aria-describedby': countMessageId });
  const countMessage = el('p', { id: countMessageId, class: 'field-message', role: 'status' });
  count.addEventListener('change', () => {
    const parsed = readCount(count.value);
    countProblem = parsed.error ?? '';
    countMessage.textContent = countProblem ? t(countProblem, { max: maxTryInputs }) : '';
    count.toggleAttribute('aria-invalid', Boolean(countProblem));
    if (!countProblem) api.setState({ [key('n')]: parsed.value, section: 'four' });
  });
  const controls = el('div', { class: 'try-controls' }, [draw, el('label', { for: countId, i18n: 'try.count' }), count, countMessage]);
  let threshold = null;
  if (withLabels) {
    threshold = slider({ labelKey: 'try.threshold', min: 0, max: 1, step: 0.01, value: 0.5 });
    threshold.input.classList.add('try-threshold');
    threshold.input.addEventListener('input', () => api.setState({ [key('threshold')]: Number(threshold.input.value), section: 'four' }));
    controls.append(threshold.wrapper);
  }
  const seedNote = el('p', { class: 'try-seed' });
  const head = el('tr', {}, [el('th', { scope: 'col', text: 'i' }), el('th', { scope: 'col', text: 'x' }),
    el('th', { scope: 'col', text: `${row.name}(x)` }), withLabels ? el('th', { scope: 'col', i18n: 'try.label' }) : null]);
  const body = el('tbody');
  const caption = el('caption', { i18n: 'try.caption' });
  const console_ = el('pre', { class: 'try-console', tabindex: 0 });
  const code = el('code');
  const copy = el('button', { type: 'button', class: 'copy', i18n: 'try.copy' });
  copy.addEventListener('click', () => navigator.clipboard?.writeText(code.textContent).catch(() => {}));
  element.append(
    el('h4', { i18n: 'try.title' }), controls, seedNote,
    el('table', { class: 'try-table' }, [caption, el('thead', {}, head), body]),
    el('p', { class: 'try-console-title', i18n: 'try.printed' }), console_,
    el('div', { class: 'try-code' }, [el('p', { i18n: 'try.codeTitle' }), el('pre', { tabindex: 0 }, code), copy]),
  );
  let last = '';

  return function update(state) {
    const seed = state[key('seed')];
    const n = state[key('n')];
    const cut = withLabels ? state[key('threshold')] : undefined;
    const params = paramsOf(row, state);
    const signature = JSON.stringify([seed, n, cut, params, state.lang]);
    if (signature === last) return;
    let run;
    try {
      run = tryItRun(lab, row, params, seed, n, cut);
    } catch {
      return;
    }
    const { xs, ys, labels } = run;
    last = signature;
    if (countProblem) countMessage.textContent = t(countProblem, { max: maxTryInputs });
    if (document.activeElement !== count || !count.hasAttribute('aria-invalid')) count.value = String(n);
    if (threshold) {
      threshold.input.value = String(cut);
      setText(threshold.output, cut.toFixed(2));
    }
    // Rows are rewritten in place (a parameter slider changes only the y column), rebuilt when the count changes.
    const cells = (x, i) => [String(i), x.toFixed(4), ys[i].toFixed(4), ...(withLabels ? [String(labels[i])] : [])];
    if (body.rows.length !== xs.length) {
      body.replaceChildren(...Array.from(xs, (x, i) => el('tr', {}, cells(x, i).map((text, c) => (c === 0
        ? el('th', { scope: 'row', text }) : el('td', { class: ['try-x', 'try-y', 'try-label'][c - 1] }))))));
    }
    xs.forEach((x, i) => {
      const row = body.rows[i];
      cells(x, i).forEach((text, c) => setText(row.cells[c], text));
      setAttr(row.cells[1], 'data-value', String(x));
      setAttr(row.cells[2], 'data-value', String(ys[i]));
    });
    setText(console_, run.printed);
    setText(seedNote, t('try.seed', { seed }));
    code.textContent = tryItScript(row, params, n, seed, cut);
  };
}

export default { id: 'try-it', mount, settings };
