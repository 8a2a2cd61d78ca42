// The demos' JavaScript API: toy datasets, a small trainable network, gradients by depth and
// output histograms. Runs inside the module factory (bundled into the --post-js script), so HEAPF64,
// HEAPF32, HEAPU32, _malloc and _free are in scope.
// Arrays cross through the heap in one HEAPF64.set / subarray per array; networks are C++ objects
// named by integer handles, wrapped here so page code sees a plain JS class.
/* global Module, HEAPF64, HEAPF32, HEAPU32, HEAP32, _malloc, _free */
import { AlabScratch, MAX_PARAMS, alabParams, alabRow, alabToFloat64 } from './api.js';
import { AlabExpression } from './api-expression.js';

var alabDemoOptionsCache = null;
var alabDataScratch = new AlabScratch(8);
var alabOutScratch = new AlabScratch(8);
var alabLayerScratch = new AlabScratch(4);

function alabDemoOptions() {
  if (!alabDemoOptionsCache) alabDemoOptionsCache = JSON.parse(Module['rawDemoOptionsJson']());
  return alabDemoOptionsCache;
}

// Throws when `options` has a key not in `known` (a typo would otherwise be silently ignored).
export function alabOptions(where, options, known) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError(where + ': options must be an object');
  Object.keys(options).forEach(function (key) {
    if (known.indexOf(key) < 0) {
      throw new RangeError(where + ': unknown option "' + key + '" (known: ' + known.join(', ') + ')');
    }
  });
  return options;
}

export function alabPick(value, fallback) { return value === undefined ? fallback : value; }

function alabInteger(where, name, value, lo, hi) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    throw new RangeError(where + ': ' + name + ' must be an integer in [' + lo + ', ' + hi + '], got ' + String(value));
  }
  return value;
}

function alabNumber(where, name, value, lo, hi) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    throw new RangeError(where + ': ' + name + ' must be a number in [' + lo + ', ' + hi + '], got ' + String(value));
  }
  return value;
}

function alabSeed(where, value) { return alabInteger(where, 'seed', value, 0, Number.MAX_SAFE_INTEGER); }

// The index of `value` in one of the option lists ("outputs", "losses", "inits", "datasets").
function alabChoice(where, name, list, value) {
  var index = alabDemoOptions()[list].indexOf(value);
  if (index < 0) {
    throw new RangeError(where + ': ' + name + ' must be one of ' + alabDemoOptions()[list].join(', ') +
                         ', got ' + String(value));
  }
  return index;
}

// Copies {xs, ys} into the heap; returns {xs, ys, n} addresses.
function alabDataInHeap(where, data) {
  if (!data || typeof data !== 'object') throw new TypeError(where + ': data must be {xs, ys} as lab.dataset() returns');
  var xs = alabToFloat64(data.xs), ys = alabToFloat64(data.ys);
  var n = ys.length;
  if (xs.length !== 2 * n) throw new RangeError(where + ': data.xs must hold 2 values per label (' + 2 * n + '), got ' + xs.length);
  var ptr = alabDataScratch.reserve(3 * n);
  HEAPF64.set(xs, ptr >> 3);
  HEAPF64.set(ys, (ptr >> 3) + 2 * n);
  return { xs: ptr, ys: ptr + 16 * n, n: n };
}

var alabFnScratch = new AlabScratch(4);
var alabLayerParamScratch = new AlabScratch(8);

// One activation into the module's form at fnPtr[slot] and paramPtr + slot × layerParams doubles: a catalogue
// id as its row index and parameters, a compiled formula (lab.compile) as −handle and its parameters' values.
function alabWriteActivation(activation, params, fnPtr, paramPtr, slot) {
  var stride = alabDemoOptions().limits.layerParams;
  var base = (paramPtr >> 3) + slot * stride;
  HEAPF64.fill(0, base, base + stride);
  if (activation instanceof AlabExpression) {
    var handle = activation.liveHandle();
    var ptr = activation.paramsPtr(params);
    HEAPF64.copyWithin(base, ptr >> 3, (ptr >> 3) + activation.params.length);
    HEAP32[(fnPtr >> 2) + slot] = -handle;
    return;
  }
  var row = alabRow(activation);
  var rowPtr = alabParams(row, params);
  HEAPF64.copyWithin(base, rowPtr >> 3, (rowPtr >> 3) + MAX_PARAMS);
  HEAP32[(fnPtr >> 2) + slot] = row.index;
}

