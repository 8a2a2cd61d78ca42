// View state: one list of property definitions drives defaults, reading the URL, clamping and writing it back.
// Only listed names are read; every value is parsed into a number, a listed word or a list of listed words,
// so nothing from the URL ever reaches the page as markup.

import { parseDecimal } from './decimal.js';

const MAX_TEXT = 400;
const undecodable = '\uFFFD';

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

const kinds = {
  number: {
    parse(text, prop) {
      const v = parseDecimal(text);
      return Number.isFinite(v) ? clamp(v, prop.min, prop.max) : undefined;
    },
    format: (v) => String(Number(v.toPrecision(10))),
  },
  integer: {
    parse(text, prop) {
      const v = parseDecimal(text);
      return Number.isInteger(v) ? clamp(v, prop.min, prop.max) : undefined;
    },
    format: (v) => String(v),
  },
  choice: {
    parse: (text, prop) => (prop.values.includes(text) ? text : undefined),
    format: (v) => v,
  },
  list: {
    parse(text, prop) {
      if (text === '') return [];
      const items = text.split(',').filter((item) => prop.values.includes(item));
      return items.length ? [...new Set(items)] : undefined;
    },
    format: (v) => v.join(','),
  },
  flag: {
    parse: (text) => (text === '1' ? true : text === '0' ? false : undefined),
    format: (v) => (v ? '1' : '0'),
  },
  // Comma-separated integers, each clamped to [min, max], at most maxLength of them ('' is the empty list).
  integers: {
    parse(text, prop) {
      if (text === '') return prop.minLength ? undefined : [];
      const items = text.split(',').map((item) => parseDecimal(item));
      if (items.length > prop.maxLength || !items.every(Number.isInteger)) return undefined;
      return items.map((v) => clamp(v, prop.min, prop.max));
    },
    format: (v) => v.join(','),
  },
  // Comma-separated words from a fixed set, repeats allowed, 1 to maxLength of them.
  words: {
    parse(text, prop) {
      const items = text.split(',');
      return items.length <= prop.maxLength && items.every((item) => prop.values.includes(item)) ? items : undefined;
    },
    format: (v) => v.join(','),
  },
  // Labelled points "x,y,label_x,y,label…", x and y within ±limit (rounded to 2 decimals), labels 0 or 1;
  // the whole value is refused when any point is malformed (a link never half-loads its data).
  points: {
    parse(text, prop) {
      if (text === '') return [];
      const points = text.split('_').map((item) => item.split(',').map((v) => parseDecimal(v)));
      if (points.length > prop.maxPoints) return undefined;
      const ok = points.every((p) => p.length === 3 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && (p[2] === 0 || p[2] === 1));
      return ok ? points.map(([x, y, label]) => [clamp(x, -prop.limit, prop.limit), clamp(y, -prop.limit, prop.limit), label]) : undefined;
    },
    format: (v) => v.map(([x, y, label]) => `${Number(x.toFixed(2))},${Number(y.toFixed(2))},${label}`).join('_'),
  },
  // Free text (a formula): cut at prop.keep characters, control characters become spaces. It reaches the page
  // only as an input's value and through the module's parser, never as markup.
  text: {
    parse: (text, prop) => text.slice(0, prop.keep).replace(/[\u0000-\u001f\u007f]/g, ' '),
    format: (v) => v,
  },
  // name:value pairs, comma-separated: names [A-Za-z_][A-Za-z0-9_]*, values decimal numbers clamped to
  // [min, max], at most prop.count pairs; a malformed pair is skipped.
  pairs: {
    parse(text, prop) {
      const out = {};
      let count = 0;
      for (const item of text.split(',')) {
        const at = item.indexOf(':');
        const name = item.slice(0, at);
        if (at < 1 || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || name in out || count >= prop.count) continue;
        const v = parseDecimal(item.slice(at + 1));
        if (!Number.isFinite(v)) continue;
        out[name] = clamp(v, prop.min, prop.max);
        count++;
      }
      return out;
    },
    format: (v) => Object.entries(v).map(([name, value]) => `${name}:${Number(value.toPrecision(10))}`).join(','),
  },
};

// A number property clamped to [min, max].
export const numberProp = (name, def, min, max) => ({ name, kind: 'number', def, min, max });
// An integer property clamped to [min, max].
export const integerProp = (name, def, min, max) => ({ name, kind: 'integer', def, min, max });
// One of a fixed set of words.
export const choiceProp = (name, def, values) => ({ name, kind: 'choice', def, values });
// A comma-separated subset of a fixed set of words.
export const listProp = (name, def, values) => ({ name, kind: 'list', def, values });
// On or off (1 or 0 in the URL).
export const flagProp = (name, def) => ({ name, kind: 'flag', def });
// A list of up to maxLength integers in [min, max] (at least minLength).
export const integersProp = (name, def, min, max, maxLength, minLength = 0) => ({ name, kind: 'integers', def, min, max, maxLength, minLength });
// A sequence of 1 to maxLength words from `values`, repeats allowed.
export const wordsProp = (name, def, values, maxLength) => ({ name, kind: 'words', def, values, maxLength });
// Up to maxPoints labelled points [x, y, 0|1] within ±limit; its text may be up to maxText characters long.
export const pointsProp = (name, limit, maxPoints, maxText) => ({ name, kind: 'points', def: [], limit, maxPoints, maxText });

function same(a, b) {
  if (a && b && typeof a === 'object' && !Array.isArray(a)) return JSON.stringify(a) === JSON.stringify(b);
  return Array.isArray(a) ? Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i])) : a === b;
}

// A schema over `props`; `check(state)` may repair combinations (e.g. a range whose min ≥ max).
export function createStateSchema(props, check = (state) => state) {
  const byName = new Map(props.map((p) => [p.name, p]));
  // Defaults are copied (deeply: a list of points holds arrays), so a state never shares them.
  const copy = (v) => (v && typeof v === 'object' ? structuredClone(v) : v);
  const defaults = () => Object.fromEntries(props.map((p) => [p.name, copy(p.def)]));
  return {
    props,
    defaults,
    has: (name) => byName.has(name),
    // One value parsed and clamped, or undefined when it is not acceptable.
    parseValue(name, text) {
      const prop = byName.get(name);
      if (!prop || typeof text !== 'string' || text.length > (prop.maxText ?? MAX_TEXT)) return undefined;
      return kinds[prop.kind].parse(text, prop);
    },
    // The state a query string describes: listed names only, defaults for the rest. URLSearchParams never
    // throws on malformed percent-encoding (`%`, `%E0%A4%A`); it leaves U+FFFD where bytes could not be decoded,
    // and such a name or value is skipped while the rest of the query still counts.
    read(search) {
      const state = defaults();
      for (const [name, text] of new URLSearchParams(search)) {
        if (name.includes(undecodable) || text.includes(undecodable)) continue;
        const value = this.parseValue(name, text);
        if (value !== undefined) state[name] = value;
      }
      return check(state);
    },
    // A query string holding the values that differ from the defaults (and `always` names).
    write(state, always = []) {
      const params = new URLSearchParams();
      for (const prop of props) {
        const value = state[prop.name];
        if (value === undefined) continue;
        if (!always.includes(prop.name) && same(value, prop.def)) continue;
        params.set(prop.name, kinds[prop.kind].format(value));
      }
      const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
      return text ? `?${text}` : '';
    },
  };
}
