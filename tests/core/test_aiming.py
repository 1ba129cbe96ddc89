"""Tests of core.aiming: the range as a function of the angle, its maximum, and aiming."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.aiming import (
    AimResult,
    LearningRateError,
    MaxRange,
    Shot,
    UnreachableTargetError,
    aim,
    landing_range,
    max_range,
    safe_learning_rate,
)
from core.ballistics import Launch, simulate
from core.calculus import derivative

DEFAULT = Launch(750.0, 15.0, drag=5.7e-4)  # bibun.toml: the cannon, aimed first at 15°
TARGET = 3000.0
VACUUM = Launch(100.0, 30.0)


@pytest.fixture(scope="module")
def default_aims() -> dict[str, AimResult]:
    return {method: aim(DEFAULT, TARGET, method=method) for method in ("newton", "gradient")}


# --- landing_range and max_range --------------------------------------------------------------


def test_landing_range_is_the_simulated_range():
    assert isinstance(landing_range(DEFAULT, 20.0), float)
    assert landing_range(DEFAULT, 20.0) == simulate(DEFAULT.with_angle(20.0)).range
    # the launch's own angle plays no part
    assert landing_range(DEFAULT.with_angle(70.0), 20.0) == landing_range(DEFAULT, 20.0)


@pytest.mark.parametrize("shape", [(), (12,), (3, 4)])
def test_landing_range_shapes_against_a_loop(shape):
    angles = np.linspace(5.0, 85.0, int(np.prod(shape))).reshape(shape)
    if shape == ():
        angles = np.float64(33.0)
    result = landing_range(VACUUM, angles)
    if shape == ():
        assert isinstance(result, float)
    else:
        assert isinstance(result, np.ndarray) and result.shape == shape
    loop = [landing_range(VACUUM, float(a)) for a in np.ravel(angles)]
    np.testing.assert_array_equal(np.ravel(result), loop)
    closed = 100.0**2 * np.sin(np.radians(2 * np.asarray(angles))) / 9.81
    np.testing.assert_allclose(result, closed, rtol=1e-9)


@pytest.mark.parametrize("angle", [0.0, 90.0, -5.0, 95.0, math.nan, [10.0, 90.0], "high"])
def test_landing_range_validation(angle):
    with pytest.raises(ValueError, match="`angle_deg`"):
        landing_range(VACUUM, angle)


def test_landing_range_needs_a_launch():
    with pytest.raises(ValueError, match="`launch` must be a core.ballistics.Launch"):
        landing_range({"speed": 100.0}, 30.0)


def test_max_range_in_vacuum_is_45_degrees_and_v2_over_g():
    best = max_range(VACUUM)
    assert isinstance(best, MaxRange)
    assert best.angle_deg == pytest.approx(45.0, abs=1e-5)
    assert best.range == pytest.approx(100.0**2 / 9.81, rel=1e-12)
    with pytest.raises(dataclasses.FrozenInstanceError):
        best.range = 0.0


@pytest.mark.parametrize(("speed", "height"), [(100.0, 200.0), (30.0, 1000.0), (500.0, 5.0)])
def test_max_range_from_a_height_matches_the_closed_form(speed, height):
    g = 9.81
    best = max_range(Launch(speed, 45.0, height=height))
    root = math.sqrt(speed**2 + 2 * g * height)
    assert best.angle_deg == pytest.approx(math.degrees(math.atan(speed / root)), abs=1e-5)
    assert best.range == pytest.approx(speed * root / g, rel=1e-11)


def test_max_range_with_drag_is_a_maximum_and_reaches_the_default_target():
    best = max_range(DEFAULT)
    assert best.range > TARGET  # the default problem is solvable
    assert 20.0 < best.angle_deg < 45.0  # drag flattens the best shot
    for delta in (1e-2, 1e-4):
        around = landing_range(DEFAULT, [best.angle_deg - delta, best.angle_deg + delta])
        assert np.all(around <= best.range)
    # the slope vanishes there, to the accuracy of the angle (~1e-6 deg)
    slope = derivative(lambda a: landing_range(DEFAULT, a), best.angle_deg, h=1e-3)
    curvature = (
        abs(derivative(lambda a: landing_range(DEFAULT, a), best.angle_deg + 0.1, h=1e-3) - slope)
        / 0.1
    )
    assert abs(slope) / curvature < 1e-5  # the angle error implied by the slope, degrees
    assert max_range(DEFAULT.with_angle(60.0)) == best  # independent of the launch's angle


def test_max_range_needs_a_launch():
    with pytest.raises(ValueError, match="`launch`"):
        max_range(750.0)


# --- aim: the default problem -----------------------------------------------------------------


@pytest.mark.parametrize("method", ["newton", "gradient"])
def test_default_problem_converges_to_a_micrometre(default_aims, method):
    result = default_aims[method]
    assert result.converged
    assert abs(result.landing - TARGET) <= 1e-6
    assert abs(result.miss) <= 1e-6 and result.miss == result.landing - TARGET
    assert len(result.steps) <= 50
    assert result.angle_deg < max_range(DEFAULT).angle_deg  # the low branch
    assert result.target == TARGET and result.method == method and result.branch == "low"
    assert result.angle_deg == result.steps[-1].angle_deg
    assert result.landing == result.steps[-1].landing


def test_newton_takes_fewer_shots_than_gradient_descent(default_aims):
    newton, gradient = default_aims["newton"], default_aims["gradient"]
    assert len(newton.steps) < len(gradient.steps)
    assert newton.angle_deg == pytest.approx(gradient.angle_deg, abs=1e-8)


def test_newton_converges_quadratically(default_aims):
    misses = [abs(s.miss) for s in default_aims["newton"].steps]
    # in the last steps each miss is at most a small multiple of the previous one squared
    for previous, current in zip(misses[-4:-1], misses[-3:], strict=True):
        assert current <= 0.01 * previous**2 + 1e-6


@pytest.mark.parametrize("method", ["newton", "gradient"])
def test_shot_records(default_aims, method):
    steps = default_aims[method].steps
    assert isinstance(steps, tuple) and all(isinstance(s, Shot) for s in steps)
    assert steps[0].angle_deg == DEFAULT.angle_deg  # the first guess is the launch's angle
    for shot in steps[:3] + steps[-1:]:
        assert shot.landing == landing_range(DEFAULT, shot.angle_deg)
        assert shot.miss == shot.landing - TARGET
        assert shot.loss == shot.miss**2
        exact_slope = derivative(
            lambda a: landing_range(DEFAULT, a), shot.angle_deg, h=0.05, method="richardson"
        )
        assert shot.slope == pytest.approx(exact_slope, rel=1e-6)
        assert shot.slope > 0  # the low branch: the range grows with the angle
    with pytest.raises(dataclasses.FrozenInstanceError):
        steps[0].miss = 0.0


def test_gradient_descent_is_plain_gradient_descent(default_aims):
    """Every step is θ − η·dL/dθ with one η, dL/dθ = 2·(R − target)·dR/dθ recomputed here."""
    result = default_aims["gradient"]
    eta = result.learning_rate
    assert eta == safe_learning_rate(DEFAULT, TARGET).rate
    steps = result.steps
    for shot, following in zip(steps, steps[1:], strict=False):
        landed = landing_range(DEFAULT, shot.angle_deg)
        slope = derivative(
            lambda a: landing_range(DEFAULT, a), shot.angle_deg, h=0.05, method="richardson"
        )
        dl = 2.0 * (landed - TARGET) * slope
        assert shot.gradient == pytest.approx(dl, rel=1e-6)
        assert shot.gradient == 2.0 * shot.miss * shot.slope
        assert shot.update == "gradient"
        assert following.angle_deg == pytest.approx(shot.angle_deg - eta * dl, rel=1e-9, abs=1e-9)
        assert following.angle_deg == shot.angle_deg - eta * shot.gradient  # exactly the rule
    assert steps[-1].update == ""
    assert steps[-1].loss < 1e-12 * steps[0].loss


def test_safe_learning_rate_is_one_over_the_largest_curvature():
    eta = safe_learning_rate(DEFAULT, TARGET)
    assert landing_range(DEFAULT, eta.optimum_deg) == pytest.approx(TARGET, abs=1e-6)
    # the curvature of L = (R - T)^2 at the answer is 2 (dR/dθ)^2
    slope = derivative(lambda a: landing_range(DEFAULT, a), eta.optimum_deg, h=0.05,
                       method="richardson")
    assert eta.optimum_curvature == pytest.approx(2 * slope**2, rel=1e-4)
    # from 15° down to the answer the loss bends most at the answer itself (default problem)
    assert eta.at_angle_deg == pytest.approx(eta.optimum_deg)
    # η: 1/M rounded down to two significant figures
    assert eta.rate <= 1 / eta.curvature < eta.rate * 1.05
    assert float(f"{eta.rate:.1e}") == eta.rate
    assert eta.rate == 2.3e-05


def test_safe_rate_never_steps_past_the_answer_from_the_steep_side():
    """From 3° (below the answer, where R rises fast) the safe rate is smaller; the shots climb
    towards the answer without ever crossing it, and the loss falls at every shot."""
    first = DEFAULT.with_angle(3.0)
    eta = safe_learning_rate(first, TARGET)
    assert eta.rate < safe_learning_rate(DEFAULT, TARGET).rate
    assert eta.at_angle_deg == pytest.approx(3.0)
    result = aim(first, TARGET, method="gradient", tol=1.0, max_iter=80)
    assert result.converged
    angles = [s.angle_deg for s in result.steps]
    assert all(a < eta.optimum_deg for a in angles)
    assert angles == sorted(angles)
    losses = [s.loss for s in result.steps]
    assert all(b < a for a, b in zip(losses, losses[1:], strict=False))


def test_too_large_a_learning_rate_is_an_error_not_a_mended_step():
    with pytest.raises(LearningRateError, match=r"learning rate 0\.01 .* too large: shot 1"):
        aim(DEFAULT, TARGET, method="gradient", learning_rate=0.01)
    # a given rate is used as it is, for every shot
    result = aim(DEFAULT, TARGET, method="gradient", learning_rate=1e-5, tol=1.0, max_iter=200)
    assert result.learning_rate == 1e-5 and result.converged
    for shot, following in zip(result.steps, result.steps[1:], strict=False):
        assert following.angle_deg == shot.angle_deg - 1e-5 * shot.gradient


def test_newton_records_its_bisections():
    """Newton's tangent from 20° towards 500 m overshoots the bracket; the shot says so."""
    result = aim(DEFAULT.with_angle(20.0), 500.0)
    updates = [s.update for s in result.steps]
    assert set(updates[:-1]) <= {"newton", "bisection"} and updates[-1] == ""
    for shot, following in zip(result.steps, result.steps[1:], strict=False):
        tangent = shot.angle_deg - shot.miss / shot.slope
        if shot.update == "newton":
            assert following.angle_deg == tangent
        else:
            assert following.angle_deg != tangent
    assert "bisection" in updates


