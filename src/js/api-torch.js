// PyTorch's own numbers and print-out: randn(n, seed) → what `torch.manual_seed(seed); torch.randn(n)`
// returns (computed in the module), formatTensor(values) → what `print(t)` writes for a 1-D float32 tensor
// (torch/_tensor_str.py with its default options).
/* global Module, HEAPF32 */
import { AlabScratch } from './api.js';

var alabRandnScratch = new AlabScratch(4);
var ALAB_MAX_RANDN = 10000000;

// The seed as torch.manual_seed stores it: an integer in [−2^63, 2^64 − 1], a negative s becoming 2^64 + s.
// Returns its low and high 32-bit halves.
function alabTorchSeed(seed) {
  var big;
  if (typeof seed === 'bigint') big = seed;
  else if (typeof seed === 'number' && Number.isInteger(seed)) big = BigInt(seed);
  else {
    throw new TypeError('randn(n, seed): seed must be an integer (a number or a BigInt), as torch.manual_seed takes, got ' +
                        (typeof seed === 'string' ? '"' + seed + '"' : String(seed)));
  }
  var two64 = BigInt(2) ** BigInt(64);
  if (big < -(two64 / BigInt(2)) || big >= two64) {
    throw new RangeError('randn(n, seed): torch.manual_seed takes seeds from -2^63 to 2^64 - 1, got ' + big.toString());
  }
  if (big < BigInt(0)) big += two64;
  var mask = BigInt(0xFFFFFFFF);
  return [Number(big & mask), Number(big >> BigInt(32))];
}

// lab.randn(n, seed) → Float32Array(n): torch.manual_seed(seed); torch.randn(n) on the CPU, float32.
Module['randn'] = function (n, seed) {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > ALAB_MAX_RANDN) {
    throw new RangeError('randn(n, seed): n must be a whole number from 0 to ' + ALAB_MAX_RANDN + ', got ' + String(n));
  }
  if (seed === undefined) throw new TypeError('randn(n, seed): seed is required (the value given to torch.manual_seed)');
  var halves = alabTorchSeed(seed);
  var ptr = alabRandnScratch.reserve(Math.max(n, 1));
  if (!Module['rawTorchRandn'](halves[0], halves[1], n, ptr)) throw new Error('randn: the module rejected n = ' + n);
  return HEAPF32.slice(ptr >> 2, (ptr >> 2) + n);
};

// ---- print(t) for a 1-D float32 tensor ----

var ALAB_PRECISION = 4;
var ALAB_LINEWIDTH = 80;
var ALAB_THRESHOLD = 1000;
var ALAB_EDGEITEMS = 3;
var ALAB_INDENT = 'tensor('.length;
var alabBits = new Uint32Array(1);
var alabFloat = new Float32Array(alabBits.buffer);

// |x| of a float32 as an exact fraction mantissa · 2^exponent (BigInt mantissa).
function alabExact(x) {
  alabFloat[0] = x;
  var bits = alabBits[0];
  var field = (bits >>> 23) & 0xff;
  var mantissa = bits & 0x7fffff;
  if (field) mantissa += 0x800000;
  return { m: BigInt(mantissa), e: (field ? field : 1) - 150 };
}

// num/den rounded to an integer, ties to even (Python's formatting rounds the exact binary value so).
function alabRoundDiv(num, den) {
  var q = num / den;
  var twice = (num - q * den) * BigInt(2);
  if (twice > den || (twice === den && q % BigInt(2) === BigInt(1))) q += BigInt(1);
  return q;
}

// round(|x| · 10^k) for a float32 x, exactly.
function alabScaled(x, k) {
  var exact = alabExact(x);
  var num = exact.m;
  var den = BigInt(1);
  if (exact.e >= 0) num *= BigInt(2) ** BigInt(exact.e); else den *= BigInt(2) ** BigInt(-exact.e);
  if (k >= 0) num *= BigInt(10) ** BigInt(k); else den *= BigInt(10) ** BigInt(-k);
  return alabRoundDiv(num, den);
}

