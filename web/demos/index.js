// Live demos for the "why it matters" section: each entry is {id, mount(element, api) → update(state)},
// mounted by main.js into <div data-demo="<id>">. All their computation runs in the WebAssembly module.
import { mount as nonlinearity } from './nonlinearity.js';
import { mount as outputRange } from './output-range.js';
import { mount as symmetry } from './symmetry.js';
import { mount as vanishing } from './vanishing.js';

export const demos = [
  { id: 'nonlinearity', mount: nonlinearity },
  { id: 'vanishing', mount: vanishing },
  { id: 'symmetry', mount: symmetry },
  { id: 'output-range', mount: outputRange },
];