// The hidden layers' activations as {ids, fnPtr, paramPtr, count}: `activation` is one id or compiled formula
// (every hidden layer) or an array of them, one per hidden layer; `params` likewise one object or an array.
function alabLayerActivations(where, activation, params, hidden) {
  var list = Array.isArray(activation) ? activation : [activation];
  if (list.length < 1) throw new RangeError(where + ': activation must be an id or a non-empty array of ids');
  if (Array.isArray(activation) && list.length !== hidden && list.length !== 1) {
    throw new RangeError(where + ': activation lists ' + list.length + ' functions, but the network has ' + hidden +
                         ' hidden layer' + (hidden === 1 ? '' : 's') + ' (give one id for all, or one per hidden layer)');
  }
  var paramList = Array.isArray(params) ? params : list.map(function () { return params; });
  if (paramList.length !== list.length) {
    throw new RangeError(where + ': params lists ' + paramList.length + ' objects for ' + list.length + ' activations');
  }
  var count = list.length;
  var fnPtr = alabFnScratch.reserve(count);
  var paramPtr = alabLayerParamScratch.reserve(count * alabDemoOptions().limits.layerParams);
  list.forEach(function (id, l) {
    try {
      alabWriteActivation(id, paramList[l], fnPtr, paramPtr, l);
    } catch (e) {
      var prefix = count > 1 ? 'hidden layer ' + (l + 1) + ': ' : '';
      throw new e.constructor(where + ': ' + prefix + e.message);
    }
  });
  return { ids: list.slice(), fnPtr: fnPtr, paramPtr: paramPtr, count: count };
}

// new lab.Network({layers, activation, params, output, loss, learningRate, weightDecay, seed, init, initValue})
function AlabNetwork(spec) {
  var where = 'Network';
  var o = alabOptions(where, spec, ['layers', 'activation', 'params', 'output', 'loss', 'learningRate', 'weightDecay',
                                    'seed', 'init', 'initValue']);
  var limits = alabDemoOptions().limits;
  var layers = alabPick(o.layers, [2, 8, 8, 1]);
  if (!Array.isArray(layers) || !layers.every(function (v) { return Number.isInteger(v) && v >= 0 && v < 1e6; })) {
    throw new TypeError(where + ': layers must be an array of unit counts such as [2, 8, 8, 1]');
  }
  if (layers.length < 2 || layers.length > limits.maxHidden + 2) {
    throw new RangeError(where + ': layers must list the 2 inputs, 0 to ' + limits.maxHidden +
                         ' hidden layers and the 1 output (2 to ' + (limits.maxHidden + 2) + ' sizes), got ' + layers.length);
  }
  var output = alabChoice(where, 'output', 'outputs', alabPick(o.output, 'sigmoid'));
  var loss = alabChoice(where, 'loss', 'losses', alabPick(o.loss, 'cross_entropy'));
  var init = alabChoice(where, 'init', 'inits', alabPick(o.init, 'torch_default'));
  var rate = alabPick(o.learningRate, 0.1);
  if (typeof rate !== 'number' || !(rate > 0 && rate <= limits.maxLearningRate)) {
    throw new RangeError(where + ': learningRate must be a number in (0, ' + limits.maxLearningRate + '], got ' + String(rate));
  }
  var decay = alabNumber(where, 'weightDecay', alabPick(o.weightDecay, 0), 0, limits.maxWeightDecay);
  var initValue = alabNumber(where, 'initValue', alabPick(o.initValue, 0.1), -limits.maxInitValue, limits.maxInitValue);
  var seed = alabSeed(where, alabPick(o.seed, 1));
  var hidden = Math.max(0, layers.length - 2);
  var fns = alabLayerActivations(where, alabPick(o.activation, 'tanh'), o.params, hidden);
  var lptr = alabLayerScratch.reserve(Math.max(1, layers.length));
  HEAPU32.set(layers, lptr >> 2);
  var problem = Module['rawNetworkCheck'](lptr, layers.length, fns.fnPtr, fns.count, fns.paramPtr, output, loss, rate,
                                          decay, init, initValue);
  if (problem) throw new RangeError(where + ': ' + problem);
  this.handle = Module['rawNetworkCreate'](lptr, layers.length, fns.fnPtr, fns.count, fns.paramPtr, output, loss, rate,
                                           decay, seed, init, initValue);
  this.layers = layers.slice();
  this.activation = Array.isArray(o.activation) ? fns.ids : fns.ids[0];
  this.output = alabDemoOptions().outputs[output];
  this.loss = alabDemoOptions().losses[loss];
  this.init = alabDemoOptions().inits[init];
  this.initValue = initValue;
  this.learningRate = rate;
  this.weightDecay = decay;
  this.seed = seed;
  this.gridPtr = 0;
  this.gridCapacity = 0;
  this.unitPtr = 0;
  this.unitCapacity = 0;
}

