"""``Backpropagation`` and its figure: every number on screen is core's and is recomputed here
independently (the network by hand, in plain floats), every product written out multiplies to
what it says, the captions keep the Japanese norms, the run is the recorded one, and the last
frames match the references in ``control_data/backprop/`` (``--set_test`` to remake them; look at
them first)."""

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
    inside_frame,
    play,
)

from core.backprop import gradient_check, learning_step, one_neuron  # noqa: E402
from core.config import load_config  # noqa: E402
from scenes import FIGURES, SCENES  # noqa: E402
from scenes.backprop import (  # noqa: E402
    Backpropagation,
    BackpropagationJa,
    BackpropGraphFigure,
    is_exact,
    power_of_ten,
    shown,
)
from scenes.kit.captions import LIMITS, width, wrap  # noqa: E402
from scenes.kit.text import LANGUAGES, TEXT, Catalogue  # noqa: E402

pytestmark = pytest.mark.xdist_group("scenes.backprop")  # one worker reads its recorded runs
__module_test__ = "backprop"

NAME = "Backpropagation"


# --- the network by hand: plain floats, no engine ----------------------------------------------

def _sigma(z: float) -> float:
    # evaluated as the engine does (e^−z for z >= 0, e^z below): the central difference's last
    # digits are rounding, and they depend on how σ is rounded on either side of z = 0
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _loss(x: float, t: float, w: float, b: float) -> float:
    return (_sigma(w * x + b) - t) ** 2


def _by_hand(x: float, t: float, w: float, b: float) -> dict[str, float]:
    z = w * x + b
    a = _sigma(z)
    dloss_da = 2 * (a - t)
    da_dz = a * (1 - a)
    grad_z = dloss_da * da_dz
    return {"wx": w * x, "z": z, "a": a, "L": (a - t) ** 2, "dloss_da": dloss_da,
            "da_dz": da_dz, "grad_z": grad_z, "grad_w": grad_z * x, "grad_b": grad_z}


def _numbers(s: str) -> list[float]:
    """The numbers in a line as written: ``−0.6 × 0.25 = −0.15`` -> [-0.6, 0.25, -0.15]."""
    s = s.replace("\u2212", "-")
    return [float(m) for m in re.findall(r"(?<![\w.∂])-?\d+(?:\.\d+)?", s)]


@pytest.fixture(scope="module")
def post():
    """The post's network from the built-in parameters, and core's results for it."""
    net = load_config(text="").network
    neuron = one_neuron(x=net.x, t=net.t, w=net.w, b=net.b)
    return net, neuron, gradient_check(neuron), learning_step(neuron,
                                                              learning_rate=net.learning_rate)


@pytest.fixture
def scene(recorded):
    return recorded(NAME, "en").scene


# --- the registry ------------------------------------------------------------------------------

def test_registered_after_the_aiming_scenes_with_its_figure():
    names = list(SCENES)
    # after the aiming scenes (and the two-knob one that continues them): the angle was a weight
    assert names.index(NAME) == names.index("AimWithTwoKnobs") + 1
    assert names.index("AimWithTwoKnobs") == names.index("AimTheCannonGradient") + 1
    assert SCENES[NAME].module == "scenes.backprop" and SCENES[NAME].reads == ("network",)
    assert FIGURES["backprop_graph"].cls == "BackpropGraphFigure"
    assert FIGURES["backprop_graph"].reads == ("network",)
    assert f"site.video.{NAME}" in TEXT and "site.alt.backprop_graph" in TEXT
    assert BackpropagationJa.__bases__ == (Backpropagation,)
    assert {k for k in vars(BackpropagationJa) if not k.startswith("__")} == {"language"}


# --- plays, and is the recorded run -------------------------------------------------------------

def test_plays_at_a_videos_rate_as_recorded(use_config, media, recorded):
    use_config('language = "en"')
    video = play(Backpropagation, media, frame_rate=15)  # the duration at a video's rate
    assert_recorded_run_is_the_video(recorded(NAME, "en").scene, video)
    assert 45.0 <= video.renderer.time <= 90.0, f"{video.renderer.time:.1f} s"
    assert_points_inside_frame(video)


