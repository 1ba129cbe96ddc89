"""Time the numeric core: a script, not a test. Run ``python bench/core.py`` from the repo root.

Prints, as a small table, the best of several runs (``time.perf_counter``) of:

- ``derivative`` on 10⁶ points in one call, for each method;
- ``simulate`` for the default launch of ``bibun.toml`` (750 m/s, 45°, k = 5.7e-4 1/m);
- ``max_range`` for that launch (uncached), and ``aim`` at the default target (3000 m, first
  guess 15°) by Newton's method and by gradient descent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.aiming import _max_range, aim, max_range  # noqa: E402
from core.ballistics import Launch, simulate  # noqa: E402
from core.calculus import METHODS, derivative  # noqa: E402
from core.functions import blog_f  # noqa: E402

LAUNCH = Launch(750.0, 45.0, drag=5.7e-4)
TARGET = 3000.0
FIRST_ANGLE = 15.0


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest of ``repeat`` wall-clock times of ``run()``, in s, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def _uncached_max_range() -> Any:
    _max_range.cache_clear()
    return max_range(LAUNCH)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per entry (best is shown)")
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)

    x = np.linspace(0.0, 12.0, 1_000_000)
    rows: list[tuple[str, float, str]] = []
    for method in METHODS:
        seconds, _ = best_of(repeat, lambda m=method: derivative(blog_f, x, method=m))
        rows.append(
            (f"derivative, 1e6 points, {method}", seconds, f"{seconds / x.size * 1e9:.1f} ns/point")
        )
    seconds, _ = best_of(repeat, lambda: derivative(np.sin, x, method="richardson"))
    rows.append(("derivative, 1e6 points, richardson, np.sin", seconds, ""))

    seconds, flight = best_of(repeat, lambda: simulate(LAUNCH))
    rows.append(("simulate, default launch", seconds, f"range {flight.range:.3f} m"))
    seconds, reach = best_of(repeat, _uncached_max_range)
    rows.append(
        ("max_range, default launch", seconds, f"{reach.range:.3f} m at {reach.angle_deg:.6f} deg")
    )
    first = LAUNCH.with_angle(FIRST_ANGLE)
    for method in ("newton", "gradient"):
        for tol in (1e-6, 1.0):
            seconds, result = best_of(
                repeat, lambda m=method, t=tol: aim(first, TARGET, method=m, tol=t)
            )
            rows.append(
                (
                    f"aim {TARGET:g} m from {FIRST_ANGLE:g} deg, {method}, tol {tol:g} m",
                    seconds,
                    f"{len(result.steps)} shots, {result.angle_deg:.6f} deg",
                )
            )

    width = max(len(name) for name, _, _ in rows)
    print(f"{'what':<{width}}  {'best of ' + str(repeat):>12}  note")
    print(f"{'-' * width}  {'-' * 12}  {'-' * 30}")
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds * 1e3:>9.2f} ms  {note}")


if __name__ == "__main__":
    main()
