// A 2-inputs, one-hidden-layer network whose hidden units each have their own activation, for the symmetry demo's
// "mixed activations" case (the article's literal claim). Real layers share one activation, so the module's
// Network has no such option; this one trains the same way (sigmoid output, cross-entropy, mini-batch SGD with
// the batch-averaged gradient, a seeded shuffle each epoch) and evaluates every f and f′ with the module.
// Its weights() has the shape of lab.Network's, so the demo records both alike.

// mulberry32: a small seeded generator, enough for a shuffle and a U(−a, a) start.
function generator(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let v = s;
    v = Math.imul(v ^ (v >>> 15), v | 1);
    v ^= v + Math.imul(v ^ (v >>> 7), v | 61);
    return ((v ^ (v >>> 14)) >>> 0) / 4294967296;
  };
}

// `activations`: one catalogue id per hidden unit. `init`: 'equal' (every weight of a layer 1/√fan-in, biases 0,
// as the module's equal start) or 'torch_default' (weights and biases ~ U(±1/√fan-in), as nn.Linear).
export function mixedNetwork(lab, { activations, init, learningRate, seed }) {
  const units = activations.length;
  const random = generator(seed);
  const start = (fanIn) => (init === 'equal' ? 1 / Math.sqrt(fanIn) : (2 * random() - 1) / Math.sqrt(fanIn));
  const first = { inputs: 2, outputs: units, weights: new Float64Array(2 * units), biases: new Float64Array(units) };
  const second = { inputs: units, outputs: 1, weights: new Float64Array(units), biases: new Float64Array(1) };
  first.weights.forEach((_, k) => { first.weights[k] = start(2); });
  if (init !== 'equal') first.biases.forEach((_, k) => { first.biases[k] = start(2); });
  second.weights.forEach((_, k) => { second.weights[k] = start(units); });
  if (init !== 'equal') second.biases[0] = start(units);

  // One SGD step on the examples `batch` (indices into data).
  function step(data, batch) {
    const n = batch.length;
    const pre = activations.map(() => new Float64Array(n));
    for (let j = 0; j < units; j++) {
      for (let b = 0; b < n; b++) {
        const e = batch[b];
        pre[j][b] = first.weights[2 * j] * data.xs[2 * e] + first.weights[2 * j + 1] * data.xs[2 * e + 1] + first.biases[j];
      }
    }
    const hidden = activations.map((id, j) => lab.evaluate(id, pre[j]));
    const slope = activations.map((id, j) => lab.derivative(id, pre[j]));
    const delta = new Float64Array(n);
    for (let b = 0; b < n; b++) {
      let z = second.biases[0];
      for (let j = 0; j < units; j++) z += second.weights[j] * hidden[j][b];
      const p = 1 / (1 + Math.exp(-z));
      // d(cross-entropy)/dz for a sigmoid output, averaged over the batch.
      delta[b] = (p - data.ys[batch[b]]) / n;
    }
    for (let j = 0; j < units; j++) {
      let gw = 0;
      let g0 = 0;
      let g1 = 0;
      let gb = 0;
      for (let b = 0; b < n; b++) {
        gw += delta[b] * hidden[j][b];
        const back = delta[b] * second.weights[j] * slope[j][b];
        const e = batch[b];
        g0 += back * data.xs[2 * e];
        g1 += back * data.xs[2 * e + 1];
        gb += back;
      }
      second.weights[j] -= learningRate * gw;
      first.weights[2 * j] -= learningRate * g0;
      first.weights[2 * j + 1] -= learningRate * g1;
      first.biases[j] -= learningRate * gb;
    }
    second.biases[0] -= learningRate * delta.reduce((a, v) => a + v, 0);
  }

  return {
    train(data, { epochs, batchSize }) {
      const order = Array.from(data.ys, (_, k) => k);
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let k = order.length - 1; k > 0; k--) {
          const swap = Math.floor(random() * (k + 1));
          [order[k], order[swap]] = [order[swap], order[k]];
        }
        for (let at = 0; at < order.length; at += batchSize) step(data, order.slice(at, at + batchSize));
      }
    },
    weights: () => [first, second],
    delete() {},
  };
}
