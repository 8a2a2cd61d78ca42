// The module's public JavaScript API: the catalogue, evaluate/derivative, heap buffers and the neuron.
// Bundled with the other areas (src/js/index.js) into the one --post-js script, so it runs inside the module factory.
// It turns the raw embind entry points into plain JS values: page code and authors' code never see an
// embind object and never free memory, except for the heap buffers they ask for explicitly.
/* global Module, HEAPF64, HEAPF32, _malloc, _free, _alab_params_ok, _alab_apply_f64, _alab_apply_f32, _alab_heap_in_use */

var alabCatalogueCache = null;
var alabIndexById = null;
export var MAX_PARAMS = 2;

function alabCatalogue() {
  if (!alabCatalogueCache) {
    alabCatalogueCache = JSON.parse(Module['rawCatalogueJson']());
    alabIndexById = new Map();
    alabCatalogueCache.forEach(function (row) { alabIndexById.set(row.id, row); });
  }
  return alabCatalogueCache;
}

export function alabRow(id) {
  alabCatalogue();
  var row = typeof id === 'string' ? alabIndexById.get(id) : undefined;
  if (!row) {
    throw new Error('Unknown activation "' + String(id) + '". Known ids: ' +
                    alabCatalogueCache.map(function (r) { return r.id; }).join(', '));
  }
  return row;
}

// A block of linear memory that grows on demand and is kept between calls.
export function AlabScratch(bytesPerElement) {
  this.bytes = bytesPerElement;
  this.ptr = 0;
  this.capacity = 0;
}
AlabScratch.prototype.reserve = function (n) {
  if (n > this.capacity) {
    if (this.ptr) _free(this.ptr);
    this.capacity = Math.max(n, 64);
    this.ptr = _malloc(this.capacity * this.bytes);
    if (!this.ptr) { this.capacity = 0; throw new RangeError('Activation Lab: out of memory for ' + n + ' values'); }
  }
  return this.ptr;
};

var alabParamScratch = new AlabScratch(8);
export var alabArrayScratch = new AlabScratch(8);

// Writes the row's parameters (defaults for missing keys) into the heap and returns their address.
export function alabParams(row, params) {
  var ptr = alabParamScratch.reserve(MAX_PARAMS);
  var base = ptr >> 3;
  for (var i = 0; i < MAX_PARAMS; i++) HEAPF64[base + i] = 0;
  if (params !== undefined && params !== null && typeof params !== 'object') {
    throw new TypeError(row.id + ': params must be an object such as {' +
                        (row.params[0] ? row.params[0].name + ': ' + row.params[0].default : '') + '}');
  }
  var given = params || {};
  Object.keys(given).forEach(function (key) {
    if (!row.params.some(function (p) { return p.name === key; })) {
      throw new RangeError(row.id + ' has no parameter "' + key + '"' +
                           (row.params.length ? ' (it takes: ' + row.params.map(function (p) { return p.name; }).join(', ') + ')'
                                              : ' (it takes none)'));
    }
  });
  row.params.forEach(function (p, i) {
    var v = Object.prototype.hasOwnProperty.call(given, p.name) ? given[p.name] : p.default;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(row.id + ': parameter ' + p.name + ' must be a finite number, got ' + String(v));
    }
    HEAPF64[base + i] = v;
  });
  // The cheap C check first; the message (a string through embind) only when something is wrong.
  if (!_alab_params_ok(row.index, ptr)) throw new RangeError(Module['rawCheck'](row.index, ptr));
  return ptr;
}

export function alabToFloat64(xs) {
  if (xs instanceof Float64Array) return xs;
  if (Array.isArray(xs) || ArrayBuffer.isView(xs)) return Float64Array.from(xs);
  if (typeof xs === 'number') return Float64Array.of(xs);
  throw new TypeError('xs must be a Float64Array, an array of numbers or a number');
}

function alabApply(id, xs, params, derivative) {
  var row = alabRow(id);
  var input = alabToFloat64(xs);
  var n = input.length;
  var pptr = alabParams(row, params);
  var ptr = alabArrayScratch.reserve(2 * n);
  HEAPF64.set(input, ptr >> 3);
  _alab_apply_f64(row.index, derivative ? 1 : 0, ptr, ptr + 8 * n, n, pptr);
  return HEAPF64.slice((ptr >> 3) + n, (ptr >> 3) + 2 * n);
}

