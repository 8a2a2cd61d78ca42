// What the training lab shows of a network after an epoch: the decision grid, every hidden unit's map at the
// thumbnails' resolution, and the loss and accuracy on both sets. One function computes it for the page's own
// network; the view task runs the same function in a worker (lab-worker.js) on a replica of that network,
// rebuilt from the settings and given the page's parameters each frame, so the page's thread only trains.
// No DOM: Node's bench runs the task in a worker thread too.

export const GRID = 100;         // the decision grid's cells per side
export const THUMB_STEP = 2;     // thumbnails take every other cell of the grid
export const THUMB = GRID / THUMB_STEP;

// Every THUMB_STEP-th cell of a GRID × GRID map, row by row: a new THUMB × THUMB Float32Array.
function thumbnail(map) {
  const out = new Float32Array(THUMB * THUMB);
  let k = 0;
  for (let r = 0; r < GRID; r += THUMB_STEP) {
    for (let c = 0; c < GRID; c += THUMB_STEP) out[k++] = map[r * GRID + c];
  }
  return out;
}

// {grid: Float32Array(GRID²) of P(class 1), units: [Float32Array(THUMB²)] per hidden unit, layer by layer,
// train, test: net.evaluate of each set or null when it is empty}. Copies: nothing points into the heap.
export function computeView(net, split, range) {
  const predicted = net.predictGrid({ cols: GRID, rows: GRID, x: range, y: range, units: true });
  const grid = predicted instanceof Float32Array ? predicted.slice() : predicted.grid.slice();
  const units = predicted instanceof Float32Array ? [] : predicted.units.map(thumbnail);
  return {
    grid, units,
    train: split.train.ys.length ? net.evaluate(split.train) : null,
    test: split.test.ys.length ? net.evaluate(split.test) : null,
  };
}

// The worker's side. Messages:
//   {network: options}  new lab.Network options; a formula activation is {formula: text} (compiled here);
//   {split: {train, test}}  the data sets ({xs, ys} each);
//   {view: {seq, parameters, range}}  → reply {seq, view} (transfer: the view's buffers), or {seq, error}.
// `handle(message)` returns the reply and its transfer list, or null for messages that need none.
export function createViewTask(lab) {
  let net = null, split = null;
  const compiled = new Map();  // formula text → compiled formula, so a rebuilt replica reuses it
  const activationOf = (a) => {
    if (!a || typeof a !== 'object' || typeof a.formula !== 'string') return a;
    if (!compiled.has(a.formula)) compiled.set(a.formula, lab.compile(a.formula));
    return compiled.get(a.formula);
  };
  return {
    handle(message) {
      if (message.network) {
        net?.delete();
        net = null;
        const o = message.network;
        const activation = Array.isArray(o.activation) ? o.activation.map(activationOf) : activationOf(o.activation);
        net = new lab.Network({ ...o, activation });
        return null;
      }
      if (message.split) {
        split = message.split;
        return null;
      }
      if (message.view) {
        const { seq, parameters, range } = message.view;
        try {
          if (!net || !split) throw new Error('the view task has no network or data yet');
          net.setParameters(parameters);
          const view = computeView(net, split, range);
          return { reply: { seq, view }, transfer: [view.grid.buffer, ...view.units.map((u) => u.buffer)] };
        } catch (error) {
          return { reply: { seq, error: String(error?.message ?? error) }, transfer: [] };
        }
      }
      return null;
    },
    delete() {
      net?.delete();
      net = null;
    },
  };
}
