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
from scene_testing import (  # noqa: E402
    CACHE,
    assert_points_inside_frame,
    assert_recorded_run_is_the_video,
    final_state,
    settings,
)

from core.calculus import (  # noqa: E402
    DEFAULT_STEPS,
    derivative,
    optimal_step,
    richardson_steps,
    step_errors,
)
from core.functions import blog_df, blog_f  # noqa: E402
from scenes.step_size import (  # noqa: E402
    POST_H,
    StepSizeError,
    correct_digits,
    ratio_text,
    series_steps,
    step_grid,
)

pytestmark = pytest.mark.xdist_group("scenes.step_size")  # one worker reads its recorded run
__module_test__ = "step_size"

EPS = float(np.finfo(float).eps)
SINE = (
    '[function]\nexpression = "sin(x)"\nx_min = 0.0\nx_max = 6.0\n'
    "tangent_points = [1.0, 3.0, 5.0]\n[secant]\nh_start = 2.0\n"
)
CONFIGS = {"default": "", "sine": SINE}
LESSON = ["step.intro", "step.sweep", "step.truncation_note", "step.rounding_note", "step.model",
          "step.minimum", "step.post_digits", "step.special", "step.special_rounding",
          "step.complex_note", "step.richardson_note", "step.takeaway"]




@pytest.fixture
def final(use_config, media):
    use_config("")
    return final_state(StepSizeError, media)


@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "sine")])
def test_plays_in_dry_run_within_90_s(use_config, media, language, config, recorded):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    with manim.tempconfig(settings(media, frame_rate=15)):  # the duration at a video's rate
        scene = StepSizeError()
        scene.render()
    if config == "default":
        # the recorded run that the cross-cutting tests read is this video's
        assert_recorded_run_is_the_video(recorded("StepSizeError", language).scene, scene)
    assert 45.0 <= scene.renderer.time <= 90.0, "the scene must run 45-90 s"
    keys = [c["key"] for c in scene.cues]
    if config == "default":
        assert keys == LESSON
    else:  # sin as the configured function: central has truncation, one generic caption
        assert "step.special_generic" in keys and "step.special" not in keys


@pytest.mark.parametrize(("language", "config"), [("en", "default"), ("ja", "sine")])
def test_final_frame_stays_inside(use_config, media, language, config):
    use_config(f'language = "{language}"\n' + CONFIGS[config])
    scene = final_state(StepSizeError, media)
    assert_points_inside_frame(scene)


def test_plotted_points_are_step_errors_at_the_grid_and_the_marked_steps(final):
    axes = final.axes
    expected = {
        "forward": (np.sin, np.cos, 1.0, "forward"),
        "central": (np.sin, np.cos, 1.0, "central"),
        "complex": (np.sin, np.cos, 1.0, "complex"),
        "special": (blog_f, blog_df, 3.0, "central"),
    }
    for name, (f, df, x0, method) in expected.items():
        series = final.series[name]
        hs = series_steps(name, x0)
        assert set(step_grid()) <= set(hs) and POST_H in hs
        np.testing.assert_array_equal(series.hs, hs)
        np.testing.assert_array_equal(series.errors, step_errors(f, df, x0, hs, method=method))
        assert len(series.dots) == len(hs)
        for dot, h, err in zip(series.dots, hs, series.errors, strict=True):
            lx, ly = axes.p2c(dot.get_center())[:2]
            assert lx == pytest.approx(math.log10(h), abs=1e-9)
            # the relative error |error| / |f'(x0)|; an error of 0 on the "error 0" row
            rel = err / abs(float(df(x0)))
            expected_y = axes.floor_y if err == 0 else math.log10(rel)
            assert ly == pytest.approx(expected_y, abs=1e-9)


def test_every_marker_sits_on_its_own_curve_at_the_computed_error(final):
    """The lecturer's complaint: a ring off the curve it belongs to. Each ring is centred on
    the dot of its step, and the error there is the one core computes."""
    steps = {
        ("forward", "best"): math.sqrt(EPS),
        ("central", "best"): EPS ** (1 / 3),
        ("central", "post"): 1e-8,
        ("special", "largest"): 1.0,
        ("special", "post"): 1e-8,
    }
    for (method, what), h in steps.items():
        h_marked, err = final.markers[(method, what)]
        assert h_marked == pytest.approx(h, rel=1e-12)
        series = final.series[method]
        i = int(np.flatnonzero(series.hs == h_marked)[0])
        assert err == series.errors[i]
        np.testing.assert_allclose(final.rings[(method, what)].get_center(),
                                   series.dots[i].get_center(), atol=1e-9)
    assert final.markers[("forward", "best")][0] == optimal_step("forward", 1.0)
    assert final.markers[("central", "best")][0] == optimal_step("central", 1.0)
    err = final.markers[("central", "best")][1]
    assert err == abs(derivative(np.sin, 1.0, h=EPS ** (1 / 3), method="central") - math.cos(1))


def test_digits_and_ratio_said_are_the_computed_ones(final):
    cos1 = math.cos(1.0)
    post = next(c for c in final.cues if c["key"] == "step.post_digits")["fields"]
    err_post = final.markers[("central", "post")][1]
    err_best = final.markers[("central", "best")][1]
    assert post["n"] == correct_digits(err_post, cos1) == 8
    assert post["best"] == correct_digits(err_best, cos1) == 11
    assert post["ratio"] == ratio_text(err_post / err_best)
    assert float(post["ratio"]) <= err_post / err_best < float(post["ratio"]) * 1.02
    special = next(c for c in final.cues if c["key"] == "step.special_rounding")["fields"]
    assert special["n"] == 15 and special["n_post"] == 8  # the post's f: h = 1 beats 1e-8
    complex_step = next(c for c in final.cues if c["key"] == "step.complex_note")["fields"]
    assert complex_step["h"] == "1e-20" and DEFAULT_STEPS["complex"] == 1e-20
    assert post["post"] == "1e-8" and special["post"] == "1e-8"
    r = next(c for c in final.cues if c["key"] == "step.richardson_note")["fields"]
    h0, err = final.markers[("richardson", "first")]
    assert h0 == richardson_steps(1.0)[0]
    assert err == abs(derivative(np.sin, 1.0, method="richardson") - cos1)
    assert r["n"] == correct_digits(err, cos1) >= 12
    lx, ly = final.axes.p2c(final.richardson.get_center())[:2]
    assert (lx, ly) == pytest.approx((math.log10(h0), math.log10(err / cos1)), abs=1e-6)


