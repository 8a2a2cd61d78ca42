// Live demos (the "why it matters" section's four, the lab's two and the output layer's softmax), each {id,
// mount(element, api) → update(state), settings(rows, demoOptions) → its state properties (named
// "<id>.<setting>", so links and embeds carry them), repair?(state, rows, reset)}, mounted by main.js into <div data-demo="<id>">. All their
// computation runs in the WebAssembly module.
import lab from './lab.js';
import nonlinearity from './nonlinearity.js';
import numberFormats from './number-formats.js';
import outputRange from './output-range.js';
import softmax from './softmax.js';
import symmetry from './symmetry.js';
import vanishing from './vanishing.js';

export const demos = [nonlinearity, vanishing, symmetry, outputRange, lab, numberFormats, softmax];
