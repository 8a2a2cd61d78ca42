// PyTorch source for what the page computes: a catalogue function's call, and the try-it box's script with
// the numbers it prints. Pure functions (no DOM), shared by the page and the PyTorch conformance tests,
// which run the code they return.

// Parameters PyTorch takes as tensors rather than numbers (F.prelu's weight is one learnable slope).
const tensorParams = { prelu: new Set(['weight']) };

// A Python float literal for v (torch.tensor([0]) would be an integer tensor that F.prelu rejects).
const pythonFloat = (v) => (Number.isInteger(v) && Math.abs(v) < 1e21 ? `${v}.0` : String(v));

// The expression applying row's function with `params` to the tensor named `x`, e.g.
// torch.nn.functional.leaky_relu(x, negative_slope=0.2); a function PyTorch has only as a module is
// called through a fresh module, torch.nn.Identity()(x).
export function torchCall(row, params) {
  const args = Object.entries(params).map(([name, value]) =>
    `${name}=${tensorParams[row.id]?.has(name) ? `torch.tensor([${pythonFloat(value)}])` : value}`);
  const fn = row.torchFunctional;
  if (fn.includes('(x')) return fn;
  if (fn) return `${fn}(${['x', ...args].join(', ')})`;
  return `${row.torchModule}(${args.join(', ')})(x)`;
}

// The try-it experiment as PyTorch runs it: n standard-normal inputs for `seed`, their outputs in float32,
// and, when `threshold` is given, the 0/1 labels (y > threshold compares in float32, as PyTorch promotes a
// Python number to the tensor's type). `printed` is what the script of tryItScript prints.
export function tryItRun(lab, row, params, seed, n, threshold) {
  const xs = lab.randn(n, seed);
  const ys = Float32Array.from(lab.evaluate(row.id, xs, params));
  const printed = [lab.formatTensor(xs), lab.formatTensor(ys)];
  let labels = null;
  if (threshold !== undefined) {
    const cut = Math.fround(threshold);
    labels = Float32Array.from(ys, (y) => (y > cut ? 1 : 0));
    printed.push(lab.formatTensor(labels));
  }
  return { xs, ys, labels, printed: printed.join('\n') };
}

// The script printing what tryItRun computes (shown to copy; the conformance tests run it).
export function tryItScript(row, params, n, seed, threshold) {
  const lines = ['import torch', '', `torch.manual_seed(${seed})`, `x = torch.randn(${n})`, `y = ${torchCall(row, params)}`,
    'print(x)', 'print(y)'];
  if (threshold !== undefined) lines.push(`labels = (y > ${threshold}).float()`, 'print(labels)');
  return lines.join('\n');
}
