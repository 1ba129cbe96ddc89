"""Tests of core.symbolic: f' as a formula, checked against the numerical derivative.

Every formula is parsed back with :func:`core.expression.parse_function` and evaluated; it must
agree with the catalogue's exact derivative and with core's complex-step derivative
(:func:`core.calculus.stated_derivative`) to 1e-9, wherever f' exists.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.calculus import stated_derivative
from core.expression import ExpressionError, parse_function
from core.symbolic import derivative_text, polynomial, polynomial_text
from tests.function_catalogue import CATALOGUE

SMOOTH = [c for c in CATALOGUE if c.renders and c.df is not None]


def close(a: np.ndarray, b: np.ndarray) -> None:
    """Equal to 1e-9 relative (to the largest |f'| on the grid), nan where either is nan."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    both = np.isfinite(a) & np.isfinite(b)
    assert both.mean() > 0.9, "f' is undefined at too many points"
    scale = max(1.0, float(np.max(np.abs(b[both]))))
    np.testing.assert_allclose(a[both], b[both], rtol=1e-9, atol=1e-9 * scale)


@pytest.mark.parametrize("case", SMOOTH, ids=[c.name for c in SMOOTH])
def test_every_catalogue_function_has_its_exact_derivative(case):
    text = derivative_text(case.expression)
    df = parse_function(text)  # a text the parser accepts
    xs = np.linspace(case.x_min, case.x_max, 97)
    with np.errstate(all="ignore"):
        xs = xs[(xs > case.x_min) | np.isfinite(case.df(xs))]  # sqrt: not at 0, f' = inf
        got = np.asarray(df(xs), dtype=float) + np.zeros_like(xs)
        close(got, case.df(xs))
        close(got, stated_derivative(parse_function(case.expression), xs))


def test_the_posts_quadratic_gives_2ax_plus_b():
    assert derivative_text("0.02*x**2 + 0.1*x") == "0.04*x + 0.1"
    assert polynomial("0.02*x**2 + 0.1*x") == (0.0, 0.1, 0.02)
    # f = ax² + bx + c -> f' = 2ax + b, for other a, b, c (computed, not typed)
    for a, b, c in [(0.5, -3.0, 2.0), (-1.5, 0.0, 7.0), (3.0, 2.5, 0.0)]:
        text = derivative_text(f"{a}*x**2 + {b}*x + {c}")
        assert polynomial(text) == (b, 2 * a)


def test_degree_drops_by_one():
    assert len(polynomial("x**3 - 6*x")) - 1 == 3
    assert len(polynomial(derivative_text("x**3 - 6*x"))) - 1 == 2
    assert polynomial("5") == (5.0,) and derivative_text("5") == "0"
    assert polynomial(derivative_text("x")) == (1.0,)
    assert polynomial("(x + 1)*(x - 1)") == (-1.0, 0.0, 1.0)
    for text in ("sin(x)", "2**x", "x**0.5", "1/x", "x**x", "abs(x)"):
        assert polynomial(text) is None, text


def test_no_float_noise_and_fractions_stay_fractions():
    assert derivative_text("0.1*x*3") == "0.3"
    assert derivative_text("x/3") == "1/3"
    assert derivative_text("x**(1/3)") == "1/3*x**(-(2/3))"
    assert polynomial_text((1 / 3, 2.0)) == "2*x + 1/3"


def test_corners_are_undefined_where_f_prime_is():
    df = parse_function(derivative_text("abs(x-3)"))
    with np.errstate(all="ignore"):
        assert np.isnan(df(3.0))
    assert df(2.0) == -1.0 and df(4.0) == 1.0


def test_rejects_what_the_parser_rejects():
    with pytest.raises(ExpressionError, match="unknown name 'y'"):
        derivative_text("x + y")


# random expressions of the parser's grammar: the formula against the complex step
LEAVES = st.sampled_from(["x", "2", "0.5", "3", "pi", "(x + 1)"])
UNARY = ["sin({})", "cos({})", "exp({}/4)", "log(x**2 + {}**2 + 1)", "sqrt(x**2 + {}**2 + 1)",
         "-{}", "({})**2", "({})**3", "2**({}/3)"]
BINARY = ["{} + {}", "{} - {}", "{}*{}", "{}/(1 + ({})**2)"]


def _expressions(depth: int):
    if depth == 0:
        return LEAVES
    sub = _expressions(depth - 1)
    return st.one_of(
        sub,
        st.builds(lambda f, a: f.format(a), st.sampled_from(UNARY), sub),
        st.builds(lambda f, a, b: f.format(a, b), st.sampled_from(BINARY), sub, sub),
    )


@settings(max_examples=150, deadline=None)
@given(text=_expressions(3))
def test_random_expressions_agree_with_the_complex_step(text):
    f = parse_function(text)
    xs = np.linspace(0.3, 2.7, 13)
    with np.errstate(all="ignore"):
        values = np.asarray(f(xs), dtype=float) + np.zeros_like(xs)
        assume(np.all(np.isfinite(values)) and np.max(np.abs(values)) < 1e8)
        exact = stated_derivative(f, xs)
        got = np.asarray(parse_function(derivative_text(text))(xs), dtype=float)
    close(got + np.zeros_like(xs), exact)
