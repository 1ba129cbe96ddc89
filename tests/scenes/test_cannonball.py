"""Tests of ``scenes/cannonball.py``: dry runs, geometry against ``core``, and reference frames.

The dry runs play every animation (updaters included) at low quality without writing a file; the
geometry and frame tests build the scenes with ``skip_animations`` (final states only), which is
fast. Reference frames live in ``control_data/cannonball/``; regenerate them with
``pytest tests/scenes/test_cannonball.py --set_test`` and look at them before committing.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

manim = pytest.importorskip("manim")

import scene_testing  # noqa: E402
from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import CACHE, assert_recorded_run_is_the_video, play  # noqa: E402

from scenes.cannonball import CannonballFigure, CannonballTrajectory  # noqa: E402
from scenes.kit import style  # noqa: E402
from scenes.kit.axes import PlotAxes  # noqa: E402

pytestmark = pytest.mark.xdist_group("scenes.cannonball")  # one worker reads its recorded run
__module_test__ = "cannonball"

#: The issue's other launch (the aiming target must then be within its reach).
SLOW_STEEP = "[cannon]\nspeed = 300.0\nangle_deg = 60.0\n[aim]\ntarget = 1500.0\n"
NO_DRAG = "[cannon]\ndrag = 0.0\n"
CONFIGS = {"default": "", "300_at_60": SLOW_STEEP, "no_drag": NO_DRAG}

#: Everything drawn stays this far inside the 14.22 x 8 frame (style.MARGIN, less a little slack).
HALF_WIDTH = 7.11 - 0.3
HALF_HEIGHT = 4.0 - 0.3


def _final_state(scene_cls, tmp_path):
    """Build ``scene_cls`` with its animations skipped: the objects in their final state."""
    return scene_testing.final_state(scene_cls, tmp_path)


def _angle(vector) -> float:
    return math.atan2(vector[1], vector[0])


def _data_vector(axes, start, end) -> np.ndarray:
    return np.asarray(axes.p2c(end)) - np.asarray(axes.p2c(start))


# ---------------------------------------------------------------------------------------------
# dry runs: every animation played, both languages, other launches


@pytest.mark.parametrize(
    ("language", "config"),
    [("en", "default"), ("ja", "300_at_60"), ("ja", "no_drag")],
)
def test_trajectory_plays_in_dry_run(use_config, tmp_path, language, config, recorded):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    scene = play(CannonballTrajectory, tmp_path, frame_rate=15)  # the duration at a video's rate
    if config == "default":
        # the recorded run that the cross-cutting tests read is this video's
        assert_recorded_run_is_the_video(recorded("CannonballTrajectory", language).scene, scene)
    # about a minute and a half: captions stay up until they can be read in both languages
    assert 20.0 <= scene.renderer.time <= 90.0, "the scene must run 20-90 s"




@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("config", list(CONFIGS))
def test_figure_plays_in_dry_run(use_config, tmp_path, language, config):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    scene = play(CannonballFigure, tmp_path)
    assert _outside(scene) == []


def _outside(scene) -> list[str]:
    """The mobjects of ``scene`` reaching outside the frame's margin."""
    found = []
    for mob in scene.mobjects:
        if isinstance(mob, manim.ValueTracker):  # a number stored as a point, not drawn
            continue
        points = mob.get_all_points()
        if len(points) == 0:
            continue
        (left, bottom), (right, top) = points[:, :2].min(axis=0), points[:, :2].max(axis=0)
        if left < -HALF_WIDTH or right > HALF_WIDTH or bottom < -HALF_HEIGHT or top > HALF_HEIGHT:
            found.append(
                f"{type(mob).__name__} [{left:.2f}, {right:.2f}] x [{bottom:.2f}, {top:.2f}]"
            )
    return found


#: A number of four digits or more with no thousands separator ("3707", not "3,707" or 3{,}707).
_UNGROUPED = re.compile(r"(?<![\d.,}])\d{4,}")


def _shown_strings(scene) -> list[str]:
    """The strings of every ``Text`` and ``MathTex`` on screen, the axes' tick numbers aside."""
    found = []
    for top in scene.mobjects:
        if isinstance(top, PlotAxes):
            continue
        for m in top.get_family():
            if isinstance(m, manim.Text):
                found.append(m.original_text)
            elif isinstance(m, manim.MathTex):
                found.append(m.tex_string)
    return found


