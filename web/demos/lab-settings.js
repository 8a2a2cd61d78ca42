// The training lab's settings as page state (named "lab.<setting>", so links and embeds carry them):
// clamped numbers, listed words, the layer sizes, one activation per layer and the reader's own points.
import { choiceProp, flagProp, integerProp, integersProp, numberProp, pointsProp, wordsProp } from '../state/schema.js';
import { LINK_TEXT_LIMIT, MAX_LINK_POINTS, POINT_LIMIT } from './lab-data.js';
import { withCustom } from '../figures/custom-choice.js';

export const MAX_HIDDEN = 6;
export const MAX_UNITS = 8;
export const LEARNING_RATE = { def: 0.03, min: 0.00001, max: 10 };
export const WEIGHT_DECAY = { def: 0, min: 0, max: 1 };
export const NOISE = { def: 0.1, min: 0, max: 0.5 };
export const RATIO = { def: 50, min: 10, max: 90 };
export const BATCH = { def: 10, min: 1, max: 100 };
export const INIT_VALUE = { def: 0.1, min: -10, max: 10 };
export const SEED_MAX = 2 ** 31 - 1;

// The functions a layer can use: the same list every figure's menu offers (the catalogue's rows, and any
// entry added to them), so a new function appears here too; the reader's formula is added beside them.
export const choosableIds = (rows) => rows.map((r) => r.id);

export function labSettings(rows, options) {
  const ids = choosableIds(rows);
  const tanh = ids.includes('tanh') ? 'tanh' : ids[0];
  return [
    choiceProp('lab.dataset', 'circle', [...options.datasets, 'own']),
    numberProp('lab.noise', NOISE.def, NOISE.min, NOISE.max),
    integerProp('lab.ratio', RATIO.def, RATIO.min, RATIO.max),
    integersProp('lab.layers', [4, 4], 1, MAX_UNITS, MAX_HIDDEN),
    wordsProp('lab.act', [tanh], withCustom(ids), MAX_HIDDEN),
    choiceProp('lab.init', 'torch_default', options.inits),
    numberProp('lab.initValue', INIT_VALUE.def, INIT_VALUE.min, INIT_VALUE.max),
    integerProp('lab.seed', 1, 0, SEED_MAX),
    numberProp('lab.lr', LEARNING_RATE.def, LEARNING_RATE.min, LEARNING_RATE.max),
    integerProp('lab.batch', BATCH.def, BATCH.min, BATCH.max),
    numberProp('lab.l2', WEIGHT_DECAY.def, WEIGHT_DECAY.min, WEIGHT_DECAY.max),
    flagProp('lab.units', true),
    pointsProp('lab.points', POINT_LIMIT, MAX_LINK_POINTS, LINK_TEXT_LIMIT),
  ];
}

// The activation of each hidden layer from the state: one entry means every layer; a shorter list repeats
// its last entry (a link written by hand), a longer one is cut.
export function layerActivations(state) {
  const acts = state['lab.act'];
  return state['lab.layers'].map((_, l) => acts[Math.min(l, acts.length - 1)]);
}