def _count_read_off(axes, marker_center):
    """The count a reader takes off the axis at a marker: the decade it sits in."""
    ly = axes.p2c(marker_center)[1]
    return None if ly == pytest.approx(axes.floor_y) else math.floor(-ly + 1e-9)


def test_every_count_is_the_decade_its_marker_sits_in(final):
    """The axis shows the relative error, so "n digits" is the decade of the marker it names:
    10^-(n+1) < relative error <= 10^-n; a marker on the "error 0" row counts 16."""
    keys = [("forward", "best"), ("central", "best"), ("central", "post"),
            ("complex", "default"), ("richardson", "first")]
    for row, key in zip(final.table[1:], keys, strict=True):
        h, err = final.markers[key]
        mark = (final.rings[key].get_center() if key in final.rings
                else final.axes.point(h, err / math.cos(1.0)))
        read = _count_read_off(final.axes, mark)
        assert int(row[2].text) == (16 if read is None else read), key
    # the special case's tags (the post's quadratic at 3: relative to f'(3) = 0.22)
    tags = final.special_marks[2]
    for tag, key in zip(tags, [("special", "post"), ("special", "largest")], strict=True):
        n = int("".join(ch for ch in tag.text if ch.isdigit()))
        assert n == _count_read_off(final.axes, final.rings[key].get_center()), key


def test_a_stationary_point_counts_decimal_places_not_16_digits(use_config, media):
    """f'(x0) = 0 has no relative error: the plot shows |error|, the tags count decimal places
    (or say "exact" for an error of 0), never "16 digits"."""
    use_config('[function]\nexpression = "x**2 - 6*x"\n[secant]\nx0 = 3.0\n')
    scene = final_state(StepSizeError, media)
    case = scene.special
    assert case.exact == 0 and not case.relative and case.scale == 1.0
    special = scene.series["special"]
    np.testing.assert_array_equal(special.plotted, special.errors)
    said = [c for c in scene.cues if c["key"].startswith("step.special_rounding")]
    assert said and said[0]["key"] != "step.special_rounding"
    for tag, key in zip(scene.special_marks[2], [("special", "post"), ("special", "largest")],
                        strict=False):
        words = tag.text
        assert "digits" not in words
        h, err = scene.markers[key]
        if err == 0:
            assert words == "exact"
        else:
            n = int("".join(ch for ch in words if ch.isdigit()))
            assert n == math.floor(-math.log10(err)) < 16


def test_the_table_is_the_legend_and_the_last_frame_has_no_second_one(final):
    """Five rows (forward, central h*, central 1e-8, complex, Richardson) under one title; the
    digits in the rows are the markers' correct digits."""
    rows = final.table[1:]
    assert len(rows) == 5
    cos1 = math.cos(1.0)
    keys = [("forward", "best"), ("central", "best"), ("central", "post"),
            ("complex", "default"), ("richardson", "first")]
    for row, key in zip(rows, keys, strict=True):
        assert row[2].text == str(correct_digits(final.markers[key][1], cos1))
    on_screen = set(final.get_mobject_family_members())
    assert all(m in on_screen for m in final.table)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_panel_fits_the_right_column_unscaled(use_config, media, language):
    """The formulas are never shrunk to fit (legibility): each panel must fit the column as
    built, in both languages, and every formula keeps font_size >= 20 / 0.7."""
    use_config(f'language = "{language}"\n')
    scene = final_state(StepSizeError, media)
    def whole(built):
        panel, later = built
        return manim.VGroup(*panel, *later)

    panels = [whole(scene._panel_quotients()), scene._panel_rounding(),
              whole(scene._panel_model()), scene._panel_special(),
              whole(scene._panel_beyond())]
    for panel in panels:
        assert panel.get_left()[0] >= scene.column_left - 1e-6
        assert panel.get_right()[0] <= scene.column_right + 1e-6, panel
        # above the table (which sits under the panels from the minimum on)
        assert panel.get_bottom()[1] >= scene.table_title.get_top()[1] - 1e-6 or \
            panel in panels[:2]
        for m in panel.get_family():
            if isinstance(m, manim.SingleStringMathTex):
                assert m.font_size >= 20 / 0.7 - 1e-6
    for row in scene.table[1:]:
        assert row.get_right()[0] <= scene.column_right + 1e-6
        assert row[1].get_right()[0] < row[2].get_left()[0]  # label clear of its digits


def test_step_label_is_below_the_tick_row(final):

    ticks = final.axes.x_numbers
    assert final.x_label.get_top()[1] < ticks.get_bottom()[1]


def test_ratio_text_rounds_down_to_two_figures():
    assert ratio_text(15.5) == "15"
    assert ratio_text(512.4) == "510"
    assert ratio_text(9.87) == "9.8"
    with pytest.raises(ValueError, match="`ratio`"):
        ratio_text(0.0)


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
@frames_comparison(base_scene=StepSizeError, **CACHE)
def test_last_frame(scene):
    StepSizeError.construct(scene)
