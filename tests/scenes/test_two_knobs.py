"""Tests of ``scenes/two_knobs.py``: the dry run, every number on screen recomputed from core, the
geometry of the gradient, the captions, and reference frames.

Every number the scene shows is recomputed here by another route where core has one: the range
and its partials by the complex step (``range_partials(method="complex")``, not the forward
sensitivities the scene's descent uses), the landing of the last shot by
:func:`core.ballistics.simulate` (time-stepped with events, not the ψ/u integration of
:func:`core.knobs.landing_ranges`), and each step by hand from the numbers on the screen.
Reference frames live in ``control_data/two_knobs/``; regenerate them with
``pytest tests/scenes/test_two_knobs.py --set_test`` and look at them before committing.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

manim = pytest.importorskip("manim")

from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import (  # noqa: E402
    CACHE,
    assert_points_inside_frame,
    assert_recorded_run_is_the_video,
    final_state,
    play,
)

from core.ballistics import Launch, simulate  # noqa: E402
from core.config import Config  # noqa: E402
from core.contours import contour_lines  # noqa: E402
from core.knobs import (  # noqa: E402
    KnobBox,
    landing_ranges,
    landscape,
    loss_gradient,
    range_partials,
)
from scenes.aim import format_eta  # noqa: E402
from scenes.kit.captions import band_lines, width  # noqa: E402
from scenes.kit.text import TEXT  # noqa: E402
from scenes.two_knobs import AimWithTwoKnobs, TwoKnobsMapFigure  # noqa: E402

pytestmark = pytest.mark.xdist_group("scenes.two_knobs")  # one worker reads the recorded runs
__module_test__ = "two_knobs"

CFG = Config()
LAUNCH = CFG.knobs.first_launch(CFG.cannon, CFG.aim)
TARGET = CFG.aim.target


def _number(shown: str) -> float:
    """The first number of a readout: ``−61,192.8 m²/°`` -> -61192.8."""
    s = shown.replace("\u2212", "-")
    return float(re.search(r"[-+]?[\d,]*\.?\d+", s).group().replace(",", ""))


def _by_complex_step(angle: float, speed: float) -> tuple[float, float, float]:
    """(miss, ∂L/∂θ, ∂L/∂v) by the complex step, independent of the scene's sensitivities."""
    p = range_partials(LAUNCH, angle, speed, method="complex")
    miss = p.range - TARGET
    return miss, 2 * miss * p.d_angle, 2 * miss * p.d_speed


@pytest.fixture(scope="module")
def lesson(media):
    return final_state(AimWithTwoKnobs, media)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_plays_in_dry_run(use_config, media, language, recorded):
    use_config(f'language = "{language}"\n')
    played = play(AimWithTwoKnobs, media, frame_rate=15)  # the duration at a video's rate
    assert_recorded_run_is_the_video(recorded("AimWithTwoKnobs", language).scene, played)
    # at most 100 s: two descents of 59 and 300 steps, each with three steps at full pace, and
    # Japanese captions held for 4 characters a second
    assert 45.0 <= played.renderer.time <= 100.0, played.renderer.time
    assert played.scaled.converged


def test_inside_the_frame_and_above_the_band(lesson):
    assert_points_inside_frame(lesson)


def test_the_first_setting_and_its_miss(lesson):
    """15°, 400 m/s (the configuration); 542.43 m short, by simulate()."""
    assert lesson.first == (CFG.aim.first_angle_deg, CFG.knobs.first_speed)
    landed = simulate(LAUNCH).range
    cue = next(c for c in lesson.cues if c["key"] == "knobs.first")
    assert cue["fields"] == {"a": "15", "v": "400", "m": f"{abs(landed - TARGET):,.2f}"}
    assert cue["fields"]["m"] == "542.43"


