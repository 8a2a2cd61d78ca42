// Two text fields for an x range with validation: a bad entry shows a message next to the fields and the
// chart keeps its last good range.
import { el, uniqueId } from '../dom.js';
import { rangeLimit } from '../page-state.js';

// Parses a typed number; returns {value} or {error: i18n key}.
export function parseNumberField(text, limit) {
  const trimmed = text.trim().replace('−', '-');
  if (trimmed === '') return { error: 'input.empty' };
  const value = Number(trimmed);
  if (Number.isNaN(value)) return { error: 'input.notNumber' };
  if (!Number.isFinite(value) || Math.abs(value) > limit) return { error: 'input.tooLarge' };
  return { value };
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

  const showError = (key) => {
    errorKey = key;
    message.textContent = key ? t(key, { limit: rangeLimit }) : '';
    from.toggleAttribute('aria-invalid', Boolean(key));
    to.toggleAttribute('aria-invalid', Boolean(key));
    fields.classList.toggle('invalid', Boolean(key));
  };
  const check = () => {
    const a = parseNumberField(from.value, rangeLimit);
    const b = parseNumberField(to.value, rangeLimit);
    const problem = a.error ?? b.error ?? (a.value >= b.value ? 'input.minNotBelowMax' : '');
    showError(problem);
    if (!problem) onChange(a.value, b.value);
  };
  from.addEventListener('change', check);
  to.addEventListener('change', check);

  return {
    // Shows the state's range unless the student is in the middle of fixing an invalid entry.
    show(lo, hi) {
      if (errorKey) return;
      if (document.activeElement !== from && from.value !== String(lo)) from.value = String(lo);
      if (document.activeElement !== to && to.value !== String(hi)) to.value = String(hi);
    },
    relabel() {
      if (errorKey) message.textContent = t(errorKey, { limit: rangeLimit });
    },
    clear: () => showError(''),
  };
}
