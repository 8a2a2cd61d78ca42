// Every figure the page can mount into a [data-figure] element: mount(element, api) → update(state).
import { mount as compare } from './compare.js';
import { mount as curve } from './curve.js';
import { mount as custom } from './custom.js';
import { mount as neuron } from './neuron.js';
import { mount as summary } from './summary.js';
import { mount as tryIt } from './try-it.js';

export const figures = { curve, neuron, compare, summary, custom, 'try-it': tryIt };
