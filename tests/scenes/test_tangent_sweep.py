"""``TangentSweep``: it plays (dry run) in both languages and for another function; the sweep
takes in the post's minimum (from x = -4; f'(-2.5) = 0 shown); the rise over a run of 1 is the
slope and the height of f' below; the tangents it leaves are core's tangents at 3, 6, 9 with
slopes 0.22, 0.34, 0.46, in colours apart from the moving tangent's; the live readout and the
trace of f' are core's derivative; it ends on f' derived from the secant slope
(0.04x + 0.1 + 0.02h, h -> 0: f'(x) = 0.04x + 0.1), held 4 s or more; each "Tangent at x = ..."
is up exactly while the point stands there; its last frame matches the reference frame."""

from __future__ import annotations

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import ValueTracker  # noqa: E402
from manim.utils.testing.frames_comparison import frames_comparison  # noqa: E402
from scene_testing import CACHE, SIN, assert_recorded_run_is_the_video, inside_frame, play  # noqa: E402

from core.calculus import stated_derivative, tangent  # noqa: E402
from core.functions import blog_df, blog_f  # noqa: E402
from scenes.kit import style  # noqa: E402
from scenes.tangent_sweep import TangentSweep, TangentSweepJa  # noqa: E402

pytestmark = pytest.mark.xdist_group("scenes.tangent_sweep")  # one worker reads its recorded run
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
def test_plays_in_both_languages_and_for_sin(scene_cls, name, use_config, tmp_path,
                                             recorded):
    cfg = use_config(CONFIGS[name])
    scene = play(scene_cls, tmp_path)
    if name == "en" and scene_cls is TangentSweep:
        # the recorded run that the cross-cutting tests read is this video's
        assert_recorded_run_is_the_video(recorded("TangentSweep", "en").scene, scene)
    assert scene.tr.language == (scene_cls.language or cfg.language)
    assert 20 <= scene.time <= 90, f"duration {scene.time:.1f} s"  # captions need reading time
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


@pytest.fixture
def post_scene(recorded):
    """TangentSweep with the post's values, from its recorded run (played once per session)."""
    return recorded("TangentSweep", "en").scene


def test_tangents_left_at_3_6_9(post_scene):
    scene = post_scene
    axes = scene.axes
    slopes = []
    for x0, mob in zip((3.0, 6.0, 9.0), scene.tangent_mobs, strict=True):
        (x1, y1), (x2, y2) = (axes.p2c(p)[:2] for p in (mob.get_start(), mob.get_end()))
        slope = (y2 - y1) / (x2 - x1)
        assert y1 + slope * (x0 - x1) == pytest.approx(blog_f(x0), abs=1e-6)
        slopes.append(slope)
    np.testing.assert_allclose(slopes, [0.22, 0.34, 0.46], atol=1e-6)
    colours = {m.get_color().to_hex().upper() for m in scene.tangent_mobs}
    assert len(colours) == 3
    # none of them the moving tangent's colour (tests/test_style.py: clearly apart from it)
    assert colours == {c.upper() for c in style.KEPT_TANGENT_COLORS[:3]}
    assert style.TANGENT.upper() not in colours
    # the plot of f gave way to the derivation at the end
    assert not any(m in scene.mobjects for m in scene.tangent_mobs)
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
    d = scene.derivative
    pts = np.array([d.axes.p2c(p)[:2] for p in d.trace.get_anchors()[::7]])
    np.testing.assert_allclose(pts[:, 1], blog_df(pts[:, 0]), atol=1e-6)


class Recorded(TangentSweep):
    """TangentSweep noting, every frame, the x of the point and the caption on screen."""

    def setup(self) -> None:
        super().setup()
        self.frames = []
        self.add_updater(self._record)

    def _record(self, dt: float) -> None:
        cap = self.caption
        shown = cap is not None and cap in self.mobjects
        opacity = max((m.get_fill_opacity() for m in cap.family_members_with_points()),
                      default=0.0) if shown else 0.0
        sentence = getattr(cap, "sentence", None) if shown and opacity > 0 else None
        narration = self._narration[0] if self._narration is not None else None
        self.frames.append((float(self.renderer.time), float(self.x_tracker.get_value()),
                            sentence, opacity, narration))


