"""Every scene narrates in captions that keep the subtitle limits in both languages, whichever
language the video is rendered in (the other language's captions share its timing); each caption
stays up long enough to read; the picture never stands still for long with nothing to read.

Each (scene, language) is read from its recorded run (``recorded``, tests/scenes/conftest.py).
"""

from __future__ import annotations

import pytest

pytest.importorskip("manim")

from publish.companions import caption_cues  # noqa: E402
from scenes import SCENES  # noqa: E402
from scenes.kit.captions import LIMITS, needed_seconds, width  # noqa: E402
from scenes.kit.text import LANGUAGES, TEXT, Catalogue  # noqa: E402


@pytest.mark.parametrize("render_language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_captions_keep_the_limits_in_every_language(name, render_language, recorded):
    scene = recorded(name, render_language).scene
    assert len(scene.cues) >= 4, "the scene hardly narrates"
    record = {"cues": scene.cues}
    for language in LANGUAGES:
        limits = LIMITS[language]
        cues = caption_cues(record, language)
        for cue in cues:
            seconds = cue.end - cue.start
            shown = width("".join(cue.lines), language)
            assert 1 <= len(cue.lines) <= limits.lines, cue
            assert max(width(line, language) for line in cue.lines) <= limits.line, cue
            assert seconds >= limits.seconds(shown) - 1e-3, (cue, shown, seconds)
        starts = [c.start for c in cues]
        assert starts == sorted(starts)
        for a, b in zip(cues, cues[1:], strict=False):
            assert a.end <= b.start + 1e-3, (a, b)  # never overlapping
        assert cues[-1].end <= scene.time + 1e-3


#: What a lecturer asks of every caption: read at 15 characters a second in English and 4 in
#: Japanese (full-width; Latin letters and digits count half, spaces not at all), plus 1 s to
#: look up.
READING = {"en": 15.0, "ja": 4.0}


@pytest.mark.parametrize("render_language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_every_caption_stays_up_long_enough_to_read(name, render_language, recorded):
    """Each narration's time on screen, from the scene's own timings, against its text in the
    catalogue, in both languages: at least its characters at the reading speed plus 1 s for
    each cue it is split into."""
    scene = recorded(name, render_language).scene
    for cue in scene.cues:
        shown = cue["end"] - cue["start"]
        for language in LANGUAGES:
            words = TEXT[cue["key"]][language].format(**cue["fields"])
            parts = caption_cues({"cues": [cue]}, language)
            # the characters shown: the words, less the spaces where a line breaks
            characters = sum(width("".join(p.lines), language) for p in parts)
            assert characters >= width(words, language) - len(parts) * 2
            need = characters / READING[language] + len(parts)
            assert shown >= need - 1e-3, (
                f"{cue['key']} ({language}) is up {shown:.2f} s, needs {need:.2f} s: {words!r}")


#: The longest a picture may stand still with nothing new to see or read (s).
STILL = 4.0


#: One frame of the recorded run (2 fps; see scene_testing.settings).
FRAME = 1 / 2


@pytest.mark.parametrize("render_language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_no_frozen_stretch_longer_than_4_s_unless_a_caption_is_being_read(
        name, render_language, recorded):
    """A still picture is fine while the caption that just appeared is read (its reading time in
    the slower language); beyond that, and in any case beyond 4 s, something must move."""
    run = recorded(name, render_language)
    spans, scene = run.stills, run.scene
    reading = []  # (caption start, until when it is being read)
    for cue in scene.cues:
        need = max(needed_seconds(Catalogue(lang)(cue["key"], **cue["fields"]), lang)
                   for lang in LANGUAGES)
        reading.append((cue["start"], cue["start"] + need))
    too_long = []
    for a, b in spans:
        allowed = a + STILL
        for start, until in reading:
            if start <= b:  # a caption shown during the stretch keeps it alive while read
                allowed = max(allowed, until)
        # (a wait lasts whole frames: the narration's own ends up to a frame after its need)
        if b > allowed + FRAME + 1e-3:
            too_long.append((round(a, 2), round(b, 2), f"{b - a:.1f} s"))
    assert not too_long, f"frozen with nothing new to read: {too_long}"