def test_the_map_is_the_loss_and_its_hit_curve(lesson):
    land = lesson.land
    # the contour lines lie where L = miss² (within the grid's interpolation)
    for level, polys in lesson.contours:
        assert polys, level
        for poly in polys:
            r = np.asarray(landing_ranges(LAUNCH, poly[::7, 0], poly[::7, 1]))
            miss = np.abs(r - TARGET)
            assert np.allclose(miss, math.sqrt(level), rtol=0.02), level  # 49 × 49 grid
    # the hit curve hits, by simulate
    ok = np.flatnonzero(np.isfinite(land.hit_speed))
    assert len(ok) > 0.9 * len(land.hit_speed)  # a whole curve of settings
    for j in ok[:: max(1, len(ok) // 5)]:
        shot = simulate(Launch(float(land.hit_speed[j]), float(land.angle_deg[j]),
                               drag=LAUNCH.drag))
        assert shot.range == pytest.approx(TARGET, abs=1e-4)
    # drawn to the knobs' ranges: 55° and 800 m/s are one length on the screen
    box = CFG.knobs.box
    ax = lesson.map
    wide = ax.c2p(box.angle_max_deg, box.speed_min) - ax.c2p(box.angle_min_deg, box.speed_min)
    tall = ax.c2p(box.angle_min_deg, box.speed_max) - ax.c2p(box.angle_min_deg, box.speed_min)
    assert np.linalg.norm(wide) == pytest.approx(np.linalg.norm(tall), rel=1e-9)


@pytest.mark.parametrize("knob", ["angle", "speed"])
def test_slice_numbers_are_secants_and_the_partial(lesson, knob):
    """Each row beside a slice: h and (L(p + h) − L(p)) / h, recomputed; the last row is the
    tangent's slope, 2·miss·∂R/∂knob by the complex step; the caption says the same number."""
    a0, v0 = lesson.first
    rows = lesson.slice_rows[knob]
    steps = AimWithTwoKnobs.angle_steps if knob == "angle" else AimWithTwoKnobs.speed_steps
    assert len(rows) == len(steps) + 1
    loss0 = (simulate(LAUNCH).range - TARGET) ** 2
    for h, row in zip(steps, rows, strict=False):
        a, v = (a0 + h, v0) if knob == "angle" else (a0, v0 + h)
        moved = (landing_ranges(LAUNCH, a, v) - TARGET) ** 2
        slope = (moved - loss0) / h
        shown_h, shown_slope = (float(x.replace(",", "").replace("\u2212", "-"))
                                for x in re.findall(r"[−-]?[\d,]+\.?\d*", row)[:2])
        assert shown_h == h
        assert shown_slope == pytest.approx(slope, abs=0.05 + 1e-6)
    _, g_angle, g_speed = _by_complex_step(a0, v0)
    partial = g_angle if knob == "angle" else g_speed
    assert _number(rows[-1].split(":")[1]) == pytest.approx(partial, abs=0.051)
    cue = next(c for c in lesson.cues if c["key"] == f"knobs.partial_{knob}")
    assert _number(cue["fields"]["g"]) == pytest.approx(partial, abs=0.051)
    # the secants turn into the tangent: each is nearer the partial than the one before
    errors = [abs(_number(r.split(":")[1]) - partial) for r in rows[:-1]]
    assert errors == sorted(errors, reverse=True)


def test_the_gradient_crosses_the_contour_at_right_angles_uphill(lesson):
    """In the zoom, drawn with 1° as long as 1 m/s, the arrow is the direction of
    (∂L/∂θ, ∂L/∂v) (complex step), perpendicular to the contour through the setting, uphill."""
    a0, v0 = lesson.first
    miss, g_angle, g_speed = _by_complex_step(a0, v0)
    assert lesson.grad_numbers == f"= ({g_angle:,.1f},  {g_speed:,.1f})".replace("-", "\u2212")
    u = np.array([g_angle, g_speed]) / math.hypot(g_angle, g_speed)
    zoom = lesson.zoom
    one_deg = np.linalg.norm(zoom.c2p(a0 + 1, v0) - zoom.c2p(a0, v0))
    one_ms = np.linalg.norm(zoom.c2p(a0, v0 + 1) - zoom.c2p(a0, v0))
    assert one_deg == pytest.approx(one_ms, rel=1e-9)
    start, end = lesson.zoom_arrow.get_start(), lesson.zoom_arrow.get_end()
    drawn = np.array(zoom.p2c(end)[:2]) - np.array(zoom.p2c(start)[:2])
    assert np.allclose(zoom.p2c(start)[:2], (a0, v0), atol=1e-9)
    assert drawn / np.linalg.norm(drawn) == pytest.approx(u, abs=0.02)  # the tip shortens it
    # the contour through the setting, from core's marching squares of the zoom's grid
    level, polys = next((lv, p) for lv, p in lesson.zoom_contours if lv == lesson.raw.steps[0].loss)
    line = max(polys, key=len)
    k = int(np.argmin(np.hypot(line[:, 0] - a0, line[:, 1] - v0)))
    assert math.hypot(line[k, 0] - a0, line[k, 1] - v0) < 0.15
    tangent = line[min(k + 1, len(line) - 1)] - line[max(k - 1, 0)]
    tangent /= np.linalg.norm(tangent)
    assert abs(float(tangent @ u)) < 0.02  # cos of the angle: 90° ± about 1°
    # uphill: a small move along the arrow raises the loss, against it lowers it
    step = 1e-3
    up = (landing_ranges(LAUNCH, a0 + step * u[0], v0 + step * u[1]) - TARGET) ** 2
    down = (landing_ranges(LAUNCH, a0 - step * u[0], v0 - step * u[1]) - TARGET) ** 2
    assert down < miss**2 < up


@pytest.mark.parametrize("which", ["raw", "scaled"])
def test_every_step_shown_can_be_redone_by_hand(lesson, which):
    """The rule on screen (θ ← θ − η·s_θ²·∂L/∂θ, v ← v − η·s_v²·∂L/∂v, s = 1 raw, the ranges
    scaled) applied to the numbers on screen gives the next numbers on screen; and each shown
    number matches the complex-step recomputation at the setting shown."""
    result = lesson.raw if which == "raw" else lesson.scaled
    eta = result.rate
    s_a, s_v = (1.0, 1.0) if which == "raw" else (55.0, 800.0)
    assert result.scales == (s_a, s_v)
    shown = lesson.shown[which]
    full = AimWithTwoKnobs.full_steps
    assert len(shown) == full + 2  # the first setting, the full steps, the last shot
    for k, row in enumerate(shown[: full + 1]):
        assert row["step"] == str(k)
        angle, speed = _number(row["angle"]), _number(row["speed"])
        miss, g_angle, g_speed = _by_complex_step(result.steps[k].angle_deg,
                                                  result.steps[k].speed)
        assert angle == pytest.approx(result.steps[k].angle_deg, abs=5.1e-5)
        assert speed == pytest.approx(result.steps[k].speed, abs=5.1e-5)
        assert _number(row["miss"]) == pytest.approx(miss, abs=0.0051)
        assert _number(row["grad_angle"]) == pytest.approx(g_angle, abs=0.051)
        assert _number(row["grad_speed"]) == pytest.approx(g_speed, abs=0.051)
        # by hand: the step from the numbers on the screen
        d_angle = -eta * s_a**2 * _number(row["grad_angle"])
        d_speed = -eta * s_v**2 * _number(row["grad_speed"])
        # (the partials are shown to 0.1 and the steps to 1e-4)
        assert _number(row["step_angle"]) == pytest.approx(d_angle, abs=eta * s_a**2 * 0.05 + 6e-5)
        assert _number(row["step_speed"]) == pytest.approx(d_speed, abs=eta * s_v**2 * 0.05 + 6e-5)
        following = shown[k + 1]
        if k < full:
            assert _number(following["angle"]) == pytest.approx(
                angle + _number(row["step_angle"]), abs=1.1e-4)
            assert _number(following["speed"]) == pytest.approx(
                speed + _number(row["step_speed"]), abs=1.1e-4)
    last = shown[-1]
    assert last["step"] == str(len(result.steps) - 1)
    assert "step_angle" not in last  # no step follows the last shot
    landed = simulate(Launch(result.speed, result.angle_deg, drag=LAUNCH.drag)).range
    assert _number(last["miss"]) == pytest.approx(landed - TARGET, abs=0.0051)
    # the rule and η as stated
    key = "knobs.raw_rule" if which == "raw" else None
    if key:
        cue = next(c for c in lesson.cues if c["key"] == key)
        assert cue["fields"]["eta"] == format_eta(eta) == "9.4 × 10⁻⁶"


def test_the_raw_descent_crawls_and_the_scaled_one_hits(lesson):
    """The claims, recomputed with a descent loop of our own (the stated rule and rate on
    core's gradient): raw knobs still 96.84 m short after 300 steps, the powder never more than
    0.051 m/s a step; knobs scaled to their ranges hit within 1 m after 59 steps."""
    def run(eta, s_a, s_v, most):
        """(last shot, largest |Δv|, steps taken) of θ ← θ − η·s_θ²·∂L/∂θ, v ← … ."""
        angle, speed = lesson.first
        biggest, taken = 0.0, 0
        shot = loss_gradient(LAUNCH, TARGET, angle, speed)
        while abs(shot.miss) >= 1.0 and taken < most:
            d_a, d_v = -(eta * s_a**2) * shot.grad_angle, -(eta * s_v**2) * shot.grad_speed
            biggest = max(biggest, abs(d_v))
            angle, speed, taken = angle + d_a, speed + d_v, taken + 1
            shot = loss_gradient(LAUNCH, TARGET, angle, speed)
        return shot, biggest, taken

    raw, crawl, _ = run(lesson.raw.rate, 1.0, 1.0, 300)
    assert not lesson.raw.converged and len(lesson.raw.steps) == 301
    assert raw.miss == pytest.approx(lesson.raw.miss, abs=1e-6)
    stall = next(c for c in lesson.cues if c["key"] == "knobs.raw_stall")
    assert stall["fields"] == {"n": 300, "m": f"{abs(raw.miss):.2f}"} == {"n": 300, "m": "96.84"}
    crawl_cue = next(c for c in lesson.cues if c["key"] == "knobs.crawl")
    assert crawl_cue["fields"]["dv"] == f"{crawl:.3f}" == "0.051"
    assert crawl < 0.0515
    scaled, _, steps = run(lesson.scaled.rate, 55.0, 800.0, 300)
    assert lesson.scaled.converged and len(lesson.scaled.steps) - 1 == steps == 59
    assert abs(scaled.miss) < 1.0
    landed = simulate(Launch(scaled.speed, scaled.angle_deg, drag=LAUNCH.drag)).range
    assert abs(landed - TARGET) < 1.0
    hit = next(c for c in lesson.cues if c["key"] == "knobs.hit")
    assert hit["fields"] == {"n": 59, "a": f"{scaled.angle_deg:.2f}", "v": f"{scaled.speed:.2f}",
                             "tol": "1"}
    assert (hit["fields"]["a"], hit["fields"]["v"]) == ("18.82", "478.80")
    scale = next(c for c in lesson.cues if c["key"] == "knobs.scale")
    assert scale["fields"] == {"sa": "55", "sv": "800"}
    # a degree moves the ball ∂R/∂θ metres, a m/s ∂R/∂v: the scales differ by about 11
    p = range_partials(LAUNCH, *lesson.first, method="complex")
    assert p.d_angle / p.d_speed > 10


def test_each_path_follows_its_steps_on_the_map(lesson):
    for which, result in (("raw", lesson.raw), ("scaled", lesson.scaled)):
        corners = lesson.paths[which].get_anchors()
        expected = [lesson.map.c2p(s.angle_deg, s.speed) for s in result.steps]
        assert np.allclose(corners[0], expected[0]) and np.allclose(corners[-1], expected[-1])


def test_captions_keep_the_japanese_and_english_norms(lesson):
    """Each narration of this lesson, with the fields it is shown with: English ≤ 2 lines of
    42; Japanese ≤ 2 lines of 13 full-width characters (half-width counts 1/2), never breaking
    a number from its unit; every narration key of the catalogue is used."""
    keys = {c["key"] for c in lesson.cues}
    labels = ("title", "subtitle", "legend", "hit_label", "zoom_title", "slice_title",
              "slope_head", "figure", "step")
    catalogue = {k for k in TEXT if k.startswith("knobs.")
                 and not any(k.startswith(f"knobs.{p}") for p in labels)}
    assert keys == catalogue
    for cue in lesson.cues:
        key = cue["key"]
        for language, limit in (("en", 42), ("ja", 13)):
            lines = band_lines(TEXT[key][language].format(**cue["fields"]), language)
            assert len(lines) <= 2, (key, language, lines)
            assert max(width(line, language) for line in lines) <= limit, (key, language, lines)
            for a, b in zip(lines, lines[1:], strict=False):
                assert not (re.search(r"\d$", a) and re.match(r"(m|°|s)\b", b)), (key, lines)


def test_the_figure_shows_the_gradient_across_the_contours(media):
    """On the map (knobs drawn to their ranges), the figure's arrow is the gradient with respect
    to the scaled knobs: perpendicular to the contour through the first setting on the screen."""
    fig = final_state(TwoKnobsMapFigure, media)
    assert_points_inside_frame(fig)
    a0, v0 = fig.first
    miss, g_angle, g_speed = _by_complex_step(a0, v0)
    u = np.array([55.0 * g_angle, 800.0 * g_speed])
    u /= np.linalg.norm(u)
    drawn = fig.map_arrow.get_end() - fig.map_arrow.get_start()
    assert drawn[:2] / np.linalg.norm(drawn[:2]) == pytest.approx(u, abs=0.02)
    # the contour of L through the first setting, traced near it (1 % of each range), in the
    # map's coordinates (each knob divided by its range): at right angles to the arrow
    local = landscape(LAUNCH, TARGET, box=KnobBox(a0 - 0.55, a0 + 0.55, v0 - 8.0, v0 + 8.0),
                      angles=21, speeds=21)
    (line,) = contour_lines(local.angle_deg / 55.0, local.speed / 800.0, local.loss, miss**2)
    k = int(np.argmin(np.hypot(line[:, 0] - a0 / 55.0, line[:, 1] - v0 / 800.0)))
    tangent = line[min(k + 1, len(line) - 1)] - line[max(k - 1, 0)]
    assert abs(float(tangent @ u)) / np.linalg.norm(tangent) < 0.02
    assert len(fig.paths) == 2


@pytest.fixture
def _defaults(monkeypatch, tmp_path):
    """The built-in (post's) parameters: no $BIBUN_CONFIG, no bibun.toml in the working folder."""
    monkeypatch.delenv("BIBUN_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=AimWithTwoKnobs, **CACHE)
def test_last_frame(scene):
    AimWithTwoKnobs.construct(scene)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=TwoKnobsMapFigure, **CACHE)
def test_figure_frame(scene):
    TwoKnobsMapFigure.construct(scene)