AlabNetwork.prototype.live = function (where) {
  if (this.handle < 0) throw new Error('Network.' + where + ': this network has been deleted');
  return this.handle;
};

// Trains for `epochs` passes in mini-batches; returns the mean loss over the last epoch.
AlabNetwork.prototype.train = function (data, options) {
  var h = this.live('train');
  var o = alabOptions('Network.train', options, ['epochs', 'batchSize']);
  var epochs = alabInteger('Network.train', 'epochs', alabPick(o.epochs, 1), 1, 1e6);
  var batch = alabInteger('Network.train', 'batchSize', alabPick(o.batchSize, 10), 1, alabDemoOptions().limits.maxBatch);
  var d = alabDataInHeap('Network.train', data);
  return Module['rawNetworkTrain'](h, d.xs, d.ys, d.n, epochs, batch);
};

AlabNetwork.prototype.lossOn = function (data) {
  var h = this.live('lossOn');
  var d = alabDataInHeap('Network.lossOn', data);
  return Module['rawNetworkLoss'](h, d.xs, d.ys, d.n);
};

AlabNetwork.prototype.accuracy = function (data) {
  var h = this.live('accuracy');
  var d = alabDataInHeap('Network.accuracy', data);
  return Module['rawNetworkAccuracy'](h, d.xs, d.ys, d.n);
};

// Probability of class 1 at each point of xs (x0, y0, x1, y1, …).
AlabNetwork.prototype.predict = function (xs) {
  var h = this.live('predict');
  var input = alabToFloat64(xs);
  if (input.length % 2) throw new RangeError('Network.predict: xs must hold pairs (x, y)');
  var n = input.length / 2;
  var ptr = alabOutScratch.reserve(3 * n);
  HEAPF64.set(input, ptr >> 3);
  Module['rawNetworkPredict'](h, ptr, n, ptr + 16 * n);
  return HEAPF64.slice((ptr >> 3) + 2 * n, (ptr >> 3) + 3 * n);
};

