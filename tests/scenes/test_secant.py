"""``SecantToTangent``: it plays (dry run) in both languages and for another function; its
readouts and lines are core's numbers; its last frame matches the reference frame."""

from __future__ import annotations

import math

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import ValueTracker  # noqa: E402
from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import CACHE, SIN, assert_recorded_run_is_the_video, inside_frame, play  # noqa: E402

from core.calculus import derivative, secant, stated_derivative  # noqa: E402
from core.functions import blog_f  # noqa: E402
from scenes.secant import SecantToTangent, SecantToTangentJa, decade_stops  # noqa: E402

pytestmark = pytest.mark.xdist_group("scenes.secant")  # one worker reads its recorded run
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
def test_plays_in_both_languages_and_for_sin(scene_cls, name, use_config, tmp_path,
                                             recorded):
    cfg = use_config(CONFIGS[name])
    scene = play(scene_cls, tmp_path)
    if name == "en" and scene_cls is SecantToTangent:
        # the recorded run that the cross-cutting tests read is this video's
        assert_recorded_run_is_the_video(recorded("SecantToTangent", "en").scene, scene)
    assert scene.tr.language == (scene_cls.language or cfg.language)
    # a minute or so: the captions must stay up long enough to read in both languages
    assert 20 <= scene.time <= 90, f"duration {scene.time:.1f} s"
    for mob in scene.mobjects:
        if not isinstance(mob, ValueTracker):  # a tracker's "point" is its value
            assert inside_frame(mob), f"{type(mob).__name__} leaves the frame"
    # the printed value is the post's central difference, from core
    assert float(scene.code_panel.printed) == derivative(cfg.function.f, cfg.secant.x0, h=1e-8)


@pytest.fixture
def post_scene(recorded):
    """SecantToTangent with the post's values, from its recorded run (played once per session)."""
    return recorded("SecantToTangent", "en").scene


def test_readouts_and_secant_are_cores_at_sampled_h(post_scene):
    scene = post_scene
    axes, readouts = scene.axes, scene.readouts
    h_readout, slope_readout = readouts.h_readout, readouts.slope_readout
    for h in (4.0, 1.0, 0.3, 0.1, 0.01, 0.001):
        scene.log_h.set_value(math.log10(h))
        for mob in (h_readout.number, slope_readout.number, scene.secant_mob):
            mob.update()
        expected = secant(blog_f, 3.0, 10 ** math.log10(h))
        assert h_readout.value == pytest.approx(h, rel=1e-12)
        assert slope_readout.value == expected.slope
        assert slope_readout.number.string == f"{expected.slope:.5f}"
        # the drawn secant, read back with p2c, is core's secant
        (x1, y1), (x2, y2) = (axes.p2c(p)[:2] for p in (scene.secant_mob.get_start(),
                                                          scene.secant_mob.get_end()))
        assert (y2 - y1) / (x2 - x1) == pytest.approx(expected.slope, rel=1e-6)
        assert y1 == pytest.approx(expected(x1), abs=1e-6)
    # converging to f'(3) = 0.22
    assert slope_readout.value == pytest.approx(0.22, abs=1e-4)


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
    assert scene.code_panel.printed.startswith("0.22000000")


def test_h_pauses_at_each_power_of_ten():
    assert decade_stops(4.0, 1e-3) == [4.0, 1.0, 0.1, 0.01, 0.001]
    assert decade_stops(1.0, 0.01) == [1.0, 0.1, 0.01]
    np.testing.assert_allclose(decade_stops(3.0, 2e-3), [3.0, 1.0, 0.1, 0.01, 2e-3])


@frames_comparison(base_scene=SecantToTangent, **CACHE)
def test_frame_last(scene):
    SecantToTangent.construct(scene)


# --- the step from the secant's slope to f'(x0): f'(x0) + c·h, then the limit -----------------


