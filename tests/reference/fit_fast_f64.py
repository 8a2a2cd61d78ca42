#!/usr/bin/python3
"""Polynomial fit used by the vectorised float64 kernels in src/fast_f64.cpp; prints the C++ constants.

Usage:  /usr/bin/python3 tests/reference/fit_fast_f64.py

The kernels reduce e^y − 1 to y = n·ln2 + r, |r| ≤ ln2/2, and need e^r − 1 = r + r²/2 + r³·p(r) there.
p is a Chebyshev fit (mpmath.chebyfit) of (e^r − 1 − r − r²/2)/r³, of the lowest degree whose relative
error in e^r − 1, with the coefficients rounded to double, is below 2^-58 (1/32 ulp:
the double arithmetic around it adds about one). ln2 is split as hi + lo with hi's low 21 bits zero, so
n·hi is exact for |n| < 2^21. These fits are part of the kernels; the mpmath reference vectors
(tests/reference/vectors) stay the independent check.
"""
from mpmath import mp, mpf

TARGET = mpf(2) ** -58


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
    hi, lo = ln2_split()
    print(f'constexpr double kLn2Hi = {hi!r};  // 32 significant bits')
    print(f'constexpr double kLn2Lo = {lo!r};')


if __name__ == '__main__':
    main()
