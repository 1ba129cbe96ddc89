"""core.sweep: the stationary points f' = 0, the sweep's range widened to the post's minimum at
x = -2.5, and the exact secant slope of a quadratic, 0.04x + 0.1 + 0.02h for the post."""

from __future__ import annotations

import numpy as np
import pytest

from core.calculus import stated_derivative
from core.expression import parse_function
from core.functions import blog_f
from core.sweep import quadratic_quotient, stationary_points, sweep_range


def test_the_posts_sweep_takes_in_its_minimum():
    r = sweep_range(blog_f, 0.0, 12.0)
    assert (r.start, r.stop, r.widened) == (-4.0, 12.0, True)
    assert len(r.stationary) == 1
    (s,) = r.stationary
    assert s == pytest.approx(-2.5, abs=1e-12)
    assert abs(stated_derivative(blog_f, s)) < 1e-12  # f'(-2.5) = 0: the tangent is flat
    # a minimum: f' goes from negative to positive
    assert stated_derivative(blog_f, s - 0.5) < 0 < stated_derivative(blog_f, s + 0.5)


def test_no_widening_when_a_stationary_point_is_inside_or_too_far():
    r = sweep_range(np.sin, 0.0, 6.0)
    assert (r.start, r.stop, r.widened) == (0.0, 6.0, False)
    np.testing.assert_allclose(r.stationary, [np.pi / 2, 3 * np.pi / 2], atol=1e-10)
    far = parse_function("(x + 20)**2")  # minimum at -20: more than a quarter span away
    assert sweep_range(far, 0.0, 12.0) == sweep_range(far, 0.0, 12.0, reach=0.25)
    assert not sweep_range(far, 0.0, 12.0).widened
    assert sweep_range(blog_f, 0.0, 12.0, reach=0.0).start == 0.0
    right = parse_function("-(x - 13)**2")  # a maximum just right of the range
    r = sweep_range(right, 0.0, 12.0)
    assert (r.start, r.stop) == (0.0, 15.0)
    assert r.stationary == pytest.approx((13.0,), abs=1e-9)


def test_no_widening_into_where_f_is_undefined():
    f = parse_function("sqrt(x + 3) - 0.3*x")  # f' = 0 at x = -2.44..., but sqrt ends at -3
    r = sweep_range(f, 0.0, 12.0)
    assert r.start >= -3.0 or not r.widened


def test_stationary_points_of_cos_and_corners():
    np.testing.assert_allclose(stationary_points(np.cos, 0.5, 7.0), [np.pi, 2 * np.pi],
                               atol=1e-10)
    assert stationary_points(parse_function("abs(x - 3)"), 0.0, 6.0) == ()  # a corner: no f' = 0


@pytest.mark.parametrize("coefficients", [(0.0, 0.1, 0.02), (2.0, -3.0, 0.5), (1.0, 4.0),
                                          (5.0, 0.0, 1.0)])
def test_the_quotient_of_a_quadratic_is_exact(coefficients):
    q = quadratic_quotient(coefficients)
    c = [*coefficients, 0.0, 0.0][:3]

    def f(x):
        return c[0] + c[1] * x + c[2] * x**2

    x = np.linspace(-5, 12, 9)[:, None]
    h = np.array([1.0, 0.5, 1e-2, 1e-4])[None, :]
    np.testing.assert_allclose(q(x, h), (f(x + h) - f(x)) / h, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(q.derivative(x), stated_derivative(f, x), atol=1e-9)


def test_the_posts_quotient():
    q = quadratic_quotient((0.0, 0.1, 0.02))
    assert (q.slope, q.intercept, q.h_coefficient) == (0.04, 0.1, 0.02)


def test_validation():
    with pytest.raises(ValueError, match="`a` and `b`"):
        stationary_points(np.sin, 1.0, 1.0)
    with pytest.raises(ValueError, match="`samples`"):
        stationary_points(np.sin, 0.0, 1.0, samples=2)
    with pytest.raises(ValueError, match="`reach`"):
        sweep_range(np.sin, 0.0, 1.0, reach=-1)
    with pytest.raises(ValueError, match="`coefficients`"):
        quadratic_quotient((1.0, 2.0, 3.0, 4.0))