def test_both_languages_share_one_timing(recorded):
    """Each narration stays up for its reading in both languages, so the Japanese run has the
    English one's cues and beats at the same times (its captions fit the same video)."""
    en, ja = recorded(NAME, "en").scene, recorded(NAME, "ja").scene
    assert ja.tr.language == "ja"
    assert (ja.cues, ja.beat_times, ja.time) == (en.cues, en.beat_times, en.time)
    assert ja.shown_lines.keys() == en.shown_lines.keys()


# --- every number on screen -----------------------------------------------------------------------

def test_the_graphs_values_and_gradients_are_cores_and_right(scene, post):
    net, neuron, _, step = post
    hand = _by_hand(net.x, net.t, net.w, net.b)
    first: dict[str, str] = {}
    for key, s in scene.shown_values:
        first.setdefault(key, s)
    expected = {"x": net.x, "w": net.w, "b": net.b, "t": net.t, "wx": hand["wx"],
                "z": hand["z"], "a": hand["a"], "L": hand["L"]}
    assert first.keys() == expected.keys()
    for key, value in expected.items():
        assert first[key] == shown(value), key  # the post's numbers are short decimals
        assert _numbers(first[key])[0] == pytest.approx(value, abs=1e-12)
    assert first == {"x": "2", "w": "0.5", "b": "−1", "t": "0.8", "wx": "1", "z": "0",
                     "a": "0.5", "L": "0.09"}
    grads = {"L": 1.0, "a": hand["dloss_da"], "z": hand["grad_z"], "wx": hand["grad_z"],
             "b": hand["grad_b"], "w": hand["grad_w"]}
    assert scene.shown_gradients == {k: shown(v) for k, v in grads.items()}
    assert scene.shown_gradients == {"L": "1", "a": "−0.6", "z": "−0.15", "wx": "−0.15",
                                     "b": "−0.15", "w": "−0.3"}
    assert neuron.grad_w == pytest.approx(hand["grad_w"], rel=1e-15)
    # the second pass, after the step: core's, by hand, "≈" where four digits round
    after = step.after
    hand2 = _by_hand(net.x, net.t, after.w, after.b)
    last = dict(scene.shown_values)
    for key, value in {"w": after.w, "b": after.b, "wx": hand2["wx"], "z": hand2["z"],
                       "a": hand2["a"], "L": hand2["L"]}.items():
        mark = "" if is_exact(value) else "≈ "
        assert last[key] == mark + shown(value), key
        assert _numbers(last[key])[0] == pytest.approx(value, rel=6e-4)
    assert last["a"] == "≈ 0.5927" and last["L"] == "≈ 0.04299"


def test_each_local_slope_is_a_tangent_on_its_stages_curve(scene, post):
    net, neuron, _, _ = post
    hand = _by_hand(net.x, net.t, net.w, net.b)
    slopes = {"w": net.x, "z": hand["da_dz"], "a": hand["dloss_da"]}
    points = {"w": (net.w, hand["z"]), "z": (hand["z"], hand["a"]), "a": (hand["a"], hand["L"])}
    stage = {"w": lambda w: w * net.x + net.b, "z": _sigma, "a": lambda a: (a - net.t) ** 2}
    for key, slope in slopes.items():
        line = scene.tangents[key]
        assert line.slope == pytest.approx(slope, rel=1e-15)
        axes, mob = scene.plots[key], scene.tangent_mobs[key]
        (x1, y1), (x2, y2) = (axes.p2c(p)[:2] for p in (mob.get_start(), mob.get_end()))
        assert (y2 - y1) / (x2 - x1) == pytest.approx(slope, rel=1e-6)
        x0, y0 = points[key]
        assert y1 + slope * (x0 - x1) == pytest.approx(y0, abs=1e-6)  # through the pass's point
        # the curve is the stage's own function
        pts = np.array([axes.p2c(p)[:2] for p in scene.curves[key].get_anchors()[::5]])
        assert np.allclose(pts[:, 1], [stage[key](v) for v in pts[:, 0]], atol=1e-3)
    assert scene.shown_lines["slope_w"] == "∂z/∂w = x = 2"
    assert scene.shown_lines["slope_z"] == "∂a/∂z = σ(z)(1 − σ(z)) = 0.25"
    assert scene.shown_lines["slope_a"] == "∂L/∂a = 2(a − t) = −0.6"


