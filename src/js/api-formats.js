// Number formats: lab.roundToFormat (values rounded to float32, bfloat16 or float16, ties to even, as
// a Float64Array) and lab.formatMarkers (where rounding makes an activation saturate, its derivative
// vanish, or exp overflow). Runs inside the module factory (bundled into the --post-js script).
/* global Module, HEAPF64 */
import { AlabScratch, alabParams, alabRow, alabToFloat64 } from './api.js';
import { alabOptions, alabPick } from './api-network.js';

var alabFormatOptionsCache = null;
var alabFormatScratch = new AlabScratch(8);

function alabFormatOptions() {
  if (!alabFormatOptionsCache) alabFormatOptionsCache = JSON.parse(Module['rawFormatOptionsJson']());
  return alabFormatOptionsCache;
}

function alabFormatIndex(where, format) {
  var index = alabFormatOptions().formats.indexOf(format);
  if (index < 0) {
    throw new RangeError(where + ': format must be one of ' + alabFormatOptions().formats.join(', ') + ', got ' +
                         String(format));
  }
  return index;
}

Module['numberFormats'] = function () { return alabFormatOptions().formats.slice(); };

// lab.roundToFormat(values, 'float32' | 'bfloat16' | 'float16' | 'float64') → Float64Array of the rounded values.
Module['roundToFormat'] = function (values, format) {
  var which = alabFormatIndex('roundToFormat', format);
  var xs = alabToFloat64(values);
  var n = xs.length;
  var ptr = alabFormatScratch.reserve(2 * n);
  HEAPF64.set(xs, ptr >> 3);
  Module['rawRoundValues'](ptr, n, which, ptr + 8 * n);
  return HEAPF64.slice((ptr >> 3) + n, (ptr >> 3) + 2 * n);
};

// lab.formatMarkers(activation, {params, range: [lo, hi]}) → {float64: {...}, float32: …, bfloat16: …, float16: …},
// each {saturatesAbove, saturatesBelow, derivativeZeroAbove, derivativeZeroBelow, expOverflow}: an x, or null
// where the range holds no such point (see src/format_markers.hpp).
Module['formatMarkers'] = function (activation, options) {
  var where = 'formatMarkers';
  var o = alabOptions(where, options, ['params', 'range']);
  var row = alabRow(activation);
  var ptr = alabParams(row, o.params);
  var range = alabPick(o.range, [row.range[0], row.range[1]]);
  if (!Array.isArray(range) || range.length !== 2) throw new RangeError(where + ': range must be [lo, hi]');
  var problem = Module['rawMarkersCheck'](row.index, ptr, range[0], range[1]);
  if (problem) throw new RangeError(where + ': ' + problem);
  var formats = alabFormatOptions().formats;
  var out = alabFormatScratch.reserve(5 * formats.length);
  Module['rawMarkers'](row.index, ptr, range[0], range[1], out);
  var b = out >> 3;
  var value = function (k) { var v = HEAPF64[b + k]; return Number.isNaN(v) ? null : v; };
  var result = {};
  formats.forEach(function (name, f) {
    result[name] = {
      saturatesAbove: value(5 * f), saturatesBelow: value(5 * f + 1), derivativeZeroAbove: value(5 * f + 2),
      derivativeZeroBelow: value(5 * f + 3), expOverflow: value(5 * f + 4),
    };
  });
  return result;
};
