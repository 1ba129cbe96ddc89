"""Nothing on screen is smaller than a projector can show.

A lecture hall shows the videos at 720p or so from the back of the room. Every word, number,
tick label and line of code must be at least 20 px there: manim's ``font_size`` is the size of
the em in pixels at 720p for LaTeX (a ``font_size`` 20 "10" is 20 px, its digits 13 px high),
and Pango draws the same ``font_size`` larger (its em is about 1.3 times it), so requiring
``font_size >= 20`` of every text, after any scaling to fit, is the floor for both. A LaTeX
superscript or subscript is set at 70 % of its formula, so a formula that has one must be at
least 20 / 0.7.

Each scene is checked at the end of every beat (what a lecturer stops on) in every language, from
its recorded run; each figure once.
"""

from __future__ import annotations

import pytest

pytest.importorskip("manim")
from scene_testing import SMALLEST, play, scene_class, too_small  # noqa: E402

from scenes import FIGURES, SCENES  # noqa: E402
from scenes.kit.text import LANGUAGES  # noqa: E402


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_no_text_below_20_px_at_720p_at_any_beat(name, language, recorded):
    seen = recorded(name, language).small_text
    assert not seen, f"text under {SMALLEST:g} px at 720p (time s, [(text, size)]): {seen[:3]}"


#: The figures that are static scenes of their own (the others are a lesson's last frame, measured
#: in its recorded run).
_STILLS = [n for n, e in FIGURES.items() if e.cls not in {s.cls for s in SCENES.values()}]


@pytest.mark.parametrize("name", _STILLS)
def test_no_text_below_20_px_at_720p_in_the_figures(name, tmp_path):
    entry = FIGURES[name]
    scene = play(scene_class(entry), tmp_path)
    assert not too_small(scene.mobjects), too_small(scene.mobjects)
