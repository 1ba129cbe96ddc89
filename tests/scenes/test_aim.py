"""Tests of ``scenes/aim.py``: dry runs, geometry against ``core``, and reference frames.

The dry runs play every animation (updaters included) at low quality without writing a file; the
geometry and frame tests build the scenes with ``skip_animations`` (final states only). Reference
frames live in ``control_data/aim/``; regenerate them with
``pytest tests/scenes/test_aim.py --set_test`` and look at them before committing.
"""

from __future__ import annotations

import math

import pytest

manim = pytest.importorskip("manim")

from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import assert_points_inside_frame, dry_run_settings, final_state  # noqa: E402

from core.aiming import max_range  # noqa: E402
from core.ballistics import Launch, simulate  # noqa: E402
from scenes.aim import AimTheCannon, AimTheCannonGradient  # noqa: E402

__module_test__ = "aim"

#: The issue's other launch, with a target within its reach (90 % of the longest shot) that the
#: first guess (15 degrees) misses.
_REACH = max_range(Launch(300.0, 60.0, drag=5.7e-4)).range
SLOW_STEEP = f"[cannon]\nspeed = 300.0\nangle_deg = 60.0\n[aim]\ntarget = {0.9 * _REACH:.1f}\n"
CONFIGS = {"default": "", "300_at_60": SLOW_STEEP}
SCENES = {"newton": AimTheCannon, "gradient": AimTheCannonGradient}

@pytest.mark.parametrize("method", list(SCENES))
@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "300_at_60")])
def test_plays_in_dry_run(use_config, media, method, language, config):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    with manim.tempconfig(dry_run_settings(media, dry_run=True)):
        scene = SCENES[method]()
        scene.render()
    assert scene.result.method == method
    assert scene.result.converged, "the scene must end on a hit"
    # about a minute: captions stay up until they can be read in both languages
    assert 20.0 <= scene.renderer.time <= 75.0, "the scene must run 20-75 s"


@pytest.mark.parametrize("method", list(SCENES))
@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "300_at_60")])
def testfinal_state(use_config, media, method, language, config):
    """Inside the frame; each landing marker at ``simulate(...).range`` of its step's angle; the
    loss dots at (shot, log10 miss²)."""
    cfg = use_config(f'language = "{language}"\n' + CONFIGS[config])
    scene = final_state(SCENES[method], media)
    assert_points_inside_frame(scene)

    steps = scene.result.steps
    assert len(steps) >= 2, "the first shot must miss"
    assert abs(steps[0].miss) > scene.tol
    assert steps[0].angle_deg == cfg.aim.first_angle_deg
    assert len(scene.landing_markers) == len(steps) == len(scene.trajectories)
    launch = cfg.cannon.launch
    for step, marker in zip(steps, scene.landing_markers, strict=True):
        expected = simulate(launch.with_angle(step.angle_deg)).range
        x, _ = scene.point_to_world(marker.get_center())
        assert x == pytest.approx(expected, abs=1e-6 * max(1.0, expected))
        assert step.landing == pytest.approx(expected, rel=1e-9)

    axes = scene.loss_axes
    for i, (step, dot) in enumerate(zip(steps, scene.loss_dots, strict=True)):
        n, log_loss = axes.p2c(dot.get_center())[:2]
        assert n == pytest.approx(i + 1, abs=1e-9)
        expected = min(max(math.log10(step.loss), axes.y_box[0]), axes.y_box[1])
        assert log_loss == pytest.approx(expected, abs=1e-9)


def test_the_two_variants_differ_only_in_method():
    assert AimTheCannonGradient.method == "gradient"
    assert AimTheCannon.method == "newton"
    assert AimTheCannonGradient.__bases__ == (AimTheCannon,)
    assert {k for k in vars(AimTheCannonGradient) if not k.startswith("__")} == {"method"}


@pytest.fixture
def _defaults(monkeypatch, tmp_path):
    """The built-in (post's) parameters: no $BIBUN_CONFIG, no bibun.toml in the working folder."""
    monkeypatch.delenv("BIBUN_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=AimTheCannon)
def test_last_frame(scene):
    AimTheCannon.construct(scene)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=AimTheCannonGradient)
def test_last_frame_gradient(scene):
    AimTheCannonGradient.construct(scene)