// An input and an output array that live in the module's heap: fill `input`, call apply(), read `output`.
// The views are re-created if the heap grows, so always read them through the properties.
// Layout of its one allocation: input[length], output[length], then the parameters of prepare().
function ActivationBuffer(length, type) {
  if (!Number.isInteger(length) || length < 0 || length > 1 << 26) {
    throw new RangeError('buffer length must be an integer in [0, 67108864], got ' + String(length));
  }
  if (type !== 'float32' && type !== 'float64') throw new TypeError('buffer type must be "float32" or "float64"');
  this.length = length;
  this.type = type;
  this.bytes = type === 'float32' ? 4 : 8;
  var arrayBytes = (2 * length * this.bytes + 7) & ~7;
  this.ptr = _malloc(arrayBytes + 8 * MAX_PARAMS);
  if (!this.ptr) throw new RangeError('Activation Lab: out of memory for a buffer of ' + length);
  this.paramsPtr = this.ptr + arrayBytes;
}
ActivationBuffer.prototype.view = function (offset) {
  if (!this.ptr) throw new Error('this buffer has been deleted');
  var heap = this.type === 'float32' ? HEAPF32 : HEAPF64;
  var start = this.ptr / this.bytes + offset;
  return heap.subarray(start, start + this.length);
};
Object.defineProperty(ActivationBuffer.prototype, 'input', { get: function () { return this.view(0); } });
Object.defineProperty(ActivationBuffer.prototype, 'output', { get: function () { return this.view(this.length); } });
// output[i] = f(input[i]) (or f'(input[i]) with {derivative: true}); one call into the module.
ActivationBuffer.prototype.apply = function (id, params, options) {
  return this.prepare(id, params, options)();
};
// Validates id and parameters once and returns a function that applies them to the buffer on each call:
// the cheapest path for code that reapplies the same function (animation frames, benchmarks).
ActivationBuffer.prototype.prepare = function (id, params, options) {
  if (!this.ptr) throw new Error('this buffer has been deleted');
  var row = alabRow(id);
  var from = alabParams(row, params) >> 3;
  HEAPF64.copyWithin(this.paramsPtr >> 3, from, from + MAX_PARAMS);
  var single = this.type === 'float32';
  var self = this, index = row.index, derivative = options && options.derivative ? 1 : 0;
  var ptr = this.ptr, out = this.ptr + this.length * this.bytes, n = this.length, pptr = this.paramsPtr;
  // The output view is made once and again only after the heap has grown (growth replaces HEAPF32/HEAPF64
  // and detaches the old views): comparing the heap array is cheaper than asking the view for its buffer.
  var view = null, viewHeap = null;
  return function () {
    if (!self.ptr) throw new Error('this buffer has been deleted');
    // Called by the module's own names, never through a copy taken earlier: Emscripten replaces each export's
    // wrapper with the bare WebAssembly function on its first call, and an earlier copy would keep the
    // wrapper and its `apply`.
    if (single) _alab_apply_f32(index, derivative, ptr, out, n, pptr);
    else _alab_apply_f64(index, derivative, ptr, out, n, pptr);
    var heap = single ? HEAPF32 : HEAPF64;
    if (heap !== viewHeap) {
      view = self.output;
      viewHeap = heap;
    }
    return view;
  };
};
ActivationBuffer.prototype.delete = function () {
  if (this.ptr) _free(this.ptr);
  this.ptr = 0;
};

// The module's memory: its size (it only grows) and the bytes allocated in it now (what leaks would raise).
Module['heapStats'] = function () {
  return { memoryBytes: HEAPF64.buffer.byteLength, inUseBytes: _alab_heap_in_use() };
};
Module['catalogue'] = function () { return JSON.parse(JSON.stringify(alabCatalogue())); };
Module['evaluate'] = function (id, xs, params) { return alabApply(id, xs, params, false); };
Module['derivative'] = function (id, xs, params) { return alabApply(id, xs, params, true); };
Module['createBuffer'] = function (length, options) {
  return new ActivationBuffer(length, (options && options.type) || 'float64');
};
Module['neuron'] = function (spec) {
  if (!spec || typeof spec !== 'object') throw new TypeError('neuron() takes {inputs, weights, bias, activation, params}');
  var inputs = alabToFloat64(spec.inputs || []);
  var weights = alabToFloat64(spec.weights || []);
  if (inputs.length !== weights.length) {
    throw new RangeError('neuron: ' + inputs.length + ' inputs but ' + weights.length + ' weights');
  }
  var bias = spec.bias === undefined ? 0 : spec.bias;
  if (typeof bias !== 'number' || !Number.isFinite(bias)) throw new RangeError('neuron: bias must be a finite number');
  var row = alabRow(spec.activation === undefined ? 'identity' : spec.activation);
  var pptr = alabParams(row, spec.params);
  var n = inputs.length;
  var ptr = alabArrayScratch.reserve(2 * n + 3);
  HEAPF64.set(inputs, ptr >> 3);
  HEAPF64.set(weights, (ptr >> 3) + n);
  var out = ptr + 16 * n;
  Module['rawNeuron'](row.index, ptr, ptr + 8 * n, n, bias, pptr, out);
  return { z: HEAPF64[out >> 3], output: HEAPF64[(out >> 3) + 1], derivative: HEAPF64[(out >> 3) + 2] };
};
