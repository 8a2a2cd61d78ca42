#!/usr/bin/python3
"""Fits used by src/core/kernels/fast_f32.cpp (the float32 GELU kernel, and e^r for the float64-lane helpers); prints
the C++ constants.

Usage:  /usr/bin/python3 tests/reference/fit_fast_f32.py

GELU(x) = x·Φ(x) = max(x, −0) − t with t = a·Φ(−a), a = |x| (x − t above 0, −t below). The kernel writes
t = e^{−a²/2}·F(a), F(a) = a·Φ(−a)·e^{a²/2} = a·R(a) (R is Mills' ratio, smooth and positive, falling like
1/(a√(2π))), and F(a) = g·a/(a + c)·(1 + K(a)): with c = 0.85, R(a)·(a + c) stays within 7 % of its
middle value g on [0, 14.5] (beyond, GELU's float32 value is x or −0), so K is small, |K| ≤ 0.071.
That is the point of the form: K is evaluated in float32 lanes, where the rational's Horner roundings
reach several float32 ulps of K, but an error in K moves t by only K's share of 1 + K; a/(a + c) and the
final product are taken in float64 lanes, where they cost nothing measurable against a float32 ulp.
(R itself as P4/Q5, all in float32, was 7.8 ulp off.)

K = P(a)/Q(a), Q(0) = 1, of degree (5, 5): linearised least squares P − K·Q ≈ 0 weighted by 1/Q, iterated
with Lawson's weights towards the minimax error of g·(1 + K)/(R·(a + c)) (the error t gets). The
coefficients are rounded to float32 (the kernel's lanes), and that relative error, measured again with
mpmath on a dense grid, must stay below 2^-26 (a small fraction of a float32 ulp). Q's coefficients
are positive, so Q has no zero on a ≥ 0.

The float64-lane helpers (SiLU, the tanh GELU) need e^r on |r| ≤ ln2/2: a Chebyshev fit (mpmath.chebyfit)
of degree 6, relative error below 2^-26 as well.
"""
import numpy as np
from mpmath import mp, mpf

A_MAX = 14.5
C = 0.85
NUM_DEGREE, DEN_DEGREE = 5, 5
TARGET = mpf(2) ** -26


def mills(a):
    """R(a) = Φ(−a)·e^{a²/2} with mpmath at 40 digits."""
    with mp.workdps(40):
        a = mpf(a)
        return mp.ncdf(-a) * mp.exp(a * a / 2)


def fit(points=3000, iterations=150):
    xs = np.array([A_MAX * (1 - np.cos(np.pi * (i + 0.5) / points)) / 2 for i in range(points)])
    flat = np.array([float(mills(x) * (x + C)) for x in xs])
    g = (flat.min() + flat.max()) / 2
    k = flat / g - 1
    num_basis = np.vander(xs, NUM_DEGREE + 1, increasing=True)
    den_basis = np.vander(xs, DEN_DEGREE + 1, increasing=True)[:, 1:]
    design = np.hstack([num_basis, -k[:, None] * den_basis])
    weights, den = np.ones(points), np.ones(points)
    best = None
    for _ in range(iterations):
        row_scale = np.sqrt(weights) / den
        sol, *_ = np.linalg.lstsq(design * row_scale[:, None], k * row_scale, rcond=None)
        p, q = sol[:NUM_DEGREE + 1], np.concatenate([[1.0], sol[NUM_DEGREE + 1:]])
        den = np.polyval(q[::-1], xs)
        err = np.abs(np.polyval(p[::-1], xs) / den - k) / (1 + k)
        if best is None or err.max() < best[0]:
            best = (err.max(), p, q)
        weights = weights * err
        weights /= weights.sum()
    return g, best[1], best[2], k.min(), k.max()


def check(g, p, q, samples=20000):
    """Max relative error of g·(1 + P/Q)·a/(a + c) against a·R(a), in exact arithmetic, on a dense grid."""
    worst = mpf(0)
    with mp.workdps(40):
        for i in range(samples + 1):
            a = mpf(A_MAX) * i / samples
            k = mp.polyval([mpf(c) for c in p[::-1]], a) / mp.polyval([mpf(c) for c in q[::-1]], a)
            worst = max(worst, abs(g * (1 + k) / (mills(a) * (a + C)) - 1))
    return worst


def exp_fit(degree=6):
    half = mp.log(2) / 2
    coeffs = mp.chebyfit(mp.exp, [-half, half], degree + 1)
    coeffs = [float(c) for c in coeffs]  # highest power first
    worst = max(abs(mp.polyval([mpf(c) for c in coeffs], r) / mp.exp(r) - 1)
                for r in (-half + 2 * half * i / 4000 for i in range(4001)))
    return coeffs[::-1], worst


def main():
    g, p, q, k_min, k_max = fit()
    p, q = [float(np.float32(c)) for c in p], [float(np.float32(c)) for c in q]
    assert all(c > 0 for c in q), 'expected positive denominator coefficients'
    err = check(g, p, q)
    f32 = lambda cs: ', '.join(str(np.float32(c)) + 'f' for c in cs)
    print(f'// a·Φ(−a)·e^{{a²/2}} = g·a/(a + c)·(1 + K(a)) on [0, {A_MAX}], K = P/Q in [{k_min:.3f}, {k_max:.3f}], '
          f'relative error {float(err):.1e} (tests/reference/fit_fast_f32.py); lowest power first.')
    print(f'constexpr double kGeluG = {g!r}, kGeluC = {C!r};')
    print(f'constexpr float kGeluKNum[] = {{{f32(p)}}};')
    print(f'constexpr float kGeluKDen[] = {{{f32(q)}}};')
    exp_coeffs, exp_err = exp_fit()
    print(f'// e^r on |r| ≤ ln2/2, Chebyshev fit of degree 6, relative error {float(exp_err):.1e}; lowest power first.')
    print('constexpr double kExpReduced[] = {' + ', '.join(repr(c) for c in exp_coeffs) + '};')
    if max(err, exp_err) > TARGET:
        raise SystemExit(f'fit error {float(max(err, exp_err)):.2e} above 2^-26')


if __name__ == '__main__':
    main()
