#!/usr/bin/python3
"""Polynomial fit used by the vectorised float64 kernels in src/core/kernels/fast_f64.cpp; prints the C++ constants.

Usage:  /usr/bin/python3 tests/reference/fit_fast_f64.py

The kernels reduce e^y − 1 to y = n·ln2 + r, |r| ≤ ln2/2, and need e^r − 1 = r + r²/2 + r³·p(r) there.
p is a Chebyshev fit (mpmath.chebyfit) of (e^r − 1 − r − r²/2)/r³, of the lowest degree whose relative
error in e^r − 1, with the coefficients rounded to double, is below 2^-58 (1/32 ulp:
the double arithmetic around it adds about one). ln2 is split as hi + lo with hi's low 21 bits zero, so
n·hi is exact for |n| < 2^21.

GELU: the lower tail Q(a) = Φ(−a), a = |x|, is computed as t·e^{−a²/2 + P(t)} with t = 4/(4 + a), so
P(t) = log(Q(a)/t) + a²/2 is smooth and bounded on t in [4/44, 1] (a in [0, 40]; beyond, GELU is x or −0
in double). P is a Chebyshev fit in u = 2t − 1 of the lowest degree whose absolute error is
below 2^-56 before rounding and 2^-54 after (its constant term carried as hi + lo): an absolute error in the
exponent is a relative error of Q. t itself is rounded, and Q moves by (1 + t·P'(t))·δ for a relative
error δ in t (up to 3.2·δ near a = 0): the kernel computes δ and corrects with a cubic fit of 1 + t·P'(t).

softplus needs log(1 + f), f in [√2/2 − 1, √2 − 1]: with s = f/(2 + f), log(1 + f) = 2·atanh(s) =
f − (f²/2 − s·(f²/2 + s²·T(s²))), and T(z) = (2·atanh(√z)/√z − 2)/z is fitted with chebyfit on
z in [0, ((√2 − 1)/(√2 + 1))²], lowest degree with relative error below 2^-58 (after rounding to double,
the coefficients' own rounding dominates, about 2^-54; T enters log(1 + f) multiplied by s² ≤ 0.03).

These fits are part of the kernels; the mpmath reference vectors
(tests/reference/vectors) stay the independent check.
"""
from mpmath import mp, mpf

TARGET = mpf(2) ** -58
# GELU's exponent polynomial is the kernel's longest chain; 2^-56 there is a relative error of 1/16 ulp in
# Φ(−a), which the rest of the kernel's ~2 ulp hides, and saves two degrees (measured: 24 instead of 26).
GELU_TARGET = mpf(2) ** -56


def expm1_tail_fit():
    half = mp.log(2) / 2

    def g(r):
        return (mp.expm1(r) - r - r * r / 2) / r ** 3 if r else mpf(1) / 6
    for degree in range(5, 16):
        coeffs = [float(c) for c in mp.chebyfit(g, [-half, half], degree + 1)]  # highest power first
        worst = mpf(0)
        for i in range(2001):
            r = -half + 2 * half * i / 2000
            if r:
                approx = r + r * r / 2 + r ** 3 * mp.polyval([mpf(c) for c in coeffs], r)
                worst = max(worst, abs(approx / mp.expm1(r) - 1))
        if worst < TARGET:
            return degree, coeffs, worst
    raise SystemExit('no fit below 2^-58')


def gelu_tail_fit():
    """P as a polynomial in u = 2t − 1 (exact in double for t ≥ 1/4; in t the monomial coefficients cancel)."""
    k, a_max = mpf(4), mpf(40)
    lo = 2 * k / (k + a_max) - 1

    def p(u):
        with mp.workdps(60):
            t = (u + 1) / 2
            a = k / t - k
            return mp.log(mp.ncdf(-a) / t) + a * a / 2
    for degree in range(16, 44):
        coeffs, err = mp.chebyfit(p, [lo, 1], degree + 1, error=True)
        if err < GELU_TARGET:
            # The constant term (about −1.4) is kept as hi + lo: rounded to double alone it would cost
            # 2^-54 in the exponent.
            const_lo = float(coeffs[-1] - mpf(float(coeffs[-1])))
            coeffs = [float(c) for c in coeffs]
            rounded = [mpf(c) for c in coeffs[:-1]] + [mpf(coeffs[-1]) + mpf(const_lo)]
            worst = max(abs(mp.polyval(rounded, u) - p(u)) for u in (lo + (1 - lo) * mpf(i) / 3000 for i in range(3001)))
            return degree, coeffs, const_lo, worst
    raise SystemExit('gelu: no fit below 2^-58')


