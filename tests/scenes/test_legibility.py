"""Nothing on screen is smaller than a projector can show.

A lecture hall shows the videos at 720p or so from the back of the room. Every word, number,
tick label and line of code must be at least 20 px there: manim's ``font_size`` is the size of
the em in pixels at 720p for LaTeX (a ``font_size`` 20 "10" is 20 px, its digits 13 px high),
and Pango draws the same ``font_size`` larger (its em is about 1.3 times it), so requiring
``font_size >= 20`` of every text, after any scaling to fit, is the floor for both. A LaTeX
superscript or subscript is set at 70 % of its formula, so a formula that has one must be at
least 20 / 0.7.

Each scene is checked at the end of every beat (what a lecturer stops on), each figure once.
"""

from __future__ import annotations

import importlib

import pytest

pytest.importorskip("manim")
from manim import Code, Paragraph, SingleStringMathTex, Text  # noqa: E402
from scene_testing import play  # noqa: E402

from scenes import FIGURES, SCENES  # noqa: E402
from scenes.common import GlyphNumber, code_font_size  # noqa: E402
from scenes.lesson import Lesson  # noqa: E402

SMALLEST = 20.0  # px at 720p
SCRIPT = 0.7  # TeX's \scriptstyle, relative to its formula


def _visible(mob) -> bool:
    family = mob.family_members_with_points()
    return any(m.get_fill_opacity() > 0.05 or m.get_stroke_opacity() > 0.05 for m in family)


def too_small(mobjects) -> list[tuple[str, float]]:
    """Every visible text among ``mobjects`` (and their families) below :data:`SMALLEST`, as
    (what it says, its effective size)."""
    found: dict[str, float] = {}
    for top in mobjects:
        for m in top.get_family():
            if isinstance(m, Code):
                size, what = code_font_size(m), "code"
            elif isinstance(m, Paragraph):
                continue  # inside a Code, measured there
            elif isinstance(m, Text):
                size, what = m.font_size, m.text
            elif isinstance(m, SingleStringMathTex):
                # a degree sign is a superscript circle, not something to read
                bare = m.tex_string.replace("^{\\circ}", "").replace("^\\circ", "")
                has_script = any(c in bare for c in "^_")
                size = m.font_size * (SCRIPT if has_script else 1.0)
                what = m.tex_string
            elif isinstance(m, GlyphNumber):
                o, u = m._origin.get_center(), m._unit.get_center()
                size = m.size * float(((u - o) ** 2).sum() ** 0.5) / 0.1
                what = m.string
            else:
                continue
            if size < SMALLEST - 1e-6 and _visible(m):
                found[what] = min(size, found.get(what, size))
    return sorted(found.items(), key=lambda kv: kv[1])


@pytest.mark.parametrize("name", list(SCENES))
def test_no_text_below_20_px_at_720p_at_any_beat(name, monkeypatch, tmp_path):
    seen: list[tuple[float, list]] = []
    end_beat = Lesson.end_beat

    def check(self, **kwargs):
        small = too_small(self.mobjects)
        if small:
            seen.append((round(float(self.renderer.time), 1), small))
        return end_beat(self, **kwargs)

    monkeypatch.setattr(Lesson, "end_beat", check)
    entry = SCENES[name]
    play(getattr(importlib.import_module(entry.module), entry.cls), tmp_path, frame_rate=1)
    assert not seen, f"text under {SMALLEST:g} px at 720p (time s, [(text, size)]): {seen[:3]}"


@pytest.mark.parametrize("name", [n for n, e in FIGURES.items() if e.module == "scenes.figures"
                                  or e.cls == "CannonballFigure"])
def test_no_text_below_20_px_at_720p_in_the_figures(name, tmp_path):
    entry = FIGURES[name]
    scene = play(getattr(importlib.import_module(entry.module), entry.cls), tmp_path)
    assert not too_small(scene.mobjects), too_small(scene.mobjects)
