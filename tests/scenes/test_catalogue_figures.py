"""The figures for every function of the catalogue (tests/function_catalogue.py) that renders:
no exception, every part inside the frame, tick numbers that neither overlap nor shrink, and
stated slopes that are the true derivative to 1e-9."""

from __future__ import annotations

import math

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import MathTex  # noqa: E402
from scene_testing import inside_frame, play  # noqa: E402

from core.calculus import one_sided_slopes  # noqa: E402
from scenes.figures import CurveFigure, TangentAtX0Figure, TangentsFigure  # noqa: E402
from scenes.kit import style  # noqa: E402
from tests.function_catalogue import CATALOGUE  # noqa: E402

RENDERS = [c for c in CATALOGUE if c.renders]


def _boxes_overlap(a, b, pad=0.02):
    return not (
        a.get_right()[0] + pad <= b.get_left()[0]
        or b.get_right()[0] + pad <= a.get_left()[0]
        or a.get_top()[1] + pad <= b.get_bottom()[1]
        or b.get_top()[1] + pad <= a.get_bottom()[1]
    )


def _check_axes_numbers(axes):
    for numbers in (axes.x_numbers, axes.y_numbers):
        labels = list(numbers)
        for a, b in zip(labels, labels[1:], strict=False):
            assert not _boxes_overlap(a, b), (a.tex_string, b.tex_string)
        for label in labels:
            assert isinstance(label, MathTex) and label.font_size >= style.SIZE_SMALL - 1e-6
            assert "e+" not in label.tex_string and "e-" not in label.tex_string
            assert len(label.tex_string) <= 18, label.tex_string


@pytest.mark.parametrize("case", RENDERS, ids=[c.name for c in RENDERS])
@pytest.mark.parametrize("figure", [CurveFigure, TangentAtX0Figure, TangentsFigure],
                         ids=lambda c: c.__name__)
def test_catalogue_figure(case, figure, use_config, tmp_path):
    use_config(case.toml)
    scene = play(figure, tmp_path)
    for mob in scene.mobjects:
        assert inside_frame(mob, margin=0.1), f"{type(mob).__name__} leaves the frame"
    _check_axes_numbers(scene.axes)
    if figure is TangentAtX0Figure:
        if case.differentiable:
            exact = float(case.df(np.float64(case.x0)))
            assert abs(scene.stated_line.slope - exact) <= 1e-9 * abs(exact)
            assert scene.tangent_mob is not None
        else:  # no tangent where f'(x0) does not exist
            assert scene.tangent_mob is None and scene.tangent_line is None
            s = one_sided_slopes(scene.f, case.x0)
            assert not (math.isfinite(s.left) and s.left == s.right)
