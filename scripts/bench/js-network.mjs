// The training benchmark's baseline: the same network in plain JavaScript, built the way TensorFlow
// Playground's nn.ts builds it — one object per neuron and per link, forward and backward passes that
// walk the graph, derivatives accumulated on the links and applied once per mini-batch. Written here
// for the comparison (same maths as src/demos/network/network.cpp: tanh hidden layers, tanh output, squared loss
// (o − t)² with targets ±1, mean over the batch).

class Neuron {
  constructor(activation) {
    this.activation = activation;
    this.inputLinks = [];
    this.outputLinks = [];
    this.bias = 0;
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
  }

  updateOutput() {
    let sum = this.bias;
    for (const link of this.inputLinks) sum += link.weight * link.source.output;
    this.totalInput = sum;
    this.output = this.activation.value(sum);
    return this.output;
  }
}

class Link {
  constructor(source, dest, weight) {
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.accErrorDer = 0;
  }
}

const tanh = { value: (x) => Math.tanh(x), derivative: (x) => { const t = Math.tanh(x); return 1 - t * t; } };
const inputActivation = { value: (x) => x, derivative: () => 1 };

// A deterministic small generator (mulberry32) so both networks start from comparable weights.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class JsNetwork {
  // layers e.g. [2, 8, 8, 1]; weights drawn like PyTorch's default, U(±1/√fan_in).
  constructor(layers, { learningRate = 0.1, seed = 1 } = {}) {
    const rand = random(seed);
    this.learningRate = learningRate;
    this.layers = layers.map((size, l) =>
      Array.from({ length: size }, () => new Neuron(l === 0 ? inputActivation : tanh)));
    for (let l = 1; l < layers.length; l++) {
      const bound = 1 / Math.sqrt(layers[l - 1]);
      for (const dest of this.layers[l]) {
        dest.bias = (2 * rand() - 1) * bound;
        for (const source of this.layers[l - 1]) {
          const link = new Link(source, dest, (2 * rand() - 1) * bound);
          dest.inputLinks.push(link);
          source.outputLinks.push(link);
        }
      }
    }
    this.batchCount = 0;
  }

  forward(x, y) {
    const input = this.layers[0];
    input[0].output = x;
    input[1].output = y;
    for (let l = 1; l < this.layers.length; l++) for (const n of this.layers[l]) n.updateOutput();
    return this.layers[this.layers.length - 1][0].output;
  }

  // Accumulates ∂loss/∂weights for one example (label 0/1); returns its loss.
  backward(label) {
    const out = this.layers[this.layers.length - 1][0];
    const target = 2 * label - 1;
    out.outputDer = 2 * (out.output - target);
    for (let l = this.layers.length - 1; l >= 1; l--) {
      for (const n of this.layers[l]) {
        n.inputDer = n.outputDer * n.activation.derivative(n.totalInput);
        n.accInputDer += n.inputDer;
        for (const link of n.inputLinks) link.accErrorDer += n.inputDer * link.source.output;
      }
      if (l === 1) break;
      for (const n of this.layers[l - 1]) {
        let der = 0;
        for (const link of n.outputLinks) der += link.weight * link.dest.inputDer;
        n.outputDer = der;
      }
    }
    this.batchCount++;
    return (out.output - target) ** 2;
  }

  step() {
    const rate = this.learningRate / this.batchCount;
    for (let l = 1; l < this.layers.length; l++) {
      for (const n of this.layers[l]) {
        n.bias -= rate * n.accInputDer;
        n.accInputDer = 0;
        for (const link of n.inputLinks) {
          link.weight -= rate * link.accErrorDer;
          link.accErrorDer = 0;
        }
      }
    }
    this.batchCount = 0;
  }

  // One epoch in order (Playground does not shuffle); returns the mean loss.
  trainEpoch(xs, ys, batchSize) {
    let total = 0;
    for (let i = 0; i < ys.length; i++) {
      this.forward(xs[2 * i], xs[2 * i + 1]);
      total += this.backward(ys[i]);
      if ((i + 1) % batchSize === 0 || i === ys.length - 1) this.step();
    }
    return total / ys.length;
  }

  // Probability of class 1 ((tanh output + 1)/2) on a cols × rows grid, row 0 at the top.
  predictGrid(cols, rows, [x0, x1], [y0, y1], out) {
    for (let r = 0; r < rows; r++) {
      const y = y1 - ((r + 0.5) * (y1 - y0)) / rows;
      for (let c = 0; c < cols; c++) out[r * cols + c] = (this.forward(x0 + ((c + 0.5) * (x1 - x0)) / cols, y) + 1) / 2;
    }
    return out;
  }
}