function alabSign(x) { return x < 0 || Object.is(x, -0) ? '-' : ''; }

function alabNonFinite(x) { return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf'; }

// Python's '{:.<digits>f}'.format(x).
function alabFixed(x, digits) {
  if (!Number.isFinite(x)) return alabNonFinite(x);
  var text = alabScaled(x, digits).toString();
  while (text.length <= digits) text = '0' + text;
  if (digits > 0) text = text.slice(0, text.length - digits) + '.' + text.slice(text.length - digits);
  return alabSign(x) + text;
}

// Python's '{:.<digits>e}'.format(x).
function alabScientific(x, digits) {
  if (!Number.isFinite(x)) return alabNonFinite(x);
  var exponent = 0;
  var q = BigInt(0);
  if (x !== 0) {
    var low = BigInt(10) ** BigInt(digits);
    exponent = Math.floor(Math.log10(Math.abs(x)));
    for (;;) {
      q = alabScaled(x, digits - exponent);
      if (q >= low * BigInt(10)) exponent += 1;
      else if (q < low) exponent -= 1;
      else break;
    }
  }
  var text = q.toString();
  while (text.length < digits + 1) text += '0';
  var mantissa = digits > 0 ? text[0] + '.' + text.slice(1) : text;
  var power = String(Math.abs(exponent));
  return alabSign(x) + mantissa + 'e' + (exponent < 0 ? '-' : '+') + (power.length < 2 ? '0' + power : power);
}

// torch._tensor_str._Formatter: one width and one mode (integer, fixed or scientific) for all elements,
// chosen from the non-zero finite values.
function alabFormatter(values) {
  var intMode = true;
  var sciMode = false;
  var width = 1;
  var shown = values.filter(function (v) { return Number.isFinite(v) && v !== 0; });
  if (shown.length) {
    var abs = shown.map(Math.abs);
    var min = Math.min.apply(null, abs);
    var max = Math.max.apply(null, abs);
    intMode = shown.every(function (v) { return v === Math.ceil(v); });
    sciMode = max / min > 1000 || max > 1e8 || (!intMode && min < 1e-4);
    shown.forEach(function (v) {
      var length = sciMode ? alabScientific(v, ALAB_PRECISION).length
        : intMode ? alabFixed(v, 0).length + 1 : alabFixed(v, ALAB_PRECISION).length;
      width = Math.max(width, length);
    });
  }
  return {
    width: width,
    format: function (v) {
      var text;
      if (sciMode) text = alabScientific(v, ALAB_PRECISION);
      else if (intMode) text = alabFixed(v, 0) + (Number.isFinite(v) ? '.' : '');
      else text = alabFixed(v, ALAB_PRECISION);
      while (text.length < width) text = ' ' + text;
      return text;
    },
  };
}

// lab.formatTensor(values) → the string print(torch.tensor(values)) writes (values rounded to float32).
Module['formatTensor'] = function (values) {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError('formatTensor(values): values must be an array or typed array of numbers');
  }
  var list = Array.from(values, function (v, i) {
    if (typeof v !== 'number') throw new TypeError('formatTensor(values): element ' + i + ' is not a number');
    return Math.fround(v);
  });
  if (list.length === 0) return 'tensor([])';
  var summarize = list.length > ALAB_THRESHOLD;
  var edges = summarize && list.length > 2 * ALAB_EDGEITEMS
    ? list.slice(0, ALAB_EDGEITEMS).concat(list.slice(list.length - ALAB_EDGEITEMS)) : list;
  var formatter = alabFormatter(edges);
  var data = summarize
    ? list.slice(0, ALAB_EDGEITEMS).map(formatter.format).concat([' ...'],
      list.slice(list.length - ALAB_EDGEITEMS).map(formatter.format))
    : list.map(formatter.format);
  var perLine = Math.max(1, Math.floor((ALAB_LINEWIDTH - ALAB_INDENT) / (formatter.width + 2)));
  var lines = [];
  for (var i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return 'tensor([' + lines.join(',\n' + ' '.repeat(ALAB_INDENT + 1)) + '])';
};