def test_tolerance_of_a_metre_takes_fewer_shots(default_aims):
    for method in ("newton", "gradient"):
        metre = aim(DEFAULT, TARGET, method=method, tol=1.0)
        assert metre.converged and abs(metre.miss) <= 1.0
        assert len(metre.steps) < len(default_aims[method].steps)
        # the same shots; only the last one's update differs (it is the last)
        same = default_aims[method].steps[: len(metre.steps)]
        assert metre.steps[:-1] == same[:-1]
        assert metre.steps[-1] == dataclasses.replace(same[-1], update="")


# --- aim: branches, vacuum, limits ------------------------------------------------------------


@pytest.mark.parametrize("method", ["newton", "gradient"])
def test_high_branch_lobs_the_shot(method):
    best = max_range(DEFAULT)
    result = aim(DEFAULT, TARGET, method=method, branch="high")
    assert result.converged and abs(result.miss) <= 1e-6
    assert all(s.angle_deg > best.angle_deg for s in result.steps[1:])
    assert result.angle_deg > best.angle_deg and result.steps[-1].slope < 0
    # the first guess, 15°, lies on the low branch: it is mirrored about the best angle
    assert result.steps[0].angle_deg == pytest.approx(2 * best.angle_deg - 15.0)


@pytest.mark.parametrize("method", ["newton", "gradient"])
def test_all_shots_stay_on_their_branch(method):
    best = max_range(DEFAULT)
    for branch, inside in (
        ("low", lambda a: a < best.angle_deg),
        ("high", lambda a: a > best.angle_deg),
    ):
        result = aim(DEFAULT.with_angle(27.0), 4000.0, method=method, branch=branch)
        assert result.converged
        assert all(inside(s.angle_deg) for s in result.steps[1:])


