"""``TangentSweep``: it plays (dry run) in both languages and for another function; the tangents
it leaves are core's tangents at 3, 6, 9 with slopes 0.22, 0.34, 0.46; the live readout and the
trace of f' are core's derivative; its last frame matches the reference frame."""

from __future__ import annotations

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import ValueTracker  # noqa: E402
from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import CACHE, SIN, inside_frame, play  # noqa: E402

from core.calculus import stated_derivative, tangent  # noqa: E402
from core.functions import blog_df, blog_f  # noqa: E402
from scenes.tangent_sweep import TangentSweep, TangentSweepJa  # noqa: E402

__module_test__ = "tangent_sweep"

CONFIGS = {"en": 'language = "en"', "sin_ja": 'language = "ja"\n' + SIN}


@pytest.fixture(autouse=True)
def _post_defaults(use_config):
    """Start from the post's values."""
    use_config("")


@pytest.mark.parametrize(
    ("scene_cls", "name"),
    [(TangentSweep, "en"), (TangentSweepJa, "en"), (TangentSweep, "sin_ja")],
    ids=["en", "ja_variant", "sin_ja"],
)
def test_plays_in_both_languages_and_for_sin(scene_cls, name, use_config, tmp_path):
    cfg = use_config(CONFIGS[name])
    scene = play(scene_cls, tmp_path)
    assert scene.tr.language == (scene_cls.language or cfg.language)
    assert 20 <= scene.time <= 75, f"duration {scene.time:.1f} s"  # captions need reading time
    for mob in scene.mobjects:
        if not isinstance(mob, ValueTracker):  # a tracker's "point" is its value
            assert inside_frame(mob), f"{type(mob).__name__} leaves the frame"
    # one tangent left per tangent point, each through its point with the stated slope (exact
    # to rounding, not the post's h = 1e-8)
    f = cfg.function.f
    for x0, line in zip(cfg.function.tangent_points, scene.tangent_lines, strict=True):
        assert line.slope == stated_derivative(f, x0)
        assert line.slope == pytest.approx(tangent(f, x0).slope, abs=1e-6)
        assert line.y0 == f(x0)
    assert len(scene.tangent_mobs) == len(cfg.function.tangent_points)
    # the sweep ended at x_max
    assert scene.x_tracker.get_value() == pytest.approx(cfg.function.x_max)


@pytest.fixture(scope="module")
def post_scene(tmp_path_factory):
    """TangentSweep with the post's values, played once for the geometry checks."""
    path = tmp_path_factory.mktemp("cfg") / "bibun.toml"
    path.write_text("", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BIBUN_CONFIG", str(path))
        return play(TangentSweep, tmp_path_factory.mktemp("media"), frame_rate=1)


def test_tangents_left_at_3_6_9(post_scene):
    scene = post_scene
    axes = scene.axes
    slopes = []
    for x0, mob in zip((3.0, 6.0, 9.0), scene.tangent_mobs, strict=True):
        (x1, y1), (x2, y2) = (axes.p2c(p)[:2] for p in (mob.get_start(), mob.get_end()))
        slope = (y2 - y1) / (x2 - x1)
        assert y1 + slope * (x0 - x1) == pytest.approx(blog_f(x0), abs=1e-6)
        slopes.append(slope)
        assert mob in scene.mobjects
    np.testing.assert_allclose(slopes, [0.22, 0.34, 0.46], atol=1e-6)
    assert len({m.get_color().to_hex() for m in scene.tangent_mobs}) == 3
    assert scene.tangent_lines[0].intercept == pytest.approx(-0.18, abs=1e-7)


def test_live_slope_and_trace_are_cores_derivative(post_scene):
    scene = post_scene
    for x in (0.0, 2.5, 3.0, 7.25, 12.0):
        scene.x_tracker.set_value(x)
        scene.slope_readout.number.update()
        scene.moving_tangent.update()
        assert scene.slope_readout.value == stated_derivative(blog_f, x)  # exact to rounding
        assert scene.slope_readout.value == pytest.approx(blog_df(x), abs=1e-7)
        # the moving tangent is drawn with that slope, through (x, f(x))
        (x1, y1), (x2, y2) = (scene.axes.p2c(p)[:2] for p in (scene.moving_tangent.get_start(),
                                                                scene.moving_tangent.get_end()))
        assert (y2 - y1) / (x2 - x1) == pytest.approx(blog_df(x), abs=1e-6)
        assert y1 + (y2 - y1) / (x2 - x1) * (x - x1) == pytest.approx(blog_f(x), abs=1e-6)
    # the full trace of f' lies on f'(x) = 0.04x + 0.1
    pts = np.array([scene.d_axes.p2c(p)[:2] for p in scene.trace.get_anchors()[::7]])
    np.testing.assert_allclose(pts[:, 1], blog_df(pts[:, 0]), atol=1e-6)


@frames_comparison(base_scene=TangentSweep, **CACHE)
def test_frame_last(scene):
    TangentSweep.construct(scene)