def _ground_clearance(scene) -> float:
    """How far the cannon's lowest ink (its strokes included) stays above the ground line's ink
    (the x axis through the launch point, its stroke included); negative: below the ground."""
    ground = scene.axes.c2p(0.0, 0.0)[1] + style.STROKE_AXIS * 0.005
    return (
        min(
            m.get_all_points()[:, 1].min() - m.get_stroke_width() * 0.005
            for m in scene.cannon.family_members_with_points()
        )
        - ground
    )


class _FrameChecked(CannonballTrajectory):
    """Records, after every ``play``, anything reaching outside the frame's margin, every number
    on screen written without its thousands separator, and the cannon's height above ground."""

    def play(self, *args, **kwargs):
        super().play(*args, **kwargs)
        n = self.renderer.num_plays
        self.outside += [(n, m) for m in _outside(self)]
        self.ungrouped += [(n, s) for s in _shown_strings(self) if _UNGROUPED.search(s)]
        if hasattr(self, "cannon"):
            self.clearance.append(_ground_clearance(self))

    def construct(self):
        self.outside, self.ungrouped, self.clearance = [], [], []
        super().construct()


@pytest.fixture(scope="module")
def final_state(tmp_path_factory):
    """``final_state(config, language="en")``: the scene in its final state, built once per module
    (animations skipped, so each ``play`` jumps to its end and the frame check runs after it)."""
    from core.config import ENV_VAR

    built = {}

    def get(config: str, language: str = "en") -> _FrameChecked:
        if (config, language) not in built:
            folder = tmp_path_factory.mktemp(f"{config}-{language}")
            path = folder / "bibun.toml"
            path.write_text(f'language = "{language}"\n' + CONFIGS[config], encoding="utf-8")
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv(ENV_VAR, str(path))
                built[config, language] = _final_state(_FrameChecked, folder)
        return built[config, language]

    return get


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("config", list(CONFIGS))
def test_everything_stays_in_the_frame(final_state, language, config):
    assert final_state(config, language).outside == []


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("config", list(CONFIGS))
def test_numbers_carry_their_thousands_separator(final_state, language, config):
    # 3,707 m in the labels and 3{,}707 in the formulas, never 3707 beside it (tick numbers aside)
    assert final_state(config, language).ungrouped == []


# ---------------------------------------------------------------------------------------------
# geometry: what is drawn is where core says


@pytest.mark.parametrize("config", list(CONFIGS))
def test_cannon_stands_above_the_ground_line(final_state, config):
    scene = final_state(config)
    # after every animation, in the flight's view and the zoomed-out one
    assert len(scene.clearance) > 10
    assert min(scene.clearance) >= 0.0, min(scene.clearance)


@pytest.mark.parametrize("config", list(CONFIGS))
def test_barrel_lies_on_the_launch_line(final_state, config):
    # the ball leaves the muzzle along its path: the barrel's axis is the launch direction
    # through the launch point
    scene = final_state(config)
    barrel, axes = scene.cannon[0], scene.axes
    corners = barrel.get_vertices()[:4]  # muzzle top, breech top, breech bottom, muzzle bottom
    muzzle = (corners[0] + corners[3]) / 2
    breech = (corners[1] + corners[2]) / 2
    start = axes.c2p(0.0, scene.launch.height)
    angle = math.radians(scene.launch.angle_deg)
    assert _angle(muzzle - breech) == pytest.approx(angle, abs=1e-9)
    assert _angle(breech - start) == pytest.approx(angle, abs=1e-9)


@pytest.mark.parametrize("config", list(CONFIGS))
def test_axes_fit_the_flight(final_state, config):
    scene = final_state(config)
    traj, axes = scene.trajectory, scene.flight_axes
    assert axes.x_box[0] == 0.0 and axes.y_box[0] == 0.0
    assert traj.range <= axes.x_box[1] < 2.0 * traj.range
    assert traj.max_height <= axes.y_box[1] < 3.0 * traj.max_height
    # equal scales: a metre is as long across as up
    dx = axes.c2p(1000.0, 0.0) - axes.c2p(0.0, 0.0)
    dy = axes.c2p(0.0, 1000.0) - axes.c2p(0.0, 0.0)
    assert dx[0] == pytest.approx(dy[1], rel=1e-9)
    if traj.launch.drag > 0:  # the zoomed-out axes hold the drag-free parabola too
        assert scene.vacuum.range <= scene.axes.x_box[1]
        assert scene.vacuum.max_height <= scene.axes.y_box[1]
        assert scene.vacuum.launch.drag == 0.0
    else:
        assert scene.axes is scene.flight_axes