// Probability of class 1 at the centres of a cols × rows grid over x: [x0, x1], y: [y0, y1], row-major,
// row 0 at the top. Returns a Float32Array VIEW of a buffer the network owns: no copy, valid until the
// next predictGrid on this network, its delete(), or the heap growing — read it at once (e.g. into
// ImageData) and do not keep it.
AlabNetwork.prototype.predictGrid = function (options) {
  var h = this.live('predictGrid');
  var where = 'Network.predictGrid';
  var o = alabOptions(where, options, ['cols', 'rows', 'x', 'y', 'units']);
  var cols = alabInteger(where, 'cols', alabPick(o.cols, 100), 1, 2048);
  var rows = alabInteger(where, 'rows', alabPick(o.rows, cols), 1, 2048);
  var x = alabPick(o.x, [-1.5, 1.5]), y = alabPick(o.y, [-1.5, 1.5]);
  [['x', x], ['y', y]].forEach(function (pair) {
    var r = pair[1];
    if (!Array.isArray(r) || r.length !== 2 || !r.every(Number.isFinite) || !(r[0] < r[1])) {
      throw new RangeError(where + ': ' + pair[0] + ' must be [lo, hi] with finite lo < hi');
    }
  });
  var n = cols * rows;
  if (n > this.gridCapacity) {
    if (this.gridPtr) _free(this.gridPtr);
    this.gridPtr = _malloc(4 * n);
    if (!this.gridPtr) { this.gridCapacity = 0; throw new RangeError(where + ': out of memory'); }
    this.gridCapacity = n;
  }
  var units = 0;
  for (var l = 1; l + 1 < this.layers.length; l++) units += this.layers[l];
  var wantUnits = o.units === true && units > 0;
  if (wantUnits && units * n > this.unitCapacity) {
    if (this.unitPtr) _free(this.unitPtr);
    this.unitPtr = _malloc(4 * units * n);
    if (!this.unitPtr) { this.unitCapacity = 0; throw new RangeError(where + ': out of memory'); }
    this.unitCapacity = units * n;
  }
  Module['rawNetworkPredictGrid'](h, cols, rows, x[0], x[1], y[0], y[1], this.gridPtr, wantUnits ? this.unitPtr : 0);
  var grid = HEAPF32.subarray(this.gridPtr >> 2, (this.gridPtr >> 2) + n);
  if (!wantUnits) return grid;
  // With {units: true}: {grid, units: [Float32Array view per hidden unit, layer by layer]} (views, as above).
  var maps = [];
  for (var u = 0; u < units; u++) maps.push(HEAPF32.subarray((this.unitPtr >> 2) + u * n, (this.unitPtr >> 2) + (u + 1) * n));
  return { grid: grid, units: maps };
};

// One pass over `data`, parameters unchanged: {loss, accuracy, dead: Float64Array(hidden layers)}, dead[l] the
// share of hidden layer l's units whose output is exactly 0 on every point.
AlabNetwork.prototype.evaluate = function (data) {
  var h = this.live('evaluate');
  var d = alabDataInHeap('Network.evaluate', data);
  var hidden = this.layers.length - 2;
  var out = alabOutScratch.reserve(2 + hidden);
  Module['rawNetworkEvaluate'](h, d.xs, d.ys, d.n, out);
  var b = out >> 3;
  return { loss: HEAPF64[b], accuracy: HEAPF64[b + 1], dead: HEAPF64.slice(b + 2, b + 2 + hidden) };
};

// Per weight layer (the output layer last): the root mean square, over the last epoch's SGD steps, of the
// norm of the weights' mini-batch gradient. Zeros before any training.
AlabNetwork.prototype.gradientNorms = function () {
  var h = this.live('gradientNorms');
  var count = this.layers.length - 1;
  var out = alabOutScratch.reserve(count);
  Module['rawNetworkGradientNorms'](h, out);
  return HEAPF64.slice(out >> 3, (out >> 3) + count);
};

// A copy of every parameter, layer by layer: W (out × in, row-major), then b.
AlabNetwork.prototype.parameters = function () {
  var h = this.live('parameters');
  var ptr = Module['rawNetworkParameters'](h);
  return HEAPF64.slice(ptr >> 3, (ptr >> 3) + Module['rawNetworkParameterCount'](h));
};

