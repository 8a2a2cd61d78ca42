// compile(text) → a user's formula in x as plain values: {text, params, usesX, evaluate, derivative,
// evaluateBoth, properties}, or a thrown SyntaxError with .code, .position and .length (the page maps the code to a
// message in its language). Parsing and evaluation happen in the module (src/expression.cpp): no eval.
/* global Module, HEAPF64, _alab_expr_evaluate */
import { AlabScratch, alabArrayScratch, alabToFloat64 } from './api.js';

var alabExprInfoCache = null;
function alabExprInfo() {
  if (!alabExprInfoCache) alabExprInfoCache = JSON.parse(Module['rawExprInfoJson']());
  return alabExprInfoCache;
}
var alabExprParamScratch = new AlabScratch(8);

var ALAB_EXPR_MESSAGES = {
  empty: 'the formula is empty',
  too_long: 'the formula is longer than the limit',
  too_deep: 'the formula is nested too deeply',
  bad_character: 'a character the formula language does not use',
  bad_number: 'a malformed number',
  number_not_finite: 'a number too large for double precision',
  expected_operand: 'a number, x, a name or ( was expected',
  unexpected_token: 'an operator was expected',
  unclosed_paren: 'this ( is never closed',
  unexpected_close: 'this ) has no ( before it',
  missing_colon: 'the ? has no : part',
  unknown_function: 'no function has this name',
  wrong_arity: 'wrong number of arguments',
  missing_call: 'a function needs its arguments in parentheses',
  too_many_params: 'too many parameter names',
  param_uses_x: "a catalogue function's parameter cannot depend on x"
};

// The text the module parses: characters beyond the limit are cut (the module still sees that the text is
// too long), and every non-ASCII UTF-16 unit becomes \u0001 (a character the language rejects), so that the
// module's byte positions are the string's own indices.
function alabExprText(text) {
  var max = alabExprInfo().maxLength;
  return text.slice(0, max + 1).replace(/[^\x00-\x7f]/g, '\u0001');
}

function alabExprCompileRaw(text) {
  return JSON.parse(Module['rawExprCompile'](alabExprText(text)));
}

export function AlabExpression(text, info) {
  this.text = text;
  this.handle = info.handle;
  this.usesX = info.usesX;
  this.params = info.params.map(function (p) { return { name: p.name, default: p.default, min: p.min, max: p.max }; });
}

// Writes the parameter values (defaults for missing names) into the heap and returns their address.
AlabExpression.prototype.paramsPtr = function (params) {
  var specs = this.params;
  if (params !== undefined && params !== null && typeof params !== 'object') {
    throw new TypeError('params must be an object such as {' + (specs[0] ? specs[0].name + ': 1' : '') + '}');
  }
  var given = params || {};
  Object.keys(given).forEach(function (key) {
    if (!specs.some(function (p) { return p.name === key; })) {
      throw new RangeError('the formula has no parameter "' + key + '"' +
                           (specs.length ? ' (it has: ' + specs.map(function (p) { return p.name; }).join(', ') + ')' : ''));
    }
  });
  var ptr = alabExprParamScratch.reserve(Math.max(specs.length, 1));
  specs.forEach(function (p, i) {
    var v = Object.prototype.hasOwnProperty.call(given, p.name) ? given[p.name] : p.default;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError('parameter ' + p.name + ' must be a finite number, got ' + String(v));
    }
    HEAPF64[(ptr >> 3) + i] = v;
  });
  return ptr;
};

// The handle of a program the module holds for this formula, compiled again if the module has dropped it
// (a network keeps its own reference to the program it was built with).
AlabExpression.prototype.liveHandle = function () {
  if (!Module['rawExprAlive'](this.handle)) {
    var again = alabExprCompileRaw(this.text);
    if (!again.ok) throw new Error('the formula no longer compiles');
    this.handle = again.handle;
  }
  return this.handle;
};