def test_each_title_is_up_exactly_while_the_point_is_there(use_config, tmp_path):
    cfg = use_config("")
    scene = play(Recorded, tmp_path, frame_rate=10)
    titles = {scene.tr("sweep.pause", x=f"{p:g}"): p for p in cfg.function.tangent_points}
    assert len(titles) == 3
    departures = {x: t for t, event, x in scene.log if event == "depart"}
    seen = set()
    for t, x, caption, opacity, key in scene.frames:
        at = [p for p in titles.values() if x == p]
        if caption in titles:
            stop = titles[caption]
            seen.add(stop)
            if x != stop:  # only while it fades, in the first 0.4 s of the move away
                assert t - departures[stop] <= 0.4 + 1e-6 and opacity < 1, (t, x, caption)
        if key == "sweep.rise" or caption == scene.rise_sentence:
            continue  # (at the first stop, after its title: the rise over a run of 1)
        if at and not any(t > departures.get(p, np.inf) for p in at):
            # the point stands at a tangent point: that point's title, fully up
            assert caption is not None and titles.get(caption) == at[0], (t, x, caption)
            assert opacity == pytest.approx(1.0)
    assert seen == set(titles.values())
    # and it went up the frame the point arrived, never before
    for t, event, what in scene.log:
        if event == "caption" and what in titles:
            arrivals = [ta for ta, e, x in scene.log if e == "arrive" and x == titles[what]]
            assert arrivals == [t]


def test_readouts_read_three_digits_in_one_face(post_scene):
    scene = post_scene
    assert scene.x_readout.face == scene.slope_readout.face == "sans"
    for x in (0.0, 1.234, 3.0, 7.25, 12.0):
        scene.x_tracker.set_value(x)
        scene.x_readout.number.update()
        scene.slope_readout.number.update()
        assert scene.x_readout.number.string == f"{x:.2f}"
        assert scene.slope_readout.number.string == f"{blog_df(x):.3f}"
    # the legend states the same three digits as the readout at each stop
    legend = [row[1].tex_string for row in scene.legend_rows]
    assert legend == ["f'(3) = 0.220", "f'(6) = 0.340", "f'(9) = 0.460"]


def test_the_top_plot_spans_the_frame_with_the_readouts_above_it(post_scene):
    scene = post_scene
    axes, d_axes = scene.axes, scene.derivative.axes
    width = axes.c2p(axes.x_box[1], 0)[0] - axes.c2p(axes.x_box[0], 0)[0]
    assert width >= 11.5  # was 8.6, with the readouts in an empty right third
    assert axes.c2p(0, 0)[0] == pytest.approx(d_axes.c2p(0, 0)[0])  # x shared, point over point
    assert width == pytest.approx(d_axes.c2p(d_axes.x_box[1], 0)[0]
                                  - d_axes.c2p(d_axes.x_box[0], 0)[0])
    plot_top = axes.c2p(0, axes.y_box[1])[1]
    readouts, fn_label = scene.readouts, scene.fn_label
    assert readouts.get_bottom()[1] > plot_top and fn_label.get_bottom()[1] > plot_top
    assert readouts.get_right()[0] < fn_label.get_left()[0]
    assert scene.legend.get_bottom()[1] > d_axes.c2p(0, d_axes.y_box[1])[1]
    assert scene.legend.get_top()[1] < axes.c2p(0, axes.y_box[0])[1]


def test_ends_on_the_derivation_of_the_traced_line(post_scene):
    """f' is worked out on screen from the secant's slope (no power rule), and stays."""
    scene = post_scene
    assert scene.derivative_text == "0.04*x + 0.1"
    rise, quotient, limit = scene.derivation
    assert rise.get_tex_string() == (
        "f(x+h) - f(x) = 0.02(2xh + h^2) + 0.1h = 0.04xh + 0.02h^2 + 0.1h")
    assert quotient.get_tex_string() == r"\frac{f(x+h) - f(x)}{h} = 0.04x + 0.1 + 0.02h"
    assert limit.get_tex_string() == (
        r"f'(x) = \lim_{h \to 0} (0.04x + 0.1 + 0.02h) = 0.04x + 0.1")
    q = scene.quotient  # core's, exact: (f(x+h) - f(x))/h for the post's f
    assert (q.slope, q.intercept, q.h_coefficient) == (0.04, 0.1, 0.02)
    for x, h in ((3.0, 1.0), (-2.5, 0.25), (9.0, 1e-3)):
        assert q(x, h) == pytest.approx((blog_f(x + h) - blog_f(x)) / h, rel=1e-9)
    assert scene.derivation in scene.mobjects and inside_frame(scene.derivation)
    assert scene.derivation_scale > 0.7  # legible (tests/scenes/test_legibility.py)
    # above the lower plot's legend, below f's formula, clear of both
    assert scene.derivation.get_bottom()[1] > scene.legend.get_top()[1]
    assert scene.derivation.get_top()[1] < scene.fn_label.get_bottom()[1]
    keys = [c["key"] for c in scene.cues]
    assert keys[-3:] == ["sweep.expand", "sweep.divide", "sweep.limit"]
    # the conclusion stays on screen at least 4 s before the end
    assert scene.renderer.time - scene.conclusion_at >= 4.0


