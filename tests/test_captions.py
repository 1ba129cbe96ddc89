"""Caption text: line breaks where a reader would, the style guides' limits, and files that
parse back (``srt``, the package manim itself uses)."""

from __future__ import annotations

import pytest
import srt

from scenes.kit.captions import LIMITS, Cue, cues_for, needed_seconds, to_srt, to_vtt, width, wrap
from scenes.kit.text import LANGUAGES, TEXT

SMALL_KANA = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
CLOSING = "、。）」』】：！？ー"


def test_english_breaks_at_spaces_and_balances_two_lines():
    lines = wrap("Magnified around P, the secant and the tangent are already one line.", "en")
    assert lines == [["Magnified around P, the secant and", "the tangent are already one line."]]
    for cue in lines:
        for line in cue:
            assert line == line.strip() and len(line) <= 42


def test_english_keeps_an_equation_together_when_it_can():
    (cue,) = wrap("Central difference with h = 1e-8: 8 correct digits", "en")
    assert any("h = 1e-8" in line for line in cue)


def test_a_new_cue_starts_with_a_sentence():
    cues = wrap("P is a point on the curve, Q a step h to its right. "
                "The line through both is a secant.", "en")
    assert [c[0] for c in cues] == ["P is a point on the curve,",
                                    "The line through both is a secant."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("h を小さくすると、Q は曲線に沿って P に近づく。",
         [["h を小さくすると、", "Q は曲線に沿って P に近づく。"]]),
        # a particle stays with the Latin letter before it: never "P" | "と"
        ("曲線上の 2 点：P と、h だけ先の Q", [["曲線上の 2 点：", "P と、h だけ先の Q"]]),
    ],
)
def test_japanese_breaks_after_punctuation_or_between_bunsetsu(text, expected):
    assert wrap(text, "ja") == expected


def test_japanese_kinsoku_no_small_kana_or_closing_mark_starts_a_line():
    text = "ジェットコースターのようにグラフがぐっと上がって、ちょっと下がる。"
    for cue in wrap(text, "ja"):
        for line in cue:
            assert line[0] not in SMALL_KANA + CLOSING, line
            assert width(line, "ja") <= 16


def test_a_line_too_long_to_break_is_an_error_not_a_silent_overflow():
    with pytest.raises(ValueError, match="cannot be broken"):
        wrap("あ" * 40, "ja")  # hiragana only: no bunsetsu boundary to break at


def test_width_counts_half_width_characters_as_half_in_japanese():
    assert width("P と", "ja") == 2.0
    assert width("P and", "en") == 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_share_the_time_and_keep_the_reading_speed(language):
    text = TEXT["secant.n.code"][language].format(printed="0.22000000154953625")
    need = needed_seconds(text, language)
    cues = cues_for(text, 10.0, 10.0 + need, language)
    assert cues[0].start == 10.0 and cues[-1].end == pytest.approx(10.0 + need, abs=1e-3)
    for a, b in zip(cues, cues[1:], strict=False):
        assert a.end == pytest.approx(b.start, abs=1e-3)
    for cue in cues:
        seconds = cue.end - cue.start
        # read at the language's speed, plus a second to look up: 15 cps + 1 s, 6 cps + 1 s
        shown = width("".join(cue.lines), language)
        assert seconds >= shown / {"en": 15, "ja": 6}[language] + 1.0 - 1e-3


def test_a_cue_needs_its_reading_time_plus_a_second():
    assert LIMITS["en"].seconds(30) == pytest.approx(3.0)
    assert LIMITS["ja"].seconds(12) == pytest.approx(3.0)
    assert LIMITS["en"].seconds(0) == pytest.approx(1.0)
    line = "h shrinks towards zero"  # 22 characters: one cue
    assert needed_seconds(line, "en") == pytest.approx(22 / 15 + 1)


def test_srt_and_vtt_parse_back():
    cues = [Cue(0.0, 1.5, ("Hello", "world")), Cue(1.5, 3.25, ("こんにちは",))]
    subs = list(srt.parse(to_srt(cues)))
    assert [(s.start.total_seconds(), s.end.total_seconds(), s.content) for s in subs] == [
        (0.0, 1.5, "Hello\nworld"), (1.5, 3.25, "こんにちは")]
    vtt = to_vtt(cues)
    assert vtt.startswith("WEBVTT\n\n")
    assert "00:00:01.500 --> 00:00:03.250\nこんにちは" in vtt
