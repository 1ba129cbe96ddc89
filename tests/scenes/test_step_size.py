"""Tests of ``scenes/step_size.py``: dry runs, geometry against ``core``, and a reference frame.

The dry runs play every animation (updaters included) at low quality without writing a file; the
geometry and frame tests build the scene with ``skip_animations`` (final states only). The
reference frame lives in ``control_data/step_size/``; regenerate it with
``pytest tests/scenes/test_step_size.py --set_test`` and look at it before committing.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

manim = pytest.importorskip("manim")

from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import assert_points_inside_frame, dry_run_settings, final_state  # noqa: E402

from core.calculus import derivative, optimal_step, step_errors  # noqa: E402
from core.functions import blog_df, blog_f  # noqa: E402
from scenes.step_size import StepSizeError, correct_digits, step_grid  # noqa: E402

__module_test__ = "step_size"

SINE = (
    '[function]\nexpression = "sin(x)"\nx_min = 0.0\nx_max = 6.0\n'
    "tangent_points = [1.0, 3.0, 5.0]\n[secant]\nh_start = 2.0\n"
)
CONFIGS = {"default": "", "sine": SINE}

@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "sine")])
def test_plays_in_dry_run(use_config, media, language, config):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    with manim.tempconfig(dry_run_settings(media, dry_run=True)):
        scene = StepSizeError()
        scene.render()
    # about a minute: captions stay up until they can be read in both languages
    assert 20.0 <= scene.renderer.time <= 75.0, "the scene must run 20-75 s"


@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "sine")])
def test_final_frame_stays_inside(use_config, media, language, config):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    scene = final_state(StepSizeError, media)
    assert_points_inside_frame(scene)


def test_plotted_points_are_step_errors(use_config, media):
    use_config("")
    scene = final_state(StepSizeError, media)
    axes = scene.axes
    hs = step_grid()
    cases = [(blog_f, blog_df, 3.0), (np.sin, np.cos, 1.0)]
    assert len(scene.parts) == 2
    for part, (f, df, x0) in zip(scene.parts, cases, strict=True):
        assert part["case"].x0 == x0
        for method, series in part["series"].items():
            expected = step_errors(f, df, x0, hs, method=method)
            np.testing.assert_array_equal(series.errors, expected)
            assert len(series.dots) == len(hs)
            for dot, h, err in zip(series.dots, hs, expected, strict=True):
                lx, ly = axes.p2c(dot.get_center())[:2]
                assert lx == pytest.approx(math.log10(h), abs=1e-9)
                if err == 0:
                    assert ly == pytest.approx(axes.floor_y, abs=1e-9)  # the "exact (0)" row
                else:
                    assert ly == pytest.approx(math.log10(err), abs=1e-9)


def test_every_dot_is_shown_after_its_sweep(use_config, media):
    use_config("")
    scene = final_state(StepSizeError, media)
    for series in scene.parts[1]["series"].values():
        assert all(d.get_fill_opacity() == 1.0 for d in series.dots)


def test_optimal_steps_and_richardson_are_marked(use_config, media):
    use_config("")
    scene = final_state(StepSizeError, media)
    for method in ("forward", "central"):
        h, err = scene.markers[(1, method)]
        assert h == optimal_step(method, 1.0)
        assert err == abs(derivative(np.sin, 1.0, h=h, method=method) - math.cos(1.0))
        ring = scene.axes.p2c(scene.optimal_rings[(1, method)].get_center())[:2]
        assert ring[0] == pytest.approx(math.log10(h), abs=1e-6)
        assert ring[1] == pytest.approx(math.log10(err), abs=1e-6)
    h, err = scene.markers[(1, "richardson")]
    assert correct_digits(err, math.cos(1.0)) >= 12
    lx, ly = scene.axes.p2c(scene.richardson.get_center())[:2]
    assert lx == pytest.approx(math.log10(h), abs=1e-6)


def test_correct_digits():
    assert correct_digits(0.0, 1.0) == 16
    assert correct_digits(1.5e-9, 0.22) == 8
    assert correct_digits(0.5, 0.22) == 0


@pytest.fixture
def _defaults(monkeypatch, tmp_path):
    """The built-in (post's) parameters: no $BIBUN_CONFIG, no bibun.toml in the working folder."""
    monkeypatch.delenv("BIBUN_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=StepSizeError)
def test_last_frame(scene):
    StepSizeError.construct(scene)
