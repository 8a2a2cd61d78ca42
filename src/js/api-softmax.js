// softmax(xs, {temperature}) → Float64Array: the probabilities exp(x_i/T) / Σ_j exp(x_j/T), computed in
// the module (stable for any input size: the maximum is subtracted first).
/* global Module, HEAPF64 */
import { alabArrayScratch, alabToFloat64 } from './api.js';

Module['softmax'] = function (xs, options) {
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError('softmax(xs, options): options must be an object such as {temperature: 1}');
  }
  var temperature = options && options.temperature !== undefined ? options.temperature : 1;
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || !(temperature > 0)) {
    throw new RangeError('softmax: temperature must be a finite number > 0, got ' + String(temperature));
  }
  if (options) {
    Object.keys(options).forEach(function (key) {
      if (key !== 'temperature') throw new RangeError('softmax has no option "' + key + '" (it takes: temperature)');
    });
  }
  var input = alabToFloat64(xs);
  var n = input.length;
  if (n === 0) return new Float64Array(0);
  var problem = Module['rawSoftmaxCheck'](n, temperature);
  if (problem) throw new RangeError(problem);
  var ptr = alabArrayScratch.reserve(2 * n);
  HEAPF64.set(input, ptr >> 3);
  if (!Module['rawSoftmax'](ptr, ptr + 8 * n, n, temperature)) throw new Error('softmax: the module rejected the input');
  return HEAPF64.slice((ptr >> 3) + n, (ptr >> 3) + 2 * n);
};
