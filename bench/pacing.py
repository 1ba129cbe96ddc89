"""Find the stretches of a rendered video in which the picture stands still.

Usage (from the repository root, after ./render.sh has set up .venv)::

    ./render.sh -q l --out /tmp/pace              # any quality; 480p15 is enough
    .venv/bin/python bench/pacing.py /tmp/pace/videos/*.mp4

For each video: decodes every frame (PyAV), shrinks it to 160 x 90 grey, and calls two frames
the same when no pixel differs by more than 8 of 255 (encoder noise stays below that). Prints
every still stretch of at least ``--min`` seconds (default 4) with the caption on screen when
it starts (from the ``.srt`` beside the video, if any), how long that caption needs to be read
(15 characters a second in English, 4 in Japanese, plus 1 s), and whether the stretch outlasts
that reading.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import av
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scenes.kit.captions import LIMITS, width  # noqa: E402


def still_stretches(path: Path, threshold: int = 8) -> tuple[list[tuple[float, float]], float]:
    """(start, end) of every run of identical frames in ``path``, and the video's length."""
    runs: list[tuple[float, float]] = []
    previous, run_start, t = None, 0.0, 0.0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        rate = float(stream.average_rate)
        for i, frame in enumerate(container.decode(stream)):
            t = i / rate
            grey = frame.reformat(width=160, height=90, format="gray").to_ndarray().astype(np.int16)
            if previous is not None and np.abs(grey - previous).max() > threshold:
                runs.append((run_start, t))
                run_start = t
            previous = grey
        end = t + 1 / rate
    runs.append((run_start, end))
    return runs, end


def captions(path: Path) -> list[tuple[float, float, str]]:
    """The cues of the ``.srt`` beside ``path`` (empty if none)."""
    srt_path = path.with_suffix(".srt")
    if not srt_path.exists():
        return []
    import srt  # a dependency of manim

    return [(c.start.total_seconds(), c.end.total_seconds(), c.content.replace("\n", " "))
            for c in srt.parse(srt_path.read_text(encoding="utf-8"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("videos", nargs="+", type=Path)
    parser.add_argument("--min", type=float, default=4.0, help="shortest stretch to report (s)")
    args = parser.parse_args()
    for path in args.videos:
        runs, length = still_stretches(path)
        cues = captions(path)
        language = "ja" if any(ord(ch) > 0x3000 for _, _, s in cues for ch in s) else "en"
        longest = max(b - a for a, b in runs)
        print(f"{path.name}: {length:.1f} s, longest still {longest:.1f} s")
        for a, b in runs:
            if b - a < args.min:
                continue
            shown = [(s, e, txt) for s, e, txt in cues if s <= a + 0.5 and e > a]
            note = "no caption"
            if shown:
                s, e, txt = shown[-1]
                need = LIMITS[language].seconds(width(txt, language))
                verdict = "read" if b <= s + need + 0.1 else "TOO LONG"
                note = f"{verdict}: caption at {s:.1f} s needs {need:.1f} s: {txt[:50]!r}"
            print(f"  {a:6.1f}-{b:6.1f} s  still {b - a:4.1f} s  {note}")


if __name__ == "__main__":
    main()