def test_the_flat_tangent_where_f_prime_is_zero(post_scene):
    """The post's minimum at x = -2.5 lies left of [0, 12]: the sweep starts at -4 to take it
    in; there the tangent is flat and the point on f' sits on 0."""
    scene = post_scene
    assert (scene.x_min, scene.x_max) == (-4.0, 12.0)
    assert scene.axes.x_box[0] == -4.0 and scene.derivative.axes.x_box[0] == -4.0
    assert scene.flat_points == pytest.approx([-2.5], abs=1e-12)
    assert abs(stated_derivative(blog_f, scene.flat_points[0])) < 1e-12
    stated = dict(scene.stated)
    assert stated[scene.flat_points[0]] == pytest.approx(0.0, abs=1e-12)
    assert scene.flat_labels[0].get_tex_string() == "f'(-2.5) = 0"
    d = scene.derivative.axes
    mark = scene.flat_marks[0][1]
    assert d.p2c(mark.get_center())[1] == pytest.approx(0.0, abs=1e-9)
    assert "sweep.flat" in [c["key"] for c in scene.cues]


def test_the_rise_over_a_run_of_1_is_the_height_below(post_scene):
    scene = post_scene
    run, rise, _ = scene.triangle
    axes, d = scene.axes, scene.derivative.axes
    for x in (-3.0, 3.0, 6.0, 9.0):
        scene.x_tracker.set_value(x)
        scene.triangle.update()
        scene.derivative.dot.update()
        scene.height_bar.update()
        (x1, y1), (x2, y2) = (axes.p2c(p)[:2] for p in (run.get_start(), run.get_end()))
        assert (x2 - x1, y2 - y1) == pytest.approx((1.0, 0.0), abs=1e-9)
        (_, r1), (_, r2) = (axes.p2c(p)[:2] for p in (rise.get_start(), rise.get_end()))
        assert r2 - r1 == pytest.approx(blog_df(x), abs=1e-9)  # rise = slope
        (b0x, b0), (_, b1) = (d.p2c(p)[:2] for p in (scene.height_bar.get_start(),
                                                     scene.height_bar.get_end()))
        assert b0x == pytest.approx(x) and b0 == pytest.approx(0.0, abs=1e-9)
        assert b1 == pytest.approx(blog_df(x), abs=1e-9)  # and the height of f' below
    assert "sweep.rise" in [c["key"] for c in scene.cues]


def test_the_formula_is_computed_for_another_quadratic_and_for_sin(use_config, tmp_path):
    use_config('[function]\nexpression = "0.5*x**2 - 3*x + 2"\nx_min = 0.0\nx_max = 6.0\n'
               "tangent_points = [1.0, 3.0, 5.0]\n[secant]\nx0 = 1.0\n")
    scene = play(TangentSweep, tmp_path / "q")
    assert scene.flat_points == []  # its minimum, x = 3, is inside the range: no widening
    assert (scene.x_min, scene.x_max) == (0.0, 6.0)
    assert scene.derivation[1].get_tex_string() == r"\frac{f(x+h) - f(x)}{h} = x - 3 + 0.5h"
    assert scene.derivation[2].get_tex_string().endswith("= x - 3")
    use_config('[function]\nexpression = "x**2 + 5"\nx_min = 0.0\nx_max = 6.0\n'
               "tangent_points = [1.0, 3.0, 5.0]\n[secant]\nx0 = 1.0\n")
    scene = play(TangentSweep, tmp_path / "x2")
    assert scene.derivation[0].get_tex_string() == "f(x+h) - f(x) = 2xh + h^2"
    assert scene.derivation[2].get_tex_string().endswith("= 2x")
    use_config(SIN)
    scene = play(TangentSweep, tmp_path / "sin")
    assert scene.formula.get_tex_string() == r"f'(x) = \cos\left(x\right)"
    assert scene.derivation is None and scene.formula in scene.mobjects
    keys = [c["key"] for c in scene.cues]  # no reason claimed where f is not a polynomial
    assert keys[-1] == "sweep.formula" and not any(k.startswith("sweep.why") for k in keys)
    assert scene.renderer.time - scene.conclusion_at >= 4.0


@frames_comparison(base_scene=TangentSweep, **CACHE)
def test_frame_last(scene):
    TangentSweep.construct(scene)


def test_titles_in_step_where_the_first_stop_is_near(use_config, tmp_path):
    """abs(x-3) stops at x = 1 soon after the start: the first title still goes up the frame the
    point arrives (the narration before it is read out before the point sets off)."""
    use_config('[function]\nexpression = "abs(x-3)"\nx_min = 0.0\nx_max = 12.0\n'
               "tangent_points = [1.0, 6.0, 9.0]\n[secant]\nx0 = 3.0\n")
    scene = play(Recorded, tmp_path, frame_rate=10)
    title = scene.tr("sweep.pause", x="1")
    arrival = next(t for t, event, x in scene.log if event == "arrive" and x == 1.0)
    for t, x, caption, _, key in scene.frames:
        if x == 1.0 and t > arrival - 1e-9 and key != "sweep.rise" and (
                caption != scene.rise_sentence):
            assert caption == title, (t, caption)
    assert len(scene.derivative.break_dots) == 2  # the corner's open dots, f' = -1 and 1
