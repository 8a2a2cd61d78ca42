#!/usr/bin/python3
"""Reference vectors for every catalogue function, computed independently in mpmath.

Usage:  /usr/bin/python3 tests/reference/generate.py [path/to/alab_catalogue] [id ...]

The ids, parameters and default ranges come from the catalogue (the `alab_catalogue` program prints it as
JSON); the maths below is written from PyTorch's definitions and never calls our C++ kernels. A catalogue
id without a reference implementation here is an error: a new function cannot ship untested.

Every expected value is evaluated twice, at 60 and at 90 significant digits (more where x − tanh x
cancels), and both must round to the same float64 and float32 — otherwise the generator stops.

Output: tests/reference/vectors/<id>.txt, lines of
  params <p0> <p1>          the parameter set the following lines use (catalogue order)
  d <x> <f(x)> <f'(x)>      float64 input, expected results correctly rounded to float64
  s <x> <f(x)> <f'(x)>      float32 input, expected results correctly rounded to float32
Numbers are Python's shortest round-trip repr (inf, -inf, nan included), exact for both C++ and JS.
Also tests/reference/vectors/softmax.txt (see generate_softmax). Pass ids to regenerate only those
(`softmax` included); the first argument is the catalogue program (default build/native/alab_catalogue).
"""
import json
import math
import os
import random
import struct
import subprocess
import sys
from multiprocessing import Pool

from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VECTORS = os.path.join(HERE, 'vectors')

# Constants exactly as PyTorch's source writes them (decimal literals, taken at full precision).
SELU_ALPHA = '1.6732632423543772848170429916717'
SELU_SCALE = '1.0507009873554804934193349852946'
GELU_TANH_COEFF = '0.044715'

# Parameter sets besides the defaults: the teaching-relevant values and the ends of each slider.
EXTRA_PARAMS = {
    'leaky_relu': [(0.0,), (0.2,), (1.0,)],
    'elu': [(0.5,), (2.0,), (0.0,), (3.0,)],
    'celu': [(0.5,), (2.0,), (0.1,), (3.0,)],
    'softplus': [(2.0, 20.0), (1.0, 5.0), (0.1, 1.0), (10.0, 50.0), (0.3, 7.0)],
    'hardtanh': [(-2.0, 0.5), (-5.0, 5.0), (0.1, 0.3)],
    'prelu': [(0.1,), (0.0,), (1.0,)],
    'rrelu': [(0.0, 1.0), (0.1, 0.3), (0.3, 0.8)],
    'softshrink': [(0.0,), (1.0,), (3.0,)],
    'hardshrink': [(0.0,), (1.0,), (3.0,)],
    'threshold': [(0.0, 0.0), (0.5, 5.0), (-2.0, 3.0), (2.5, -1.0)],
}


# --- the functions, from PyTorch's definitions ------------------------------------------------------
# Each takes an mpf x (finite) and a tuple of mpf parameters and returns (f(x), f'(x)) as mpf.
# Kinks follow PyTorch's autograd: the branch conditions below are PyTorch's, including at equality.

def sig(z):
    """Logistic function; exp of the negated argument never cancels."""
    return 1 / (1 + mp.exp(-z))


def erfc(z):
    # mpmath's erfc overflows a float in its series check for huge arguments; there the asymptotic
    # expansion erfc(z) = e^{-z²}/(z√π) Σ (−1)^k (2k−1)!!/(2z²)^k is exact to far beyond 90 digits.
    if z < 1e6:
        return mp.erfc(z)
    total, term = mpf(1), mpf(1)
    for k in range(1, 12):
        term *= -(2 * k - 1) / (2 * z * z)
        total += term
    return mp.exp(-z * z) / (z * mp.sqrt(mp.pi)) * total


def identity(x, p): return x, mpf(1)
def relu(x, p): return (x, mpf(1)) if x > 0 else (mpf(0), mpf(0))
def sigmoid(x, p): return sig(x), mp.exp(-x) * sig(x) ** 2
def tanh(x, p): return mp.tanh(x), mp.sech(x) ** 2
def leaky_relu(x, p): return (x, mpf(1)) if x > 0 else (p[0] * x, p[0])
def elu(x, p): return (x, mpf(1)) if x > 0 else (p[0] * mp.expm1(x), p[0] * mp.exp(x))


