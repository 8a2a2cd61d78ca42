// The neuron figure's inputs and weights by setting name (`neuron.x1`, …): the neuron figure draws a slider for
// each, and embed mode's `hide=` can name each. Kept apart from page-state.js, which imports embed's properties.
export const neuronInputs = ['x1', 'x2', 'x3'];
export const neuronWeights = ['w1', 'w2', 'w3'];
