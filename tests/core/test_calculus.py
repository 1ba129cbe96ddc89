"""Tests of core.calculus and core.functions: what the math promises, and the post's code."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calculus import (
    DEFAULT_STEPS,
    METHODS,
    Line,
    correct_digits,
    derivative,
    line_through,
    optimal_step,
    secant,
    stated_derivative,
    stated_tangent,
    step_errors,
    tangent,
)
from core.functions import BLOG_EXPRESSION, blog_df, blog_f

EPS = float(np.finfo(float).eps)

# Smooth functions with their exact derivatives, all complex-safe.
SMOOTH = {
    "sin": (np.sin, np.cos),
    "exp": (np.exp, np.exp),
    "poly": (lambda x: 3 * x**5 - 2 * x**3 + x - 7, lambda x: 15 * x**4 - 6 * x**2 + 1),
    "blog": (blog_f, blog_df),
}


# --- the post's function and the post's code -------------------------------------------------


def post_func(x):
    return 0.02 * x**2 + 0.1 * x


def post_differentiation(f, x):
    h = 1e-8
    return (f(x + h) - f(x - h)) / (2 * h)


def post_tangent(f, x):
    d = post_differentiation(f, x)
    y = f(x) - d * x
    return lambda t: d * t + y


def test_blog_functions_match_the_post():
    x = np.arange(0.0, 12.0, 0.1)
    np.testing.assert_array_equal(blog_f(x), post_func(x))
    np.testing.assert_allclose(blog_df(x), 0.04 * x + 0.1, rtol=0, atol=1e-15)
    assert BLOG_EXPRESSION == "0.02*x**2 + 0.1*x"
    assert isinstance(blog_f(3.0), float) and isinstance(blog_df(3.0), float)
    assert isinstance(blog_f(3.0 + 1e-20j), complex)


def test_blog_functions_reject_text():
    with pytest.raises(ValueError, match="`x`"):
        blog_f("three")
    with pytest.raises(ValueError, match="`x`"):
        blog_df("three")


def test_post_code_works_as_written():
    # The post's script, with our tangent in place of its own.
    x = np.arange(0.0, 12.0, 0.1)
    for x0 in (3.0, 6.0, 9.0):
        ours, theirs = tangent(post_func, x0), post_tangent(post_func, x0)
        assert ours.slope == post_differentiation(post_func, x0)  # the same formula, bit for bit
        np.testing.assert_allclose(ours(x), theirs(x), rtol=1e-12, atol=1e-12)
    assert derivative(post_func, 3.0) == post_differentiation(post_func, 3.0)
    for f in (np.exp, np.sin):  # not just the parabola, where many formulas agree
        assert derivative(f, 1.3) == post_differentiation(f, 1.3)
        assert tangent(f, 1.3).slope == post_differentiation(f, 1.3)


@pytest.mark.parametrize("method", METHODS)
def test_post_slopes_and_tangent_at_3(method):
    atol = 1e-6 if method in ("forward", "backward", "central") else 1e-13
    for x0, slope in ((3.0, 0.22), (6.0, 0.34), (9.0, 0.46)):
        assert derivative(blog_f, x0, method=method) == pytest.approx(slope, abs=atol)
    line = tangent(blog_f, 3.0, method=method)
    assert line.slope == pytest.approx(0.22, abs=atol)
    assert line.intercept == pytest.approx(-0.18, abs=10 * atol)
    assert line.x0 == 3.0 and line.y0 == blog_f(3.0)


# --- accuracy ---------------------------------------------------------------------------------


@st.composite
def polynomials(draw):
    degree = draw(st.integers(0, 6))
    coef = draw(st.lists(st.floats(-10, 10), min_size=degree + 1, max_size=degree + 1))
    return np.array(coef)


@settings(max_examples=60, deadline=None)
@given(coef=polynomials(), x=st.floats(-3, 3))
def test_derivative_of_random_polynomials(coef, x):
    p, dp = np.poly1d(coef), np.poly1d(coef).deriv()
    exact = float(dp(x))
    # The size of the numbers involved: rounding errors scale with it.
    scale = float(np.sum(np.abs(coef) * 4.0 ** np.arange(len(coef))[::-1])) + 1.0
    assert derivative(p, x, method="complex") == pytest.approx(exact, abs=1e-13 * scale)
    assert derivative(p, x, method="richardson") == pytest.approx(exact, abs=1e-11 * scale)
    assert derivative(p, x, method="central") == pytest.approx(exact, abs=1e-6 * scale)
    assert derivative(p, x, method="forward") == pytest.approx(exact, abs=1e-6 * scale)


@pytest.mark.parametrize("name", ["sin", "exp", "poly", "blog"])
def test_richardson_gives_12_significant_digits(name):
    f, df = SMOOTH[name]
    x = np.linspace(-4.0, 4.0, 81)
    exact = df(x)
    ordinary = np.abs(exact) > 0.05 * np.max(np.abs(exact))  # not at a zero of f'
    x, exact = x[ordinary], exact[ordinary]
    rel = np.abs(derivative(f, x, method="richardson") - exact) / np.abs(exact)
    assert np.max(rel) < 1e-12
    # The post's h = 1e-8 central difference is several orders of magnitude worse.
    rel_post = np.abs(derivative(f, x) - exact) / np.abs(exact)
    assert np.max(rel_post) > 100 * np.max(rel)


@pytest.mark.parametrize("name", ["sin", "exp", "poly", "blog"])
def test_complex_step_is_exact_to_rounding(name):
    f, df = SMOOTH[name]
    x = np.linspace(-4.0, 4.0, 81)
    exact = df(x)
    np.testing.assert_allclose(derivative(f, x, method="complex"), exact, rtol=4 * EPS, atol=1e-13)


def fitted_slope(hs, errors):
    return np.polyfit(np.log10(hs), np.log10(errors), 1)[0]


@pytest.mark.parametrize(("method", "order"), [("forward", 1), ("backward", 1), ("central", 2)])
def test_order_of_accuracy_as_fitted_log_log_slope(method, order):
    hs = np.logspace(-1, -3, 12)  # truncation error dominates here
    for f, df in (SMOOTH["exp"], SMOOTH["sin"]):
        errors = step_errors(f, df, 0.7, hs, method=method)
        assert abs(fitted_slope(hs, errors) - order) < 0.1


@pytest.mark.parametrize("method", ["forward", "central"])
def test_rounding_error_grows_as_the_step_shrinks(method):
    hs = np.logspace(-10, -13, 30)  # rounding error dominates here: slope -1
    errors = step_errors(np.exp, np.exp, 1.0, hs, method=method)
    assert np.all(errors > 0)
    assert abs(fitted_slope(hs, errors) + 1) < 0.35


@pytest.mark.parametrize("method", ["forward", "central"])
@pytest.mark.parametrize("x", [1.0, 20.0])
def test_optimal_step_is_near_the_bottom_of_the_error_curve(method, x):
    f, df = (lambda t: np.exp(t / x), lambda t: np.exp(t / x) / x)
    hs = np.logspace(-14, 0, 141) * max(1.0, x)
    errors = step_errors(f, df, x, hs, method=method)
    best = step_errors(f, df, x, [optimal_step(method, x)], method=method)[0]
    assert best <= 30 * np.min(errors)
    assert best < 1e-3 * np.max(errors)


def test_optimal_step_values():
    assert optimal_step("forward") == pytest.approx(math.sqrt(EPS))
    assert optimal_step("backward", -10.0) == pytest.approx(10 * math.sqrt(EPS))
    assert optimal_step("central", 0.5) == pytest.approx(EPS ** (1 / 3))
    assert optimal_step("central", 1e3) == pytest.approx(1e3 * EPS ** (1 / 3))
    assert optimal_step("complex") == DEFAULT_STEPS["complex"]
    assert optimal_step("richardson", 4.0) == pytest.approx(4 * DEFAULT_STEPS["richardson"])


def test_step_errors_match_derivative():
    hs = [1e-1, 1e-2, 1e-3]
    errors = step_errors(np.sin, np.cos, 1.0, hs, method="forward")
    assert errors.shape == (3,)
    expected = [abs(derivative(np.sin, 1.0, h=h, method="forward") - math.cos(1.0)) for h in hs]
    np.testing.assert_array_equal(errors, expected)


def test_default_steps_are_the_post_step():
    x = 2.0
    assert derivative(np.exp, x) == derivative(np.exp, x, h=1e-8)
    assert derivative(np.exp, x, method="forward") == (np.exp(x + 1e-8) - np.exp(x)) / 1e-8
    assert derivative(np.exp, x, method="backward") == (np.exp(x) - np.exp(x - 1e-8)) / 1e-8
    assert derivative(np.exp, x, method="complex") == np.imag(np.exp(x + 1e-20j)) / 1e-20


# --- shapes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(), (12,), (3, 4)])
@pytest.mark.parametrize("method", METHODS)
def test_derivative_shapes_against_a_loop(shape, method):
    rng = np.random.default_rng(7)
    x = rng.uniform(-5, 5, size=shape)
    f = SMOOTH["poly"][0]  # pure arithmetic: identical rounding element by element
    result = derivative(f, x, method=method)
    if shape == ():
        assert isinstance(result, float)
        assert result == derivative(f, float(x), method=method)
    else:
        assert isinstance(result, np.ndarray) and result.shape == shape
        loop = np.array([derivative(f, float(v), method=method) for v in x.ravel()])
        np.testing.assert_array_equal(result, loop.reshape(shape))


def test_derivative_of_a_list_and_of_a_constant():
    np.testing.assert_allclose(derivative(blog_f, [3.0, 6.0]), [0.22, 0.34], atol=1e-6)
    result = derivative(lambda x: 5.0, np.zeros((2, 3)))
    assert result.shape == (2, 3) and np.all(result == 0)


@pytest.mark.parametrize("shape", [(), (12,), (3, 4)])
def test_line_shapes_against_a_loop(shape):
    line = tangent(blog_f, 3.0)
    x = np.linspace(-1, 11, int(np.prod(shape))).reshape(shape)
    result = line(x)
    if shape == ():
        assert isinstance(result, float)
    else:
        assert result.shape == shape
        loop = np.array([line(float(v)) for v in x.ravel()]).reshape(shape)
        np.testing.assert_array_equal(result, loop)


# --- lines ------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(coef=polynomials(), x0=st.floats(-3, 3), method=st.sampled_from(METHODS))
def test_tangent_touches_its_curve_at_x0(coef, x0, method):
    p = np.poly1d(coef)
    line = tangent(p, x0, method=method)
    assert line(x0) == pytest.approx(float(p(x0)), rel=1e-15, abs=1e-12)
    assert line(0.0) == pytest.approx(line.intercept, rel=1e-9, abs=1e-9)
    # Away from x0 the gap between curve and tangent is second order.
    dx = 1e-3
    gap = abs(float(p(x0 + dx)) - line(x0 + dx))
    assert gap <= abs(float(p.deriv(2)(x0))) * dx**2 + 1e-6 * (1 + np.abs(coef).sum() * 4**6)


def test_line_is_frozen_and_has_the_post_form():
    line = tangent(blog_f, 3.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.slope = 1.0
    assert line.intercept == pytest.approx(line.y0 - line.slope * line.x0)
    assert Line(0.0, 1.0, 2.0, 1.0)(3.0) == 7.0


def test_secant_through_both_points_and_tends_to_the_tangent():
    s = secant(blog_f, 3.0, 4.0)
    assert s(3.0) == blog_f(3.0)
    assert s(7.0) == pytest.approx(blog_f(7.0), abs=1e-14)
    assert s.slope == pytest.approx(0.02 * (3.0 + 7.0) + 0.1)  # exact for a parabola
    left = secant(blog_f, 3.0, -1.0)
    assert left.slope == pytest.approx(0.02 * 5.0 + 0.1)
    errors = [abs(secant(blog_f, 3.0, h).slope - 0.22) for h in (1.0, 0.1, 0.01, 0.001)]
    assert all(b < a for a, b in zip(errors, errors[1:], strict=False))
    assert errors[-1] == pytest.approx(0.02 * 0.001, rel=1e-6)


finite = st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(x0=finite, y0=finite, slope=finite)
def test_line_through_is_the_scenes_line_bit_for_bit(x0, y0, slope):
    # The scenes built Line(x0, y0, slope, y0 - slope * x0) by hand, from floats and from
    # numpy floats (the aiming steps); line_through must give exactly that line.
    expected = Line(x0=x0, y0=y0, slope=slope, intercept=y0 - slope * x0)
    assert line_through(x0, y0, slope) == expected
    assert line_through(np.float64(x0), np.float64(y0), np.float64(slope)) == expected
    line = line_through(np.float64(x0), y0, slope)
    assert all(type(v) is float for v in dataclasses.astuple(line))


def test_secant_and_tangent_are_lines_through_their_point():
    for line in (secant(blog_f, 3.0, 0.5), tangent(blog_f, 6.0), tangent(np.sin, 1.0)):
        assert line_through(line.x0, line.y0, line.slope) == line
    line = line_through(3, 0, 2)  # integers are numbers too
    assert line == Line(3.0, 0.0, 2.0, -6.0) and line(4.0) == 2.0


@pytest.mark.parametrize("name", ["x0", "y0", "slope"])
@pytest.mark.parametrize("bad", [math.nan, math.inf, True, "1", 1j, [1.0, 2.0], None])
def test_line_through_rejects_what_is_not_one_finite_number(name, bad):
    args = {"x0": 3.0, "y0": 0.48, "slope": 0.22, name: bad}
    with pytest.raises(ValueError, match=f"`{name}`"):
        line_through(**args)


# --- correct digits ---------------------------------------------------------------------------


def step_size_correct_digits(error, exact):
    """scenes.step_size.correct_digits before it moved here, as it was written."""
    if error == 0 or exact == 0:
        return 16
    return int(max(0, min(16, math.floor(-math.log10(abs(error / exact))))))


def secant_correct_digits(value, reference):
    """The count of scenes.secant._correct_digits before it used correct_digits (finite values)."""
    error = abs(value - reference)
    if reference != 0:
        return 15 if error == 0 else max(0, math.floor(-math.log10(error / abs(reference))))
    return 15 if error == 0 else max(0, math.floor(-math.log10(error)))


nonzero = st.floats(-1e200, 1e200, allow_nan=False).filter(lambda v: abs(v) > 1e-200)


@settings(max_examples=300, deadline=None)
@given(exact=nonzero, relative=st.floats(0, 10.0), sign=st.sampled_from([1.0, -1.0]))
def test_correct_digits_is_the_step_size_count_bit_for_bit(exact, relative, sign):
    error = sign * relative * abs(exact)
    assert correct_digits(error, exact) == step_size_correct_digits(error, exact)


@settings(max_examples=300, deadline=None)
@given(reference=st.one_of(nonzero, st.just(0.0)), ulps=st.integers(-2**40, 2**40),
       scale=st.sampled_from([1.0, 1e-3, 1e3]))
def test_correct_digits_at_most_15_is_the_secant_count_bit_for_bit(reference, ulps, scale):
    # the post's printed value: the reference, some ulps (or a tiny absolute amount) off
    value = reference + ulps * (np.spacing(reference) if reference else 1e-30) * scale
    got = correct_digits(value - reference, reference, most=15)
    assert got == secant_correct_digits(value, reference)


def test_correct_digits_of_estimates_of_cos_1():
    cos1 = math.cos(1.0)
    assert correct_digits(abs(derivative(np.sin, 1.0) - cos1), cos1) == 8
    assert correct_digits(derivative(np.sin, 1.0, method="complex") - cos1, cos1) >= 15
    assert correct_digits(0.0, cos1) == 16 and correct_digits(0.0, cos1, most=15) == 15
    assert correct_digits(0.5, 0.22) == 0 and correct_digits(1.5e-9, 0.22) == 8


def test_correct_digits_of_zero_are_decimal_places():
    assert correct_digits(1e-16, 0.0) == 16  # not capped: 1e-16 is right to 16 places
    assert correct_digits(2.5e-12, 0.0) == 11 and correct_digits(0.3, 0.0) == 0
    assert correct_digits(0.0, 0.0) == 16 and correct_digits(0.0, 0.0, most=15) == 15


def test_correct_digits_of_what_is_not_a_number_is_zero():
    assert correct_digits(math.inf, 1.0) == 0 and correct_digits(math.nan, 1.0) == 0
    assert correct_digits(-math.inf, 0.0) == 0
    assert correct_digits(1e308, 1e-300) == 0  # the relative error overflows
    assert correct_digits(1e-300, 1e300) == 16  # ... or underflows
    assert correct_digits(1e-300, 1e300, most=15) == 15


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"error": "1e-9"}, "`error` must be a real number"),
        ({"error": True}, "`error` must be a real number"),
        ({"error": 1j}, "`error` must be a real number"),
        ({"error": [1e-9]}, "`error` must be a real number"),
        ({"exact": math.nan}, "`exact` must be finite"),
        ({"exact": math.inf}, "`exact` must be finite"),
        ({"exact": "0.22"}, "`exact` must be a real number"),
        ({"exact": [0.22, 0.34]}, "`exact` must be a single number"),
        ({"most": 0}, "`most` must be a positive integer"),
        ({"most": 15.0}, "`most` must be a positive integer"),
        ({"most": True}, "`most` must be a positive integer"),
    ],
)
def test_correct_digits_validation(kwargs, match):
    args = {"error": 1e-9, "exact": 0.22, **kwargs}
    most = args.pop("most", 16)
    with pytest.raises(ValueError, match=match):
        correct_digits(args["error"], args["exact"], most=most)


# --- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize("h", [0, 0.0, -1e-8, math.nan, math.inf, True, "1e-8", 1j])
def test_derivative_rejects_bad_steps(h):
    with pytest.raises(ValueError, match="`h` must be a finite positive number"):
        derivative(np.sin, 1.0, h=h)


def test_derivative_rejects_an_unknown_method():
    with pytest.raises(
        ValueError, match="`method` must be one of forward, backward, central, complex, richardson"
    ):
        derivative(np.sin, 1.0, method="five-point")


@pytest.mark.parametrize("x", ["one", 1 + 2j, [1.0, math.nan], math.inf, True, None])
def test_derivative_rejects_bad_points(x):
    with pytest.raises(ValueError, match="`x`"):
        derivative(np.sin, x)


def test_derivative_rejects_a_non_callable():
    with pytest.raises(ValueError, match="`f` must be a callable"):
        derivative(3.0, 1.0)


def test_complex_step_needs_a_complex_safe_function():
    with pytest.raises(ValueError, match="`f` returned real values for complex x"):
        derivative(lambda x: np.real(np.sin(x)), 1.0, method="complex")


def test_secant_and_tangent_validation():
    with pytest.raises(ValueError, match="`h` must be a finite nonzero number"):
        secant(blog_f, 3.0, 0.0)
    with pytest.raises(ValueError, match="`h` must be a finite nonzero number"):
        secant(blog_f, 3.0, math.inf)
    with pytest.raises(ValueError, match="`h` = 1e-300 is too small"):
        secant(blog_f, 3.0, 1e-300)
    with pytest.raises(ValueError, match="`x0` must be a single number"):
        secant(blog_f, [3.0, 4.0], 1.0)
    with pytest.raises(ValueError, match="`x0` must be a single number"):
        tangent(blog_f, np.array([3.0, 4.0]))
    with pytest.raises(ValueError, match="`f` must be a callable"):
        tangent("f", 3.0)
    with pytest.raises(ValueError, match="`h` must be a finite positive number"):
        tangent(blog_f, 3.0, h=-1.0)
    with pytest.raises(ValueError, match="`f` must return one real number"):
        secant(lambda x: np.array([x, x]), 3.0, 1.0)


def test_step_errors_validation():
    with pytest.raises(ValueError, match="`hs` must be a non-empty 1-D sequence"):
        step_errors(np.sin, np.cos, 1.0, [])
    with pytest.raises(ValueError, match="`hs` must be a non-empty 1-D sequence"):
        step_errors(np.sin, np.cos, 1.0, [[1e-3]])
    with pytest.raises(ValueError, match="`hs` must hold finite positive steps"):
        step_errors(np.sin, np.cos, 1.0, [1e-3, 0.0])
    with pytest.raises(ValueError, match="`hs` must be finite"):
        step_errors(np.sin, np.cos, 1.0, [1e-3, math.inf])
    with pytest.raises(ValueError, match="`dfdx` must be a callable"):
        step_errors(np.sin, None, 1.0, [1e-3])
    with pytest.raises(ValueError, match="`x` must be a single number"):
        step_errors(np.sin, np.cos, [1.0, 2.0], [1e-3])
    with pytest.raises(ValueError, match="`method` must be one of"):
        step_errors(np.sin, np.cos, 1.0, [1e-3], method="exact")


def test_optimal_step_validation():
    with pytest.raises(ValueError, match="`method` must be one of"):
        optimal_step("best")
    with pytest.raises(ValueError, match="`x` must be finite"):
        optimal_step("central", math.nan)


# --- the error model E(h) ≈ C·h^p + ε|f|/h -------------------------------------------------------

from core.calculus import ORDERS, error_model, model_step, richardson_steps  # noqa: E402


@pytest.mark.parametrize(("method", "higher"), [("forward", -np.sin(1.0)),
                                                ("central", -np.cos(1.0))])
def test_error_model_predicts_the_measured_errors_of_sin(method, higher):
    """Where one term dominates, the measured error of sin'(1) is that term (truncation to 10 %;
    rounding is noise, so within a factor 30 on average), with the slopes p and -1."""
    p = ORDERS[method]
    trunc_h = 10.0 ** -np.linspace(1, 3, 9)
    measured = step_errors(np.sin, np.cos, 1.0, trunc_h, method=method)
    assert abs(np.polyfit(np.log10(trunc_h), np.log10(measured), 1)[0] - p) < 0.05
    truncation, _ = error_model(trunc_h, method=method, higher=higher, value=np.sin(1.0))
    np.testing.assert_allclose(measured, truncation, rtol=0.1)
    round_h = 10.0 ** -np.linspace(11, 14, 31)
    measured = step_errors(np.sin, np.cos, 1.0, round_h, method=method)
    _, rounding = error_model(round_h, method=method, higher=higher, value=np.sin(1.0))
    ratio = measured[measured > 0] / rounding[measured > 0]
    assert 1 / 30 < np.exp(np.mean(np.log(ratio))) < 30
    slope = np.polyfit(np.log10(round_h[measured > 0]), np.log10(measured[measured > 0]), 1)[0]
    assert abs(slope + 1) < 0.25


@pytest.mark.parametrize("method", ["forward", "central"])
def test_model_step_minimises_the_model_and_is_near_optimal_step(method):
    higher = -np.sin(1.0) if method == "forward" else -np.cos(1.0)
    hs = 10.0 ** np.linspace(-12, -2, 20001)
    t, r = error_model(hs, method=method, higher=higher, value=np.sin(1.0))
    best = hs[np.argmin(t + r)]
    h_star = model_step(method, higher=higher, value=np.sin(1.0))
    assert best == pytest.approx(h_star, rel=2e-3)
    # the rule of thumb sqrt(eps), cbrt(eps) is the same order of magnitude for sin at 1
    assert 1 / 3 < h_star / optimal_step(method, 1.0) < 3


def test_model_step_without_truncation_is_infinite():
    assert model_step("central", higher=0.0, value=0.48) == math.inf


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"method": "complex", "higher": 1.0, "value": 1.0}, "`method`"),
    ({"method": "central", "higher": math.nan, "value": 1.0}, "`higher`"),
    ({"method": "central", "higher": 1.0, "value": math.inf}, "`value`"),
])
def test_error_model_validates(kwargs, match):
    with pytest.raises(ValueError, match=match):
        error_model([1e-3], **kwargs)
    with pytest.raises(ValueError, match=match):
        model_step(**kwargs)


def test_error_model_rejects_non_positive_steps():
    with pytest.raises(ValueError, match="`h`"):
        error_model([1e-3, 0.0], method="forward", higher=1.0, value=1.0)


def test_richardson_combines_central_differences_at_its_steps():
    """derivative(method="richardson") is the tableau (4^j D(h/2) - D(h)) / (4^j - 1) of the
    central differences at richardson_steps, starting with (4 D(h/2) - D(h)) / 3."""
    steps = richardson_steps(1.0)
    np.testing.assert_array_equal(steps, 0.125 / 2.0 ** np.arange(6))
    column = [derivative(np.exp, 1.0, h=h, method="central") for h in steps]
    j = 1
    while len(column) > 1:
        column = [(4**j * b - a) / (4**j - 1) for a, b in zip(column[:-1], column[1:], strict=True)]
        j += 1
    assert column[0] == pytest.approx(derivative(np.exp, 1.0, method="richardson"), rel=1e-14)
    assert richardson_steps(4.0)[0] == 0.5
    with pytest.raises(ValueError, match="`h`"):
        richardson_steps(1.0, h=-1.0)


def test_stated_tangent_is_the_line_through_f_x0_with_the_stated_slope():
    """The tangent a scene draws and writes: exact slope where the post's h = 1e-8 is not."""
    f = lambda x: 1e6 * x**2  # noqa: E731
    line = stated_tangent(f, 3.0)
    assert line.slope == stated_derivative(f, 3.0) == 6e6
    assert line.intercept == f(3.0) - 6e6 * 3.0 and line(3.0) == f(3.0)
    assert tangent(f, 3.0).slope != 6e6  # the central difference's rounding
    blog = stated_tangent(blog_f, 3.0)
    assert blog.slope == pytest.approx(float(blog_df(3.0)), rel=1e-14)
    with np.errstate(invalid="ignore"), pytest.raises(ValueError, match="y0"):
        stated_tangent(np.log, -1.0)