def selu(x, p):
    alpha, scale = mpf(SELU_ALPHA), mpf(SELU_SCALE)
    return (scale * x, scale) if x > 0 else (scale * alpha * mp.expm1(x), scale * alpha * mp.exp(x))


def celu(x, p):
    a = p[0]
    return (x, mpf(1)) if x > 0 else (a * mp.expm1(x / a), mp.exp(x / a))


def gelu(x, p):
    cdf = erfc(-x / mp.sqrt(2)) / 2
    pdf = mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)
    return x * cdf, cdf + x * pdf


def gelu_tanh(x, p):
    # x/2·(1 + tanh u) = x·σ(2u): the same function without 1 + tanh cancelling for u ≪ 0.
    c = mpf(GELU_TANH_COEFF)
    k = mp.sqrt(2 / mp.pi)
    u = k * (x + c * x ** 3)
    du = k * (1 + 3 * c * x * x)
    s, sneg = sig(2 * u), sig(-2 * u)
    return x * s, s + 2 * x * s * sneg * du


def silu(x, p):
    s = sig(x)
    return x * s, s + x * s * sig(-x)


def mish(x, p):
    sp = mp.log1p(mp.exp(x))
    t = mp.tanh(sp)
    return x * t, t + x * mp.sech(sp) ** 2 * sig(x)


def softplus(x, p):
    beta, threshold = p
    # PyTorch's branch test compares the float64 product β·x with the threshold (Python floats are
    # IEEE doubles): with beta 0.1 and x 10 the product is 1.0 however the decimal 0.1 was rounded.
    if float(x) * float(beta) > float(threshold):
        return x, mpf(1)
    return mp.log1p(mp.exp(beta * x)) / beta, sig(beta * x)


def softsign(x, p): return x / (1 + abs(x)), 1 / (1 + abs(x)) ** 2


def clamp_grad(x, lo, hi):
    if x < lo: return lo, mpf(0)
    if x > hi: return hi, mpf(0)
    return x, mpf(0) if x in (lo, hi) else mpf(1)


def hardtanh(x, p): return clamp_grad(x, p[0], p[1])
def relu6(x, p): return clamp_grad(x, mpf(0), mpf(6))


def hardsigmoid(x, p):
    if x <= -3: value = mpf(0)
    elif x >= 3: value = mpf(1)
    else: value = x / 6 + mpf(1) / 2
    return value, mpf(1) / 6 if -3 < x < 3 else mpf(0)


def hardswish(x, p):
    if x <= -3: value = mpf(0)
    elif x >= 3: value = x
    else: value = x * (x + 3) / 6
    if x < -3: grad = mpf(0)
    elif x > 3: grad = mpf(1)
    else: grad = x / 3 + mpf(1) / 2
    return value, grad


def prelu(x, p): return (x, mpf(1)) if x > 0 else (p[0] * x, p[0])


def tanhshrink(x, p):
    # x − tanh x loses about 2·log10(1/|x|) digits near 0: evaluate with that many more.
    extra = int(2 * max(0, -float(mp.log10(abs(x))))) + 10 if x != 0 else 0
    with mp.extradps(extra):
        return x - mp.tanh(x), mp.tanh(x) ** 2


def logsigmoid(x, p):
    return -mp.log1p(mp.exp(-x)), sig(-x)


def rrelu(x, p):
    # Evaluation mode (training=False): F.leaky_relu with slope (lower + upper)/2, which PyTorch computes from the
    # two Python floats in float64 (a Python float sum, not the exact mean of the decimals).
    slope = mpf((float(p[0]) + float(p[1])) / 2)
    return (x, mpf(1)) if x > 0 else (slope * x, slope)


def softshrink(x, p):
    lambd = p[0]
    if x > lambd: return x - lambd, mpf(1)
    if x < -lambd: return x + lambd, mpf(1)
    return mpf(0), mpf(0)


def hardshrink(x, p):
    return (mpf(0), mpf(0)) if -p[0] <= x <= p[0] else (x, mpf(1))


def threshold(x, p):
    return (p[1], mpf(0)) if x <= p[0] else (x, mpf(1))


