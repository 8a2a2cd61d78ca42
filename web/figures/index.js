// Every figure the page can mount into a [data-figure="<id>"] element, in the shape the demos have too:
// { id, mount(element, api) → update(state), settings(rows) → its state properties, repair? (puts combinations
// in order) }. The order is the order of their settings in the page's state, and so in a link's query.
import compare from './compare.js';
import curve from './curve.js';
import custom from './custom.js';
import neuron from './neuron.js';
import question from './question.js';
import summary from './summary.js';
import tryIt from './try-it.js';

export const figures = [neuron, curve, tryIt, compare, custom, summary, question];
