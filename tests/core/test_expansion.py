"""core.expansion: the secant slope as f'(x0) + c·h, exact only for a quadratic."""

from __future__ import annotations

import math

import numpy as np
import pytest
from function_catalogue import CATALOGUE
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calculus import secant
from core.expansion import quadratic_coefficients, secant_expansion
from core.expression import parse_function
from core.functions import blog_f


def test_post_quadratic_slope_is_exactly_022_plus_002h():
    e = secant_expansion(blog_f, 3.0, 0.0, 12.0)
    assert e.exact
    assert e.derivative == pytest.approx(0.22, rel=1e-14)
    assert e.coefficient == pytest.approx(0.02, rel=1e-12)
    for h in (4.0, 1.0, 0.1, 0.01, 1e-3, -2.0):
        assert secant(blog_f, 3.0, h).slope == pytest.approx(e.slope(h), rel=1e-12)


@settings(max_examples=40, deadline=None)
@given(a=st.floats(-50, 50), b=st.floats(-50, 50), c=st.floats(-50, 50),
       x0=st.floats(-3, 3), h=st.floats(0.01, 2))
def test_every_quadratic_is_recognised_and_its_identity_holds(a, b, c, x0, h):
    f = parse_function(f"{a!r}*x**2 + {b!r}*x + {c!r}")
    e = secant_expansion(f, x0, -4.0, 4.0)
    assert e.exact
    assert e.coefficient == pytest.approx(a, abs=1e-9 * (1 + abs(a) + abs(b) + abs(c)))
    scale = 1 + abs(a) + abs(b) + abs(c)
    assert secant(f, x0, h).slope == pytest.approx(e.slope(h), abs=1e-9 * scale / h)


@pytest.mark.parametrize("case", [c for c in CATALOGUE if c.renders], ids=lambda c: c.name)
def test_quadratic_is_decided_from_values_not_text(case):
    """The catalogue's quadratics (and lines and constants) are exact; nothing else is."""
    f = parse_function(case.expression)
    x = np.linspace(case.x_min, case.x_max, 7)
    with np.errstate(all="ignore"):
        y = np.asarray(f(x), dtype=float)
    expected = bool(np.all(np.isfinite(y))) and case.expression in (
        "0.02*x**2 + 0.1*x", "5", "x", "1e-6*x", "1e9*x**2", "1e6*x**2")
    assert (quadratic_coefficients(f, case.x_min, case.x_max) is not None) == expected


@pytest.mark.parametrize(("expression", "x0", "half_second"), [
    ("sin(x)", 1.0, -math.sin(1.0) / 2),
    ("exp(x)", 2.0, math.exp(2.0) / 2),
    ("x**3 - 6*x", 1.0, 3.0),
    ("log(x)", 1.0, -0.5),
])
def test_first_order_coefficient_is_half_the_second_derivative(expression, x0, half_second):
    f = parse_function(expression)
    e = secant_expansion(f, x0, x0 - 0.9, x0 + 3.0)
    assert not e.exact
    assert e.coefficient == pytest.approx(half_second, rel=1e-6)
    # and it is the first-order term: the remainder shrinks like h²
    errors = [abs(secant(f, x0, h).slope - e.slope(h)) for h in (1e-1, 1e-2)]
    assert errors[1] < errors[0] / 50


def test_bad_range_is_rejected():
    with pytest.raises(ValueError, match="x_min < x_max"):
        quadratic_coefficients(np.sin, 1.0, 1.0)