REFERENCE = {f.__name__: f for f in [
    identity, relu, sigmoid, tanh, leaky_relu, elu, selu, celu, gelu, gelu_tanh, silu, mish, softplus,
    softsign, hardtanh, relu6, hardsigmoid, hardswish, prelu, tanhshrink, logsigmoid, rrelu, softshrink, hardshrink,
    threshold]}

# Where the derivative crosses zero (relative error of f' is hardest there); a starting guess for
# mpmath's root finder. Functions with parameters have no interior root of f' at any setting.
DERIVATIVE_ROOT_GUESS = {'gelu': -0.75, 'gelu_tanh': -0.75, 'silu': -1.28, 'mish': -1.19, 'hardswish': -1.5}


# --- rounding -------------------------------------------------------------------------------------

def round_binary(v, bits, emin, emax):
    """v rounded to nearest-even in a binary format with `bits` of precision, as a Python float."""
    if mp.isnan(v): return math.nan
    if mp.isinf(v): return float(v)
    if v == 0: return 0.0
    sign = -1 if v < 0 else 1
    a = abs(v)
    e = int(mp.floor(mp.log(a, 2)))
    # Guard against log2 being off by one at exact powers of two.
    if mpf(2) ** e > a: e -= 1
    if mpf(2) ** (e + 1) <= a: e += 1
    quantum_exp = max(e, emin) - (bits - 1)
    scaled = a / mpf(2) ** quantum_exp
    n = int(mp.floor(scaled))
    frac = scaled - n
    if frac > 0.5 or (frac == 0.5 and n % 2 == 1): n += 1
    if n == 0: return sign * 0.0
    if n == 2 ** bits: n, quantum_exp = n // 2, quantum_exp + 1
    if quantum_exp + bits - 1 > emax: return sign * math.inf
    return sign * math.ldexp(n, quantum_exp)


def to_f64(v): return round_binary(v, 53, -1022, 1023)
def to_f32(v): return round_binary(v, 24, -126, 127)


