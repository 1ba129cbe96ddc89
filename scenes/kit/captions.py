"""Captions: the scenes' narration as subtitle cues, in English and Japanese, for .srt and .vtt.

A scene narrates through :meth:`scenes.kit.lesson.Lesson.narrate`: each narration is a key of
:mod:`scenes.kit.text` shown from one moment of the scene to the next. This module turns one
narration into subtitle cues that follow the limits of broadcast and streaming style guides:

========================  =======  ==================
limit                     English  Japanese
========================  =======  ==================
characters per line       42       13 full-width
lines per cue             2        2
reading speed (per s)     15       4
time to look up           1 s      1 s
shortest cue              1 s      1 s
========================  =======  ==================

A cue stays up for its characters at the reading speed *plus* a second (the time to look up from
the picture to the caption and back; a lecturer's rule for projected captions), so a 30-character
English line needs 3 s and an 8-character Japanese one 3 s.

Lines break where a reader would: English at spaces; Japanese after 、 and 。, at spaces, or
between bunsetsu (where a run of hiragana ends and a word begins; a particle after Latin letters or
digits stays with them), never before a closing bracket, a small kana or a long-vowel mark
(kinsoku). In both languages a line never breaks between a number and its unit or counter
("750 m", "9.6 秒", "15 倍") nor, in Japanese, between a term and its symbol ("学習率 η",
"幅 h", "点 P"). A narration too long for one cue becomes several, sharing its time by length.

A Japanese full-width character counts 1, a half-width one (Latin letters, digits) 1/2 and a
space nothing (as Japanese subtitle guides count), for both the line length and the reading
speed.

Only the standard library and ``srt`` (a dependency of manim) are needed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

__all__ = [
    "LIMITS",
    "Cue",
    "Limits",
    "band_lines",
    "cues_for",
    "needed_seconds",
    "to_srt",
    "to_vtt",
    "width",
    "wrap",
]


@dataclass(frozen=True)
class Limits:
    """A language's subtitle limits."""

    line: float  # characters (full-width) per line
    lines: int  # lines per cue
    speed: float  # characters per second
    look: float = 1.0  # seconds added to every cue's reading time
    shortest: float = 1.0  # seconds

    def seconds(self, characters: float) -> float:
        """How long a cue of ``characters`` must stay up: read at ``speed``, plus ``look``,
        and never less than ``shortest``.

        >>> LIMITS["en"].seconds(30)
        3.0
        >>> LIMITS["ja"].seconds(8)
        3.0
        """
        return max(self.shortest, characters / self.speed + self.look)


LIMITS = {"en": Limits(line=42, lines=2, speed=15), "ja": Limits(line=13, lines=2, speed=4)}


@dataclass(frozen=True)
class Cue:
    """One subtitle: its lines, shown from ``start`` to ``end`` (seconds)."""

    start: float
    end: float
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def width(s: str, language: str) -> float:
    """Length of ``s`` as the limits count it: in English every character; in Japanese a
    full-width character 1, a half-width one 1/2 and a space nothing.

    >>> width("Let h shrink", "en")
    12
    >>> width("h を小さく", "ja")
    4.5
    """
    if language != "ja":
        return len(s)
    return sum(0.0 if c.isspace() else 1.0 if unicodedata.east_asian_width(c) in "FW" else 0.5
               for c in s)


# --- line breaking -----------------------------------------------------------------------------

#: Kinsoku: never at the start of a line.
_NO_START = set("、。，．・：；！？）」』】〕〉》…ー"  # punctuation, closing brackets, long vowel
                "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ")  # small kana
_AFTER_BREAK = set("、。：！？）」』】")


def _is_hiragana(c: str) -> bool:
    return "\u3041" <= c <= "\u309f"


_OPERATORS = set("=+−-×÷/→<>≈≤≥")

#: What follows a number as its unit or counter (after a space): a line never breaks between
#: them. Latin units are whole words ("m", "m/s"); a Japanese counter is the word's first
#: character ("秒後", "倍速", "桁まで", "次関数").
_UNITS = {"m", "m/s", "m²", "km", "s", "%", "°", "rad"}
_COUNTERS = set("秒度回発桁倍分個本次階点乗番年人割行列枚％%°")
#: What a number follows without a break: "秒速 750 m", "約 510 分の 1", "第 2 回".
_BEFORE_NUMBER = ("秒速", "時速", "分速", "約", "第")
_DIGITS = set("0123456789⁰¹²³⁴⁵⁶⁷⁸⁹")


def _is_letter(c: str) -> bool:
    """A Latin or Greek letter (what a symbol is written in)."""
    return c.isascii() and c.isalpha() or "\u0391" <= c <= "\u03c9"


def _is_term(c: str) -> bool:
    """A kanji or katakana: the end of a Japanese term ("学習率", "ステップ")."""
    return "\u4e00" <= c <= "\u9fff" or "\u30a1" <= c <= "\u30ff"


def _token(s: str, i: int) -> str:
    """The word of ``s`` that starts at ``i``, up to a space or a full-width character (its
    trailing punctuation dropped)."""
    j = i
    while j < len(s) and s[j] != " " and unicodedata.east_asian_width(s[j]) not in "FW":
        j += 1
    return s[i:j].rstrip(",.;:!?)")