def gelu_slope_fit():
    """g = 1 + t·dP/dt = (4/t)·(φ(a)/Φ(−a) − a): how a relative error δ in t moves Q (by g·δ). Only needs
    a few per cent: it scales the correction for t's rounding error, itself below 2^-52."""
    k, a_max = mpf(4), mpf(40)
    lo = 2 * k / (k + a_max) - 1

    def g(u):
        t = (u + 1) / 2
        a = k / t - k
        return (k / t) * (mp.npdf(a) / mp.ncdf(-a) - a)
    coeffs, err = mp.chebyfit(g, [lo, 1], 4, error=True)
    smallest = min(abs(g(lo + (1 - lo) * mpf(i) / 200)) for i in range(201))
    return [float(c) for c in coeffs], err / smallest


def log_tail_fit():
    z_max = ((mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)) ** 2

    def t(z):
        if not z:
            return mpf(2) / 3
        r = mp.sqrt(z)
        return (2 * mp.atanh(r) / r - 2) / z
    for degree in range(3, 20):
        coeffs, err = mp.chebyfit(t, [0, z_max], degree + 1, error=True)
        if err / t(0) < TARGET:
            coeffs = [float(c) for c in coeffs]
            worst = max(abs(mp.polyval([mpf(c) for c in coeffs], z) / t(z) - 1)
                        for z in (z_max * i / 2000 for i in range(2001)))
            return degree, coeffs, worst
    raise SystemExit('log: no fit below 2^-58')


def ln2_split():
    ln2 = mp.log(2)
    hi = mp.floor(ln2 * 2 ** 32) / 2 ** 32   # 32 significant bits
    lo = ln2 - hi
    return float(hi), float(lo)


def main():
    mp.dps = 50
    degree, coeffs, err = expm1_tail_fit()
    print(f'// e^r − 1 = r + r²/2 + r³·p(r) on |r| ≤ ln2/2, p of degree {degree}, relative error {float(err):.1e}'
          ' (tests/reference/fit_fast_f64.py); highest power first.')
    print('constexpr double kExpm1Tail[] = {' + ', '.join(repr(c) for c in coeffs) + '};')
    degree, coeffs, const_lo, err = gelu_tail_fit()
    print(f'// P(t) = log(Φ(−a)/t) + a²/2, t = 4/(4 + a), a in [0, 40], in u = 2t − 1: degree {degree}, absolute error'
          f' {float(err):.1e} (tests/reference/fit_fast_f64.py); highest power first, the constant also as hi + lo.')
    print('constexpr double kGeluTail[] = {' + ', '.join(repr(c) for c in coeffs) + '};')
    print(f'constexpr double kGeluTailConstantLo = {const_lo!r};')
    if err > mpf(2) ** -54:
        raise SystemExit(f'gelu fit error {float(err):.2e} above 2^-54 after rounding to double')
    slope, slope_err = gelu_slope_fit()
    print(f'// 1 + t·dP/dt in u, cubic, relative error {float(slope_err):.1e}; highest power first.')
    print('constexpr double kGeluTailSlope[] = {' + ', '.join(repr(c) for c in slope) + '};')
    if slope_err > 0.05:
        raise SystemExit('gelu slope fit above 5%')
    degree, coeffs, err = log_tail_fit()
    print(f'// T(z) = (2·atanh(√z)/√z − 2)/z on z in [0, 0.0295]: degree {degree}, relative error {float(err):.1e}'
          ' (tests/reference/fit_fast_f64.py); highest power first.')
    print('constexpr double kLogTail[] = {' + ', '.join(repr(c) for c in coeffs) + '};')
    hi, lo = ln2_split()
    print(f'constexpr double kLn2Hi = {hi!r};  // 32 significant bits')
    print(f'constexpr double kLn2Lo = {lo!r};')


if __name__ == '__main__':
    main()