def f32(x):
    """The float32 nearest to the Python float x (inf beyond the range)."""
    try:
        return struct.unpack('f', struct.pack('f', x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def next_f32(x, toward):
    if math.isnan(x) or x == toward: return x
    bits = struct.unpack('<I', struct.pack('<f', x))[0]
    if x == 0: return math.copysign(struct.unpack('<f', struct.pack('<I', 1))[0], toward)
    bits += 1 if (x < toward) == (x > 0) else -1
    return struct.unpack('<f', struct.pack('<I', bits))[0]


# --- evaluation -----------------------------------------------------------------------------------

BIG = mpf('1e400')  # beyond float64: f(±BIG) rounds to the limit at ±∞ for every function here


def expected(fn, x, params, rounder):
    if math.isnan(x): return math.nan, math.nan
    results = []
    for dps in (60, 90):
        with mp.workdps(dps):
            xm = mpf(x) if math.isfinite(x) else (BIG if x > 0 else -BIG)
            value, grad = fn(xm, tuple(mpf(q) for q in params))
            results.append((rounder(value), rounder(grad)))
    if results[0] != results[1] and not all(map(math.isnan, results[0])):
        raise RuntimeError(f'{fn.__name__}({x!r}, {params}): 60 and 90 digits disagree: {results}')
    return results[0]


def neighbours(k, steps=4):
    """k and the doubles just around it."""
    out = [k]
    lo = hi = k
    for _ in range(steps):
        lo, hi = math.nextafter(lo, -math.inf), math.nextafter(hi, math.inf)
        out += [lo, hi]
    return out


def kink_points(fn_id, params):
    """Points where a branch changes or f' has a root, for this parameter set."""
    p = params
    if fn_id in ('hardtanh', 'softplus'):
        kinks = [p[0], p[1]] if fn_id == 'hardtanh' else [p[1] / p[0]]
    elif fn_id in ('softshrink', 'hardshrink'):
        kinks = [-p[0], p[0]]
    elif fn_id == 'threshold':
        kinks = [p[0]]
    else:
        kinks = {'relu6': [0.0, 6.0], 'hardsigmoid': [-3.0, 3.0], 'hardswish': [-3.0, 3.0, 0.0]}.get(fn_id, [0.0])
    root = DERIVATIVE_ROOT_GUESS.get(fn_id)
    if root is not None:
        with mp.workdps(60):
            fn = REFERENCE[fn_id]
            r = mp.findroot(lambda t: fn(t, tuple(mpf(q) for q in params))[1], mpf(root))
            kinks.append(float(r))
    return kinks


def sample_points(row, params, rng, dense, default_set):
    lo, hi = row['range']
    xs = set()
    xs.update(lo + (hi - lo) * i / (dense - 1) for i in range(dense))
    # Random doubles find the worst roundings that a grid misses (the default set gets most of them).
    xs.update(rng.uniform(lo, hi) for _ in range(3 * dense if default_set else dense))
    xs.update(rng.uniform(-30, 30) for _ in range(dense // 4))
    # Magnitudes from subnormal to 1e300, both signs.
    count = 400 if default_set else 120
    for i in range(count):
        e = -323.5 + 623.5 * i / (count - 1)
        m = 10 ** (e % 1) * 10 ** math.floor(e)
        m = m if m > 0 else 5e-324
        xs.update([m, -m])
    xs.update([0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308,
               1e-300, -1e-300, 1.7976931348623157e308, -1.7976931348623157e308, math.inf, -math.inf,
               1.0, -1.0, 30.0, -30.0, 40.0, -40.0, 709.0, -745.0])
    for k in kink_points(row['id'], params):
        xs.update(neighbours(k, 6))
        # The whole neighbourhood, where a formula's cancellation grows as x approaches k.
        for j in range(1, 16):
            for sign in (-1, 1):
                xs.add(k + sign * rng.uniform(1, 10) * 10.0 ** -j * max(1.0, abs(k)))
    if row['id'] == 'tanhshrink':
        xs.update(rng.uniform(-2, 2) for _ in range(dense // 2))
    points = sorted((x for x in xs if not math.isnan(x)), key=lambda v: (v, math.copysign(1, v)))
    return points + [math.nan]


def float_points(row, params, doubles, rng):
    xs = {f32(x) for x in doubles[::2]}
    for k in kink_points(row['id'], params):
        kf = f32(k)
        lo = hi = kf
        xs.add(kf)
        for _ in range(4):
            lo, hi = next_f32(lo, -math.inf), next_f32(hi, math.inf)
            xs.update([lo, hi])
    xs.update([0.0, -0.0, 1e-45, -1e-45, math.inf, -math.inf])
    return sorted((x for x in xs if not math.isnan(x)), key=lambda v: (v, math.copysign(1, v))) + [math.nan]


FLOAT32_BOUNDS = {'hardtanh'}


def param_sets(row):
    defaults = tuple(float(p['default']) for p in row['params'])
    sets = [defaults] + [s for s in EXTRA_PARAMS.get(row['id'], []) if s != defaults]
    for s in sets:
        if len(s) != len(row['params']):
            raise SystemExit(f'{row["id"]}: parameter set {s} does not match the catalogue')
        for v, p in zip(s, row['params']):
            if not p['min'] <= v <= p['max']:
                raise SystemExit(f'{row["id"]}: {p["name"]}={v} is outside the catalogue range')
    return sets


def generate(row):
    fn = REFERENCE[row['id']]
    rng = random.Random(row['id'])
    lines = [f'# Reference values for {row["id"]}, generated by tests/reference/generate.py with mpmath',
             '# (60 and 90 digits agree on every rounding). Columns: kind x f(x) df/dx; kind d = float64,',
             '# s = float32 (input and results rounded to float32). Do not edit by hand.']
    for n, params in enumerate(param_sets(row)):
        lines.append('params' + ''.join(' ' + repr(v) for v in params))
        doubles = sample_points(row, params, rng, 700 if n == 0 else 100, n == 0)
        for x in doubles:
            value, grad = expected(fn, x, params, to_f64)
            lines.append(f'd {x!r} {value!r} {grad!r}')
        # PyTorch's float32 hardtanh compares with its bounds rounded to float32 (a branch, not a rounding).
        float_params = tuple(f32(v) for v in params) if row['id'] in FLOAT32_BOUNDS else params
        for x in float_points(row, params, doubles, rng):
            value, grad = expected(fn, x, float_params, to_f32)
            lines.append(f's {x!r} {value!r} {grad!r}')
    path = os.path.join(VECTORS, row['id'] + '.txt')
    with open(path, 'w') as out:
        out.write('\n'.join(lines) + '\n')
    return row['id'], sum(1 for l in lines if l[:2] in ('d ', 's ')), os.path.getsize(path)


def softmax_expected(xs, temperature):
    """softmax(x/T) correctly rounded; NaN anywhere or all −∞ → NaN, +∞ entries share the probability."""
    if any(math.isnan(x) for x in xs) or all(x == -math.inf for x in xs):
        return [math.nan] * len(xs)
    if math.inf in xs:
        return [1.0 / xs.count(math.inf) if x == math.inf else 0.0 for x in xs]
    results = []
    for dps in (60, 90):
        with mp.workdps(dps):
            t = mpf(temperature)
            weights = [mp.exp(mpf(x) / t) if x != -math.inf else mpf(0) for x in xs]
            # exp of huge x/T is fine in mpmath (no overflow); the ratio is exact to dps digits.
            total = mp.fsum(weights)
            results.append([to_f64(w / total) for w in weights])
    if results[0] != results[1]:
        raise RuntimeError(f'softmax {xs} T={temperature}: 60 and 90 digits disagree')
    return results[0]


def generate_softmax():
    """tests/reference/vectors/softmax.txt: lines `case T n`, `x ...`, `p ...` (p = expected output)."""
    rng = random.Random('softmax')
    cases = []
    for n in (1, 2, 3, 5, 10, 50, 200):
        for temperature in (1e-3, 0.1, 0.5, 1.0, 2.0, 10.0, 1e3):
            for scale, offset in ((5, 0), (50, 0), (3, 1e3), (1, -1e6), (1e-3, 7.0)):
                cases.append((temperature, [offset + rng.uniform(-scale, scale) for _ in range(n)]))
    cases += [(1.0, [0.0, 0.0, 0.0, 0.0]), (1.0, [1e308, -1e308, 0.0]), (0.5, [710.0, 709.0, -745.0]),
              (1.0, [-math.inf, 1.0, 2.0]), (1.0, [math.inf, 1.0, math.inf]), (1.0, [-math.inf, -math.inf]),
              (1.0, [1.0, math.nan, 2.0]), (3.0, [5e-324, -5e-324, 0.0]), (1e-300, [1.0, 1.0 + 2 ** -52]),
              (8.1e307, [4.75e307, 1.7976931348623157e308])]  # the last one found by the fuzzer
    lines = ['# softmax(x / T) reference, generated by tests/reference/generate.py with mpmath (60 and 90 digits',
             '# agree). Lines: case T n / x inputs / p expected outputs, correctly rounded. Do not edit.']
    for temperature, xs in cases:
        lines += [f'case {temperature!r} {len(xs)}', 'x ' + ' '.join(map(repr, xs)),
                  'p ' + ' '.join(map(repr, softmax_expected(xs, temperature)))]
    path = os.path.join(VECTORS, 'softmax.txt')
    with open(path, 'w') as out:
        out.write('\n'.join(lines) + '\n')
    print(f'{"softmax":12s} {len(cases):6d} cases  {os.path.getsize(path) / 1024:7.1f} KB')


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'native', 'alab_catalogue')
    rows = json.loads(subprocess.run([exe], check=True, capture_output=True, text=True).stdout)
    missing = [r['id'] for r in rows if r['id'] not in REFERENCE]
    if missing:
        raise SystemExit('no reference implementation for: ' + ', '.join(missing) +
                         ' (add it to tests/reference/generate.py)')
    wanted = set(sys.argv[2:])
    rows = [r for r in rows if not wanted or r['id'] in wanted]
    os.makedirs(VECTORS, exist_ok=True)
    if not wanted or 'softmax' in wanted:
        generate_softmax()
    with Pool(2) as pool:
        for fn_id, count, size in pool.imap_unordered(generate, rows):
            print(f'{fn_id:12s} {count:6d} points {size / 1024:7.1f} KB')
            if size >= 500 * 1024:
                raise SystemExit(f'{fn_id}: vector file is {size} bytes, keep it under 500 KB')


if __name__ == '__main__':
    main()