@pytest.mark.parametrize("config", list(CONFIGS))
def test_apex_marker_sits_at_the_apex(final_state, config):
    scene = final_state(config)
    traj, axes = scene.trajectory, scene.axes
    x, y = axes.p2c(scene.apex_dot.get_center())
    ax, ay = traj.position(traj.apex_time)
    tol = 1e-6 * axes.x_box[1]
    assert x == pytest.approx(ax, abs=tol)
    assert y == pytest.approx(ay, abs=tol)
    assert y == pytest.approx(traj.max_height, abs=tol)
    # the arrow at the apex is the velocity there: horizontal, forwards
    vx, vy = _data_vector(
        scene.flight_axes, scene.apex_arrow.get_start(), scene.apex_arrow.get_end()
    )
    assert vx > 0 and abs(vy) < 1e-6 * vx


@pytest.mark.parametrize("config", list(CONFIGS))
def test_velocity_arrow_is_tangent(final_state, config):
    scene = final_state(config)
    traj, axes, arrow = scene.trajectory, scene.flight_axes, scene.instant_arrow
    np.testing.assert_allclose(
        axes.p2c(arrow.get_start()), traj.position(scene.instant), atol=1e-6 * axes.x_box[1]
    )
    v = traj.velocity(scene.instant)
    drawn = _data_vector(axes, arrow.get_start(), arrow.get_end())
    assert _angle(drawn) == pytest.approx(_angle(v), abs=1e-6)
    # its length is the speed at the common scale of all the velocity arrows
    length = np.linalg.norm(arrow.get_end() - arrow.get_start())
    assert length == pytest.approx(scene.arrow_scale * traj.speed(scene.instant), rel=1e-6)


@pytest.mark.parametrize("config", list(CONFIGS))
def test_chord_velocities_converge_to_the_velocity(final_state, config):
    scene = final_state(config)
    traj, t0 = scene.trajectory, scene.instant
    T = traj.flight_time
    steps = scene.chord_velocities
    assert [dt for dt, _ in steps] == pytest.approx([T / 2**k for k in range(1, len(steps) + 1)])
    v = np.array(traj.velocity(t0))
    errors = []
    for dt, vbar in steps:
        np.testing.assert_allclose(vbar, traj.average_velocity(t0, t0 + dt), rtol=1e-12)
        errors.append(np.linalg.norm(np.array(vbar) - v))
    assert all(b < a for a, b in zip(errors, errors[1:], strict=False))
    assert errors[-1] < errors[0] / 20


@pytest.mark.parametrize("config", list(CONFIGS))
def test_the_chords_drawn_are_the_chords_measured(final_state, config):
    # every chord starts at the instant t (T/4) and ends at t + Δt, Δt the table's row
    scene = final_state(config)
    traj, axes, t0 = scene.trajectory, scene.flight_axes, scene.instant
    assert t0 == pytest.approx(traj.flight_time / 4)
    assert len(scene.chords) == len(scene.chord_velocities) == scene.halvings
    for (start, end), (dt, _) in zip(scene.chords, scene.chord_velocities, strict=True):
        np.testing.assert_allclose(axes.p2c(start), traj.position(t0), atol=1e-6 * axes.x_box[1])
        np.testing.assert_allclose(axes.p2c(end), traj.position(t0 + dt), atol=1e-6 * axes.x_box[1])
    # ... and the caption says so, with the instant's numbers
    (cut,) = [c for c in scene.cues if c["key"] == "cannon.cut"]
    assert cut["fields"] == {"start": "T/4", "t0": f"{t0:.1f}"}


@pytest.mark.parametrize("config", list(CONFIGS))
def test_limit_is_written_where_the_chords_converge(final_state, config):
    scene = final_state(config)
    assert r"\lim_{\Delta t \to 0} \frac{\Delta s}{\Delta t}" in scene.limit_formula.tex_string
    # in the column, below the table's limit row and inside the frame
    assert scene.limit_formula.get_top()[1] < scene.table[5].get_bottom()[1]
    assert scene.limit_formula.get_bottom()[1] > -4.0 + style.MARGIN


@pytest.mark.parametrize("config", list(CONFIGS))
def test_post_average_is_reconciled_with_the_launch_speed(final_state, config):
    # the post's 750 m/s is an average; here it is the launch speed, beside the flight's average
    scene = final_state(config)
    traj = scene.trajectory
    (cue,) = [c for c in scene.cues if c["key"] == "cannon.post_average"]
    average = math.hypot(*traj.average_velocity(0.0, traj.flight_time))
    assert cue["fields"] == {
        "post": "750",  # the post's own number, whatever this launch's speed
        "speed": f"{scene.launch.speed:.0f}",
        "avg": f"{average:.1f}",
    }
    assert average < scene.launch.speed  # the point: below the launch speed
    shown = scene.tr("cannon.post_average", **cue["fields"])
    assert f"{scene.launch.speed:.0f}" in shown and f"{average:.1f}" in shown


