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
            assert width(line, "ja") <= 13


def test_a_line_too_long_to_break_is_an_error_not_a_silent_overflow():
    with pytest.raises(ValueError, match="cannot be broken"):
        wrap("あ" * 40, "ja")  # hiragana only: no bunsetsu boundary to break at


def test_width_counts_half_width_characters_as_half_and_spaces_not_at_all_in_japanese():
    # as Japanese subtitle guides count: full-width 1, half-width 1/2, a space nothing
    assert width("P と", "ja") == 1.5
    assert width("秒速 750 m", "ja") == 4.0
    assert width("P and", "en") == 5


@pytest.mark.parametrize(
    ("text", "together"),
    [
        # a number and its unit or counter
        ("砲弾を秒速 750 m、仰角 45° で発射し、T = 38.3 秒後に着弾する", ["750 m", "38.3 秒"]),
        ("どの変位も t = T/4 = 9.6 秒から測って平均速度を求める", ["9.6 秒"]),
        ("空気がなければ、同じ発射は放物線を描いて 15 倍遠くまで飛ぶ", ["15 倍"]),
        ("記事の h = 1e-8 は 8 桁、h* は 11 桁：誤差は約 510 分の 1",
         ["8 桁", "11 桁", "約 510 分"]),
        # a term and its symbol
        ("SGD や Adam は、学習率 η を掛けてその逆向きへ進む", ["学習率 η"]),
        ("傾きは、幅 h での f の増加を、幅 h で割ったもの", ["幅 h"]),
        ("曲線上の点 P と、そこから幅 h だけ右の点 Q を通る直線", ["点 P", "幅 h", "点 Q"]),
        # nor a compound word at its okurigana, nor a coefficient from its term
        ("この f も、打ち切りと丸めの釣り合いは同じ", ["打ち切り", "釣り合い"]),
        ("傾き ≈ f′(1) + ½ f″(1)·h = 0.540 − 0.421h", ["½ f″(1)"]),
    ],
)
def test_japanese_never_breaks_a_number_from_its_unit_or_a_term_from_its_symbol(text, together):
    for line_length in (6, 8, 10, 13):  # wherever the lines must break
        try:
            lines = [line for cue in _wrap_at(text, line_length) for line in cue]
        except ValueError:
            continue
        for pair in together:
            assert any(pair in line for line in lines), (line_length, lines, pair)


def _wrap_at(text, line_length):
    from scenes.kit import captions

    saved = captions.LIMITS["ja"]
    captions.LIMITS["ja"] = captions.Limits(line=line_length, lines=9, speed=saved.speed)
    try:
        return wrap(text, "ja")
    finally:
        captions.LIMITS["ja"] = saved


def test_english_never_breaks_a_number_from_its_unit():
    from scenes.kit.captions import _breaks

    s = "It lands after T = 38.3 s, 3,707 m away, at 750 m/s"
    firsts = [s[:i] for i, _, _ in _breaks(s, "en")]
    assert not [f for f in firsts if f.endswith(("38.3", "3,707", "750"))], firsts
    assert "It lands after T = 38.3 s," in firsts  # the unit itself ends a line


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
        # read at the language's speed, plus a second to look up: 15 cps + 1 s, 4 cps + 1 s
        shown = width("".join(cue.lines), language)
        assert seconds >= shown / {"en": 15, "ja": 4}[language] + 1.0 - 1e-3


def test_a_cue_needs_its_reading_time_plus_a_second():
    assert LIMITS["en"].seconds(30) == pytest.approx(3.0)
    assert LIMITS["ja"].seconds(8) == pytest.approx(3.0)
    assert LIMITS["ja"].line == 13 and LIMITS["ja"].speed == 4
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
