// Views of the catalogue's rows that several parts of the page read, each written once.

// The functions the article walks through (each with a "try it" box), in the article's order.
export const articleRows = (rows) => rows.filter((r) => r.articleOrder > 0).sort((a, b) => a.articleOrder - b.articleOrder);
// The rest of the family, in catalogue order.
export const familyRows = (rows) => rows.filter((r) => !(r.articleOrder > 0));
// Whether the try-it box also turns outputs into class labels with a threshold.
export const labelsOutputs = (row) => row.use === 'binary_output';
// The state names of a function's parameters: `leaky_relu.negative_slope`, ….
export const paramNames = (row) => row.params.map((p) => `${row.id}.${p.name}`);

// The parameter object a function's row takes, read from the state.
export function paramsOf(row, state) {
  return Object.fromEntries(row.params.map((p) => [p.name, state[`${row.id}.${p.name}`]]));
}
