// PyTorch source for what the page computes: a catalogue function's call, the try-it box's script with the
// numbers it prints, and the scripts the export menus copy. Pure functions (no DOM), shared by the page and
// the PyTorch conformance tests, which run the code they return.

// Parameters PyTorch takes as tensors rather than numbers (F.prelu's weight is one learnable slope).
const tensorParams = { prelu: new Set(['weight']) };

// A Python float literal for v (torch.tensor([0]) would be an integer tensor that F.prelu rejects).
const pythonFloat = (v) => (Number.isInteger(v) && Math.abs(v) < 1e21 ? `${v}.0` : String(v));

// The expression applying row's function with `params` to the tensor named `x`, e.g.
// torch.nn.functional.leaky_relu(x, negative_slope=0.2); a function PyTorch has only as a module is
// called through a fresh module, torch.nn.Identity()(x). `dtype` names x's dtype when it is not float32,
// for the parameters passed as tensors.
export function torchCall(row, params, dtype = '') {
  const tensor = (value) => `torch.tensor([${pythonFloat(value)}]${dtype ? `, dtype=${dtype}` : ''})`;
  const args = Object.entries(params).map(([name, value]) => `${name}=${tensorParams[row.id]?.has(name) ? tensor(value) : value}`);
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

// A series' name with its parameters, e.g. leaky_relu(x; negative_slope=0.2), or leaky_relu'(x; …) for f′.
export function seriesName(row, params, derivative) {
  const args = Object.entries(params).map(([name, value]) => `; ${name}=${value}`).join('');
  return `${row.id}${derivative ? "'" : ''}(x${args})`;
}

const py = (text) => JSON.stringify(text);  // a JSON string is a valid Python string literal

// A PyTorch + matplotlib script that draws a chart of the page: `functions` ([{row, params, label: {f, df}}])
// over [lo, hi] with n samples, their values and/or derivatives (autograd), with the chart's y limits, an
// axis label and a title, saved to `file`. It then prints, for each function, one line per x of `tableXs`
// (the page's data table): id, x, f(x), f′(x).
export function chartScript({ functions, lo, hi, n, values, slopes, yLimits, title, yLabel, file, tableXs }) {
  const lines = [
    `# Activation Lab: ${title}`,
    'import matplotlib',
    "matplotlib.use('Agg')  # draw into a file; delete this line to open a window instead",
    'import matplotlib.pyplot as plt',
    'import torch',
    '',
    `x = torch.linspace(${lo}, ${hi}, ${n}, dtype=torch.float64, requires_grad=True)`,
    'plt.figure(figsize=(8, 4.5))',
  ];
  for (const { row, params, label } of functions) {
    lines.push('', `y = ${torchCall(row, params, 'torch.float64')}`);
    if (values) lines.push(`plt.plot(x.detach(), y.detach(), label=${py(label.f)})`);
    if (slopes) {
      lines.push("(dy,) = torch.autograd.grad(y.sum(), x)  # f'(x) by autograd",
        `plt.plot(x.detach(), dy, ${values ? "'--', " : ''}label=${py(label.df)})`);
    }
  }
  lines.push('', `plt.xlim(${lo}, ${hi})`, `plt.ylim(${yLimits[0]}, ${yLimits[1]})`, "plt.xlabel('x')",
    `plt.ylabel(${py(yLabel)})`, `plt.title(${py(title)})`, 'plt.grid(alpha=0.3)', 'plt.legend()',
    `plt.savefig(${py(file)}, dpi=150)  # a name ending in .svg saves vector graphics`, '',
    "# f(x) and f'(x) at the points of the page's data table",
    `x = torch.tensor([${tableXs.map(pythonFloat).join(', ')}], dtype=torch.float64, requires_grad=True)`);
  for (const { row, params } of functions) {
    lines.push(`y = ${torchCall(row, params, 'torch.float64')}`, '(dy,) = torch.autograd.grad(y.sum(), x)',
      'for point in zip(x.tolist(), y.tolist(), dy.tolist()):',
      `    print(${py(row.id)}, *map(repr, point))`);
  }
  return lines.join('\n') + '\n';
}

// The neuron figure as a script: z = w·x + b, y = f(z) and f′(z) (autograd), printed as "z y dy"; then the
// curve of f over [lo, hi] (n samples) with the neuron's point on it, saved to `file`.
export function neuronScript({ row, params, inputs, weights, bias, lo, hi, n, yLimits, title, file }) {
  const vector = (values) => `torch.tensor([${values.map(pythonFloat).join(', ')}], dtype=torch.float64)`;
  const call = torchCall(row, params, 'torch.float64');
  return [
    `# Activation Lab: ${title}`,
    'import matplotlib',
    "matplotlib.use('Agg')  # draw into a file; delete this line to open a window instead",
    'import matplotlib.pyplot as plt',
    'import torch',
    '',
    `inputs = ${vector(inputs)}`,
    `weights = ${vector(weights)}`,
    `bias = ${pythonFloat(bias)}`,
    'z = (torch.dot(weights, inputs) + bias).reshape(1).requires_grad_(True)',
    'x = z',
    `y = ${call}`,
    "(dy,) = torch.autograd.grad(y.sum(), z)  # f'(z) by autograd",
    'print(repr(z.item()), repr(y.item()), repr(dy.item()))',
    '',
    `x = torch.linspace(${lo}, ${hi}, ${n}, dtype=torch.float64)`,
    'plt.figure(figsize=(8, 4.5))',
    `plt.plot(x, (${call}).detach(), label="f(z)")`,
    "plt.plot(z.detach(), y.detach(), 'o', markersize=8, label='z = w·x + b')",
    `plt.xlim(${lo}, ${hi})`, `plt.ylim(${yLimits[0]}, ${yLimits[1]})`, "plt.xlabel('z')", "plt.ylabel('f(z)')",
    `plt.title(${py(title)})`, 'plt.grid(alpha=0.3)', 'plt.legend()',
    `plt.savefig(${py(file)}, dpi=150)  # a name ending in .svg saves vector graphics`,
  ].join('\n') + '\n';
}