@settings(max_examples=15, deadline=None)
@given(
    fraction=st.floats(0.05, 0.99),
    first=st.floats(1.0, 89.0),
    branch=st.sampled_from(["low", "high"]),
)
def test_vacuum_aim_matches_the_closed_form(fraction, first, branch):
    launch = VACUUM.with_angle(first)
    reach = 100.0**2 / 9.81
    target = fraction * reach
    result = aim(launch, target, branch=branch, tol=1e-6)
    assert result.converged and abs(result.miss) <= 1e-6
    low = math.degrees(math.asin(target / reach)) / 2
    expected = low if branch == "low" else 90.0 - low
    assert result.angle_deg == pytest.approx(expected, abs=1e-6)


@settings(max_examples=15, deadline=None)
@given(
    fraction=st.floats(0.05, 0.99),
    first=st.floats(1.0, 89.0),
    branch=st.sampled_from(["low", "high"]),
)
def test_vacuum_gradient_descent_at_the_safe_rate_never_overshoots(fraction, first, branch):
    """At the safe rate every shot is nearer the closed-form answer, on the same side, and its
    loss is lower (it may be slow: the property, not the speed, is promised)."""
    launch = VACUUM.with_angle(first)
    reach = 100.0**2 / 9.81
    target = fraction * reach
    low = math.degrees(math.asin(target / reach)) / 2
    expected = low if branch == "low" else 90.0 - low
    result = aim(launch, target, method="gradient", branch=branch, tol=1e-6, max_iter=12)
    gaps = [s.angle_deg - expected for s in result.steps]
    assert all(g * gaps[0] >= -1e-9 for g in gaps)  # never past the answer
    assert all(abs(b) <= abs(a) + 1e-12 for a, b in zip(gaps, gaps[1:], strict=False))
    losses = [s.loss for s in result.steps]
    assert all(b <= a * (1 + 1e-9) for a, b in zip(losses, losses[1:], strict=False))


