"""Tests of core.knobs: R(θ, v) and its partials three ways, the loss landscape, the hit curve,
and gradient descent on both knobs, raw and scaled."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from scipy.optimize import brentq

from core.aiming import LearningRateError, UnreachableTargetError
from core.ballistics import Launch, simulate
from core.knobs import (
    DescentResult,
    KnobBox,
    Landscape,
    LossGradient,
    RangePartials,
    Step,
    descend,
    hit_curve,
    landing_ranges,
    landscape,
    loss_gradient,
    range_partials,
    reach,
    safe_rate,
)

DRAG = 5.7e-4  # bibun.toml: [cannon] drag
AIR = Launch(1.0, 45.0, drag=DRAG)  # drag, g, height only: the knobs are passed separately
VACUUM = Launch(1.0, 45.0)
FIRST = Launch(400.0, 15.0, drag=DRAG)  # bibun.toml: [aim] first_angle_deg, [knobs] first_speed
TARGET = 3000.0
BOX = KnobBox()
SETTINGS = [(15.0, 400.0), (8.0, 950.0), (33.0, 420.0), (58.0, 250.0), (45.0, 750.0)]


def vacuum_range(angle_deg, speed, g=9.81):
    return speed**2 * np.sin(np.radians(2 * angle_deg)) / g


@pytest.fixture(scope="module")
def descents() -> dict[str, DescentResult]:
    return {
        "range": descend(FIRST, TARGET, scaling="range"),
        "raw": descend(FIRST, TARGET, scaling="raw", max_steps=300),
    }


# --- the range ---------------------------------------------------------------------------------


@pytest.mark.parametrize("height", [0.0, 25.0])
def test_landing_ranges_agree_with_simulate(height):
    # fixed intervals in ψ and u versus time with events: two independent integrations
    launch = Launch(1.0, 45.0, drag=DRAG, height=height)
    angles, speeds = np.array(SETTINGS).T
    ranges = landing_ranges(launch, angles, speeds)
    expected = [simulate(Launch(v, a, drag=DRAG, height=height), samples=3).range for a, v in
                SETTINGS]  # fmt: skip
    np.testing.assert_allclose(ranges, expected, rtol=1e-11)


@pytest.mark.parametrize("shape", [(), (12,), (3, 4)])
def test_landing_ranges_shapes_against_a_loop(shape):
    size = int(np.prod(shape))
    angles = np.linspace(5.0, 80.0, size).reshape(shape)
    speeds = np.linspace(100.0, 900.0, size).reshape(shape)
    result = landing_ranges(AIR, angles, speeds)
    if shape == ():
        assert isinstance(result, float)
    else:
        assert isinstance(result, np.ndarray) and result.shape == shape
    pairs = zip(angles.ravel(), speeds.ravel(), strict=True)
    loop = [landing_ranges(AIR, float(a), float(v)) for a, v in pairs]
    np.testing.assert_allclose(np.ravel(result), loop, rtol=1e-11)


def test_landing_ranges_in_vacuum_are_the_closed_form():
    angles, speeds = np.meshgrid([10.0, 30.0, 45.0, 70.0], [50.0, 300.0, 1000.0])
    np.testing.assert_allclose(
        landing_ranges(VACUUM, angles, speeds), vacuum_range(angles, speeds), rtol=1e-11
    )


def test_range_grows_with_the_powder():
    # the hit curve relies on it: one speed per angle
    land = landscape(AIR, TARGET, angles=12, speeds=9)
    assert np.all(np.diff(land.range, axis=0) > 0)


# --- the partials ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["sensitivity", "complex", "central"])
def test_partials_in_vacuum_are_exact(method):
    angles, speeds = np.array([10.0, 30.0, 45.0, 70.0]), np.array([50.0, 100.0, 300.0, 1000.0])
    p = range_partials(VACUUM, angles, speeds, method=method)
    two = np.radians(2 * angles)
    rtol = 1e-7 if method == "central" else 1e-10
    np.testing.assert_allclose(p.range, vacuum_range(angles, speeds), rtol=1e-11)
    # R = v² sin 2θ / g:  ∂R/∂θ = 2 v² cos 2θ / g per radian,  ∂R/∂v = 2 v sin 2θ / g
    np.testing.assert_allclose(p.d_angle_per_rad / speeds**2, 2 * np.cos(two) / 9.81,
                               rtol=rtol, atol=1e-9)  # fmt: skip
    np.testing.assert_allclose(p.d_angle, p.d_angle_per_rad * math.pi / 180, rtol=1e-15)
    np.testing.assert_allclose(p.d_speed, 2 * speeds * np.sin(two) / 9.81, rtol=rtol)


@pytest.mark.parametrize("height", [0.0, 25.0])
def test_sensitivities_agree_with_the_complex_step_and_central_differences(height):
    launch = Launch(1.0, 45.0, drag=DRAG, height=height)
    angles, speeds = np.array(SETTINGS).T
    sens = range_partials(launch, angles, speeds, method="sensitivity")
    cs = range_partials(launch, angles, speeds, method="complex")
    cd = range_partials(launch, angles, speeds, method="central")
    np.testing.assert_allclose(sens.range, cs.range, rtol=1e-11)
    # observed: ~2e-12 against the complex step, ~1e-8 against central differences
    for name in ("d_angle", "d_speed"):
        scale = np.abs(getattr(cs, name)).max()
        np.testing.assert_allclose(getattr(sens, name), getattr(cs, name), rtol=1e-10,
                                   atol=1e-11 * scale)  # fmt: skip
        np.testing.assert_allclose(getattr(sens, name), getattr(cd, name), rtol=1e-7,
                                   atol=1e-8 * scale)  # fmt: skip


def test_sensitivities_agree_with_simulate_differenced():
    # a fourth way, through core.ballistics alone: central differences of simulate
    def r(a, v):
        return simulate(Launch(v, a, drag=DRAG), samples=3).range

    p = range_partials(AIR, 15.0, 400.0)
    assert p.d_angle == pytest.approx((r(15.001, 400.0) - r(14.999, 400.0)) / 0.002, rel=1e-7)
    assert p.d_speed == pytest.approx((r(15.0, 400.01) - r(15.0, 399.99)) / 0.02, rel=1e-7)


def test_partials_shapes_and_types():
    p = range_partials(AIR, 15.0, 400.0)
    assert isinstance(p, RangePartials) and p.method == "sensitivity"
    assert all(isinstance(x, float) for x in (p.range, p.d_angle, p.d_speed, p.angle_deg))
    q = range_partials(AIR, [[10.0], [20.0]], [300.0, 500.0, 700.0], method="complex")
    assert q.range.shape == q.d_angle.shape == q.d_speed.shape == (2, 3)
    assert q.d_angle[1, 2] == pytest.approx(range_partials(AIR, 20.0, 700.0).d_angle, rel=1e-9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.range = 0.0


# --- the loss and its gradient -----------------------------------------------------------------


def test_loss_gradient_is_twice_the_miss_times_the_partials():
    shot = loss_gradient(AIR, TARGET, 15.0, 400.0)
    p = range_partials(AIR, 15.0, 400.0)
    assert isinstance(shot, LossGradient)
    assert shot.range == p.range and shot.miss == p.range - TARGET
    assert shot.loss == shot.miss**2
    assert shot.grad_angle == 2 * shot.miss * p.d_angle
    assert shot.grad_speed == 2 * shot.miss * p.d_speed

    # against central differences of L itself
    def loss(a, v):
        return (landing_ranges(AIR, a, v) - TARGET) ** 2

    assert shot.grad_angle == pytest.approx((loss(15.001, 400.0) - loss(14.999, 400.0)) / 0.002,
                                            rel=1e-6)  # fmt: skip
    assert shot.grad_speed == pytest.approx((loss(15.0, 400.01) - loss(15.0, 399.99)) / 0.02,
                                            rel=1e-6)  # fmt: skip


def test_the_first_settings_numbers():
    shot = loss_gradient(AIR, TARGET, 15.0, 400.0)
    assert shot.range == pytest.approx(2457.567, abs=1e-3)
    assert (shot.d_angle, shot.d_speed) == pytest.approx((56.4059, 4.97900), abs=1e-4)
    # why one rate fits the raw knobs badly: the loss bends (∂R/∂θ ÷ ∂R/∂v)² ≈ 128 times more
    # per degree² than per (m/s)²; scaled to the ranges the ratio is about 0.6
    assert (shot.d_angle / shot.d_speed) ** 2 == pytest.approx(128.3, abs=0.1)
    assert (55 * shot.d_angle / (800 * shot.d_speed)) ** 2 == pytest.approx(0.607, abs=1e-3)


# --- the hit curve and the landscape -----------------------------------------------------------


def test_hit_curve_hits():
    angles = np.linspace(5.0, 60.0, 12)
    speeds = hit_curve(AIR, TARGET, angles)
    assert np.all(np.isfinite(speeds))
    np.testing.assert_allclose(landing_ranges(AIR, angles, speeds), TARGET, atol=1e-6)
    # against a root found shot by shot with brentq on core.ballistics.simulate
    for a, v in zip(angles[::4], speeds[::4], strict=True):
        def miss(s, a=a):
            return simulate(Launch(s, a, drag=DRAG), samples=3).range - TARGET

        assert v == pytest.approx(brentq(miss, 200.0, 1000.0, xtol=1e-10), abs=1e-8)


def test_hit_curve_in_vacuum_is_the_closed_form():
    angles = np.array([15.0, 30.0, 45.0, 60.0])
    speeds = hit_curve(VACUUM, 800.0, angles, box=KnobBox(speed_min=50.0, speed_max=200.0))
    np.testing.assert_allclose(speeds, np.sqrt(800.0 * 9.81 / np.sin(np.radians(2 * angles))),
                               rtol=1e-11)  # fmt: skip


def test_hit_curve_is_nan_where_no_powder_of_the_box_hits():
    speeds = hit_curve(AIR, TARGET, [3.0, 30.0, 80.0])
    assert math.isnan(speeds[0]) and math.isnan(speeds[2]) and 400 < speeds[1] < 450
    assert isinstance(hit_curve(AIR, TARGET, 30.0), float)


def test_the_gradient_is_perpendicular_to_the_contours():
    # The contour of L through a setting with R = target + 150 is the hit curve of that
    # distance; its tangent (found by differencing the curve, not from the partials) has no
    # component along the gradient of L. In the knob coordinates z = knob / scale the Euclidean
    # angle is 90° whatever the scales; the dot product ∂L/∂θ·dθ + ∂L/∂v·dv is zero in any.
    level, h = TARGET + 150.0, 1e-3
    angles = np.array([10.0, 20.0, 40.0, 55.0])
    v, ahead, behind = hit_curve(AIR, level, np.concatenate([angles, angles + h, angles - h]),
                                 ).reshape(3, -1)  # fmt: skip
    dv = (ahead - behind) / (2 * h)
    for angle, speed, slope in zip(angles, v, dv, strict=True):
        shot = loss_gradient(AIR, TARGET, angle, speed)
        assert shot.miss == pytest.approx(150.0, abs=1e-6)
        for scaling in ("raw", "range"):
            s_a, s_v = BOX.scales(scaling)
            tangent = np.array([1.0 / s_a, slope / s_v])  # d(θ/s_θ, v/s_v) along the curve
            gradient = np.array([s_a * shot.grad_angle, s_v * shot.grad_speed])  # ∇_z L
            cosine = tangent @ gradient / (np.linalg.norm(tangent) * np.linalg.norm(gradient))
            assert abs(cosine) < 1e-6


def test_landscape_is_the_grid_of_ranges():
    land = landscape(AIR, TARGET, angles=9, speeds=7)
    assert isinstance(land, Landscape)
    assert land.angle_deg.shape == (9,) and land.speed.shape == (7,)
    assert land.range.shape == land.loss.shape == (7, 9)
    assert land.angle_deg[0] == BOX.angle_min_deg and land.speed[-1] == BOX.speed_max
    assert land.range[2, 5] == pytest.approx(landing_ranges(AIR, land.angle_deg[5],
                                                            land.speed[2]), rel=1e-11)  # fmt: skip
    np.testing.assert_array_equal(land.loss, (land.range - TARGET) ** 2)
    np.testing.assert_allclose(land.hit_speed, hit_curve(AIR, TARGET, land.angle_deg), rtol=1e-12)
    with pytest.raises(ValueError):
        land.range[0, 0] = 0.0  # read-only
    with pytest.raises(dataclasses.FrozenInstanceError):
        land.target = 0.0


def test_reach_of_the_box():
    near, far = reach(AIR)
    assert near == pytest.approx(landing_ranges(AIR, 5.0, 200.0), rel=1e-12)
    best = brentq(lambda a: range_partials(AIR, a, 1000.0).d_angle, 20.0, 40.0)
    assert far == pytest.approx(landing_ranges(AIR, best, 1000.0), rel=1e-9)


# --- descent -----------------------------------------------------------------------------------


def test_safe_rates():
    raw, scaled = safe_rate(AIR, TARGET, scaling="raw"), safe_rate(AIR, TARGET)
    assert (raw.rate, scaled.rate) == (9.4e-06, 3e-09)
    for r in (raw, scaled):
        assert 0.9 / r.curvature < r.rate <= 1.0 / r.curvature
    assert raw.scales == (1.0, 1.0) and scaled.scales == (55.0, 800.0)
    # the rule does not depend on the first setting
    assert safe_rate(FIRST, TARGET) == safe_rate(Launch(900.0, 50.0, drag=DRAG), TARGET)


@pytest.mark.parametrize("scaling", ["range", "raw"])
def test_every_step_obeys_the_rule_exactly(descents, scaling):
    result = descents[scaling]
    s_a, s_v = result.scales
    assert result.steps[0].angle_deg == 15.0 and result.steps[0].speed == 400.0
    for step, after in zip(result.steps, result.steps[1:], strict=False):
        assert isinstance(step, Step)
        assert step.miss == step.range - TARGET and step.loss == step.miss * step.miss
        assert step.grad_angle == 2.0 * step.miss * step.d_angle
        assert step.grad_speed == 2.0 * step.miss * step.d_speed
        assert step.step_angle == -(result.rate * s_a**2) * step.grad_angle
        assert step.step_speed == -(result.rate * s_v**2) * step.grad_speed
        assert after.angle_deg == step.angle_deg + step.step_angle
        assert after.speed == step.speed + step.step_speed
        assert after.loss < step.loss  # the rate's promise: every step lowers the loss
    last = result.steps[-1]
    assert (last.step_angle, last.step_speed) == (0.0, 0.0)
    # each recorded shot is reproducible from its setting alone
    again = loss_gradient(AIR, TARGET, last.angle_deg, last.speed)
    assert again.range == last.range and again.grad_speed == last.grad_speed


def test_scaled_knobs_hit_in_59_steps(descents):
    result = descents["range"]
    assert result.converged and len(result.steps) - 1 == 59
    assert abs(result.miss) < 1.0 and all(abs(s.miss) >= 1.0 for s in result.steps[:-1])
    assert (result.angle_deg, result.speed) == pytest.approx((18.82, 478.80), abs=5e-3)
    # both knobs did real work
    assert result.speed - 400.0 > 75 and result.angle_deg - 15.0 > 3.5


def test_raw_knobs_crawl(descents):
    raw, scaled = descents["raw"], descents["range"]
    assert not raw.converged and len(raw.steps) - 1 == 300
    assert len(scaled.steps) < len(raw.steps)
    # the angle moves, the powder hardly does: 4 m/s in 300 steps, still ~97 m short
    assert raw.speed == pytest.approx(404.04, abs=0.01)
    assert raw.angle_deg == pytest.approx(30.62, abs=0.01)
    assert raw.miss == pytest.approx(-96.8, abs=0.1)
    # no angle alone reaches the target at that powder: the speed must grow, and it crawls
    speeds = [s.speed for s in raw.steps]
    assert max(np.diff(speeds)) < 0.06


def test_a_too_large_rate_is_an_error():
    with pytest.raises(LearningRateError, match="learning rate 1e-07 is too large"):
        descend(FIRST, TARGET, rate=1e-7)
    with pytest.raises(LearningRateError, match=r"learning rate 0\.001 is too large: step 1 .* "
                                                r"outside the box"):  # fmt: skip
        descend(FIRST, TARGET, scaling="raw", rate=1e-3)


@pytest.mark.parametrize("target, message", [
    (5000.0, r"target 5000 m is out of reach: with the most powder \(1000 m/s\) the longest "
             r"shot lands at 4585\.0 m"),
    (300.0, r"target 300 m is nearer than the shortest shot of the knobs \(564\.4 m"),
])  # fmt: skip
def test_unreachable_targets(target, message):
    with pytest.raises(UnreachableTargetError, match=message):
        descend(FIRST, target)


def test_a_first_setting_on_target_takes_no_step():
    v = hit_curve(AIR, TARGET, 15.0)
    result = descend(Launch(v, 15.0, drag=DRAG), TARGET)
    assert result.converged and len(result.steps) == 1
    assert descend(FIRST, TARGET, max_steps=0).steps[0].step_angle == 0.0


# --- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize("call, name", [
    (lambda: landing_ranges("cannon", 15.0, 400.0), "launch"),
    (lambda: landing_ranges(AIR, 90.0, 400.0), "angle_deg"),
    (lambda: landing_ranges(AIR, [15.0, math.nan], 400.0), "angle_deg"),
    (lambda: landing_ranges(AIR, True, 400.0), "angle_deg"),
    (lambda: landing_ranges(AIR, 15.0, -1.0), "speed"),
    (lambda: landing_ranges(AIR, 15.0, "fast"), "speed"),
    (lambda: landing_ranges(AIR, [15.0, 20.0], [1.0, 2.0, 3.0]), "angle_deg"),
    (lambda: range_partials(AIR, 15.0, 400.0, method="adjoint"), "method"),
    (lambda: range_partials(AIR, 15.0, 0.0), "speed"),
    (lambda: loss_gradient(AIR, -3.0, 15.0, 400.0), "target"),
    (lambda: loss_gradient(AIR, TARGET, [15.0, 16.0], 400.0), "angle_deg"),
    (lambda: hit_curve(AIR, TARGET, 95.0), "angle_deg"),
    (lambda: hit_curve(AIR, TARGET, 15.0, box=(5, 60, 200, 1000)), "box"),
    (lambda: landscape(AIR, TARGET, angles=2), "angles"),
    (lambda: landscape(AIR, TARGET, speeds=4.0), "speeds"),
    (lambda: safe_rate(AIR, TARGET, scaling="log"), "scaling"),
    (lambda: descend(FIRST, TARGET, rate=0.0), "rate"),
    (lambda: descend(FIRST, TARGET, tol=-1.0), "tol"),
    (lambda: descend(FIRST, TARGET, max_steps=2.5), "max_steps"),
    (lambda: descend(FIRST, "far"), "target"),
    (lambda: descend(Launch(1200.0, 15.0, drag=DRAG), TARGET), "launch"),
    (lambda: KnobBox(angle_min_deg=0.0), "angle_min_deg"),
    (lambda: KnobBox(angle_max_deg=90.0), "angle_max_deg"),
    (lambda: KnobBox(angle_min_deg=30.0, angle_max_deg=20.0), "angle_max_deg"),
    (lambda: KnobBox(speed_min=-5.0), "speed_min"),
    (lambda: KnobBox(speed_max=math.inf), "speed_max"),
    (lambda: BOX.scales("log"), "scaling"),
])  # fmt: skip
def test_validation_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        call()


def test_results_are_frozen(descents):
    result = descents["range"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.rate = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.steps[0].miss = 0.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        BOX.speed_max = 2.0


# --- slices: one knob held ---------------------------------------------------------------------


@pytest.mark.parametrize(("knob", "steps"), [("angle", (8.0, 4.0, 2.0, 1.0, 0.5)),
                                             ("speed", (160.0, 80.0, 40.0, 20.0, 10.0))])
def test_slice_secants_tend_to_the_partial_at_first_order(knob, steps):
    """The secant slopes of the slice approach ∂L/∂θ (or ∂L/∂v) from loss_gradient with an
    error that halves as h halves (a forward difference: first order), and the partial agrees
    with the complex step of the range."""
    from core.knobs import loss_slice

    cut = loss_slice(AIR, TARGET, 15.0, 400.0, knob=knob, steps=steps)
    shot = loss_gradient(AIR, TARGET, 15.0, 400.0)
    assert cut.partial == (shot.grad_angle if knob == "angle" else shot.grad_speed)
    complex_step = range_partials(AIR, 15.0, 400.0, method="complex")
    d_range = complex_step.d_angle if knob == "angle" else complex_step.d_speed
    assert cut.partial == pytest.approx(2 * (complex_step.range - TARGET) * d_range, rel=1e-9)
    errors = np.abs(np.array(cut.secant_slopes) - cut.partial)
    assert np.all(np.diff(errors) < 0)
    order = np.polyfit(np.log(steps), np.log(errors), 1)[0]
    assert abs(order - 1.0) < 0.2
    for h, lq, slope in zip(cut.steps, cut.secant_losses, cut.secant_slopes, strict=True):
        a, v = (15.0 + h, 400.0) if knob == "angle" else (15.0, 400.0 + h)
        assert lq == pytest.approx((landing_ranges(AIR, a, v) - TARGET) ** 2, rel=1e-9)
        assert slope == (lq - cut.loss) / h


def test_slice_curve_is_the_loss_along_the_knob():
    from core.knobs import loss_slice

    cut = loss_slice(AIR, TARGET, 15.0, 400.0, knob="speed", steps=(10.0,), samples=9)
    assert cut.knob_values.tolist() == np.linspace(200.0, 1000.0, 9).tolist()
    expected = (np.asarray(landing_ranges(AIR, 15.0, cut.knob_values)) - TARGET) ** 2
    assert np.allclose(cut.losses, expected, rtol=1e-9)
    assert cut.loss == pytest.approx((landing_ranges(AIR, 15.0, 400.0) - TARGET) ** 2, rel=1e-9)


def test_slice_validation_names_the_argument():
    from core.knobs import loss_slice

    with pytest.raises(ValueError, match="`knob`"):
        loss_slice(AIR, TARGET, 15.0, 400.0, knob="powder", steps=(1.0,))
    with pytest.raises(ValueError, match="`steps`"):
        loss_slice(AIR, TARGET, 15.0, 400.0, knob="angle", steps=(0.0,))
    with pytest.raises(ValueError, match="`steps`"):
        loss_slice(AIR, TARGET, 15.0, 400.0, knob="angle", steps=())
    with pytest.raises(ValueError, match="inside the box"):
        loss_slice(AIR, TARGET, 15.0, 100.0, knob="angle", steps=(1.0,))
    with pytest.raises(ValueError, match="`samples`"):
        loss_slice(AIR, TARGET, 15.0, 400.0, knob="angle", steps=(1.0,), samples=2)
