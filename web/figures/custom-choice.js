// The reader's formula ("Write your own") as one more choice wherever a demo lets a catalogue function be
// chosen: its id in menus and links, its name, and the activation a network is built with. A demo refuses
// the formula, saying why, when it does not compile or has no finite value somewhere a unit's input can be.
import { formatNumber } from '../page/format.js';
import { nameOf } from '../page/names.js';
import { customFunction } from './custom-function.js';

export const CUSTOM = 'custom';
export const withCustom = (ids) => [...ids, CUSTOM];

// A unit's input in these small networks stays well inside this range (inputs in [−1.5, 1.5], weights of
// order 1); the formula must be finite, with a finite slope, all over it.
const CHECKED = [-20, 20];
const CHECK_POINTS = 4001;

export function choiceName(api, id) {
  if (id === CUSTOM) return api.t('custom.choiceName');
  const row = api.rowById.get(id);
  return row ? nameOf(api, row) : id;
}

// Where over the checked range the formula or its derivative is not finite: {from, to}, the first and last
// such sample (one point when they are equal), or null when it is finite everywhere there.
export function nonFiniteSpan(f, params) {
  const xs = new Float64Array(CHECK_POINTS);
  for (let i = 0; i < CHECK_POINTS; i++) xs[i] = CHECKED[0] + ((CHECKED[1] - CHECKED[0]) * i) / (CHECK_POINTS - 1);
  const { value, derivative } = f.evaluateBoth(xs, params);
  let from = null, to = null;
  for (let i = 0; i < CHECK_POINTS; i++) {
    if (Number.isFinite(value[i]) && Number.isFinite(derivative[i])) continue;
    from ??= xs[i];
    to = xs[i];
  }
  return from === null ? null : { from, to };
}

// What a network's layer gets for the choice `id`: {activation, params} (a catalogue id, or the compiled formula
// with its parameters' values), or {problem} in the reader's language when the formula cannot be trained with.
export function networkActivation(api, state, id) {
  if (id !== CUSTOM) return { activation: id, params: null };
  const custom = customFunction(api.lab, state);
  if (!custom) return { problem: api.t('custom.refuse.invalid') };
  const bad = nonFiniteSpan(custom.f, custom.params);
  if (bad) {
    const where = bad.from === bad.to ? api.t('custom.refuse.at', { x: formatNumber(bad.from, 4) })
      : api.t('custom.refuse.between', { from: formatNumber(bad.from, 4), to: formatNumber(bad.to, 4) });
    return { problem: api.t('custom.refuse.nonFinite', { where, lo: formatNumber(CHECKED[0]), hi: formatNumber(CHECKED[1]) }) };
  }
  return { activation: custom.f, params: custom.params };
}
