#!/usr/bin/python3
"""Polynomial fits that the C++ kernels use where a textbook formula cancels; writes src/core/activations_fits.hpp.

Usage:  /usr/bin/python3 tests/reference/fit_kernels.py

1. Near the root x0 of a derivative (gelu', gelu_tanh', silu', mish'), f'(x) = A(x) + B(x) with A ≈ −B, so
   any rounding in A or B becomes a large relative error. There the kernels compute d = x − x0 with x0
   carried as hi + lo, and f'(x) = d·P(d − centre), P a Chebyshev fit of f'(x0 + d)/d. The fitted interval
   is where |A| + |B| > 2|A + B| (outside, the formula's error is at most about twice its terms').
2. tanhshrink: x − tanh x = x³·P(x²) for |x| ≤ 1, where the subtraction loses digits.

The fitted functions are the mpmath definitions of generate.py; every fit's maximum relative error is
printed and must be below 2^-56. The kernels run the last three Horner steps in double-double with the
coefficients' rounding errors (the `...Lo` arrays), so the evaluation adds about an ulp. These fits are part of the kernels: the reference vectors stay the
independent check.
"""
import os
import sys

from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (the mpmath definitions)

OUT = os.path.join(generate.ROOT, 'src', 'core', 'activations_fits.hpp')
TARGET = mpf(2) ** -56


def terms(fn_id, x):
    """The two terms (A, B) that the textbook derivative adds, for the cancellation measure."""
    if fn_id == 'gelu':
        return mp.erfc(-x / mp.sqrt(2)) / 2, x * mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)
    if fn_id == 'silu':
        s = generate.sig(x)
        return s, x * s * generate.sig(-x)
    if fn_id == 'mish':
        sp = mp.log1p(mp.exp(x))
        return mp.tanh(sp), x * mp.sech(sp) ** 2 * generate.sig(x)
    c, k = mpf(generate.GELU_TANH_COEFF), mp.sqrt(2 / mp.pi)
    u = k * (x + c * x ** 3)
    s = generate.sig(2 * u)
    return s, 2 * x * s * generate.sig(-2 * u) * k * (1 + 3 * c * x * x)


def fit(g, lo, hi, name, comment):
    """Chebyshev fit of g on [lo, hi] in u = t − centre, of the lowest degree meeting TARGET."""
    centre = (lo + hi) / 2
    half = (hi - lo) / 2
    smallest = min(abs(g(lo + (hi - lo) * i / 200)) for i in range(201))
    for n in range(4, 60):
        coeffs, err = mp.chebyfit(lambda u: g(u + centre), [-half, half], n, error=True)
        if err / smallest < TARGET:
            break
    else:
        raise SystemExit(f'{name}: no fit below 2^-56')
    # How much Horner's rounding can grow: Σ|c_k||u|^k over |P(u)|, at the interval's ends.
    growth = max(sum(abs(c) * abs(u) ** (len(coeffs) - 1 - i) for i, c in enumerate(coeffs)) /
                 abs(mp.polyval(coeffs, u)) for u in (-half, half))
    print(f'{name}: degree {n - 1}, relative error {float(err / smallest):.2e}, Horner growth {float(growth):.2f}')
    body = ',\n    '.join(', '.join(repr(float(c)) for c in coeffs[i:i + 3]) for i in range(0, len(coeffs), 3))
    # The last three steps of Horner's rule run in double-double, with these coefficients' rounding errors.
    lows = ', '.join(repr(float(c - mpf(float(c)))) for c in coeffs[-3:])
    return centre, (f'// {comment}\n// Degree {n - 1}, max relative error {float(err / smallest):.1e}; highest power first.\n'
                    f'inline constexpr double {name}[] = {{\n    {body}}};\n'
                    f'inline constexpr double {name}Lo[] = {{{lows}}};\n')


def root_fit(fn_id, guess, cancellation, left_cancellation=None):
    fn = generate.REFERENCE[fn_id]
    with mp.workdps(80):
        x0 = mp.findroot(lambda t: fn(t, ())[1], mpf(guess))

        def ratio(x):
            a, b = terms(fn_id, x)
            return (abs(a) + abs(b)) / abs(a + b) - cancellation
        lo = mp.findroot(ratio, x0 - 0.5) - mpf('0.05')
        hi = mp.findroot(ratio, x0 + 0.4) + mpf('0.05')
    root_hi = float(x0)
    root_lo = float(x0 - root_hi)

    def g(d):
        with mp.workdps(100):
            return fn(x0 + d, ())[1] / d
    name = ''.join(w.capitalize() for w in fn_id.split('_'))
    centre, table = fit(g, lo - x0, hi - x0, f'k{name}DerivativeNearRoot',
                        f"{fn_id}'(x) / (x − x0) in d = x − x0 − centre, for x in [{float(lo):.17g}, {float(hi):.17g}]")
    table += (f'inline constexpr RootRegion k{name}DerivativeRegion{{{root_hi!r}, {root_lo!r}, {float(lo)!r}, '
              f'{float(hi)!r}, {float(centre)!r}}};\n')
    if left_cancellation:
        # Left of the root region the terms still cancel by up to 2×: f' itself, fitted directly.
        with mp.workdps(80):
            left = mp.findroot(lambda x: ratio(x) + 2 - left_cancellation, lo - 0.6)

        def deriv(x):
            with mp.workdps(100):
                return fn(x, ())[1]
        left_centre, left_table = fit(deriv, left, lo, f'k{name}DerivativeLeft',
                                      f"{fn_id}'(x) in u = x − centre, for x in [{float(left):.17g}, {float(lo):.17g}]")
        table += left_table + (f'inline constexpr Interval k{name}DerivativeLeftRegion{{{float(left)!r}, '
                               f'{float(lo)!r}, {float(left_centre)!r}}};\n')
    return table


def main():
    mp.dps = 40
    parts = ['// Generated by tests/reference/fit_kernels.py with mpmath; do not edit by hand.',
             '// Polynomial fits used by activations.cpp where the textbook formula cancels (see the script).',
             '#pragma once', '', 'namespace alab::act::fits {', '',
             '// x0 = root_hi + root_lo is the root of the derivative; the fit covers [lo, hi].',
             'struct RootRegion {', '  double root_hi, root_lo, lo, hi, centre;', '};', '',
             '// A fitted interval [lo, hi], polynomial in x − centre.',
             'struct Interval {', '  double lo, hi, centre;', '};', '']
    # Fitted out to a cancellation of 2; for gelu a second fit continues left to 1.3 (its tail has no
    # cheaper stable form); silu, mish and gelu_tanh factor the rest (see activations.cpp).
    for fn_id, guess, left in [('gelu', -0.75, 1.3), ('gelu_tanh', -0.75, None), ('silu', -1.28, None),
                               ('mish', -1.19, None)]:
        parts.append(root_fit(fn_id, guess, 2, left))

    def h(t):
        with mp.workdps(100):
            x = mp.sqrt(t)
            return generate.tanhshrink(x, ())[0] / x ** 3 if t else mpf(1) / 3
    parts.append(fit(h, mpf(0), mpf(1), 'kTanhshrinkSmall', '(x − tanh x) / x³ in u = x² − 1/2, for |x| ≤ 1')[1])
    parts.append('}  // namespace alab::act::fits\n')
    with open(OUT, 'w') as out:
        out.write('\n'.join(parts))
    print('wrote', os.path.relpath(OUT, generate.ROOT))


if __name__ == '__main__':
    main()
