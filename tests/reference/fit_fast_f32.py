#!/usr/bin/python3
"""Rational fit used by the vectorised float32 GELU kernel in src/fast_f32.cpp; prints the C++ constants.

Usage:  /usr/bin/python3 tests/reference/fit_fast_f32.py

GELU(x) = x·Φ(x). The kernel computes the lower tail Φ(−a) for a = |x| as e^{−a²/2}·R(a), where
R(a) = Φ(−a)·e^{a²/2} is smooth and positive, falling like 1/(a√(2π)); then Φ(x) is Φ(−a) for x < 0 and
1 − Φ(−a) for x ≥ 0 (no cancellation: Φ(−a) ≤ 1/2). R is fitted on [0, 14.5] (beyond, GELU's float32
value is x or −0) by a rational P(a)/Q(a), P(0) = 1/2, Q(0) = 1, of degree (4, 5): linearised least squares
P − R·Q ≈ 0 weighted by 1/(R·Q), iterated with Lawson's weights towards the minimax relative error.
The kernel evaluates the tail in float64 lanes (in float32 the eleven Horner roundings alone cost up to
5 ulp), so the coefficients are kept as doubles; their relative error is measured again with mpmath on a
dense grid and must stay below 2^-26 (a small fraction of a float32 ulp). All coefficients are positive,
so Horner evaluation on a ≥ 0 adds no cancellation.

The same lanes need e^r on |r| ≤ ln2/2: a Chebyshev fit (mpmath.chebyfit) of degree 6, relative error
below 2^-26 as well.
"""
import numpy as np
from mpmath import mp, mpf

A_MAX = 14.5
NUM_DEGREE, DEN_DEGREE = 4, 5
TARGET = mpf(2) ** -26


def mills(a):
    """R(a) = Φ(−a)·e^{a²/2} with mpmath at 40 digits."""
    with mp.workdps(40):
        a = mpf(a)
        return mp.ncdf(-a) * mp.exp(a * a / 2)


def fit(points=3000, iterations=120):
    xs = np.array([A_MAX * (1 - np.cos(np.pi * (i + 0.5) / points)) / 2 for i in range(points)])
    f = np.array([float(mills(x)) for x in xs])
    # P(0) = 1/2 exactly (Φ(0) = 1/2: GELU of the smallest subnormals then rounds as x/2 does).
    num_basis = np.vander(xs, NUM_DEGREE + 1, increasing=True)[:, 1:]
    den_basis = np.vander(xs, DEN_DEGREE + 1, increasing=True)[:, 1:]
    design = np.hstack([num_basis, -f[:, None] * den_basis])
    weights, den = np.ones(points), np.ones(points)
    best = None
    for _ in range(iterations):
        row_scale = np.sqrt(weights) / (f * den)
        sol, *_ = np.linalg.lstsq(design * row_scale[:, None], (f - 0.5) * row_scale, rcond=None)
        p, q = np.concatenate([[0.5], sol[:NUM_DEGREE]]), np.concatenate([[1.0], sol[NUM_DEGREE:]])
        den = np.polyval(q[::-1], xs)
        err = np.abs(np.polyval(p[::-1], xs) / den - f) / f
        if best is None or err.max() < best[0]:
            best = (err.max(), p, q)
        weights = weights * err
        weights /= weights.sum()
    return best[1], best[2]


def check(p, q, samples=20000):
    """Max relative error of the float32-rounded fit, in exact arithmetic, on a dense grid."""
    worst = mpf(0)
    with mp.workdps(40):
        for i in range(samples + 1):
            a = mpf(A_MAX) * i / samples
            num = mp.polyval([mpf(c) for c in p[::-1]], a)
            den = mp.polyval([mpf(c) for c in q[::-1]], a)
            worst = max(worst, abs(num / den / mills(a) - 1))
    return worst


def main():
    p, q = fit()
    p, q = [float(c) for c in p], [float(c) for c in q]
    assert all(c > 0 for c in p + q), 'expected positive coefficients'
    err = check(p, q)
    print(f'// Φ(−a)·e^{{a²/2}} ≈ P(a)/Q(a) on [0, {A_MAX}], relative error {float(err):.1e} '
          f'(tests/reference/fit_fast_f32.py); lowest power first.')
    print('constexpr double kGeluTailNum[] = {' + ', '.join(repr(c) for c in p) + '};')
    print('constexpr double kGeluTailDen[] = {' + ', '.join(repr(c) for c in q) + '};')
    exp_coeffs, exp_err = exp_fit()
    print(f'// e^r on |r| ≤ ln2/2, Chebyshev fit of degree 6, relative error {float(exp_err):.1e}; lowest power first.')
    print('constexpr double kExpReduced[] = {' + ', '.join(repr(c) for c in exp_coeffs) + '};')
    if max(err, exp_err) > TARGET:
        raise SystemExit(f'fit error {float(max(err, exp_err)):.2e} above 2^-26')


def exp_fit(degree=6):
    half = mp.log(2) / 2
    coeffs = mp.chebyfit(mp.exp, [-half, half], degree + 1)
    coeffs = [float(c) for c in coeffs]  # highest power first
    worst = max(abs(mp.polyval([mpf(c) for c in coeffs], r) / mp.exp(r) - 1)
                for r in (-half + 2 * half * i / 4000 for i in range(4001)))
    return coeffs[::-1], worst


if __name__ == '__main__':
    main()
