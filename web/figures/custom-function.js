// The reader's own formula as the other figures use it: compiled once per text by the module (figures share the
// result), with its parameters' values from the state. null when the state's text is not a formula (the
// "Write your own" panel says why).
import { customParamsOf } from '../state/custom-state.js';

let cached = { lab: null, text: null, f: null };

export function customFunction(lab, state) {
  const text = state.custom;
  if (cached.lab !== lab || cached.text !== text) {
    let f = null;
    try {
      f = lab.compile(text);
    } catch (error) {
      if (typeof error.code !== 'string') throw error;
    }
    cached = { lab, text, f };
  }
  if (!cached.f) return null;
  const given = customParamsOf(state);
  const params = Object.fromEntries(cached.f.params.map((p) => [p.name, p.name in given ? given[p.name] : p.default]));
  return { f: cached.f, params };
}
