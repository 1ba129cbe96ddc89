"""The static figures: they build in both languages and for another function, their last frames
match the reference frames, and the drawn tangents are the ones ``core`` computes."""

from __future__ import annotations

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import RIGHT, UP, tempconfig  # noqa: E402
from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import CACHE, SIN, inside_frame, play  # noqa: E402

from core.calculus import tangent  # noqa: E402
from core.functions import blog_f  # noqa: E402
from scenes.figures import (  # noqa: E402
    CurveFigure,
    DerivativeDefinitionFigure,
    TangentAtX0Figure,
    TangentsFigure,
)

__module_test__ = "figures"

CONFIGS = {"en": 'language = "en"', "ja": 'language = "ja"', "sin_ja": 'language = "ja"\n' + SIN}
FIGURES = [CurveFigure, TangentAtX0Figure, TangentsFigure, DerivativeDefinitionFigure]


@pytest.fixture(autouse=True)
def _post_defaults(use_config):
    """Every test starts from the post's values, whatever ./bibun.toml says."""
    use_config("")


@pytest.mark.parametrize("name", list(CONFIGS))
@pytest.mark.parametrize("scene_cls", FIGURES, ids=lambda c: c.__name__)
def test_figures_build_and_fit_the_frame(scene_cls, name, use_config, tmp_path):
    use_config(CONFIGS[name])
    scene = play(scene_cls, tmp_path)
    assert scene.mobjects
    for mob in scene.mobjects:
        assert inside_frame(mob), f"{type(mob).__name__} leaves the frame"


def _drawn_line(axes, mob):
    """(slope, intercept) of a drawn Line, read back in data coordinates with p2c."""
    (x1, y1), (x2, y2) = (axes.p2c(p)[:2] for p in (mob.get_start(), mob.get_end()))
    slope = (y2 - y1) / (x2 - x1)
    return slope, y1 - slope * x1, (x1, x2)


def test_tangent_at_x0_is_cores_tangent(use_config, tmp_path):
    use_config("")
    scene = play(TangentAtX0Figure, tmp_path)
    slope, intercept, (xa, xb) = _drawn_line(scene.axes, scene.tangent_mob)
    assert slope == pytest.approx(0.22, abs=1e-6)
    assert intercept == pytest.approx(-0.18, abs=1e-6)
    # it passes through (3, f(3)) and spans the visible plot
    assert slope * 3.0 + intercept == pytest.approx(blog_f(3.0), abs=1e-6)
    assert xa < 3.0 < xb
    assert scene.tangent_line == tangent(blog_f, 3.0)


def test_tangents_at_3_6_9(use_config, tmp_path):
    use_config("")
    scene = play(TangentsFigure, tmp_path)
    slopes = []
    for x0, mob in zip((3.0, 6.0, 9.0), scene.tangent_mobs, strict=True):
        slope, intercept, _ = _drawn_line(scene.axes, mob)
        assert slope * x0 + intercept == pytest.approx(blog_f(x0), abs=1e-6)
        slopes.append(slope)
    np.testing.assert_allclose(slopes, [0.22, 0.34, 0.46], atol=1e-6)
    # distinct colours
    assert len({m.get_color().to_hex() for m in scene.tangent_mobs}) == 3


def test_transparent_figure_has_no_opaque_background(use_config, tmp_path):
    """With -t the corners are fully transparent (no background box, no halos)."""
    use_config("")
    with tempconfig({"transparent": True}):
        scene = play(TangentsFigure, tmp_path, draw=True)
        frame = scene.renderer.get_frame()
    assert frame.shape[2] == 4
    assert frame[0, 0, 3] == 0 and frame[-1, -1, 3] == 0
    # no pixel is painted in the background colour (a halo would be)
    opaque = frame[..., 3] == 255
    bg = np.all(frame[..., :3] == (0x15, 0x18, 0x1D), axis=-1)
    assert not np.any(opaque & bg)


# --- frame comparison: the last frame of each figure against control_data/figures/ ------------


@frames_comparison(base_scene=CurveFigure, **CACHE)
def test_frame_curve(scene):
    CurveFigure.construct(scene)


@frames_comparison(base_scene=TangentAtX0Figure, **CACHE)
def test_frame_tangent_at_x0(scene):
    TangentAtX0Figure.construct(scene)


@frames_comparison(base_scene=TangentsFigure, **CACHE)
def test_frame_tangents(scene):
    TangentsFigure.construct(scene)


@frames_comparison(base_scene=DerivativeDefinitionFigure, **CACHE)
def test_frame_derivative_definition(scene):
    DerivativeDefinitionFigure.construct(scene)


# --- the shared helpers the figures and scenes are built from ---------------------------------


def test_shared_modules_doctests():
    """The examples in the kit's drawing modules, scenes.kit.text and the lessons run (pytest's
    testpaths do not include scenes/; scenes.kit.formatting's run in tests/test_formatting.py)."""
    import doctest
    import importlib

    names = ("scenes.kit.typography", "scenes.kit.axes", "scenes.kit.lines", "scenes.kit.text",
             "scenes.secant", "scenes.aim")
    for module in map(importlib.import_module, names):
        result = doctest.testmod(module)
        assert result.failed == 0, f"{module.__name__}: {result}"
        assert result.attempted > 0


def test_missing_text_fails_loudly():
    from scenes.kit.text import TEXT, Catalogue, t

    with pytest.raises(KeyError, match="no.such.key"):
        t("no.such.key", "en")
    with pytest.raises(KeyError, match="secant.nope"):
        Catalogue("ja")("secant.nope")
    # every entry has both languages, non-empty
    assert all(entry["en"] and entry["ja"] for entry in TEXT.values())


@pytest.mark.parametrize(
    ("f", "lo", "hi"),
    [(blog_f, 0.0, 12.0), (np.sin, 0.0, 6.0), (np.exp, 0.0, 10.0), (lambda x: 0 * x + 3, -1, 1)],
    ids=["post", "sin", "exp", "constant"],
)
def test_fitted_axes_cover_the_data_with_nice_ticks(f, lo, hi):
    from scenes.kit.axes import fitted_axes

    axes = fitted_axes(f, lo, hi, x_length=8, y_length=4)
    ys = f(np.linspace(lo, hi, 401))
    assert axes.x_box[0] <= lo and axes.x_box[1] >= hi
    assert axes.y_box[0] <= ys.min() and axes.y_box[1] >= ys.max()
    assert axes.y_box[1] - axes.y_box[0] > 0
    for ticks in (axes.x_ticks, axes.y_ticks):
        steps = np.diff(ticks)
        np.testing.assert_allclose(steps, steps[0])
        mantissa = steps[0] / 10 ** np.floor(np.log10(steps[0]))
        assert min(abs(mantissa - m) for m in (1, 2, 2.5, 5)) < 1e-9
        assert 3 <= len(ticks) <= 13


def test_glyph_number_matches_its_text_and_keeps_its_place():
    from scenes.kit.readouts import GlyphNumber

    number = GlyphNumber(0.3, fmt="{:.5f}").shift(2 * RIGHT + UP)
    left = number.get_left()[0]
    for value in (0.22002, -1.5, 1234.5):
        number.set_value(value)
        assert number.string == f"{value:.5f}" and number.value == value
        assert number.get_left()[0] == pytest.approx(left, abs=0.02)
    points = number.body.points.copy()
    number.set_value(1234.5)  # same text: nothing rebuilt
    np.testing.assert_array_equal(number.body.points, points)
    with pytest.raises(ValueError, match="cannot draw"):
        GlyphNumber(1.0, fmt="{:e}")
