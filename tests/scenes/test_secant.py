"""``SecantToTangent``: it plays (dry run) in both languages and for another function; its
readouts and lines are core's numbers; its last frame matches the reference frame."""

from __future__ import annotations

import math

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import ValueTracker  # noqa: E402
from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import CACHE, SIN, inside_frame, play  # noqa: E402

from core.calculus import derivative, secant, stated_derivative  # noqa: E402
from core.functions import blog_f  # noqa: E402
from scenes.secant import SecantToTangent, SecantToTangentJa, decade_stops  # noqa: E402

__module_test__ = "secant"

LONG = """
[secant]
x0 = 0.0
h_start = 12.0
h_end = 1e-6
"""
CONFIGS = {
    "en": 'language = "en"',
    "ja": 'language = "ja"',
    "sin_ja": 'language = "ja"\n' + SIN,
    "seven_decades": LONG,
}


@pytest.fixture(autouse=True)
def _post_defaults(use_config):
    """Start from the post's values."""
    use_config("")


@pytest.mark.parametrize(
    ("scene_cls", "name"),
    [
        (SecantToTangent, "en"),
        (SecantToTangentJa, "en"),
        (SecantToTangent, "sin_ja"),
        (SecantToTangent, "seven_decades"),
    ],
    ids=["en", "ja_variant", "sin_ja", "seven_decades"],
)
def test_plays_in_both_languages_and_for_sin(scene_cls, name, use_config, tmp_path):
    cfg = use_config(CONFIGS[name])
    scene = play(scene_cls, tmp_path)
    assert scene.tr.language == (scene_cls.language or cfg.language)
    # a minute or so: the captions must stay up long enough to read in both languages
    assert 20 <= scene.time <= 90, f"duration {scene.time:.1f} s"
    for mob in scene.mobjects:
        if not isinstance(mob, ValueTracker):  # a tracker's "point" is its value
            assert inside_frame(mob), f"{type(mob).__name__} leaves the frame"
    # the printed value is the post's central difference, from core
    assert float(scene.printed) == derivative(cfg.function.f, cfg.secant.x0, h=1e-8)


@pytest.fixture(scope="module")
def post_scene(tmp_path_factory):
    """SecantToTangent with the post's values, played once for the geometry checks."""
    path = tmp_path_factory.mktemp("cfg") / "bibun.toml"
    path.write_text("", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BIBUN_CONFIG", str(path))
        return play(SecantToTangent, tmp_path_factory.mktemp("media"), frame_rate=1)


def test_readouts_and_secant_are_cores_at_sampled_h(post_scene):
    scene = post_scene
    axes = scene.axes
    for h in (4.0, 1.0, 0.3, 0.1, 0.01, 0.001):
        scene.log_h.set_value(math.log10(h))
        for mob in (scene.h_readout.number, scene.slope_readout.number, scene.secant_mob):
            mob.update()
        expected = secant(blog_f, 3.0, 10 ** math.log10(h))
        assert scene.h_readout.value == pytest.approx(h, rel=1e-12)
        assert scene.slope_readout.value == expected.slope
        assert scene.slope_readout.number.string == f"{expected.slope:.5f}"
        # the drawn secant, read back with p2c, is core's secant
        (x1, y1), (x2, y2) = (axes.p2c(p)[:2] for p in (scene.secant_mob.get_start(),
                                                          scene.secant_mob.get_end()))
        assert (y2 - y1) / (x2 - x1) == pytest.approx(expected.slope, rel=1e-6)
        assert y1 == pytest.approx(expected(x1), abs=1e-6)
    # converging to f'(3) = 0.22
    assert scene.slope_readout.value == pytest.approx(0.22, abs=1e-4)


def test_final_tangent_is_y_equals_022x_minus_018(post_scene):
    scene = post_scene
    # the stated slope: exact to rounding (complex step), not the post's h = 1e-8
    assert scene.tangent_line.slope == stated_derivative(blog_f, 3.0)
    assert scene.tangent_line.y0 == blog_f(3.0)
    (x1, y1), (x2, y2) = (scene.axes.p2c(p)[:2] for p in (scene.tangent_mob.get_start(),
                                                            scene.tangent_mob.get_end()))
    slope = (y2 - y1) / (x2 - x1)
    assert slope == pytest.approx(0.22, abs=1e-6)
    assert y1 + slope * (3.0 - x1) == pytest.approx(blog_f(3.0), abs=1e-6)
    assert scene.equation in scene.mobjects
    assert scene.derivative_value == pytest.approx(0.22, rel=1e-14)
    # what the post's code prints: 0.22 to 8 digits, and no more (h = 1e-8)
    assert scene.printed.startswith("0.22000000")


def test_h_pauses_at_each_power_of_ten():
    assert decade_stops(4.0, 1e-3) == [4.0, 1.0, 0.1, 0.01, 0.001]
    assert decade_stops(1.0, 0.01) == [1.0, 0.1, 0.01]
    np.testing.assert_allclose(decade_stops(3.0, 2e-3), [3.0, 1.0, 0.1, 0.01, 2e-3])


@frames_comparison(base_scene=SecantToTangent, **CACHE)
def test_frame_last(scene):
    SecantToTangent.construct(scene)
