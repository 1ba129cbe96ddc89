"""Measure the captions of every scene against the subtitle limits, in both languages.

Usage (from the repository root, after ./render.sh has set up .venv)::

    .venv/bin/python bench/captions.py             # every scene, parameters from bibun.toml

Plays each scene as a dry run (no frames drawn), turns its narration into cues in English and
Japanese (the same timings serve both) and prints, per scene and language: the number of cues,
the longest line (characters, full-width for Japanese), the most lines in a cue, the fastest
reading speed (characters per second), the shortest cue (s) and the scene's length. The limits
are in scenes/kit/captions.py: 42 / 13 characters a line, 2 lines, 15 / 4 characters a second plus
1 s to look up, 1 s at least.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from manim import tempconfig  # noqa: E402

from publish.companions import caption_cues  # noqa: E402
from scenes import SCENES  # noqa: E402
from scenes.kit.captions import LIMITS, width  # noqa: E402
from scenes.kit.text import LANGUAGES  # noqa: E402


def main() -> None:
    rows = [("scene", "lang", "cues", "longest line", "lines", "fastest cps (+1 s)", "shortest s",
             "video s")]
    with tempfile.TemporaryDirectory() as tmp:
        for name, entry in SCENES.items():
            cls = entry.scene_class()
            settings = {"dry_run": True, "quality": "low_quality", "disable_caching": True,
                        "media_dir": tmp, "verbosity": "ERROR", "progress_bar": "none"}
            with tempconfig(settings):
                scene = cls()
                scene.render()
            for lang in LANGUAGES:
                cues = caption_cues({"cues": scene.cues}, lang)
                longest = max(width(line, lang) for c in cues for line in c.lines)
                lines = max(len(c.lines) for c in cues)
                # the speed a reader needs once the second to look up is taken off
                fastest = max(width("".join(c.lines), lang) / (c.end - c.start - LIMITS[lang].look)
                              for c in cues)
                shortest = min(c.end - c.start for c in cues)
                rows.append((name, lang, str(len(cues)), f"{longest:g} / {LIMITS[lang].line:g}",
                             f"{lines} / {LIMITS[lang].lines}",
                             f"{fastest:.2f} / {LIMITS[lang].speed:g}", f"{shortest:.2f}",
                             f"{scene.renderer.time:.1f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(c.ljust(w) if j < 2 else c.rjust(w)
                        for j, (c, w) in enumerate(zip(row, widths, strict=True))))
        if i == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
