"""Fingerprint every frame of every scene: a script, not a test, for refactors that must not change
a single pixel. Run from the repository root (after ./render.sh has set up .venv)::

    .venv/bin/python bench/frames.py --save /tmp/before.json       # on the old code
    .venv/bin/python bench/frames.py --compare /tmp/before.json    # on the new code

Each registered scene is played in each language with the post's parameters (the built-in
defaults, whatever ./bibun.toml says), at ``--size`` (default 480x270) and ``--fps`` (default
15), and every frame manim hands to the encoder is hashed (SHA-256 of its pixels, with how many
times it is repeated). Prints a line per (scene, language): frames, duration and one digest of the
whole sequence; ``--compare`` names the first frame (and its time) that differs. Exit 1 when a
comparison differs. Nothing is written but the JSON asked for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def fingerprint(name: str, language: str, size: tuple[int, int], fps: float,
                folder: Path) -> dict:
    """Play scene ``name`` in ``language`` and hash every frame it produces."""
    from manim import tempconfig
    from manim.renderer.cairo_renderer import CairoRenderer

    from scenes import SCENES

    entry = SCENES[name]
    cls = entry.scene_class()
    config = folder / f"{language}.toml"
    config.write_text(f'language = "{language}"\n', encoding="utf-8")
    os.environ["BIBUN_CONFIG"] = str(config)
    hashes: list[str] = []
    add_frame = CairoRenderer.add_frame

    def hash_frame(self, frame, num_frames: int = 1):
        if not self.skip_animations:
            hashes.append(f"{hashlib.sha256(frame.tobytes()).hexdigest()[:16]}x{num_frames}")
        return add_frame(self, frame, num_frames)

    settings = {"dry_run": True, "pixel_width": size[0], "pixel_height": size[1],
                "frame_rate": fps, "disable_caching": True, "media_dir": str(folder),
                "verbosity": "ERROR", "progress_bar": "none"}
    CairoRenderer.add_frame = hash_frame
    try:
        with tempconfig(settings):
            scene = cls()
            scene.render()
    finally:
        CairoRenderer.add_frame = add_frame
    digest = hashlib.sha256("\n".join(hashes).encode()).hexdigest()[:16]
    return {"frames": hashes, "digest": digest, "duration": float(scene.renderer.time)}


def main() -> int:
    from scenes import SCENES
    from scenes.kit.text import LANGUAGES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="write the fingerprints to this JSON file")
    group.add_argument("--compare", type=Path, help="compare with fingerprints saved earlier")
    parser.add_argument("--size", default="480x270", help="WIDTHxHEIGHT (default 480x270)")
    parser.add_argument("--fps", type=float, default=15.0, help="frame rate (default 15)")
    parser.add_argument("names", nargs="*", help="scenes (default: all)")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    names = args.names or list(SCENES)
    before = json.loads(args.compare.read_text()) if args.compare else {}
    found, differ = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for language in LANGUAGES:
                key = f"{name}/{language}"
                start = time.perf_counter()
                found[key] = got = fingerprint(name, language, size, args.fps, Path(tmp))
                line = (f"{key:28} {len(got['frames']):5} frames {got['duration']:6.1f} s  "
                        f"{got['digest']}  ({time.perf_counter() - start:.0f} s to play)")
                if key in before:
                    old = before[key]["frames"]
                    if old == got["frames"]:
                        line += "  same"
                    else:
                        differ.append(key)
                        first = next((i for i, (a, b) in enumerate(zip(old, got["frames"],
                                                                       strict=False))
                                      if a != b), min(len(old), len(got["frames"])))
                        line += (f"  DIFFERS from frame {first} ({first / args.fps:.2f} s; "
                                 f"{len(old)} frames before)")
                print(line, flush=True)
    if args.save:
        args.save.write_text(json.dumps(found), encoding="utf-8")
        print(f"saved {len(found)} fingerprints to {args.save}")
    if args.compare:
        print(f"{len(found) - len(differ)} of {len(found)} identical"
              + (f"; different: {', '.join(differ)}" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
