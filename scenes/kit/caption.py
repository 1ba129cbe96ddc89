"""The caption band: where every lesson shows its sentence, how it fits, and how it changes.

One place
    The bottom band of the frame, where subtitles sit: centred, its last line
    :data:`BAND_BOTTOM` above the frame's lower edge, at most two lines. A scene keeps everything
    else above :data:`BAND_TOP`.
One fit rule
    :func:`scenes.kit.captions.band_lines` breaks the sentence where its subtitle does (the
    track's own lines when it is one cue, else the two most even lines), set at
    ``style.SIZE_BODY``; a line wider than the band is shrunk to its width, never below
    ``style.SIZE_SMALL``'s share.
One swap
    :func:`swap`: the old caption fades out, then the new one fades in; two sentences are never on
    screen together (no crossfade).

:class:`scenes.kit.lesson.Lesson` owns the band: ``self.say(key)`` narrates ``key`` and shows it,
``self.say(key, narrated=False)`` shows a heading that is not the narration,
``self.caption_to(...)`` is the same change as an animation to play beside others.
"""

from __future__ import annotations

from collections.abc import Callable

from manim import DOWN, Animation, FadeIn, FadeOut, Mobject, Succession, VGroup

from scenes.kit import style
from scenes.kit.captions import band_lines
from scenes.kit.layout import BOTTOM_EDGE, LEFT_EDGE, RIGHT_EDGE
from scenes.kit.typography import text

__all__ = ["BAND_BOTTOM", "BAND_TOP", "BAND_WIDTH", "FADE_IN", "FADE_OUT", "band", "swap"]

#: The lowest point of a caption's last line: the safe area's bottom edge.
BAND_BOTTOM = BOTTOM_EDGE
#: Room for two lines of ``style.SIZE_BODY``; nothing else goes below this.
BAND_TOP = BAND_BOTTOM + 0.95
#: The widest a caption line may be.
BAND_WIDTH = RIGHT_EDGE - LEFT_EDGE
#: Seconds of the swap's two halves.
FADE_OUT, FADE_IN = 0.3, 0.4
_LINE_GAP = 0.1


def band(sentence: str, language: str, *,
         words: Callable[[str], Mobject] | None = None) -> VGroup:
    """``sentence`` set as a caption in the band: its lines centred one above the other, the last
    one's bottom on :data:`BAND_BOTTOM`; its ``sentence`` attribute is ``sentence``.

    ``words(line)`` typesets one line (default :func:`scenes.kit.typography.text` at
    ``style.SIZE_BODY``); a scene whose words carry their own italics passes its own.
    """
    typeset = words or (lambda line: text(line, size=style.SIZE_BODY))
    lines = VGroup(*(typeset(line) for line in band_lines(sentence, language)))
    lines.arrange(DOWN, buff=_LINE_GAP)
    if lines.width > BAND_WIDTH:
        lines.scale_to_fit_width(BAND_WIDTH)
    if lines.height > BAND_TOP - BAND_BOTTOM:
        lines.scale_to_fit_height(BAND_TOP - BAND_BOTTOM)
    lines.move_to([0.0, BAND_BOTTOM + lines.height / 2, 0.0])
    lines.sentence = sentence  # (Text.text drops the spaces)
    return lines


def swap(old: Mobject | None, new: Mobject | None) -> Animation:
    """The change from caption ``old`` to ``new`` (either may be None): ``old`` fades out
    completely, then ``new`` fades in. Played with a ``run_time``, both halves keep their share."""
    parts: list[Animation] = []
    if old is not None:
        parts.append(FadeOut(old, run_time=FADE_OUT))
    if new is not None:
        parts.append(FadeIn(new, run_time=FADE_IN))
    if not parts:
        raise ValueError("swap: neither an old nor a new caption")
    return parts[0] if len(parts) == 1 else Succession(*parts)