def test_unreachable_target_names_the_maximum_range():
    with pytest.raises(UnreachableTargetError, match=r"longest shot .* lands at 1019\.4 m") as info:
        aim(VACUUM, 1500.0)
    assert isinstance(info.value, ValueError)
    assert info.value.max_range == max_range(VACUUM)
    with pytest.raises(UnreachableTargetError, match=r"4052\.5 m"):
        aim(DEFAULT, 5000.0)


def test_low_branch_from_a_height_cannot_hit_nearer_than_the_flattest_shot():
    tower = Launch(100.0, 30.0, height=100.0)
    with pytest.raises(UnreachableTargetError, match="nearer than the flattest shot"):
        aim(tower, 50.0)
    lobbed = aim(tower, 50.0, branch="high")
    assert lobbed.converged and abs(lobbed.miss) <= 1e-6


def test_max_iter_limits_the_shots():
    result = aim(DEFAULT, TARGET, max_iter=2)
    assert not result.converged and len(result.steps) == 2
    assert result.angle_deg == result.steps[-1].angle_deg


def test_first_shot_on_target_stops_at_once():
    target = landing_range(DEFAULT, 15.0)
    result = aim(DEFAULT, target)
    assert result.converged and len(result.steps) == 1 and result.miss == 0.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target": 0.0}, "`target` must be a finite distance > 0"),
        ({"target": -100.0}, "`target` must be a finite distance > 0"),
        ({"target": math.inf}, "`target` must be a finite distance > 0"),
        ({"target": "far"}, "`target` must be a distance"),
        ({"method": "adam"}, "`method` must be one of newton, gradient"),
        ({"branch": "middle"}, "`branch` must be one of low, high"),
        ({"tol": 0.0}, "`tol` must be a finite number > 0"),
        ({"tol": math.nan}, "`tol` must be a finite number > 0"),
        ({"max_iter": 0}, "`max_iter` must be an integer >= 1"),
        ({"max_iter": 10.5}, "`max_iter` must be an integer >= 1"),
        ({"learning_rate": -0.1}, "`learning_rate` must be a finite number > 0"),
        ({"learning_rate": math.inf}, "`learning_rate` must be a finite number > 0"),
        ({"launch": (750.0, 15.0)}, "`launch` must be a core.ballistics.Launch"),
    ],
)
def test_aim_validation(kwargs, message):
    args = {"launch": DEFAULT, "target": TARGET} | kwargs
    launch, target = args.pop("launch"), args.pop("target")
    with pytest.raises(ValueError, match=message):
        aim(launch, target, **args)
