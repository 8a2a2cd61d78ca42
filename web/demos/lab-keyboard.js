// The lab's own points from the keyboard: while the reader's own points are shown, the boundary map takes focus
// and shows a cross (only while focused); the arrow keys move it (Shift: ten times as far), Enter or Space does
// what a click there would, Delete or Backspace removes the point under it. Every move and edit is announced.
import { el, setText, uniqueId } from '../page/dom.js';
import { nearestPoint, REMOVE_RADIUS } from './lab-data.js';

export const CURSOR_STEP = 0.05;

// The cursor after `key` from `at` = [x, y] within ±limit (Shift: ten steps), or null for a key that does not move it.
export function movedCursor(at, key, shift, limit) {
  const step = CURSOR_STEP * (shift ? 10 : 1);
  const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  if (!moves[key]) return null;
  const clamp = (v) => Math.min(limit, Math.max(-limit, Number(v.toFixed(2)))) + 0;  // + 0: never −0
  return [clamp(at[0] + moves[key][0]), clamp(at[1] + moves[key][1])];
}

// A coordinate as the announcements say it: two decimals, the typographic minus, never −0.00.
export const coordinate = (v) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2).replace('-', '−');

// Makes `wrapper` (the boundary map, a square of ±limit) a point editor. `edit(x, y, remove)` adds or removes
// a point as a click does and returns {kind: 'added' | 'removed' | 'none' | 'full', point, count, message};
// `points()` gives the current points. Returns the hint and live readout to place, `enable(on)` and `place(x, y)`.
export function keyboardPoints(wrapper, { t, limit, edit, points }) {
  const hint = el('p', { class: 'lab-own-hint', id: uniqueId('lab-keys'), i18n: 'lab.keys.hint' });
  const readout = el('p', { class: 'readout lab-cursor-readout', 'aria-live': 'polite', 'data-readout': 'cursor' });
  const cross = el('div', { class: 'lab-cursor', 'aria-hidden': 'true', hidden: true });
  wrapper.append(cross);
  let at = [0, 0], enabled = false, pointer = false;

  const show = (on) => {
    cross.hidden = !on;
    cross.style.left = `${((at[0] + limit) / (2 * limit)) * 100}%`;
    cross.style.top = `${((limit - at[1]) / (2 * limit)) * 100}%`;
  };
  const where = (p) => ({ x: coordinate(p[0]), y: coordinate(p[1]) });
  const pointName = (label) => t(label > 0.5 ? 'lab.keys.class.1' : 'lab.keys.class.0');

  function announceCursor() {
    const i = nearestPoint(points(), at[0], at[1], REMOVE_RADIUS);
    setText(readout, i >= 0 ? t('lab.keys.cursorOnPoint', { ...where(at), point: pointName(points()[i][2]) }) : t('lab.keys.cursor', where(at)));
  }

  function announceEdit(result) {
    if (result.kind === 'full') setText(readout, result.message);
    else if (result.kind === 'none') setText(readout, t('lab.keys.nothing', where(at)));
    else setText(readout, t(`lab.keys.${result.kind}`, { ...where(result.point), point: pointName(result.point[2]), count: result.count }));
  }

  wrapper.addEventListener('keydown', (event) => {
    if (!enabled || event.ctrlKey || event.metaKey || event.altKey) return;
    const moved = movedCursor(at, event.key, event.shiftKey, limit);
    const remove = event.key === 'Delete' || event.key === 'Backspace';
    if (!moved && !remove && event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    if (moved) at = moved;
    show(true);
    if (moved) announceCursor();
    else announceEdit(edit(at[0], at[1], remove));
  });
  // A tap or click focuses the map too, but only a keyboard user needs the cross.
  wrapper.addEventListener('pointerdown', () => { pointer = enabled && document.activeElement !== wrapper; });
  wrapper.addEventListener('focus', () => { show(!pointer); pointer = false; });
  wrapper.addEventListener('blur', () => { show(false); pointer = false; });

  return {
    hint, readout,
    // Focusable, with its name and instructions, only while clicks add points (the reader's own data set).
    enable(on) {
      if (on === enabled) return;
      enabled = on;
      for (const [name, value] of [['tabindex', '0'], ['role', 'application'], ['aria-label', t('lab.keys.label')], ['aria-describedby', hint.id]]) {
        if (on) wrapper.setAttribute(name, value);
        else wrapper.removeAttribute(name);
      }
      if (!on) show(false);
    },
    // Where a click put a point: the arrow keys go on from there.
    place(x, y) {
      at = [Number(x.toFixed(2)) + 0, Number(y.toFixed(2)) + 0];
      show(!cross.hidden);
    },
  };
}
