// Embed mode's URL properties. They join the page's own state list (page-state.js), so a shared link and an
// embed use one vocabulary: `?embed=1&part=fn&fn=gelu&gelu.approximate=…&hide=range,table&lock=1`.
// Every value is parsed by the same schema code: listed words, clamped numbers, nothing else.
import { demos } from '../demos/index.js';
import { articleRows, paramNames } from '../state/catalogue-views.js';
import { neuronInputs, neuronWeights } from '../state/neuron-names.js';
import { controlNames } from './controls.js';
import { questionIds } from '../lesson/questions.js';
import { choiceProp, flagProp, integerProp, listProp } from '../state/schema.js';

// What an embed can show; `''` means "follow section=" (neuron, compare, summary), else a function's chart.
const partNames = ['fn', 'try', 'neuron', 'compare', 'summary', 'demo', 'question'];

// The embed properties for a catalogue (`rows`); demos are the ones registered in demos/index.js.
export function embedProps(rows) {
  const ids = rows.map((r) => r.id);
  const parameters = [...new Set(rows.flatMap((r) => r.params.map((p) => p.name)))];
  const hideable = [...new Set([...controlNames, ...parameters, ...neuronInputs, ...neuronWeights, 'b'])];
  const article = articleRows(rows);
  const demoIds = demos.map((d) => d.id);
  return [
    flagProp('embed', false),
    choiceProp('part', '', ['', ...partNames]),
    // `custom` is the reader's own formula (the "Write your own" panel, custom-state.js).
    choiceProp('fn', (article[0] ?? rows[0]).id, [...ids, 'custom']),
    choiceProp('demo', demoIds[0] ?? '', ['', ...demoIds]),
    // A "predict, then check" question (lesson/questions.js), for part=question; report=1 posts each answer to the host.
    choiceProp('q', questionIds[0], questionIds),
    flagProp('report', false),
    listProp('hide', [], hideable),
    flagProp('lock', false),
    // Names the frame in its height messages, for hosts with several embeds; a number so it is never markup.
    integerProp('id', 0, 0, 2 ** 31 - 1),
  ];
}

// The state names an embed link for `part` carries: that part's own properties and the parameters of the
// functions it draws (the neuron's activation, the compared functions), a demo's settings, nothing else.
export function partStateNames(part, state, rows, allNames) {
  const prefixed = (prefix) => allNames.filter((n) => n.startsWith(`${prefix}.`));
  const paramsOf = (id) => { const row = rows.find((r) => r.id === id); return row ? paramNames(row) : []; };
  switch (part) {
    case 'fn': return [...(state.fn === 'custom' ? ['custom'] : []), ...prefixed(state.fn).filter((n) => !/\.(seed|n|threshold)$/.test(n))];
    case 'try': return prefixed(state.fn);
    case 'neuron': return [...prefixed('neuron'), ...paramsOf(state['neuron.fn'])];
    case 'compare': return ['compare', ...prefixed('compare'), ...state.compare.flatMap(paramsOf),
      ...(state['compare.custom'] ? ['custom', 'custom.params'] : [])];
    case 'summary': return prefixed('table');
    case 'demo': return prefixed(state.demo);
    default: return [];
  }
}

// The part a state describes: `part=` when given, else the one `section=` names, else a function's chart.
export function resolvePart(state) {
  if (state.part === 'demo' && !state.demo) return 'fn';
  if (state.part) return state.part;
  return ['neuron', 'compare', 'summary'].includes(state.section) ? state.section : 'fn';
}
