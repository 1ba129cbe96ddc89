"""The Japanese captions of every scene against the subtitle limits, narration by narration.

Usage (from the repository root)::

    PYTHONPATH=. python bench/japanese.py --play --save /tmp/ja.json   # play every scene dry
    PYTHONPATH=. python bench/japanese.py --load /tmp/ja.json          # re-read the catalogue

``--play`` plays each scene as a dry run (320x180, ``--fps``, default 15) in English and in
Japanese and keeps what it narrated (key, fields, start, end), the headings it showed
(``narrated=False``) and its duration; ``--save`` writes that down. ``--load`` reads a saved run
instead, so that the catalogue can be re-read after an edit without playing anything: each
narration is then measured against the time it had in that run (its *budget*).

For every narration of the Japanese run it prints the Japanese cues as the track shows them
(``scenes.kit.captions.cues_for`` over the narration's time): each line and its width, each
cue's characters per second over its time on screen, and whether it breaks a limit of the guides
(13 full-width characters a line, 4 characters a second; half-width characters count 1/2 and
spaces are left out, whatever ``scenes.kit.captions.width`` counts today). Then the Japanese of
the headings (the band's own lines), the time each narration needs in each language now
(``needed_seconds``) against its budget, and the scenes' durations.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scenes import SCENES  # noqa: E402
from scenes.kit.captions import band_lines, cues_for, needed_seconds  # noqa: E402
from scenes.kit.text import LANGUAGES, Catalogue  # noqa: E402

LINE, SPEED = 13.0, 4.0  # the guides' limits (full-width characters; characters a second)


def guide_width(s: str) -> float:
    """Characters as Japanese subtitle guides count them: full-width 1, half-width 1/2, spaces
    not at all."""
    return sum(0.0 if c.isspace() else 1.0 if unicodedata.east_asian_width(c) in "FW" else 0.5
               for c in s)


def play(fps: float) -> dict:
    from manim import tempconfig

    from scenes.kit.lesson import Lesson

    runs: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, entry in SCENES.items():
            cls = getattr(importlib.import_module(entry.module), entry.cls)
            for lang in LANGUAGES:
                headings: list = []
                caption_to, caption_now = Lesson.caption_to, Lesson.caption_now

                def note(method, headings=headings):
                    def noted(self, key, *, narrated=True, **fields):
                        if not narrated:
                            headings.append({"key": key, "fields": fields})
                        return method(self, key, narrated=narrated, **fields)
                    return noted

                Lesson.caption_to, Lesson.caption_now = note(caption_to), note(caption_now)
                cls.language = lang
                settings = {"dry_run": True, "quality": "low_quality", "pixel_width": 320,
                            "pixel_height": 180, "frame_rate": fps, "disable_caching": True,
                            "media_dir": tmp, "verbosity": "ERROR", "progress_bar": "none"}
                try:
                    with tempconfig(settings):
                        scene = cls()
                        scene.render()
                finally:
                    Lesson.caption_to, Lesson.caption_now = caption_to, caption_now
                    cls.language = None
                runs[f"{name}/{lang}"] = {
                    "duration": float(scene.renderer.time),
                    "cues": [{**c, "fields": {k: str(v) for k, v in c["fields"].items()}}
                             for c in scene.cues],
                    "headings": [{"key": h["key"],
                                  "fields": {k: str(v) for k, v in h["fields"].items()}}
                                 for h in headings]}
                print(f"played {name} ({lang}): {scene.renderer.time:.1f} s", file=sys.stderr)
    return runs


#: Narrations the post's parameters never reach (another function, a corner, no air), with
#: fields like the ones their scenes give: measured against the English's reading time.
SAMPLES = [
    ("secant.n.identity_approx", {"x0": "1", "identity": "0.540 − 0.421h"}),
    ("secant.n.symmetric_approx", {"symmetric": "0.45465", "x0": "1", "value": "0.54030"}),
    ("secant.n.limit", {"x0": "1", "value": "0.54030"}),
    ("secant.n.p_and_q_left", {}),
    ("secant.n.other_side_left", {}),
    ("secant.n.other_side_right", {}),
    ("secant.n.settles_right", {"value": "1.0000"}),
    ("secant.n.settles_left", {"value": "−1.0000"}),
    ("secant.n.unbounded_right", {}),
    ("secant.n.unbounded_left", {}),
    ("secant.n.no_derivative", {"x0": "3"}),
    ("secant.n.no_derivative_unbounded", {"x0": "0"}),
    ("secant.n.code_corner", {"left": "−1.0000", "right": "1.0000", "x0": "3"}),
    ("secant.n.code_unbounded", {"x0": "0"}),
    ("secant.n.code_nan", {}),
    ("secant.code_note_abs", {"n": "8"}),
    ("sweep.why.cubic", {}),
    ("sweep.why.linear", {}),
    ("sweep.why.constant", {}),
    ("sweep.why.degree", {"n": "4", "m": "3"}),
    ("cannon.flight_vacuum", {}),
    ("cannon.bends_vacuum", {}),
    ("cannon.vacuum_only", {}),
    ("aim.bisect", {}),
    ("step.special_generic", {}),
]


def samples(verbose: bool) -> None:
    """The Japanese of :data:`SAMPLES`: its cues shown for as long as the slower language needs."""
    ja = Catalogue("ja")
    slower = 0
    if verbose:
        print("\n=== narrations of other parameters (sample fields) ===")
    for key, fields in SAMPLES:
        need = {lang: needed_seconds(Catalogue(lang)(key, **fields), lang) for lang in LANGUAGES}
        slower += need["ja"] > need["en"] + 1e-3
        cues = cues_for(ja(key, **fields), 0.0, max(need.values()), "ja")
        if verbose:
            print(f"{key}  (needs en {need['en']:.2f}, ja {need['ja']:.2f})"
                  + ("  <-- Japanese slower" if need["ja"] > need["en"] + 1e-3 else ""))
            for c in cues:
                flag = "  <-- LONG" if any(guide_width(x) > LINE for x in c.lines) else ""
                print("    " + " | ".join(f"{x} ({guide_width(x):g})" for x in c.lines) + flag)
    print(f"samples: {len(SAMPLES)}; Japanese slower than English: {slower}")


def report(runs: dict, verbose: bool) -> None:
    ja = Catalogue("ja")
    n_cues = n_fast = n_lines = n_long = n_multi = n_short = 0
    longest, fastest = 0.0, 0.0
    over_budget = []
    for name in SCENES:
        run = runs[f"{name}/ja"]
        if verbose:
            print(f"\n=== {name} ===")
        for n in run["cues"]:
            s = ja(n["key"], **n["fields"])
            budget = n["end"] - n["start"]
            cues = cues_for(s, n["start"], n["end"], "ja")
            need = {lang: needed_seconds(Catalogue(lang)(n["key"], **n["fields"]), lang)
                    for lang in LANGUAGES}
            if max(need.values()) > budget + 1e-3:
                over_budget.append((name, n["key"], budget, need))
            n_multi += len(cues) > 1
            if verbose:
                several = f"  {len(cues)} cues" if len(cues) > 1 else ""
                print(f"{n['key']}  ({budget:.2f} s; needs en {need['en']:.2f}, "
                      f"ja {need['ja']:.2f}){several}")
            for c in cues:
                chars = sum(guide_width(line) for line in c.lines)
                cps = chars / (c.end - c.start)
                n_cues += 1
                n_fast += cps > SPEED + 1e-9
                n_short += (c.end - c.start) < chars / SPEED + 1.0 - 1e-3
                fastest = max(fastest, cps)
                flags = []
                if cps > SPEED + 1e-9:
                    flags.append(f"{cps:.1f}/s")
                for line in c.lines:
                    w = guide_width(line)
                    n_lines += 1
                    n_long += w > LINE
                    longest = max(longest, w)
                if any(guide_width(line) > LINE for line in c.lines):
                    flags.append("LONG")
                if verbose:
                    lines = " | ".join(f"{line} ({guide_width(line):g})" for line in c.lines)
                    print(f"    {c.end - c.start:5.2f} s {chars:4.1f} ch {cps:4.2f}/s  {lines}"
                          f"{'  <-- ' + ', '.join(flags) if flags else ''}")
        if verbose and run["headings"]:
            print("  headings:")
            seen = set()
            for h in run["headings"]:
                s = ja(h["key"], **h["fields"])
                if s in seen:
                    continue
                seen.add(s)
                lines = band_lines(s, "ja")
                flag = "  <-- LONG" if any(guide_width(x) > LINE for x in lines) else ""
                print(f"    {h['key']}: " + " | ".join(f"{x} ({guide_width(x):g})"
                                                      for x in lines) + flag)
    print(f"\nJapanese cues: {n_cues}; above {SPEED:g} characters/s: {n_fast} "
          f"(fastest {fastest:.2f}/s); shown less than characters/{SPEED:g} + 1 s: {n_short}")
    print(f"lines: {n_lines}; above {LINE:g}: {n_long} (longest {longest:g})")
    print(f"narrations split into several cues: {n_multi}")
    for name, key, budget, need in over_budget:
        print(f"  over budget: {name} {key}: {budget:.2f} s, needs "
              + ", ".join(f"{k} {v:.2f}" for k, v in need.items()))
    print("\nscene durations (s):  " + "  ".join(f"{lang:>6}" for lang in LANGUAGES))
    for name in SCENES:
        print(f"  {name:22}" + "  ".join(f"{runs[f'{name}/{lang}']['duration']:6.1f}"
                                         for lang in LANGUAGES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--play", action="store_true", help="play every scene dry")
    parser.add_argument("--fps", type=float, default=15.0)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--load", type=Path)
    parser.add_argument("-q", "--quiet", action="store_true", help="totals only")
    args = parser.parse_args()
    if args.play:
        runs = play(args.fps)
        if args.save:
            args.save.write_text(json.dumps(runs, ensure_ascii=False, indent=1), "utf-8")
    elif args.load:
        runs = json.loads(args.load.read_text("utf-8"))
    else:
        parser.error("--play or --load")
    report(runs, not args.quiet)
    samples(not args.quiet)


if __name__ == "__main__":
    main()
