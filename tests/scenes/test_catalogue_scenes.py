"""SecantToTangent and TangentSweep for every function of the catalogue that renders
(tests/function_catalogue.py).

Each scene is played as a tiny dry run and checked at the end of every beat (where a lecture
pauses, so where a viewer reads): no exception (a nan never reaches a drawn number), every text
label inside the frame and none overlapping another, and every value the scene states as f'
within 1e-9 of the catalogue's exact derivative. Where f'(x0) does not exist, SecantToTangent
draws no tangent and shows the one-sided slopes; TangentSweep's trace of f' never crosses a
corner. The captions of both languages keep the subtitle limits.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import Code, MathTex, Mobject, SingleStringMathTex, Text  # noqa: E402
from scene_testing import FRAME_HALF_HEIGHT, FRAME_HALF_WIDTH, play  # noqa: E402

from publish.companions import caption_cues  # noqa: E402
from scenes.kit.captions import LIMITS, width  # noqa: E402
from scenes.kit.readouts import GlyphNumber  # noqa: E402
from scenes.kit.text import LANGUAGES  # noqa: E402
from scenes.secant import SecantToTangent  # noqa: E402
from scenes.tangent_sweep import TangentSweep  # noqa: E402
from tests.function_catalogue import CATALOGUE  # noqa: E402

RENDERS = [c for c in CATALOGUE if c.renders]
LABEL_TYPES = (Text, MathTex, SingleStringMathTex, GlyphNumber, Code)


# ---------------------------------------------------------------------------------------------
# labels on screen


def _visible(mob: Mobject) -> bool:
    """Whether a label's glyphs (filled shapes) are drawn; a label faded below half its
    opacity (moving out of the way) does not count."""
    parts = mob.family_members_with_points()
    return bool(parts) and max(m.get_fill_opacity() for m in parts) > 0.5


def labels_on_screen(scene) -> list[tuple[str, np.ndarray]]:
    """Every visible text label of ``scene`` (a Text, a formula, a live number, a code block),
    as ``(name, [left, bottom, right, top])``; a label's own glyphs are not looked into."""
    found = []

    def walk(mob: Mobject) -> None:
        if isinstance(mob, LABEL_TYPES):
            if _visible(mob):
                parts = mob.family_members_with_points()
                if isinstance(mob, GlyphNumber):  # the number's ink, not its anchor points
                    parts = [m for m in parts if m.get_fill_opacity() > 0.5
                             and len(m.points) > 1]
                if parts:
                    pts = np.concatenate([m.points for m in parts])
                    box = np.array([pts[:, 0].min(), pts[:, 1].min(),
                                    pts[:, 0].max(), pts[:, 1].max()])
                    name = getattr(mob, "tex_string", None) or getattr(mob, "text", None) or (
                        getattr(mob, "string", None) or type(mob).__name__)
                    found.append((str(name), box))
            return
        for sub in mob.submobjects:
            walk(sub)

    for mob in scene.mobjects:
        walk(mob)
    return found


def overlapping(labels, tolerance: float = 0.02) -> list[tuple[str, str]]:
    """The pairs of labels whose boxes overlap by more than ``tolerance`` both ways."""
    pairs = []
    for i, (name_a, a) in enumerate(labels):
        for name_b, b in labels[i + 1 :]:
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > tolerance and dy > tolerance:
                pairs.append((name_a, name_b))
    return pairs


def outside_frame(labels, margin: float = 0.02) -> list[str]:
    return [
        name for name, (left, bottom, right, top) in labels
        if left < -FRAME_HALF_WIDTH + margin or right > FRAME_HALF_WIDTH - margin
        or bottom < -FRAME_HALF_HEIGHT + margin or top > FRAME_HALF_HEIGHT - margin
    ]


def watched(scene_cls):
    """``scene_cls`` recording its labels at the end of every beat (``scene.snapshots``)."""

    class Watched(scene_cls):
        def setup(self) -> None:
            super().setup()
            self.snapshots = []

        def end_beat(self, *, loop: bool = False) -> None:
            self.snapshots.append((float(self.renderer.time), labels_on_screen(self)))
            super().end_beat(loop=loop)

    Watched.__name__ = scene_cls.__name__
    return Watched