def test_every_product_of_the_chain_multiplies_out(scene, post):
    """Each line of the backward pass, read back from the screen: its factors multiply to its
    result, and each number is the one computed by hand."""
    net, _, _, _ = post
    hand = _by_hand(net.x, net.t, net.w, net.b)
    lines = scene.shown_lines
    assert lines["grad_a"] == "∂L/∂a = 2(a − t) = 2 × (0.5 − 0.8) = −0.6"
    assert lines["grad_z"] == "∂L/∂z = ∂L/∂a × ∂a/∂z = −0.6 × 0.25 = −0.15"
    assert lines["grad_b"] == "∂L/∂b = ∂L/∂z × ∂z/∂b = −0.15 × 1 = −0.15"
    assert lines["grad_w"] == "∂L/∂w = ∂L/∂z × ∂z/∂w = −0.15 × 2 = −0.3"
    two, a, t, grad_a = _numbers(lines["grad_a"].split("= ", 2)[2])
    assert (a, t) == (pytest.approx(hand["a"]), pytest.approx(net.t))
    assert two * (a - t) == pytest.approx(grad_a) == pytest.approx(hand["dloss_da"])
    for key, local, result in (("grad_z", hand["da_dz"], hand["grad_z"]),
                               ("grad_b", 1.0, hand["grad_b"]),
                               ("grad_w", net.x, hand["grad_w"])):
        g, factor, out = _numbers(lines[key].split("= ", 2)[2])
        assert factor == pytest.approx(local)
        assert g * factor == pytest.approx(out, rel=1e-12) == pytest.approx(result, rel=1e-12)


def test_the_gradient_check_is_the_posts_central_difference(scene, post):
    """The post's differentiation on L(w), by hand, beside backpropagation's ∂L/∂w: the digits on
    screen, the agreeing digits and the relative error, as CS231n defines it."""
    net, neuron, check, _ = post
    h = 1e-8
    assert check.h == h == Backpropagation.h
    numerical = (_loss(net.x, net.t, net.w + h, net.b)
                 - _loss(net.x, net.t, net.w - h, net.b)) / (2 * h)
    exact = _by_hand(net.x, net.t, net.w, net.b)["grad_w"]
    assert check.numerical == pytest.approx(numerical, abs=1e-15)
    relative = abs(numerical - exact) / max(abs(numerical), abs(exact))
    assert check.relative_error == pytest.approx(relative, rel=1e-3)
    digits = math.floor(-math.log10(relative))
    assert check.digits == digits == 8
    lines = scene.shown_lines
    assert lines["numerical"] == "−0.29999999845"  # 11 significant digits
    assert _numbers(lines["numerical"])[0] == pytest.approx(numerical, abs=5e-12)
    assert lines["backprop"] == "−0.3"
    assert _numbers(lines["backprop"])[0] == pytest.approx(exact, rel=1e-15)
    # both, rounded to the agreeing digits, read the same
    assert lines["rounded"] == f"−{abs(numerical):.{digits}f}" == f"−{abs(exact):.{digits}f}"
    assert lines["rounded"] == "−0.30000000"
    assert lines["relative"] == power_of_ten(relative) == "5.2 × 10⁻⁹"
    cue = next(c for c in scene.cues if c["key"].startswith("backprop.agree"))
    assert cue["key"] == "backprop.agree" and relative < 1e-7  # "below the 1e-7 ..."
    assert cue["fields"] == {"n": 8, "rel": "5.2 × 10⁻⁹"}


