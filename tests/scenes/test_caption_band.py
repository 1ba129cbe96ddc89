"""The caption band: every lesson shows its sentences in one place, fitted one way, and keeps
the rest of its picture out of the band.

The rule (:mod:`scenes.kit.caption`): at the bottom of the frame, at most two lines that break
where the subtitle track breaks, nothing but the caption below ``BAND_TOP``. Checked at the end
of every beat in both languages, from each scene's recorded run, and on the band itself.
"""

from __future__ import annotations

import pytest

pytest.importorskip("manim")
from manim import FadeIn, FadeOut, Succession  # noqa: E402

from scenes import SCENES  # noqa: E402
from scenes.kit.caption import BAND_BOTTOM, BAND_TOP, BAND_WIDTH, band, swap  # noqa: E402
from scenes.kit.captions import band_lines, wrap  # noqa: E402
from scenes.kit.text import LANGUAGES, TEXT  # noqa: E402


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_nothing_but_the_caption_enters_the_band(name, language, recorded):
    seen = recorded(name, language).in_band
    assert not seen, f"below the caption band's top {BAND_TOP:.2f} (time s, [(what, bottom)]): " \
                     f"{seen[:3]}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_the_last_caption_sits_in_the_band(name, language, recorded):
    scene = recorded(name, language).scene
    assert scene.caption is not None
    assert scene.caption.get_bottom()[1] == pytest.approx(BAND_BOTTOM, abs=0.02)
    assert scene.caption.get_top()[1] <= BAND_TOP + 1e-6
    assert abs(scene.caption.get_center()[0]) < 1e-6


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_never_two_captions_at_once(name, language, recorded):
    # the old caption fades out before the new one fades in: never two lines on top of each other
    run = recorded(name, language)
    assert run.captions >= 5
    assert run.captions_at_once == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_caption_breaks_where_its_subtitle_does(language):
    # every sentence of the catalogue that is one cue shows the cue's own lines
    for key, entry in TEXT.items():
        s = entry[language]
        if "{" in s or key.startswith("site."):
            continue
        cues = wrap(s, language)
        lines = band_lines(s, language)
        assert 1 <= len(lines) <= 2, key
        if len(cues) == 1:
            assert lines == cues[0], key


def test_band_is_two_lines_at_most_inside_the_frame():
    long = ("Newton's method divides the miss by the slope dR/dθ: it needs only the first "
            "derivative, not the second")
    mob = band(long, "en")
    assert len(mob) == 2
    assert mob.width <= BAND_WIDTH + 1e-6
    assert mob.get_bottom()[1] == pytest.approx(BAND_BOTTOM)
    assert mob.get_top()[1] <= BAND_TOP + 1e-6
    ja = band("幅 h を小さくすると、割線の傾きは P での接線の傾きに近づく", "ja")
    assert ja.get_top()[1] <= BAND_TOP + 1e-6 and ja.width <= BAND_WIDTH + 1e-6


def test_swap_fades_the_old_caption_out_before_the_new_one_comes():
    old, new = band("old", "en"), band("new", "en")
    change = swap(old, new)
    assert isinstance(change, Succession)
    out, come = change.animations
    assert isinstance(out, FadeOut) and out.mobject is old
    assert isinstance(come, FadeIn) and come.mobject is new
    assert isinstance(swap(None, new), FadeIn) and isinstance(swap(old, None), FadeOut)
    with pytest.raises(ValueError, match="neither"):
        swap(None, None)
