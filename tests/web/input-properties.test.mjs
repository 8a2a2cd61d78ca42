// Property-based tests of the page's input handling (fast-check), in Node over the page's own modules and the
// built module's catalogue: any string typed into a range or count field is accepted as a valid value or rejected
// with a message both languages have, and any URL value or whole query gives a state the module accepts. Nothing
// throws.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';

import { loadLab } from '../wasm/load.mjs';

// The chart code reads Chart.js from the window when imported; these tests import the parsers beside it only.
globalThis.window ??= globalThis;
const { readRange } = await import('../../web/charts/range-fields.js');
const { readCount, maxTryInputs } = await import('../../web/figures/try-it.js');
const { pageSchema } = await import('../../web/state/page-state.js');
const { paramsOf } = await import('../../web/state/catalogue-views.js');
const { minRangeSpan, rangeLimit } = await import('../../web/state/ranges.js');

const lab = await loadLab();
const rows = lab.catalogue();
const schema = pageSchema(rows, 'en', ['en', 'zh'], lab.demoOptions());
const strings = Object.fromEntries(['en', 'zh'].map((lang) => [lang,
  JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}/core.json`, import.meta.url), 'utf8'))]));
const runs = { numRuns: 3000 };

// Strings a hostile tester would type or put in a link, and arbitrary ones: number-like text from a small
// alphabet, real numbers written every way JavaScript writes them, and any Unicode.
const numberish = fc.string({ unit: fc.constantFrom(...'0123456789.eE+-−xXbBoO_, \t\u00a0∞'), maxLength: 12 });
const written = fc.double().chain((v) => fc.constantFrom(String(v), v.toExponential(), v.toFixed(3), v.toString(16)));
const special = fc.constantFrom('', ' ', '0x10', '0b101', '0o7', '1e400', '-1e308', '1e-320', 'NaN', 'Infinity', '-0',
  '−1e−3', '+5', '5.', '.5', '.', '__proto__', 'constructor', '<b>1</b>', 'javascript:1', '1\u202e2', '١٢', '１２');
const anyText = fc.oneof(numberish, written, special, fc.string({ unit: 'binary', maxLength: 40 }));

const messageKnown = (key) => typeof strings.en[key] === 'string' && typeof strings.zh[key] === 'string';

test('any text typed into a range field gives a valid range or a message', () => {
  fc.assert(fc.property(anyText, anyText, (from, to) => {
    const result = readRange(from, to);
    if (result.error) return messageKnown(result.error);
    const { lo, hi } = result;
    return Number.isFinite(lo) && Number.isFinite(hi) && Math.abs(lo) <= rangeLimit && Math.abs(hi) <= rangeLimit
      && hi - lo >= minRangeSpan * (1 - 1e-9);
  }), runs);
});

test('any text typed into a count field gives a whole number from 1 to the limit, or a message', () => {
  fc.assert(fc.property(anyText, (text) => {
    const result = readCount(text);
    if (result.error) return messageKnown(result.error);
    return Number.isInteger(result.value) && result.value >= 1 && result.value <= maxTryInputs;
  }), runs);
});

test('only decimal notation is accepted, and it reads as JavaScript reads the same decimal', () => {
  fc.assert(fc.property(anyText, (text) => {
    const result = readCount(text);
    const decimal = /^\s*[-+−]?(\d+\.?\d*|\.\d+)([eE][-+−]?\d+)?\s*$/.test(text);
    if (!decimal) return result.error === 'input.notNumber' || result.error === 'input.empty';
    const value = Number(text.trim().replaceAll('−', '-'));
    return result.error ? !(Number.isInteger(value) && value >= 1 && value <= maxTryInputs) : result.value === value;
  }), runs);
});

// Every value of a state read from the URL is one its property allows, and the module accepts every function's
// parameters (the module, not the page, is the judge of which parameter sets are valid).
function checkState(state) {
  for (const prop of schema.props) {
    const v = state[prop.name];
    if (prop.kind === 'number') assert.ok(Number.isFinite(v) && v >= prop.min && v <= prop.max, `${prop.name} = ${v}`);
    if (prop.kind === 'integer') assert.ok(Number.isInteger(v) && v >= prop.min && v <= prop.max, `${prop.name} = ${v}`);
    if (prop.kind === 'choice') assert.ok(prop.values.includes(v), `${prop.name} = ${v}`);
    if (prop.kind === 'list') assert.ok(Array.isArray(v) && v.every((item) => prop.values.includes(item)), `${prop.name} = ${v}`);
    if (prop.kind === 'flag') assert.equal(typeof v, 'boolean', prop.name);
  }
  for (const prefix of [...rows.map((r) => r.id), 'compare']) {
    const span = state[`${prefix}.hi`] - state[`${prefix}.lo`];
    assert.ok(span >= minRangeSpan * (1 - 1e-9), `${prefix} range ${state[`${prefix}.lo`]}…${state[`${prefix}.hi`]}`);
  }
  for (const row of rows) lab.evaluate(row.id, [0], paramsOf(row, state));
  return true;
}

const names = schema.props.map((p) => p.name);
const name = fc.constantFrom(...names);

test('any value for any URL property gives a state the page and the module accept', () => {
  fc.assert(fc.property(fc.array(fc.tuple(name, anyText), { maxLength: 8 }), (pairs) => {
    const query = new URLSearchParams(pairs);
    return checkState(schema.read(`?${query}`));
  }), runs);
});

test('every catalogue order between parameters is repaired from any URL values', () => {
  const ordered = rows.flatMap((row) => row.orderedParams.map((pair) => pair.map((p) => `${row.id}.${p}`)));
  assert.ok(ordered.length > 0);
  fc.assert(fc.property(fc.constantFrom(...ordered), fc.double({ min: -10, max: 10 }), fc.double({ min: -10, max: 10 }), ([lower, upper], a, b) => {
    const state = schema.read(`?${new URLSearchParams({ [lower]: String(a), [upper]: String(b) })}`);
    return state[lower] < state[upper] && checkState(state);
  }), runs);
});

test('any query string at all, malformed percent-encoding included, gives a valid state', () => {
  const piece = fc.oneof(fc.constantFrom(...names, '%', '%E0%A4%A', '%zz', '%C3', '&', '=', '#', '+', '%2C', ','), anyText);
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => checkState(schema.read(`?${pieces.join('')}`))), runs);
});
