// The page's state properties, derived from the catalogue: every function's parameters, derivative toggle and
// x range; the neuron; the try-it boxes; the compare chart; the summary table; the demos' settings; language
// and section.
// Embed mode adds its properties to this same list, so links and embeds share one vocabulary.
import { demos } from '../demos/index.js';
import { embedProps } from '../embed/embed-state.js';
import { choiceProp, createStateSchema, flagProp, integerProp, listProp, numberProp } from './schema.js';

export const sectionIds = ['neuron', 'activation', 'why', 'why-nonlinearity', 'why-vanishing', 'why-symmetry',
  'why-output-range', 'four', 'family', 'compare', 'summary', 'lab', 'lab-network', 'lab-formats'];
export const neuronLimit = 5;
export const rangeLimit = 1000;
// The narrowest x range a chart draws; a narrower one (from the URL or typed) is widened to it, so the axis keeps
// distinct labels written as every number on the page is. The widest is 2 × rangeLimit (both ends within
// ±rangeLimit).
export const minRangeSpan = 0.01;
export const maxTryInputs = 20;
export const summaryColumns = ['name', 'range', 'monotonic', 'zeroCentred', 'smoothness', 'saturation',
  'identityNearZero', 'use'];

const neuronDefaults = { x1: 1, x2: -2, x3: 0.5, w1: 0.8, w2: 0.3, w3: -1.2, b: 0.5 };

// [lo, hi] at least minRangeSpan wide, widened to the right (to the left at rangeLimit): {lo, hi, widened}; null
// unless lo < hi. Ends are expected within ±rangeLimit.
export function fitRange(lo, hi) {
  if (!(lo < hi)) return null;
  // The tolerance lets a range that this function widened (its end rounded to 12 digits) count as wide enough.
  if (hi - lo >= minRangeSpan * (1 - 1e-9)) return { lo, hi, widened: false };
  const round = (v) => Number(v.toPrecision(12));
  const end = Math.min(rangeLimit, round(lo + minRangeSpan));
  return { lo: end === rangeLimit ? round(rangeLimit - minRangeSpan) : lo, hi: end, widened: true };
}

// Functions that get the article's "try it" box, in the article's order.
export const articleRows = (rows) => rows.filter((r) => r.articleOrder > 0).sort((a, b) => a.articleOrder - b.articleOrder);
// Whether the try-it box also turns outputs into class labels with a threshold.
export const labelsOutputs = (row) => row.use === 'binary_output';

// The schema for the whole page; `lang` defaults to the browser's language; `demoOptions` is the module's
// lab.demoOptions() (data sets, initialisations), which the demos' settings choose from.
export function pageSchema(rows, defaultLang, languages, demoOptions) {
  const ids = rows.map((r) => r.id);
  const props = [choiceProp('lang', defaultLang, languages), choiceProp('section', '', ['', ...sectionIds])];
  props.push(choiceProp('neuron.fn', ids.includes('relu') ? 'relu' : ids[0], ids));
  for (const [name, def] of Object.entries(neuronDefaults)) props.push(numberProp(`neuron.${name}`, def, -neuronLimit, neuronLimit));
  for (const row of rows) {
    for (const p of row.params) props.push(numberProp(`${row.id}.${p.name}`, p.default, p.min, p.max));
    props.push(flagProp(`${row.id}.d`, false));
    props.push(numberProp(`${row.id}.lo`, row.range[0], -rangeLimit, rangeLimit));
    props.push(numberProp(`${row.id}.hi`, row.range[1], -rangeLimit, rangeLimit));
  }
  for (const row of articleRows(rows)) {
    props.push(integerProp(`${row.id}.seed`, row.articleOrder, 0, 2 ** 31 - 1));
    props.push(integerProp(`${row.id}.n`, 2, 1, maxTryInputs));
    if (labelsOutputs(row)) props.push(numberProp(`${row.id}.threshold`, 0.5, 0, 1));
  }
  props.push(listProp('compare', articleRows(rows).map((r) => r.id), ids));
  props.push(flagProp('compare.d', false));
  props.push(numberProp('compare.lo', -5, -rangeLimit, rangeLimit));
  props.push(numberProp('compare.hi', 5, -rangeLimit, rangeLimit));
  props.push(choiceProp('table.sort', 'name', summaryColumns));
  props.push(choiceProp('table.dir', 'asc', ['asc', 'desc']));
  for (const demo of demos) props.push(...demo.settings(rows, demoOptions));
  props.push(...embedProps(rows));

  const defaults = Object.fromEntries(props.map((p) => [p.name, p.def]));
  const reset = (state, names) => names.forEach((name) => { state[name] = defaults[name]; });
  // A range whose ends are not in order falls back to its default, a narrow one is widened to minRangeSpan;
  // each pair of parameters that the catalogue orders (row.orderedParams: first < second) falls back to its
  // defaults when it is not in order, as the module would refuse it.
  const repair = (state) => {
    for (const prefix of [...ids, 'compare']) {
      const names = [`${prefix}.lo`, `${prefix}.hi`];
      const range = fitRange(state[names[0]], state[names[1]]);
      if (range) [state[names[0]], state[names[1]]] = [range.lo, range.hi];
      else reset(state, names);
    }
    for (const row of rows) {
      for (const [lower, upper] of row.orderedParams) {
        const names = [`${row.id}.${lower}`, `${row.id}.${upper}`];
        if (!(state[names[0]] < state[names[1]])) reset(state, names);
      }
    }
    return state;
  };
  return createStateSchema(props, repair);
}

// The parameter object a function's row takes, read from the state.
export function paramsOf(row, state) {
  return Object.fromEntries(row.params.map((p) => [p.name, state[`${row.id}.${p.name}`]]));
}