def check_labels(scene) -> None:
    assert scene.snapshots, "no beat ended"
    for t, labels in scene.snapshots:
        assert not outside_frame(labels), (t, outside_frame(labels))
        assert not overlapping(labels), (t, overlapping(labels))


def check_captions(scene) -> None:
    for language in LANGUAGES:
        limits = LIMITS[language]
        for cue in caption_cues({"cues": scene.cues}, language):
            assert 1 <= len(cue.lines) <= limits.lines, cue
            assert max(width(line, language) for line in cue.lines) <= limits.line, cue
            assert cue.end - cue.start >= limits.seconds(
                width("".join(cue.lines), language)) - 1e-3, cue


def close(stated: float, exact: float, scale: float = 0.0) -> bool:
    """Within 1e-9 relative (of the value, or of ``scale`` where the value is near 0)."""
    return abs(stated - exact) <= 1e-9 * max(abs(exact), scale, 1e-300)


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", RENDERS, ids=[c.name for c in RENDERS])
def test_secant_to_tangent(case, use_config, tmp_path):
    use_config(case.toml)
    scene = play(watched(SecantToTangent), tmp_path)
    check_labels(scene)
    check_captions(scene)
    if case.differentiable:
        exact = float(case.df(np.float64(case.x0)))
        assert scene.stated and set(scene.stated) == {case.x0}
        assert close(scene.stated[case.x0], exact), (scene.stated, exact)
        assert close(scene.tangent_line.slope, exact)
        return
    # no f'(x0): no tangent, no value stated as f'(x0), Q from every side in the range
    assert scene.tangent_mob is None and scene.tangent_line is None
    assert scene.derivative_value is None and scene.stated == {}
    assert "tangent at P" not in [name for _, labels in scene.snapshots for name, _ in labels]
    keys = [cue["key"] for cue in scene.cues]
    assert any(k.startswith("secant.n.no_derivative") for k in keys), keys
    assert any(k in ("secant.n.code_corner", "secant.n.code_unbounded", "secant.n.code_nan")
               for k in keys), keys
    left, right = case.slopes
    for side, exact in ((-1, left), (1, right)):
        found = scene.one_sided.left if side < 0 else scene.one_sided.right
        if math.isnan(exact):  # f is not defined on that side: Q never comes from it
            assert side not in scene.sides
        elif math.isinf(exact):
            assert found == exact and side in scene.sides
        else:
            assert close(found, exact) and side in scene.sides
    # the post's code still runs, and prints what core's central difference gives
    assert scene.code_panel.printed == repr(float(scene.code_panel.value))


@pytest.mark.parametrize("case", RENDERS, ids=[c.name for c in RENDERS])
def test_tangent_sweep(case, use_config, tmp_path):
    cfg = use_config(case.toml)
    scene = play(watched(TangentSweep), tmp_path)
    check_labels(scene)
    check_captions(scene)
    # the legend and the readout at each stop: f' to 1e-9
    # (and the readout at each stationary point the sweep takes in: f' = 0 there)
    assert len(scene.stated) == 2 * len(case.tangent_points) + len(scene.flat_points)
    for x, value in scene.stated:
        exact = float(case.df(np.float64(x)))
        assert close(value, exact), (x, value, exact)
    # the trace of f': exact, and never across a point where f' does not exist
    breaks = cfg.function.derivative_breaks
    assert scene.derivative.runs
    for xs, ys in scene.derivative.runs:
        for b in breaks:
            assert not (xs[0] < b < xs[-1]), f"the trace of f' crosses x = {b}"
        inner = np.ones(len(xs), dtype=bool)
        for b in breaks:  # the ends of a run at a break are the one-sided limits
            inner &= np.abs(xs - b) > 1e-9
        exact = case.df(xs[inner])
        scale = float(np.max(np.abs(exact), initial=0.0))
        np.testing.assert_allclose(ys[inner], exact, rtol=1e-9, atol=1e-9 * scale)
    corners = [s for s in cfg.function.singularities if s.kind == "corner"]
    assert len(scene.derivative.break_dots) == sum(
        math.isfinite(v) for s in corners for v in (s.left, s.right))
