// Live demos for the "why it matters" section: each entry is {id, mount(element, api) → update(state),
// settings(rows, demoOptions) → its state properties (named "<id>.<setting>", so links and embeds carry
// them)}, mounted by main.js into <div data-demo="<id>">. All their computation runs in the WebAssembly module.
import * as lab from './lab.js';
import * as nonlinearity from './nonlinearity.js';
import * as numberFormats from './number-formats.js';
import * as outputRange from './output-range.js';
import * as symmetry from './symmetry.js';
import * as vanishing from './vanishing.js';

export const demos = [
  { id: 'nonlinearity', mount: nonlinearity.mount, settings: nonlinearity.settings },
  { id: 'vanishing', mount: vanishing.mount, settings: vanishing.settings },
  { id: 'symmetry', mount: symmetry.mount, settings: symmetry.settings },
  { id: 'output-range', mount: outputRange.mount, settings: outputRange.settings },
  { id: 'lab', mount: lab.mount, settings: lab.settings },
  { id: 'number-formats', mount: numberFormats.mount, settings: numberFormats.settings },
];