def test_config_comment_states_the_average_of_the_default_shot():
    from core.ballistics import simulate
    from core.config import load_config

    path = Path(__file__).resolve().parents[2] / "bibun.toml"
    launch = load_config(path).cannon.launch
    traj = simulate(launch)
    average = math.hypot(*traj.average_velocity(0.0, traj.flight_time))
    block = path.read_text(encoding="utf-8").split("[cannon]")[1].split("speed =")[0]
    assert "average" in block and "launch" in block
    assert f"{average:.1f} m/s" in block, (average, block)


@pytest.mark.parametrize("config", ["default", "300_at_60"])
def test_parabola_apex_is_marked_with_slope_zero(final_state, config):
    scene = final_state(config)
    vac, axes = scene.vacuum, scene.axes
    assert vac.launch.drag == 0.0
    x, y = axes.p2c(scene.vacuum_apex_dot.get_center())
    tol = 1e-6 * axes.x_box[1]
    assert x == pytest.approx(vac.position(vac.apex_time)[0], abs=tol)
    assert y == pytest.approx(vac.max_height, abs=tol)
    start, end = scene.vacuum_tangent.get_start(), scene.vacuum_tangent.get_end()
    assert start[1] == pytest.approx(end[1]) and end[0] > start[0]  # horizontal: slope 0
    assert (start + end)[0] / 2 == pytest.approx(scene.vacuum_apex_dot.get_center()[0])
    (cue,) = [c for c in scene.cues if c["key"] == "cannon.vacuum_apex"]
    assert cue["fields"] == {"h": f"{vac.max_height:,.0f}"}


def test_speedup_label_states_the_factor(final_state):
    scene = final_state("default", "ja")
    T = scene.trajectory.flight_time
    run_time = scene.flight_run_time
    assert scene.speedup == pytest.approx(T / run_time)
    lines = [m.original_text for m in scene.clock_note.get_family() if isinstance(m, manim.Text)]
    assert "".join(lines) == f"実際の経過時間（{T / run_time:.0f} 倍速で再生）"


def test_japanese_cannon_text_uses_full_width_colons_and_displacement():
    from scenes.kit.text import TEXT

    for key, value in TEXT.items():
        if key.startswith("cannon."):
            assert ":" not in value["ja"], key
    assert "変位" in TEXT["cannon.average"]["ja"] and "変位" in TEXT["cannon.cut"]["ja"]


def test_figure_arrows_follow_core(use_config, tmp_path):
    use_config("")
    scene = _final_state(CannonballFigure, tmp_path)
    traj, axes = scene.trajectory, scene.axes
    v = traj.velocity(scene.instant)
    drawn = _data_vector(axes, scene.instant_arrow.get_start(), scene.instant_arrow.get_end())
    assert _angle(drawn) == pytest.approx(_angle(v), abs=1e-6)
    vbar = traj.average_velocity(0.0, traj.flight_time)
    drawn = _data_vector(axes, scene.average_arrow.get_start(), scene.average_arrow.get_end())
    assert _angle(drawn) == pytest.approx(_angle(vbar), abs=1e-6)


# ---------------------------------------------------------------------------------------------
# reference frames (the post's defaults, each language)


@pytest.fixture
def _en(use_config):
    use_config('language = "en"')


@pytest.fixture
def _ja(use_config):
    use_config('language = "ja"')


@frames_comparison(base_scene=CannonballFigure, **CACHE)
@pytest.mark.usefixtures("_en")
def test_figure_en(scene):
    CannonballFigure.construct(scene)


@frames_comparison(base_scene=CannonballFigure, **CACHE)
@pytest.mark.usefixtures("_ja")
def test_figure_ja(scene):
    CannonballFigure.construct(scene)


@frames_comparison(base_scene=CannonballTrajectory, **CACHE)
@pytest.mark.usefixtures("_en")
def test_trajectory_last_frame_en(scene):
    CannonballTrajectory.construct(scene)


@frames_comparison(base_scene=CannonballTrajectory, **CACHE)
@pytest.mark.usefixtures("_ja")
def test_trajectory_last_frame_ja(scene):
    CannonballTrajectory.construct(scene)