@pytest.fixture(scope="module")
def sin_scene(tmp_path_factory):
    """SecantToTangent for sin at x0 = 1 (not a quadratic), played once."""
    path = tmp_path_factory.mktemp("cfg") / "bibun.toml"
    path.write_text(SIN, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BIBUN_CONFIG", str(path))
        return play(SecantToTangent, tmp_path_factory.mktemp("media"), frame_rate=1)


def _keys(scene) -> list[str]:
    return [cue["key"] for cue in scene.cues]


def test_p_is_labelled_with_its_coordinates(post_scene, sin_scene):
    # from the config and f: (3, f(3)) and (1, sin 1), as the tangent's numbers are written
    assert post_scene.points.p_label.tex_string == r"P(3,\,0.48)"
    assert sin_scene.points.p_label.tex_string == r"P(1,\,0.84)"
    assert post_scene.points.p_label in post_scene.mobjects


def test_slope_is_exactly_022_plus_002h_and_the_readouts_obey_it(post_scene):
    scene = post_scene
    assert scene.expansion.exact
    assert scene.identity.tex_string == "= 0.22 + 0.02h"
    assert scene.identity_limit.tex_string == r"= \lim_{h \to 0}(0.22 + 0.02h) = 0.22"
    slope_readout = scene.readouts.slope_readout
    for h in (4.0, 1.0, 0.1, 0.01, 0.001):
        scene.log_h.set_value(math.log10(h))
        slope_readout.number.update()
        assert slope_readout.value == pytest.approx(scene.expansion.slope(h), rel=1e-12)
        assert slope_readout.number.string == f"{0.22 + 0.02 * h:.5f}"
    # the identity, then the limit that kills its h term
    keys = _keys(scene)
    assert keys.index("secant.n.identity_exact") < keys.index("secant.n.shrink")
    assert keys.index("secant.n.limit_identity") > keys.index("secant.n.shrink")


def test_a_function_that_is_not_quadratic_gets_the_first_order_form(sin_scene):
    scene = sin_scene
    assert not scene.expansion.exact  # decided by core from f's values
    # f'(1) + ½ f''(1)·h = cos 1 − (sin 1 / 2)·h
    assert scene.identity.tex_string == r"\approx 0.540 - 0.421h"
    assert scene.expansion.coefficient == pytest.approx(-math.sin(1.0) / 2, rel=1e-6)
    assert "secant.n.identity_approx" in _keys(scene)


def test_tangent_is_announced_in_a_beat_of_its_own_before_the_secant_merges(post_scene):
    scene = post_scene
    keys = _keys(scene)
    assert keys.index("secant.n.shrink") < keys.index("secant.n.tangent_appears") < keys.index(
        "secant.n.merge")
    cue = scene.cues[keys.index("secant.n.tangent_appears")]
    # a beat ends where the announcement starts, and another one after it
    assert cue["start"] in scene.beat_times
    assert any(cue["start"] < t <= cue["end"] + 1e-9 for t in scene.beat_times)
    assert scene.tangent_label.text == "tangentatP"  # (Text drops spaces)


def test_symmetric_secant_is_pictured_before_the_code(post_scene, sin_scene):
    for scene, exact in ((post_scene, 0.22), (sin_scene, math.cos(1.0))):
        sym, h = scene.symmetric, scene.symmetric["h"]
        f, x0 = scene.f, scene.x0
        assert sym["forward"] == secant(f, x0, h).slope
        assert sym["backward"] == pytest.approx(secant(f, x0, -h).slope, rel=1e-12)
        assert sym["central"] == derivative(f, x0, h=h, method="central")
        # the average of the two one-sided slopes, and closer to f'(x0)
        assert sym["central"] == pytest.approx((sym["forward"] + sym["backward"]) / 2,
                                               rel=1e-12)
        assert abs(sym["central"] - exact) < abs(sym["forward"] - exact) / 5
        keys = _keys(scene)
        assert keys.index("secant.n.symmetric") < keys.index("secant.n.code")
        assert keys.index("secant.n.tangent") < keys.index("secant.n.symmetric")
    # a quadratic: the h terms cancel exactly
    assert post_scene.symmetric["central"] == pytest.approx(0.22, rel=1e-12)
    assert post_scene.symmetric["h"] == 2.0
