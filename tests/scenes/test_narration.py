"""Every scene narrates in captions that keep the subtitle limits in both languages, whichever
language the video is rendered in (the other language's captions share its timing)."""

from __future__ import annotations

import importlib

import pytest

pytest.importorskip("manim")
from scene_testing import play  # noqa: E402

from scenes import SCENES  # noqa: E402
from scenes.captions import LIMITS, needed_seconds, width  # noqa: E402
from scenes.publish import caption_cues  # noqa: E402
from scenes.text import LANGUAGES, TEXT, Catalogue  # noqa: E402


@pytest.mark.parametrize("render_language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_captions_keep_the_limits_in_every_language(name, render_language, use_config,
                                                    tmp_path):
    use_config(f'language = "{render_language}"')
    entry = SCENES[name]
    scene = play(getattr(importlib.import_module(entry.module), entry.cls), tmp_path)
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


#: What a lecturer asks of every caption: read at 15 characters a second in English and 6 in
#: Japanese (full-width; Latin letters and digits count half), plus 1 s to look up.
READING = {"en": 15.0, "ja": 6.0}


@pytest.mark.parametrize("name", list(SCENES))
def test_every_caption_stays_up_long_enough_to_read(name, tmp_path):
    """Each narration's time on screen, from the scene's own timings, against its text in the
    catalogue, in both languages: at least its characters at the reading speed plus 1 s for
    each cue it is split into."""
    entry = SCENES[name]
    scene = play(getattr(importlib.import_module(entry.module), entry.cls), tmp_path)
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


def frozen_stretches(scene_cls, tmp_path, monkeypatch) -> tuple[list[tuple[float, float]], object]:
    """Play ``scene_cls`` and return the stretches (start, end) in which the picture stood
    still: waits, back to back, while no mobject had a time-based updater."""
    from manim import Scene, Wait

    spans: list[tuple[float, float]] = []
    play_ = Scene.play

    def play_and_note(self, *animations, **kwargs):
        start = float(self.renderer.time)
        waiting = all(isinstance(a, Wait) for a in animations) and not any(
            m.has_time_based_updater() for m in self.get_mobject_family_members())
        play_(self, *animations, **kwargs)
        if waiting:
            end = float(self.renderer.time)
            if spans and abs(spans[-1][1] - start) < 1e-6:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))

    monkeypatch.setattr(Scene, "play", play_and_note)
    scene = play(scene_cls, tmp_path)
    return spans, scene


@pytest.mark.parametrize("name", list(SCENES))
def test_no_frozen_stretch_longer_than_4_s_unless_a_caption_is_being_read(
        name, tmp_path, monkeypatch):
    """A still picture is fine while the caption that just appeared is read (its reading time in
    the slower language); beyond that, and in any case beyond 4 s, something must move."""
    entry = SCENES[name]
    spans, scene = frozen_stretches(
        getattr(importlib.import_module(entry.module), entry.cls), tmp_path, monkeypatch)
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
        if b > allowed + 1e-3:
            too_long.append((round(a, 2), round(b, 2), f"{b - a:.1f} s"))
    assert not too_long, f"frozen with nothing new to read: {too_long}"
