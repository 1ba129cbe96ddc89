"""Time the test suite: a script, not a test. Run ``.venv/bin/python bench/suite.py`` from the repo
root (after ``./render.sh test`` has set up ``.venv``).

Runs pytest as ``./render.sh test`` does (``-n auto --dist loadgroup``: every core, tests that
read one scene's recorded run on one worker), then prints the wall time, pytest's closing line
and the ten slowest tests. ``--serial`` runs the same suite once more on one core
(``-p no:xdist``) in the same session, so that the two figures compare on this machine; extra
arguments go to pytest (``bench/suite.py -- tests/scenes -m "not render"``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What ./render.sh test passes to pytest (keep the two in step).
PARALLEL = ["-n", "auto", "--dist", "loadgroup"]
DURATION = re.compile(r"^\s*(\d+\.\d+)s (call|setup|teardown)\s+(\S+)")
CLOSING = re.compile(r"^=+ (.*(passed|failed|error).*) in [\d.]+s")


def run(flags: list[str], extra: list[str]) -> tuple[float, str, list[tuple[float, str]], int]:
    """Run pytest with ``flags`` and ``extra``; returns (wall s, closing line, slowest ten as
    (s, phase and test), exit code)."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "--durations=10", *flags, *extra]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    closing, slowest = "", []
    for line in done.stdout.splitlines():
        if m := DURATION.match(line):
            slowest.append((float(m[1]), f"{m[2]:8} {m[3]}"))
        elif m := CLOSING.match(line):
            closing = m[1]
    if done.returncode not in (0, 1):  # 1: some tests failed, still a timing
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
    return wall, closing, slowest, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serial", action="store_true",
                        help="also run the suite on one core, for comparison")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    args = parser.parse_args()
    runs = [("both cores (./render.sh test)", PARALLEL)]
    if args.serial:
        runs.append(("one core (-p no:xdist)", ["-p", "no:xdist"]))
    code = 0
    for label, flags in runs:
        wall, closing, slowest, rc = run(flags, args.pytest_args)
        code = max(code, rc)
        print(f"\n{label}: {wall / 60:.1f} min wall ({wall:.0f} s): {closing or 'no closing line'}")
        print("  the ten slowest (s, phase, test):")
        for seconds, what in slowest:
            print(f"  {seconds:8.1f}  {what}")
    return code


if __name__ == "__main__":
    sys.exit(main())
