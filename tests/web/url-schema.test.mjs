// Property-based tests of the URL state (fast-check) over the page's own schema and the built module's catalogue:
// a state the page can be in survives being written into a link and read back, value for value; any fragment
// gives an id or nothing; the labels the page writes for numbers read back as the numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

import { loadLab } from '../wasm/load.mjs';

// The chart code reads Chart.js from the window when imported; these tests use the pure functions beside it.
globalThis.window ??= globalThis;
const { pageSchema } = await import('../../web/state/page-state.js');
const { minRangeSpan } = await import('../../web/state/ranges.js');
const { fragmentId } = await import('../../web/page/linked-part.js');
const { formatNumber } = await import('../../web/page/format.js');

const lab = await loadLab();
const rows = lab.catalogue();
const schema = pageSchema(rows, 'en', ['en', 'zh'], lab.demoOptions());
const runs = { numRuns: 500 };

// A value of `prop` that a link can carry exactly: numbers on a grid of thousandths inside the property's bounds
// (the URL writes ten significant digits), any allowed word, any list of allowed words without repeats.
function valueOf(prop) {
  switch (prop.kind) {
    case 'number': {
      const lo = Math.ceil(prop.min * 1000);
      const hi = Math.floor(prop.max * 1000);
      return fc.integer({ min: lo, max: hi }).map((k) => k / 1000);
    }
    case 'integer': return fc.integer({ min: prop.min, max: prop.max });
    case 'choice': return fc.constantFrom(...prop.values);
    case 'list': return fc.uniqueArray(fc.constantFrom(...prop.values), { maxLength: prop.values.length });
    case 'flag': return fc.boolean();
    // Any text up to the kept length, control characters excepted (the parser turns them into spaces).
    case 'text': return fc.string({ unit: 'binary', maxLength: Math.min(prop.keep, 200) })
      .map((text) => text.replace(/[\u0000-\u001f\u007f]/g, ' '));
    // Up to prop.count distinct formula names, each with a value on the thousandths grid inside the bounds.
    case 'pairs': return fc.uniqueArray(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), { maxLength: prop.count })
      .chain((names) => fc.tuple(...names.map(() => fc.integer({ min: Math.ceil(prop.min * 1000), max: Math.floor(prop.max * 1000) })))
        .map((values) => Object.fromEntries(names.map((name, i) => [name, values[i] / 1000]))));
    // The lab's layer sizes, one activation per layer, and its own points on the hundredths grid a link writes.
    case 'integers': return fc.array(fc.integer({ min: prop.min, max: prop.max }), { minLength: prop.minLength, maxLength: prop.maxLength });
    case 'words': return fc.array(fc.constantFrom(...prop.values), { minLength: 1, maxLength: prop.maxLength });
    case 'points': {
      const coordinate = fc.integer({ min: -prop.limit * 100, max: prop.limit * 100 }).map((k) => k / 100);
      return fc.array(fc.tuple(coordinate, coordinate, fc.constantFrom(0, 1)), { maxLength: Math.min(prop.maxPoints, 30) });
    }
    default: throw new Error(`no generator for ${prop.kind}`);
  }
}

// Pairs of names whose values must be in order: every x range (at least minRangeSpan wide) and every pair of
// parameters the catalogue orders.
const rangePairs = schema.props.filter((p) => p.name.endsWith('.lo')).map((p) => [p.name, p.name.replace(/\.lo$/, '.hi')]);
const orderedPairs = rows.flatMap((row) => row.orderedParams.map(([a, b]) => [`${row.id}.${a}`, `${row.id}.${b}`]));

// A state the page can be in: defaults, with any set of properties changed to any value a link can carry; a pair
// drawn out of order is left at its defaults.
const pageStates = fc.dictionary(fc.constantFrom(...schema.props.map((p) => p.name)), fc.constant(null), { maxKeys: 40 })
  .chain((chosen) => fc.record(Object.fromEntries(Object.keys(chosen).map((name) => [name, valueOf(schema.props.find((p) => p.name === name))]))))
  .map((changes) => {
    const state = { ...schema.defaults(), ...changes };
    const defaults = schema.defaults();
    for (const [lo, hi] of rangePairs) if (!(state[hi] - state[lo] >= minRangeSpan)) [state[lo], state[hi]] = [defaults[lo], defaults[hi]];
    for (const [a, b] of orderedPairs) if (!(state[a] < state[b])) [state[a], state[b]] = [defaults[a], defaults[b]];
    return state;
  });

test('a state written into a link reads back as the same state', () => {
  fc.assert(fc.property(pageStates, (state) => {
    assert.deepEqual(schema.read(schema.write(state)), state);
  }), runs);
});

test('a link holds only what differs from the defaults, so the default view is a bare address', () => {
  assert.equal(schema.write(schema.defaults()), '');
  fc.assert(fc.property(pageStates, (state) => {
    const written = new URLSearchParams(schema.write(state));
    for (const prop of schema.props) {
      const same = JSON.stringify(state[prop.name]) === JSON.stringify(schema.defaults()[prop.name]);
      assert.equal(written.has(prop.name), !same, prop.name);
    }
  }), runs);
});

test('any fragment names an id or nothing, and never throws', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (text, hash) => {
    assert.equal(typeof fragmentId(hash ? `#${text}` : text), 'string');
  }), { numRuns: 3000 });
  assert.equal(fragmentId('#fn-gelu'), 'fn-gelu');
  assert.equal(fragmentId('#%E6%91%98%E8%A6%81'), '摘要');
  assert.equal(fragmentId('#%E0%A4%A'), '');
});

test('a number the page writes reads back within its last shown digit', () => {
  fc.assert(fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.integer({ min: 1, max: 8 }), (value, digits) => {
    const text = formatNumber(value, digits);
    const back = Number(text.replaceAll('−', '-'));
    assert.ok(Math.abs(back - value) <= 0.5 * 10 ** -digits * (1 + 1e-9), `${value} → ${text}`);
  }), { numRuns: 3000 });
});
