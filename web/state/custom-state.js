// The state of the "Write your own" formula: its text (`custom=`), its parameters' values
// (`custom.params=beta:2,alpha:0.5`) and the x range drawn. The text is only length-limited here; the
// module's own parser (the same C++ that draws it) decides whether it is a formula, and says why not.
import { flagProp, numberProp } from './schema.js';

export const customDefault = 'x * sigmoid(beta * x)';
// The module's limit (lab.expressionInfo().maxLength; a test keeps the two equal). A longer text from the URL
// is cut one character beyond it, so that the parser reports it as too long rather than the page dropping it.
export const customMaxLength = 1000;
// A URL value longer than this is not read at all.
const urlTextLimit = 20000;
export const customParamLimit = 1000;
const maxParams = 8;
const paramName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

// A free text, cut at `keep` characters; a value longer than `limit` is ignored.
export const textProp = (name, def, keep, limit = urlTextLimit) => ({ name, kind: 'text', def, keep, maxText: limit });
// name:value pairs (names as the formula language spells them, values clamped numbers).
export const pairsProp = (name, min, max, count) => ({ name, kind: 'pairs', def: {}, min, max, count });

export function customProps() {
  return [
    textProp('custom', customDefault, customMaxLength + 1),
    pairsProp('custom.params', -customParamLimit, customParamLimit, maxParams),
    numberProp('custom.lo', -5, -1000, 1000),
    numberProp('custom.hi', 5, -1000, 1000),
    // Whether the compare chart draws the formula too.
    flagProp('compare.custom', false),
  ];
}

export const isParamName = (name) => paramName.test(name);
export const customParamsOf = (state) => state['custom.params'] ?? {};
export const customRange = (state) => [state['custom.lo'], state['custom.hi']];
