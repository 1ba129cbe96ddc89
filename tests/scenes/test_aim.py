"""Tests of ``scenes/aim.py``: dry runs, geometry against ``core``, and reference frames.

The dry runs play every animation (updaters included) at low quality without writing a file; the
geometry and frame tests build the scenes with ``skip_animations`` (final states only). Reference
frames live in ``control_data/aim/``; regenerate them with
``pytest tests/scenes/test_aim.py --set_test`` and look at them before committing.
"""

from __future__ import annotations

import math
import re

import pytest

manim = pytest.importorskip("manim")

from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import (  # noqa: E402
    CACHE,
    assert_points_inside_frame,
    assert_recorded_run_is_the_video,
    final_state,
    inside_frame,
    play,
)

from core.aiming import landing_range, max_range, safe_learning_rate  # noqa: E402
from core.ballistics import Launch, simulate  # noqa: E402
from core.calculus import derivative  # noqa: E402
from scenes.aim import AimTheCannon, AimTheCannonGradient, format_eta  # noqa: E402
from scenes.kit.text import TEXT  # noqa: E402

pytestmark = pytest.mark.xdist_group("scenes.aim")  # one worker reads the recorded runs
__module_test__ = "aim"

#: The issue's other launch, with a target within its reach (90 % of the longest shot) that the
#: first guess (15 degrees) misses.
_REACH = max_range(Launch(300.0, 60.0, drag=5.7e-4)).range
SLOW_STEEP = f"[cannon]\nspeed = 300.0\nangle_deg = 60.0\n[aim]\ntarget = {0.9 * _REACH:.1f}\n"
#: The default cannon at a near target from 20 degrees: Newton's tangent overshoots its bracket
#: and the bracket is halved instead, several times.
# (the two-knob lesson's powder range must reach a near target too: weaker powder)
NEAR = "[aim]\ntarget = 500.0\nfirst_angle_deg = 20.0\n[knobs]\nspeed_min = 150.0\n"
CONFIGS = {"default": "", "300_at_60": SLOW_STEEP, "near": NEAR}
SCENES = {"newton": AimTheCannon, "gradient": AimTheCannonGradient}

@pytest.mark.parametrize("method", list(SCENES))
@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "300_at_60")])
def test_plays_in_dry_run(use_config, media, method, language, config, recorded):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    scene = play(SCENES[method], media, frame_rate=15)  # the duration at a video's rate
    if config == "default":
        # the recorded run that the cross-cutting tests read is this video's
        assert_recorded_run_is_the_video(recorded(SCENES[method].__name__, language).scene, scene)
    assert scene.result.method == method
    assert scene.result.converged, "the scene must end on a hit"
    # about a minute and a half: captions stay up until they can be read in both languages
    assert 20.0 <= scene.renderer.time <= 90.0, "the scene must run 20-90 s"


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


def _number(shown: str) -> float:
    """A readout's number: ``+79,097.1 m²/°`` -> 79097.1."""
    return float(re.match(r"[-+]?[\d,.]+", shown.replace("\u2212", "-")).group().replace(",", ""))


@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "300_at_60")])
def test_gradient_steps_obey_the_stated_rule(use_config, media, language, config):
    """θ_{k+1} = θ_k − η·dL/dθ(θ_k) at every shot, with dL/dθ = 2·(R(θ_k) − target)·dR/dθ(θ_k)
    recomputed here from core, one η for every shot; and the readouts show those numbers, so
    that a student redoing a shot by hand from the screen gets the next angle shown."""
    cfg = use_config(f'language = "{language}"\n' + CONFIGS[config])
    scene = final_state(AimTheCannonGradient, media)
    steps, target = scene.result.steps, cfg.aim.target
    launch = cfg.cannon.launch
    eta = scene.result.learning_rate
    assert eta == safe_learning_rate(launch.with_angle(cfg.aim.first_angle_deg), target).rate
    assert len(scene.shown) == len(steps)
    for k, (step, following) in enumerate(zip(steps, steps[1:], strict=False)):
        landed = landing_range(launch, step.angle_deg)
        slope = derivative(lambda a: landing_range(launch, a), step.angle_deg, h=0.02,
                           method="richardson")
        d_loss = 2.0 * (landed - target) * slope
        assert step.update == "gradient"  # no fallback, no change of rate
        assert following.angle_deg == pytest.approx(step.angle_deg - eta * d_loss, rel=1e-7)
        shown = scene.shown[k]
        assert shown["eta"] == f"{format_eta(eta)} °²/m²"  # the same η, shown every shot
        assert float(format_eta(eta).split(" ×")[0]) * 10 ** math.floor(math.log10(eta)) == (
            pytest.approx(eta, rel=1e-12)
        )
        assert _number(shown["angle"]) == pytest.approx(step.angle_deg, abs=0.0051)
        assert _number(shown["miss"]) == pytest.approx(landed - target, abs=0.0051)
        assert _number(shown["slope"]) == pytest.approx(slope, abs=0.0051)
        assert _number(shown["grad"]) == pytest.approx(d_loss, abs=0.05 + 1e-9 * abs(d_loss))
        assert _number(shown["next"]) == pytest.approx(following.angle_deg, abs=0.0051)
        # by hand, from the numbers on the screen: θ − η·dL/dθ is the next angle shown
        by_hand = _number(shown["angle"]) - eta * _number(shown["grad"])
        assert by_hand == pytest.approx(_number(shown["next"]), abs=0.011)
    # the rule is stated, with the rate, before the steps are taken
    keys = [c["key"] for c in scene.cues]
    assert "aim.gradient_step" in keys and "aim.bisect" not in keys
    stated = next(c for c in scene.cues if c["key"] == "aim.gradient_step")
    assert stated["fields"]["eta"] == format_eta(eta)
    assert "η" in TEXT["aim.method.gradient"][language]


