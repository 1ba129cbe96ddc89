"""What drawing costs a test's dry run: a scene played as the tests play it (320x180), drawn and
not drawn (``tests/scenes/scene_testing.undrawn``), alternately in one process.

Usage: ``.venv/bin/python bench/undrawn.py CannonballTrajectory --fps 15 --rounds 2``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "scenes")]

import scene_testing as st  # noqa: E402
from manim import tempconfig  # noqa: E402

from scenes import SCENES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scene", choices=list(SCENES))
    parser.add_argument("--fps", type=float, default=15)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    cls = SCENES[args.scene].scene_class()
    with tempfile.TemporaryDirectory() as tmp:
        st.play(cls, Path(tmp), frame_rate=1)  # LaTeX and Pango caches filled first
        times: dict[str, list[float]] = {"drawn": [], "not drawn": []}
        for _ in range(args.rounds):
            for label, block in (("drawn", nullcontext), ("not drawn", st.undrawn)):
                start = time.perf_counter()
                with tempconfig(st.settings(Path(tmp), frame_rate=args.fps)), block():
                    scene = cls()
                    scene.render()
                times[label].append(time.perf_counter() - start)
    for label, values in times.items():
        print(f"{args.scene} at {args.fps:g} fps, {label:9}: "
              + ", ".join(f"{v:.1f} s" for v in values))
    ratio = sum(times["not drawn"]) / sum(times["drawn"])
    print(f"not drawn / drawn: {ratio:.2f} ({scene.renderer.time:.1f} s of video)")


if __name__ == "__main__":
    main()