// One call into the module for the whole array; compiles again if the module has dropped the program.
AlabExpression.prototype.run = function (xs, params, wantValue, wantDerivative) {
  var input = alabToFloat64(xs);
  var n = input.length;
  var pptr = this.paramsPtr(params);
  var ptr = alabArrayScratch.reserve(3 * n);
  HEAPF64.set(input, ptr >> 3);
  var vptr = ptr + 8 * n, dptr = wantDerivative ? ptr + 16 * n : 0;
  if (!_alab_expr_evaluate(this.handle, ptr, vptr, dptr, n, pptr)) {
    var again = alabExprCompileRaw(this.text);
    if (!again.ok) throw new Error('the formula no longer compiles');
    this.handle = again.handle;
    // The scratch block may have moved if compiling allocated: write the input again.
    ptr = alabArrayScratch.reserve(3 * n);
    HEAPF64.set(input, ptr >> 3);
    vptr = ptr + 8 * n;
    dptr = wantDerivative ? ptr + 16 * n : 0;
    pptr = this.paramsPtr(params);
    _alab_expr_evaluate(this.handle, ptr, vptr, dptr, n, pptr);
  }
  var base = ptr >> 3;
  return {
    value: wantValue ? HEAPF64.slice(base + n, base + 2 * n) : null,
    derivative: wantDerivative ? HEAPF64.slice(base + 2 * n, base + 3 * n) : null
  };
};
AlabExpression.prototype.evaluate = function (xs, params) { return this.run(xs, params, true, false).value; };
AlabExpression.prototype.derivative = function (xs, params) { return this.run(xs, params, false, true).derivative; };
AlabExpression.prototype.evaluateBoth = function (xs, params) { return this.run(xs, params, true, true); };

// Values JSON cannot carry cross as the strings "Infinity" and "-Infinity", and NaN as null.
function alabExtended(v) { return v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === null ? NaN : v; }

// The summary table's properties, computed numerically by the module (src/core/expression_properties.hpp says
// how, and where it can be wrong), as plain values.
AlabExpression.prototype.properties = function (params) {
  var r = JSON.parse(Module['rawExprProperties'](this.handle, this.paramsPtr(params)));
  if (!r.ok) {
    var again = alabExprCompileRaw(this.text);
    if (!again.ok) throw new Error('the formula no longer compiles');
    this.handle = again.handle;
    r = JSON.parse(Module['rawExprProperties'](this.handle, this.paramsPtr(params)));
  }
  return {
    range: { lo: alabExtended(r.range.lo), hi: alabExtended(r.range.hi), loAttained: r.range.loAttained,
             hiAttained: r.range.hiAttained },
    limits: { negative: alabExtended(r.limits.negative), positive: alabExtended(r.limits.positive) },
    monotonic: r.monotonic,
    zeroCentred: r.zeroCentred,
    smoothness: r.smoothness,
    jumps: r.jumps.map(alabExtended),
    kinks: r.kinks.map(alabExtended),
    bends: r.bends.map(alabExtended),
    saturation: r.saturation,
    identityNearZero: r.identityNearZero,
    undefinedWhere: r.undefinedWhere.map(function (iv) { return [alabExtended(iv[0]), alabExtended(iv[1])]; }),
    closest: r.closest ? { id: r.closest.id, distance: r.closest.distance } : null
  };
};

Module['compile'] = function (text) {
  if (typeof text !== 'string') throw new TypeError('compile(text) takes a string, such as "x * sigmoid(x)"');
  var r = alabExprCompileRaw(text);
  if (!r.ok) {
    var message = ALAB_EXPR_MESSAGES[r.code] || r.code;
    if (r.code === 'wrong_arity') {
      message += ' (it takes ' + (r.maxArgs === r.minArgs ? r.minArgs : r.maxArgs === 0 ? r.minArgs + ' or more'
                                                                         : r.minArgs + ' to ' + r.maxArgs) + ')';
    }
    if (r.code === 'too_long') message += ' of ' + alabExprInfo().maxLength + ' characters';
    if (r.code === 'too_deep') message += ' (the limit is ' + alabExprInfo().maxDepth + ' levels)';
    var error = new SyntaxError(message + ' at position ' + r.position);
    error.code = r.code;
    error.position = r.position;
    error.length = r.length;
    if (r.code === 'wrong_arity') { error.minArgs = r.minArgs; error.maxArgs = r.maxArgs; }
    throw error;
  }
  return new AlabExpression(text, r);
};
// The language's limits and the names it knows as functions.
Module['expressionInfo'] = function () { return JSON.parse(JSON.stringify(alabExprInfo())); };
// How many compiled programs the module holds (at most a small fixed number; for leak checks).
Module['expressionCount'] = function () { return Module['rawExprCount'](); };
