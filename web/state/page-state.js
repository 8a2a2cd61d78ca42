// The page's state properties: the page's own (language, section), then each figure's and each demo's settings
// in the order they are registered, then embed mode's, so links and embeds share one vocabulary. Each part
// declares its own settings (`settings(rows, demoOptions)`) and may repair combinations (`repair`); this only
// assembles them.
import { demos } from '../demos/index.js';
import { embedProps } from '../embed/embed-state.js';
import { figures } from '../figures/index.js';
import { choiceProp, createStateSchema } from './schema.js';

const sectionIds = ['neuron', 'activation', 'why', 'why-nonlinearity', 'why-vanishing', 'why-symmetry',
  'why-output-range', 'four', 'family', 'compare', 'custom', 'training', 'lab', 'lab-network', 'lab-formats', 'output',
  'output-softmax', 'summary', 'exercises', 'references'];

// The schema for the whole page; `defaultLang` is the page's language; `demoOptions` is the module's
// lab.demoOptions() (data sets, initialisations), which the demos' settings choose from.
export function pageSchema(rows, defaultLang, languages, demoOptions) {
  const parts = [...figures, ...demos];
  /** @type {object[]} */
  const props = [choiceProp('lang', defaultLang, languages), choiceProp('section', '', ['', ...sectionIds])];
  for (const part of parts) props.push(...part.settings(rows, demoOptions));
  props.push(...embedProps(rows));

  const defaults = Object.fromEntries(props.map((p) => [p.name, p.def]));
  const repair = (state) => {
    const reset = (names) => names.forEach((name) => { state[name] = defaults[name]; });
    for (const part of parts) part.repair?.(state, rows, reset);
    return state;
  };
  return createStateSchema(props, repair);
}