def test_newton_says_each_bisection_as_it_happens(use_config, media):
    """When Newton's step would leave the bracket, the scene says so after that very shot,
    relabels the next angle, and the number shown is the bracket's middle that aim() took."""
    use_config(NEAR)
    scene = play(AimTheCannon, media)
    steps = scene.result.steps
    halved = [i for i, s in enumerate(steps) if s.update == "bisection"]
    assert halved, "this configuration must bisect"
    assert scene.bisections == halved
    bisect_cues = [c for c in scene.cues if c["key"] == "aim.bisect"]
    assert len(bisect_cues) == len(halved)
    for i in halved:
        assert i in scene.full_pace
        a = f"{steps[i + 1].angle_deg:.2f}°"
        assert scene.shown[i]["next"] == TEXT["aim.next_halved"]["en"].format(a=a)
        assert _number(scene.shown[i]["next"]) == pytest.approx(steps[i + 1].angle_deg,
                                                                 abs=0.0051)
        tangent = steps[i].angle_deg - steps[i].miss / steps[i].slope
        assert abs(tangent - steps[i + 1].angle_deg) > 1e-6


@pytest.mark.parametrize("method", list(SCENES))
def test_both_videos_close_on_the_map_to_learning(method, recorded):
    """A beat per line: angle = weight, miss² = loss, dL/dθ = backpropagation, θ − η·dL/dθ =
    a step of gradient descent, Newton = solving R(θ) = target. Nothing claims what is false:
    Adam rescales its steps by running averages (it is not this fixed-η step), and Newton's
    step here uses only the first derivative (it is not "second order")."""
    scene = recorded(SCENES[method].__name__, "en").scene
    keys = [c["key"] for c in scene.cues]
    order = ["aim.map.weight", "aim.map.loss", "aim.map.backprop", "aim.map.step",
             "aim.map.newton"]
    assert keys[-5:] == order
    for cue in scene.cues[-5:]:
        assert cue["end"] - cue["start"] >= 3.0  # its own beat, long enough to read
    starts = [c["start"] for c in scene.cues[-5:]]
    beats = scene.beat_times
    for a, b in zip(starts, starts[1:], strict=False):  # a beat boundary between two lines
        assert any(a < t <= b + 1e-9 for t in beats)
    assert len(scene.table) == 5
    for group in scene.table:
        assert inside_frame(group, margin=0.1)
    assert "aim.closing" not in TEXT
    for key in TEXT:
        if key.startswith("aim."):
            en = TEXT[key]["en"]
            assert "Adam" not in en and "second-order" not in en, key
            assert "2 階" not in TEXT[key]["ja"] and "Adam" not in TEXT[key]["ja"], key
    for key in TEXT:
        if key.startswith("aim.") and "逆伝播" in TEXT[key]["ja"]:
            assert "誤差逆伝播法" in TEXT[key]["ja"], key


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
@frames_comparison(base_scene=AimTheCannon, **CACHE)
def test_last_frame(scene):
    AimTheCannon.construct(scene)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=AimTheCannonGradient, **CACHE)
def test_last_frame_gradient(scene):
    AimTheCannonGradient.construct(scene)
