"""one_sided_slopes, is_differentiable, stated_derivative and find_singularities: corners, cusps,
vertical tangents, poles between samples, and smooth points."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from core.calculus import (
    OneSidedSlopes,
    is_differentiable,
    one_sided_slopes,
    stated_derivative,
)
from core.expression import parse_function
from core.singularities import KINDS, Singularity, find_singularities


def f_(text):
    return parse_function(text)


# --- one-sided slopes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "x0", "left", "right"),
    [
        ("abs(x-3)", 3.0, -1.0, 1.0),  # a corner
        ("abs(sin(x))", math.pi, -1.0, 1.0),  # a corner off the float grid
        ("2*x + 3*abs(x-1)", 1.0, -1.0, 5.0),
        ("abs(x)**0.5", 0.0, -math.inf, math.inf),  # a cusp
        ("x**(1/3)", 0.0, math.nan, math.inf),  # vertical tangent; no real root left of 0
        ("sqrt(x)", 0.0, math.nan, math.inf),
        ("-sqrt(x)", 0.0, math.nan, -math.inf),
        ("abs(x)**0.9", 0.0, -math.inf, math.inf),  # slowly steepening still counts
    ],
)
def test_one_sided_slopes_where_f_prime_does_not_exist(text, x0, left, right):
    s = one_sided_slopes(f_(text), x0)
    for got, want in ((s.left, left), (s.right, right)):
        if math.isnan(want):
            assert math.isnan(got)
        elif math.isinf(want):
            assert got == want
        else:
            assert got == pytest.approx(want, rel=1e-9, abs=1e-9)
    assert not s.agree()
    assert is_differentiable(f_(text), x0) is False


@pytest.mark.parametrize(
    ("text", "x0", "exact"),
    [
        ("sin(x)", 1.0, math.cos(1.0)),
        ("0.02*x**2 + 0.1*x", 3.0, 0.22),
        ("abs(x-3)", 2.0, -1.0),
        ("abs(x)**0.5", 1.0, 0.5),
        ("abs(x-3)**3", 3.0, 0.0),  # smooth enough: f' = 0 from both sides
        ("1e9*x**2", 0.0, 0.0),
        ("tan(x)", 1.5, 1 / math.cos(1.5) ** 2),  # the pole 0.07 away
    ],
)
def test_one_sided_slopes_agree_at_smooth_points(text, x0, exact):
    s = one_sided_slopes(f_(text), x0)
    assert s.finite and s.agree()
    assert is_differentiable(f_(text), x0) is True
    scale = max(abs(exact), 1.0)
    assert abs(s.left - exact) <= 1e-8 * scale and abs(s.right - exact) <= 1e-8 * scale


def test_one_sided_slopes_result_is_frozen():
    s = one_sided_slopes(np.sin, 0.0)
    assert isinstance(s, OneSidedSlopes)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.left = 0.0  # type: ignore[misc]


def test_one_sided_slopes_where_f_is_not_finite():
    s = one_sided_slopes(f_("1/(x-2)"), 2.0)
    assert math.isnan(s.left) and math.isnan(s.right)
    assert is_differentiable(f_("log(x)"), 0.0) is False


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: one_sided_slopes(3, 0.0), "`f` must be a callable"),
        (lambda: one_sided_slopes(np.sin, [0.0, 1.0]), "`x0` must be a single number"),
        (lambda: one_sided_slopes(np.sin, math.nan), "`x0` must be finite"),
        (lambda: one_sided_slopes(np.sin, 0.0, h=0), "`h` must be a finite positive number"),
        (lambda: is_differentiable(np.sin, 0.0, rtol=-1), "`rtol` must be a finite positive"),
        (lambda: stated_derivative(np.sin, "x"), "`x` must be a real number"),
        (lambda: find_singularities(np.sin, 1.0, 0.0), "`x_max` must be greater than `x_min`"),
        (lambda: find_singularities(np.sin, 0.0, math.inf), "`x_max` must be a finite real"),
        (lambda: find_singularities(np.sin, 0.0, 1.0, samples=3), "`samples` must be an integer"),
    ],
)
def test_validation_names_the_parameter(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- stated derivative ------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(), (12,), (3, 4)])
def test_stated_derivative_shapes_against_a_loop(shape):
    f = f_("exp(-x/3)*cos(2*x)")
    x = np.random.default_rng(3).uniform(0, 10, size=shape)
    got = stated_derivative(f, x)
    if shape == ():
        assert isinstance(got, float)
    else:
        loop = np.array([stated_derivative(f, float(v)) for v in x.ravel()]).reshape(shape)
        np.testing.assert_array_equal(got, loop)
    exact = np.exp(-x / 3) * (-np.cos(2 * x) / 3 - 2 * np.sin(2 * x))
    np.testing.assert_allclose(got, exact, rtol=1e-13)


def test_stated_derivative_falls_back_to_richardson_for_real_only_callables():
    got = stated_derivative(lambda t: np.asarray(np.real(t), dtype=float) ** 3, 2.0)
    assert got == pytest.approx(12.0, rel=1e-11)


def test_stated_derivative_is_nan_where_f_is_not_defined():
    assert math.isnan(stated_derivative(f_("log(x)"), -1.0))


# --- singularities between samples ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "a", "b", "expected"),
    [
        ("tan(x)", 0.0, 3.0, [(math.pi / 2, "pole", False)]),
        ("tan(x)", 0.0, 10.0, [(k * math.pi + math.pi / 2, "pole", False) for k in range(3)][:1]),
        ("1/(x-2)**2", 0.0, 3.9, [(2.0, "pole", False)]),  # no sign change
        ("1/(x-2)", 0.0, 3.9, [(2.0, "pole", False)]),
        ("log(abs(x-1))", 0.0, 3.0, [(1.0, "pole", False)]),  # grows only logarithmically
        ("abs(x)/x", -1.0, 1.1, [(0.0, "jump", False)]),
        ("abs(x - 0.3)**0.5", -1.0, 1.0, [(0.3, "infinite slope", False)]),
        ("x**(1/3)", 0.0, 8.0, [(0.0, "infinite slope", True)]),
        ("sqrt(9 - x)", 0.0, 9.0, [(9.0, "infinite slope", True)]),
        ("abs(x-3)", 0.0, 12.0, [(3.0, "corner", False)]),
        ("abs(sin(x))", 0.0, 7.0, [(math.pi, "corner", False), (2 * math.pi, "corner", False)]),
        ("x**(1/3)", -1.0, 1.0, [(-1.0, "undefined", True)]),
        ("1/(x-2)", 0.0, 4.0, [(2.0, "undefined", False)]),
    ],
)
def test_find_singularities(text, a, b, expected):
    found = find_singularities(f_(text), a, b)
    if text == "tan(x)" and b == 10.0:  # three poles: pi/2, 3pi/2, 5pi/2
        expected = [(k * math.pi + math.pi / 2, "pole", False) for k in range(3)]
    assert [(s.kind, s.at_end) for s in found] == [(k, e) for _, k, e in expected]
    for s, (x, _, _) in zip(found, expected, strict=True):
        assert s.x == pytest.approx(x, abs=1e-9)
        assert isinstance(s, Singularity) and s.kind in KINDS


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("0.02*x**2 + 0.1*x", 0.0, 12.0),
        ("sin(x)", 0.0, 6.0),
        ("exp(-x/3)*cos(2*x)", 0.0, 10.0),
        ("x**3 - 6*x", -3.0, 3.0),
        ("5", 0.0, 12.0),
        ("x", 0.0, 12.0),
        ("sin(20*x)", 0.0, 12.0),
        ("sin(200*x)", 0.0, 3.0),
        ("1e-6*x", 0.0, 12.0),
        ("1e9*x**2", 0.0, 12.0),
        ("1e9 + sin(x)", 0.0, 12.0),  # large offset: rounding noise is not a corner
        ("exp(x)", 0.0, 20.0),
        ("log(x)", 0.1, 5.0),
        ("tan(x)", 0.0, 1.5),  # the pole is just outside
        ("exp(-1/x**2)", -1.0, 1.0),
        ("x*sin(1/x)", 0.01, 1.0),
        ("abs(x-3)**3", 0.0, 6.0),
    ],
)
def test_smooth_functions_have_no_singularities(text, a, b):
    assert find_singularities(f_(text), a, b) == ()
