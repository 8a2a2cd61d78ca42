// Two text fields for an x range with validation: a bad entry shows a message next to the fields and the
// chart keeps its last good range; a range narrower than minRangeSpan is widened, and the message says so.
import { parseDecimal } from '../state/decimal.js';
import { el, uniqueId } from '../page/dom.js';
import { formatNumber } from '../page/format.js';
import { fitRange, minRangeSpan, rangeLimit } from '../state/ranges.js';

// Reads one typed end of a range: {value} or {error: i18n key}.
function readEnd(text) {
  if (text.trim() === '') return { error: 'input.empty' };
  const value = parseDecimal(text);
  if (Number.isNaN(value)) return { error: 'input.notNumber' };
  if (!(Math.abs(value) <= rangeLimit)) return { error: 'input.tooLarge' };
  return { value };
}

// Reads the two typed ends: {lo, hi, widened} (widened to minRangeSpan when narrower) or {error: i18n key}.
export function readRange(fromText, toText) {
  const a = readEnd(fromText);
  const b = readEnd(toText);
  const problem = a.error ?? b.error;
  if (problem) return { error: problem };
  return fitRange(a.value, b.value) ?? { error: 'input.minNotBelowMax' };
}

// Mounts the fields into `container`; `onChange(lo, hi)` fires with a valid range only.
export function rangeFields(container, t, onChange) {
  const fromId = uniqueId('range-from');
  const toId = uniqueId('range-to');
  const messageId = uniqueId('range-msg');
  const from = el('input', { id: fromId, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': messageId, size: 6 });
  const to = el('input', { id: toId, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': messageId, size: 6 });
  const message = el('p', { id: messageId, class: 'field-message', role: 'status' });
  const fields = el('div', { class: 'range-fields' }, [
    el('label', { for: fromId, i18n: 'range.from' }), from,
    el('label', { for: toId, i18n: 'range.to' }), to,
  ]);
  container.append(fields, message);
  let errorKey = '';
  let notice = null;

  const words = () => (notice ? { limit: rangeLimit, span: formatNumber(minRangeSpan), lo: formatNumber(notice.lo), hi: formatNumber(notice.hi) } : { limit: rangeLimit });
  const showMessage = (key) => {
    message.textContent = key ? t(key, words()) : '';
  };
  const showError = (key) => {
    errorKey = key;
    notice = null;
    showMessage(key);
    from.toggleAttribute('aria-invalid', Boolean(key));
    to.toggleAttribute('aria-invalid', Boolean(key));
    fields.classList.toggle('invalid', Boolean(key));
  };
  const check = () => {
    const range = readRange(from.value, to.value);
    showError(range.error ?? '');
    if (range.error) return;
    // A range narrower than the charts draw is widened, and the student is told what is shown instead.
    if (range.widened) {
      notice = range;
      showMessage('range.widened');
      from.value = String(range.lo);
      to.value = String(range.hi);
    }
    onChange(range.lo, range.hi);
  };
  from.addEventListener('change', check);
  to.addEventListener('change', check);

  return {
    // Shows the state's range unless the student is in the middle of fixing an invalid entry.
    show(lo, hi) {
      if (errorKey) return;
      if (notice && (lo !== notice.lo || hi !== notice.hi)) {
        notice = null;
        showMessage('');
      }
      if (document.activeElement !== from && from.value !== String(lo)) from.value = String(lo);
      if (document.activeElement !== to && to.value !== String(hi)) to.value = String(hi);
    },
    relabel() {
      if (errorKey) showMessage(errorKey);
      else if (notice) showMessage('range.widened');
    },
    clear: () => showError(''),
  };
}