def _keeps_together(s: str, i: int, language: str) -> bool:
    """Whether the space at ``s[i]`` must not break a line: between a number and its unit
    ("750 m", "9.6 秒", "15 倍"), a "秒速" or "約" and its number, or (Japanese) a term and the
    symbol after it (a single Latin or Greek letter: "学習率 η", "幅 h", "点 P", "変位 Δs")."""
    before, after = s[:i], s[i + 1 :]
    if not before or not after:
        return False
    a, b = before[-1], after[0]
    if a in _DIGITS and (_token(s, i + 1) in _UNITS or (language == "ja" and b in _COUNTERS)):
        return True
    if language != "ja":
        return False
    if b in _DIGITS and before.endswith(_BEFORE_NUMBER):
        return True
    if a in "½⅓¼¾⅔" and _is_letter(b):  # a coefficient and its term: "½ f″(x)"
        return True
    if _is_term(a):
        k = 1 if b == "Δ" else 0
        return (len(after) > k and _is_letter(after[k])
                and not (len(after) > k + 1 and (_is_letter(after[k + 1])
                                                 or after[k + 1] in _DIGITS)))
    return False


#: One-kana particles: a word may start after them even between two kanji ("傾きで割る").
_PARTICLES = set("がをにはでとのへもや")


def _okurigana(s: str, i: int) -> bool:
    """Whether ``s[i - 1]`` is one kana inside a compound word, between two kanji ("打ち切り",
    "釣り合い", "引き算"): no break there."""
    return (i >= 2 and "\u4e00" <= s[i - 2] <= "\u9fff" and "\u4e00" <= s[i] <= "\u9fff"
            and s[i - 1] not in _PARTICLES)


def _breaks(s: str, language: str) -> list[tuple[int, int, int]]:
    """Where ``s`` may break: (end of the first line, start of the next, penalty). Penalty 0 is
    where a reader expects a break (after a comma, colon or semicolon in English; after 、 or 。
    in Japanese); 1 at another English space or between Japanese bunsetsu; 2 beside an operator
    ("h = | 1e-8"); 3 between Latin letters and the particle after them ("P | と"). A break with
    a higher penalty is used only when the lines would not fit otherwise. There is none between
    a number and its unit or a term and its symbol (:func:`_keeps_together`).

    >>> [s[:i] for s in ("秒速 750 m", "T/4 = 9.6 秒", "学習率 η を掛ける")
    ...  for i, _, _ in _breaks(s, "ja")]
    ['T/4', 'T/4 =', '学習率 η', '学習率 η を']
    """
    out = []
    for i in range(1, len(s)):
        a, b = s[i - 1], s[i]
        if b == " ":
            nxt = s[i + 1] if i + 1 < len(s) else ""
            if a == " " or not nxt or nxt in _NO_START or _keeps_together(s, i, language):
                continue
            penalty = 2 if a in _OPERATORS or nxt in _OPERATORS else int(
                language == "ja" or a not in ",;:")
            if language == "ja" and _is_hiragana(nxt):
                penalty = 3
            out.append((i, i + 1, penalty))
            continue
        if language != "ja" or a == " " or b in _NO_START:
            continue
        # after punctuation, or where hiragana (particles, endings) give way to a new word
        if a in _AFTER_BREAK:
            out.append((i, i, 0))
        elif _is_hiragana(a) and not _is_hiragana(b) and not _okurigana(s, i):
            out.append((i, i, 1))
    return out


def _sentences(s: str, language: str) -> list[str]:
    """``s`` cut after each full stop (a caption never runs one sentence into the next)."""
    out, begin = [], 0
    for i, c in enumerate(s):
        end = (c == "。" and language == "ja") or (
            c in ".!?" and i + 1 < len(s) and s[i + 1] == " ")
        if end:
            out.append(s[begin : i + 1].strip())
            begin = i + 1
    rest = s[begin:].strip()
    return [*out, rest] if rest else out


def wrap(s: str, language: str) -> list[list[str]]:
    """Break ``s`` into cues of at most ``LIMITS[language].lines`` lines that fit the line
    length, breaking only where a reader would; returns the cues' lines. Sentences that fit
    together share a cue; a new cue never starts inside a sentence that fits in one.

    >>> wrap("As h shrinks, the secant's slope tends to the derivative", "en")
    [['As h shrinks,', "the secant's slope tends to the derivative"]]
    >>> wrap("h を小さくすると、Q は P に近づく", "ja")
    [['h を小さくすると、', 'Q は P に近づく']]
    >>> wrap("Central difference with h = 1e-8: 8 correct digits", "en")
    [['Central difference with h = 1e-8:', '8 correct digits']]

    Raises ``ValueError`` when a run of text without a break point is longer than a line.
    """
    limits = LIMITS[language]
    s = " ".join(s.split())
    if width(s, language) <= limits.line:
        return [[s]]
    sentences = [_lines(t, language, limits.line) for t in _sentences(s, language)]
    # whole sentences (each on lines of its own) together while they fit in a cue; a sentence
    # longer than a cue over several
    cues: list[list[str]] = []
    for lines in sentences:
        if cues and len(cues[-1]) + len(lines) <= limits.lines:
            cues[-1].extend(lines)
        else:
            cues.extend(lines[i : i + limits.lines] for i in range(0, len(lines), limits.lines))
    return cues