// Replaces every parameter with `values` (parameters()' layout and length, all finite): a copy of another
// network's parameters() makes this one predict and evaluate as that one does, bit for bit.
AlabNetwork.prototype.setParameters = function (values) {
  var h = this.live('setParameters');
  var where = 'Network.setParameters';
  var count = Module['rawNetworkParameterCount'](h);
  if (!values || typeof values.length !== 'number' || values.length !== count) {
    throw new RangeError(where + ': values must hold ' + count + ' numbers, one per parameter');
  }
  for (var i = 0; i < count; i++) {
    if (typeof values[i] !== 'number' || !Number.isFinite(values[i])) {
      throw new RangeError(where + ': values[' + i + '] is not a finite number');
    }
  }
  HEAPF64.set(values, Module['rawNetworkParameters'](h) >> 3);
};

// Per weight layer: {inputs, outputs, weights: Float64Array(outputs × inputs), biases: Float64Array(outputs)};
// weights[j * inputs + i] connects input i to unit j. Copies.
AlabNetwork.prototype.weights = function () {
  var all = this.parameters();
  var result = [];
  var offset = 0;
  for (var l = 0; l + 1 < this.layers.length; l++) {
    var inputs = this.layers[l], outputs = this.layers[l + 1];
    result.push({
      inputs: inputs,
      outputs: outputs,
      weights: all.slice(offset, offset + inputs * outputs),
      biases: all.slice(offset + inputs * outputs, offset + (inputs + 1) * outputs),
    });
    offset += (inputs + 1) * outputs;
  }
  return result;
};

// Gradient of the mean loss on `data` with respect to parameters() (same layout).
AlabNetwork.prototype.gradient = function (data) {
  var h = this.live('gradient');
  var d = alabDataInHeap('Network.gradient', data);
  var count = Module['rawNetworkParameterCount'](h);
  var out = alabOutScratch.reserve(count);
  Module['rawNetworkGradient'](h, d.xs, d.ys, d.n, out);
  return HEAPF64.slice(out >> 3, (out >> 3) + count);
};

// The output's pre-activation as one affine map z = m·(x, y) + c, multiplying the weight matrices as if
// every hidden activation were the identity (exact when it is): {matrix: [m0, m1], bias: c}.
AlabNetwork.prototype.collapsed = function () {
  var h = this.live('collapsed');
  var out = alabOutScratch.reserve(3);
  Module['rawNetworkCollapsed'](h, out);
  var b = out >> 3;
  return { matrix: [HEAPF64[b], HEAPF64[b + 1]], bias: HEAPF64[b + 2] };
};

AlabNetwork.prototype.delete = function () {
  if (this.handle >= 0) Module['rawNetworkDelete'](this.handle);
  if (this.gridPtr) _free(this.gridPtr);
  if (this.unitPtr) _free(this.unitPtr);
  this.handle = -1;
  this.gridPtr = 0;
  this.gridCapacity = 0;
  this.unitPtr = 0;
  this.unitCapacity = 0;
};

Module['Network'] = AlabNetwork;

Module['demoOptions'] = function () { return JSON.parse(JSON.stringify(alabDemoOptions())); };

// lab.dataset(name, {n, noise, seed}) → {xs: Float64Array(2n), ys: Float64Array(n)} (copies).
Module['dataset'] = function (name, options) {
  var where = 'dataset';
  var which = alabChoice(where, 'name', 'datasets', name);
  var o = alabOptions(where, options, ['n', 'noise', 'seed']);
  var limits = alabDemoOptions().limits;
  var n = alabInteger(where, 'n', alabPick(o.n, 200), limits.minDatasetSize, limits.maxDatasetSize);
  var noise = alabNumber(where, 'noise', alabPick(o.noise, 0), 0, limits.maxNoise);
  var seed = alabSeed(where, alabPick(o.seed, 1));
  var ptr = alabDataScratch.reserve(3 * n);
  if (!Module['rawDatasetMake'](which, n, noise, seed, ptr, ptr + 16 * n)) {
    throw new RangeError(where + ': ' + Module['rawDatasetCheck'](which, n, noise));
  }
  return { xs: HEAPF64.slice(ptr >> 3, (ptr >> 3) + 2 * n), ys: HEAPF64.slice((ptr >> 3) + 2 * n, (ptr >> 3) + 3 * n) };
};

