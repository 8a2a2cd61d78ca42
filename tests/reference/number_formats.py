#!/usr/bin/python3
"""Reference tables for rounding to float16, bfloat16 and float32, from PyTorch and numpy, cross-checked
against exact rational rounding (fractions.Fraction) written here. Never calls our C++.

Usage:  /usr/bin/python3 tests/reference/number_formats.py

Writes tests/reference/formats/{float16,bfloat16}.bin: for every 16-bit pattern b = 0 … 65535 in order,
little-endian, 14 bytes:
  uint32  the pattern's value as float32 bits (torch: tensor(b, int16).view(dtype).float())
  uint16  × 5  the bits of the rounding of five inputs around m, the midpoint between b's value and the
          next pattern's (b + 1, same sign, towards larger magnitude):
          m − 1 float32 ulp, m, m + 1 float32 ulp   (float32 inputs: torch's .to(dtype), one rounding)
          m − 1 float64 ulp, m + 1 float64 ulp      (float64 inputs: numpy float16 / exact Fraction rounding)
          0xFFFF × 5 where b or b + 1 is not finite (NaN, or b = ±inf).
And tests/reference/formats/float32.txt: lines "<double hex bits> <float32 hex bits>": random doubles,
float32 midpoints and their float64 neighbours, subnormals, overflow edges; expected from numpy.float32.
"""
import math
import os
import random
import struct
from fractions import Fraction

import numpy as np
import torch

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'formats')

FORMATS = {  # precision p (with the implicit bit), emin, max finite
    'float16': (11, -14, 65504.0, torch.float16),
    'bfloat16': (8, -126, float.fromhex('0x1.fep127'), torch.bfloat16),
}


def exact_round(x, p, emin, max_finite):
    """x (a float) rounded to p bits, exponent ≥ emin, ties to even, overflow to inf: exact rationals."""
    if x != x or x in (math.inf, -math.inf) or x == 0:
        return x
    sign = -1.0 if x < 0 else 1.0
    a = Fraction(abs(x))
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    q = Fraction(2) ** (max(e, emin) - (p - 1))
    scaled = a / q
    floor = scaled.numerator // scaled.denominator
    rest = scaled - floor
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and floor % 2 == 1):
        floor += 1
    r = floor * q
    if r > Fraction(max_finite):
        return sign * math.inf
    return sign * float(r)



def table(name):
    p, emin, max_finite, dtype = FORMATS[name]
    patterns = torch.arange(-32768, 32768, dtype=torch.int32).to(torch.int16)
    patterns = torch.cat([patterns[32768:], patterns[:32768]])  # 0 … 65535 as uint16 order
    values = patterns.view(dtype).float()
    value_bits = values.view(torch.int32).numpy().astype(np.uint32)
    vals = values.double().numpy()
    out = bytearray()
    f32_inputs, f64_inputs, index = [], [], []
    for b in range(65536):
        v = vals[b]
        nxt = vals[b + 1] if (b & 0x7FFF) != 0x7FFF else math.nan
        if not (math.isfinite(v) and (math.isfinite(nxt) or math.isinf(nxt))) or math.isnan(nxt):
            index.append(None)
            continue
        if math.isinf(nxt):  # the midpoint between the largest finite value and the next (2^(emax+1))
            nxt = math.copysign(2.0 ** (math.frexp(max_finite)[1]), v)
        m = (v + nxt) / 2
        m32 = np.float32(m)
        assert float(m32) == m, (name, b, m)
        down, up = (-np.inf, np.inf) if m > 0 or (m == 0 and b < 0x8000) else (np.inf, -np.inf)
        f32_inputs += [float(np.nextafter(m32, np.float32(down))), m, float(np.nextafter(m32, np.float32(up)))]
        f64_inputs += [math.nextafter(m, down), math.nextafter(m, up)]
        index.append(len(index))
    t32 = torch.tensor(f32_inputs, dtype=torch.float32).to(dtype).view(torch.int16).numpy().astype(np.uint16)
    exact64 = [exact_round(x, p, emin, max_finite) for x in f64_inputs]
    t64 = torch.tensor(exact64, dtype=torch.float64).to(dtype).view(torch.int16).numpy().astype(np.uint16)
    # Independence: the float32-input results agree with exact rounding, and for float16 numpy's direct
    # float64 → float16 conversion agrees with the exact rounding of the float64 inputs.
    exact32 = [exact_round(x, p, emin, max_finite) for x in f32_inputs]
    assert (torch.tensor(exact32, dtype=torch.float64).to(dtype).view(torch.int16).numpy().astype(np.uint16) == t32).all(), name
    if name == 'float16':
        assert (np.array(f64_inputs, dtype=np.float64).astype(np.float16).view(np.uint16) == t64).all()
    k = 0
    for b in range(65536):
        out += struct.pack('<I', int(value_bits[b]))
        if index[b] is None:
            out += struct.pack('<5H', *([0xFFFF] * 5))
        else:
            out += struct.pack('<5H', int(t32[3 * k]), int(t32[3 * k + 1]), int(t32[3 * k + 2]),
                               int(t64[2 * k]), int(t64[2 * k + 1]))
            k += 1
    with open(os.path.join(HERE, name + '.bin'), 'wb') as f:
        f.write(out)


def float32_table():
    rng = random.Random(20)
    xs = [0.0, -0.0, math.inf, -math.inf, float.fromhex('0x1p-149'), float.fromhex('0x1p-150'),
          float.fromhex('0x1.8p-150'), float.fromhex('0x1p-151'), float.fromhex('0x1.fffffep127'),
          float.fromhex('0x1.ffffffp127'), math.nextafter(float.fromhex('0x1.ffffffp127'), 0),
          float.fromhex('0x1p-126'), float.fromhex('0x1.fffffcp-127'), 1e-300, 1e300]
    for _ in range(4000):
        f = np.frombuffer(struct.pack('<I', rng.getrandbits(32)), dtype=np.float32)[0]
        if not np.isfinite(f) or f == np.float32(np.finfo(np.float32).max) * np.sign(f):
            continue
        g = np.nextafter(f, np.float32(np.inf))
        if not np.isfinite(g):
            continue
        m = (float(f) + float(g)) / 2
        xs += [m, math.nextafter(m, -math.inf), math.nextafter(m, math.inf), float(f) * (1 + rng.random() * 2e-7)]
    with open(os.path.join(HERE, 'float32.txt'), 'w') as out:
        for x in xs:
            with np.errstate(over='ignore'):
                y = np.float32(x)
            exact = exact_round(x, 24, -126, float.fromhex('0x1.fffffep127'))
            assert float(y) == exact or (math.isnan(exact) and math.isnan(y)), (x, y, exact)
            out.write('%016x %08x\n' % (struct.unpack('<Q', struct.pack('<d', x))[0],
                                        struct.unpack('<I', struct.pack('<f', y))[0]))


if __name__ == '__main__':
    os.makedirs(HERE, exist_ok=True)
    for name in FORMATS:
        table(name)
    float32_table()