def test_one_step_of_learning_is_the_stated_rule(scene, post):
    net, neuron, _, step = post
    hand = _by_hand(net.x, net.t, net.w, net.b)
    eta = net.learning_rate
    w1, b1 = net.w - eta * hand["grad_w"], net.b - eta * hand["grad_b"]
    assert (step.after.w, step.after.b) == (pytest.approx(w1), pytest.approx(b1))
    lines = scene.shown_lines
    assert lines["update_w"] == "w ← w − η·∂L/∂w = 0.5 − 0.5 × (−0.3) = 0.65"
    assert lines["update_b"] == "b ← b − η·∂L/∂b = −1 − 0.5 × (−0.15) = −0.925"
    for key, new in (("update_w", w1), ("update_b", b1)):
        old, rate, grad, shown_new = _numbers(lines[key].split("= ", 1)[1])
        assert rate == eta
        assert old - rate * grad == pytest.approx(shown_new) == pytest.approx(new)
    before, after = _loss(net.x, net.t, net.w, net.b), _loss(net.x, net.t, w1, b1)
    assert after < before
    assert lines["loss_change"] == "loss:  L = 0.09  →  L ≈ 0.04299"
    assert _numbers(lines["loss_change"]) == [pytest.approx(before), pytest.approx(after,
                                                                                   rel=1e-4)]
    cue = next(c for c in scene.cues if c["key"] == "backprop.after")
    assert cue["fields"] == {"before": shown(before), "after": shown(after)}
    assert "θ ← θ − η·dL/dθ" in lines["cannon"]
    assert [c["key"] for c in scene.cues][-1] == "backprop.cannon"


# --- captions -----------------------------------------------------------------------------------

def test_captions_keep_the_japanese_norms_and_fit_one_cue(recorded):
    """Every narration is one subtitle cue in both languages (so the burned-in caption is the
    track's); Japanese lines at most 13 full-width characters, each cue up for at least its
    characters at 4 a second; the textbook terms."""
    scene = recorded(NAME, "ja").scene
    for cue in scene.cues:
        for language in LANGUAGES:
            s = Catalogue(language)(cue["key"], **cue["fields"])
            cues = wrap(s, language)
            assert len(cues) == 1, (cue["key"], language, cues)
            assert len(cues[0]) <= LIMITS[language].lines
            if language == "ja":
                assert max(width(line, "ja") for line in cues[0]) <= 13, (cue["key"], cues)
                assert cue["end"] - cue["start"] >= width(s, "ja") / 4.0 - 1e-6, cue["key"]
            else:
                assert max(len(line) for line in cues[0]) <= 42
    ja = {k: v["ja"] for k, v in TEXT.items() if k.startswith("backprop.")}
    assert "連鎖律" in ja["backprop.backward"]
    assert "学習率 η" in ja["backprop.step"]
    assert "有効数字" in ja["backprop.agree"] and "相対誤差" in ja["backprop.agree"]
    assert "誤差逆伝播法" in ja["backprop.title"]


def test_the_key_frame_is_the_whole_graph(scene):
    assert scene.poster_time is not None
    chain = [c for c in scene.cues if c["key"] == "backprop.plus_times"][0]
    assert chain["start"] < scene.poster_time <= scene.beat_times[2]


# --- the figure ---------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_figure_shows_every_value_and_gradient(use_config, tmp_path, language, post):
    use_config(f'language = "{language}"')
    fig = play(BackpropGraphFigure, tmp_path)
    for mob in fig.mobjects:
        assert inside_frame(mob), type(mob).__name__
    _, neuron, _, _ = post
    hand = _by_hand(neuron.x, neuron.t, neuron.w, neuron.b)
    assert fig.shown["z"] == (shown(hand["z"]), shown(hand["grad_z"]))
    assert fig.shown["w"] == ("0.5", "−0.3") and fig.shown["L"] == ("0.09", "1")
    assert fig.shown["x"] == ("2", None) and fig.shown["t"] == ("0.8", None)


@pytest.fixture
def _defaults(monkeypatch, tmp_path):
    """The built-in (post's) parameters: no $BIBUN_CONFIG, no bibun.toml in the working folder."""
    monkeypatch.delenv("BIBUN_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=Backpropagation, **CACHE)
def test_last_frame(scene):
    Backpropagation.construct(scene)


@pytest.mark.usefixtures("_defaults")
@frames_comparison(base_scene=BackpropGraphFigure, **CACHE)
def test_figure(scene):
    BackpropGraphFigure.construct(scene)