// lab.gradientByDepth({depth, width, activation, params, init, samples, seed}) →
// {gradients: Float64Array(depth), weightGradients: Float64Array(depth)}, index 0 = the layer nearest the input.
Module['gradientByDepth'] = function (options) {
  var where = 'gradientByDepth';
  var o = alabOptions(where, options, ['depth', 'width', 'activation', 'params', 'init', 'samples', 'seed']);
  var limits = alabDemoOptions().limits;
  var depth = alabInteger(where, 'depth', alabPick(o.depth, 10), 1, limits.maxDepth);
  var width = alabInteger(where, 'width', alabPick(o.width, 32), 1, limits.maxDepthWidth);
  var samples = alabInteger(where, 'samples', alabPick(o.samples, 8), 1, limits.maxDepthSamples);
  var init = alabChoice(where, 'init', 'inits', alabPick(o.init, 'torch_default'));
  var seed = alabSeed(where, alabPick(o.seed, 1));
  if (Array.isArray(o.activation)) throw new TypeError(where + ': activation must be one id or compiled formula');
  var fn = alabLayerActivations(where, alabPick(o.activation, 'sigmoid'), o.params, 1);
  var index = HEAP32[fn.fnPtr >> 2];
  var out = alabOutScratch.reserve(2 * depth);
  if (!Module['rawDepthGradients'](depth, width, index, fn.paramPtr, init, samples, seed, out)) {
    throw new RangeError(where + ': ' + Module['rawDepthCheck'](depth, width, index, fn.paramPtr, init, samples));
  }
  var b = out >> 3;
  return { gradients: HEAPF64.slice(b, b + depth), weightGradients: HEAPF64.slice(b + depth, b + 2 * depth) };
};

// lab.outputHistogram({activation, params, samples, scale, seed, bins, range: [lo, hi]}) →
// {counts: Float64Array(bins), lo, hi, below, above, min, max}; z ~ N(0, scale²), the same z for a seed.
Module['outputHistogram'] = function (options) {
  var where = 'outputHistogram';
  var o = alabOptions(where, options, ['activation', 'params', 'samples', 'scale', 'seed', 'bins', 'range']);
  var limits = alabDemoOptions().limits;
  var samples = alabInteger(where, 'samples', alabPick(o.samples, 10000), 1, limits.maxHistogramSamples);
  var bins = alabInteger(where, 'bins', alabPick(o.bins, 40), 1, limits.maxHistogramBins);
  var scale = alabNumber(where, 'scale', alabPick(o.scale, 2), Number.MIN_VALUE, 100);
  var seed = alabSeed(where, alabPick(o.seed, 1));
  var range = alabPick(o.range, [-3, 3]);
  if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] < range[1])) {
    throw new RangeError(where + ': range must be [lo, hi] with finite lo < hi');
  }
  var fn = { row: alabRow(alabPick(o.activation, 'sigmoid')) };
  fn.ptr = alabParams(fn.row, o.params);
  var out = alabOutScratch.reserve(bins + 4);
  if (!Module['rawHistogram'](fn.row.index, fn.ptr, samples, scale, seed, bins, range[0], range[1], out)) {
    throw new RangeError(where + ': ' + Module['rawHistogramCheck'](fn.row.index, fn.ptr, samples, scale, bins, range[0], range[1]));
  }
  var b = out >> 3;
  return {
    counts: HEAPF64.slice(b, b + bins), lo: range[0], hi: range[1],
    below: HEAPF64[b + bins], above: HEAPF64[b + bins + 1], min: HEAPF64[b + bins + 2], max: HEAPF64[b + bins + 3],
  };
};