def _lines(s: str, language: str, line: float) -> list[str]:
    """The fewest lines, as even as possible, each at most ``line`` wide (a small dynamic
    programme over the break points: minimise the number of lines, then the penalty of the
    breaks, then the longest line)."""
    if width(s, language) <= line:
        return [s]
    points = [(0, 0, 0), *_breaks(s, language), (len(s), len(s), 0)]
    best: dict[int, tuple[int, int, float, list[str]]] = {0: (0, 0, 0.0, [])}
    for j in range(1, len(points)):
        end_j, _, penalty = points[j]
        for i in range(j):
            if i not in best:
                continue
            piece = s[points[i][1] : end_j].strip()
            w = width(piece, language)
            if not piece or w > line:
                continue
            count, pen, worst, lines = best[i]
            cand = (count + 1, pen + penalty, max(worst, w), [*lines, piece])
            if j not in best or cand[:3] < best[j][:3]:
                best[j] = cand
    last = len(points) - 1
    if last not in best:
        raise ValueError(f"{language} caption cannot be broken into lines of {line:g}: {s!r}")
    return best[last][3]


def band_lines(s: str, language: str) -> list[str]:
    """The lines of ``s`` as a scene's caption band shows them: the subtitle cue's own lines
    when ``s`` is one cue (so a burned-in caption breaks where its subtitle does), else the two
    most even lines, breaking only where a reader would.

    >>> band_lines("As h shrinks, the secant's slope tends to the derivative", "en")
    ['As h shrinks,', "the secant's slope tends to the derivative"]
    >>> band_lines("Smaller h is not always better: the best h balances truncation and rounding",
    ...            "en")
    ['Smaller h is not always better: the', 'best h balances truncation and rounding']
    >>> band_lines("Newton's method divides the miss by the slope dR/dθ: "
    ...            "it needs only the first derivative", "en")
    ["Newton's method divides the miss by the slope dR/dθ:", 'it needs only the first derivative']
    """
    s = " ".join(s.split())
    cues = wrap(s, language)
    if len(cues) == 1:
        return list(cues[0])
    total = width(s, language)
    # after a colon, a comma or a semicolon (、：in Japanese) when that leaves neither line
    # much longer than the other
    stops = [(i, j) for i, j, _ in _breaks(s, language) if s[i - 1] in ",:;、，：；"]
    if stops:
        i, j = min(stops, key=lambda b: abs(width(s[: b[0]], language) - total / 2))
        if max(width(s[:i], language), width(s[j:], language)) <= 0.65 * total:
            return [s[:i].strip(), s[j:].strip()]
    line = total / 2
    while True:  # the narrowest pair of lines the break points allow
        try:
            lines = _lines(s, language, line)
        except ValueError:
            lines = []
        if 0 < len(lines) <= 2:
            return lines
        line += 0.5


def needed_seconds(s: str, language: str) -> float:
    """The time ``s`` must stay up to be read: each of its cues at the language's reading
    speed plus the time to look up (:meth:`Limits.seconds`)."""
    limits = LIMITS[language]
    return sum(limits.seconds(width("".join(lines), language)) for lines in wrap(s, language))


def cues_for(s: str, start: float, end: float, language: str) -> list[Cue]:
    """The cues of narration ``s`` shown from ``start`` to ``end``: its time shared by the cues
    in proportion to their length (the reading time each needs, at least)."""
    groups = wrap(s, language)
    limits = LIMITS[language]
    need = [limits.seconds(width("".join(g), language)) for g in groups]
    spare = max(0.0, (end - start) - sum(need))
    total = sum(need)
    cues, t = [], start
    for g, n in zip(groups, need, strict=True):
        d = n + spare * n / total
        cues.append(Cue(round(t, 3), round(min(end, t + d), 3), tuple(g)))
        t += d
    return cues


# --- files -------------------------------------------------------------------------------------


def to_srt(cues: Sequence[Cue]) -> str:
    """SubRip text of ``cues`` (written by the ``srt`` package)."""
    import srt

    return srt.compose(
        srt.Subtitle(i, timedelta(seconds=c.start), timedelta(seconds=c.end), c.text)
        for i, c in enumerate(cues, 1)
    )


def _vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def to_vtt(cues: Iterable[Cue]) -> str:
    """WebVTT text of ``cues``, what an HTML ``<track>`` reads.

    >>> print(to_vtt([Cue(0.0, 1.5, ("Hello",))]), end="")
    WEBVTT
    <BLANKLINE>
    1
    00:00:00.000 --> 00:00:01.500
    Hello
    """
    out = ["WEBVTT", ""]
    for i, c in enumerate(cues, 1):
        out += [str(i), f"{_vtt_time(c.start)} --> {_vtt_time(c.end)}", *c.lines, ""]
    return "\n".join(out)
