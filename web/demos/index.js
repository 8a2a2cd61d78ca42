// Live demos (the "why it matters" section's four and the output layer's softmax): each entry is {id, mount(element, api) → update(state),
// settings(rows, demoOptions) → its state properties (named "<id>.<setting>", so links and embeds carry
// them)}, mounted by main.js into <div data-demo="<id>">. All their computation runs in the WebAssembly module.
import * as nonlinearity from './nonlinearity.js';
import * as outputRange from './output-range.js';
import * as softmax from './softmax.js';
import * as symmetry from './symmetry.js';
import * as vanishing from './vanishing.js';

export const demos = [
  { id: 'nonlinearity', mount: nonlinearity.mount, settings: nonlinearity.settings },
  { id: 'vanishing', mount: vanishing.mount, settings: vanishing.settings },
  { id: 'symmetry', mount: symmetry.mount, settings: symmetry.settings },
  { id: 'output-range', mount: outputRange.mount, settings: outputRange.settings },
  { id: 'softmax', mount: softmax.mount, settings: softmax.settings },
];
