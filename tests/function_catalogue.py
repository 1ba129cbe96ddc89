"""Functions a teacher may type, with ranges and points, and what bibun must do with each.

The promise: every function the parser accepts either renders a correct lesson or stops before
rendering with one message naming the key, the problem and the x. Each entry gives the
``bibun.toml`` it stands for and the expected outcome:

- ``error``: a regular expression the :class:`core.config.ConfigError` message must match
  (it names the key and the x);
- otherwise the config loads, and ``df`` (the exact derivative, as a lambda) is what every value
  stated as f' must match to 1e-9 relative; ``differentiable`` says whether f'(x0) exists, and
  ``slopes`` gives the exact one-sided slopes at x0 where it does not.

numpy only: the core tests import this without manim; the scene tests may import it too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["CATALOGUE", "Case", "by_name"]


@dataclass(frozen=True)
class Case:
    """One function of the catalogue (see the module docstring)."""

    name: str
    expression: str
    x_min: float
    x_max: float
    x0: float
    tangent_points: tuple[float, ...]
    df: Callable[[np.ndarray], np.ndarray] | None = None
    differentiable: bool = True
    slopes: tuple[float, float] | None = None  # exact (left, right) at x0 when not differentiable
    error: str | None = None

    @property
    def renders(self) -> bool:
        return self.error is None

    @property
    def toml(self) -> str:
        points = ", ".join(repr(float(p)) for p in self.tangent_points)
        return (
            f'[function]\nexpression = "{self.expression}"\nx_min = {self.x_min!r}\n'
            f"x_max = {self.x_max!r}\ntangent_points = [{points}]\n"
            f"[secant]\nx0 = {self.x0!r}\n"
        )

    @property
    def outcome(self) -> str:
        if self.error is not None:
            return "config error"
        return "renders" if self.differentiable else "renders; f'(x0) does not exist"


_INF = math.inf
_NAN = math.nan

CATALOGUE: tuple[Case, ...] = (
    # smooth, as in the post and the issue
    Case("post quadratic", "0.02*x**2 + 0.1*x", 0.0, 12.0, 3.0, (3.0, 6.0, 9.0),
         df=lambda x: 0.04 * x + 0.1),
    Case("sine", "sin(x)", 0.0, 6.0, 1.0, (1.0, 3.0, 5.0), df=np.cos),
    Case("damped cosine", "exp(-x/3)*cos(2*x)", 0.0, 10.0, 2.0, (1.0, 4.0, 7.0),
         df=lambda x: np.exp(-x / 3) * (-np.cos(2 * x) / 3 - 2 * np.sin(2 * x))),
    Case("cubic", "x**3 - 6*x", -3.0, 3.0, 1.0, (-2.0, 0.0, 2.0), df=lambda x: 3 * x**2 - 6),
    Case("constant", "5", 0.0, 12.0, 3.0, (3.0, 6.0, 9.0), df=lambda x: 0.0 * x),
    Case("identity", "x", 0.0, 12.0, 3.0, (3.0, 6.0, 9.0), df=lambda x: 1.0 + 0.0 * x),
    Case("fast oscillation", "sin(20*x)", 0.0, 3.0, 1.0, (0.5, 1.0, 2.0),
         df=lambda x: 20 * np.cos(20 * x)),
    Case("log", "log(x)", 0.1, 5.0, 1.0, (0.5, 1.0, 3.0), df=lambda x: 1 / x),
    Case("exp to 20", "exp(x)", 0.0, 20.0, 10.0, (5.0, 10.0, 15.0), df=np.exp),
    # scales
    Case("tiny slope", "1e-6*x", 0.0, 12.0, 3.0, (3.0, 6.0, 9.0), df=lambda x: 1e-6 + 0.0 * x),
    Case("huge quadratic 1e9", "1e9*x**2", 0.0, 12.0, 3.0, (3.0, 6.0, 9.0),
         df=lambda x: 2e9 * x),
    Case("huge quadratic 1e6", "1e6*x**2", 0.0, 12.0, 3.0, (3.0, 6.0, 9.0),
         df=lambda x: 2e6 * x),
    Case("narrow range, steps left out", "0.02*x**2 + 0.1*x", 2.0, 4.5, 3.0, (3.0,),
         df=lambda x: 0.04 * x + 0.1),
    # infinite slopes at an end of the range: allowed
    Case("sqrt on [0, 9]", "sqrt(x)", 0.0, 9.0, 4.0, (1.0, 4.0, 8.0),
         df=lambda x: 0.5 / np.sqrt(x)),
    Case("sqrt, P at the end", "sqrt(x)", 0.0, 9.0, 0.0, (1.0, 4.0),
         df=lambda x: 0.5 / np.sqrt(x), differentiable=False, slopes=(_NAN, _INF)),
    Case("cube root, P at the end", "x**(1/3)", 0.0, 8.0, 0.0, (1.0, 8.0),
         df=lambda x: x ** (-2 / 3) / 3, differentiable=False, slopes=(_NAN, _INF)),
    # corners: allowed for P, never as a tangent point
    Case("corner at P", "abs(x-3)", 0.0, 12.0, 3.0, (1.0, 6.0, 9.0),
         df=lambda x: np.sign(x - 3), differentiable=False, slopes=(-1.0, 1.0)),
    Case("corners of |sin|", "abs(sin(x))", 0.0, 12.0, math.pi, (1.0, 4.5, 8.0),
         # (at x_min = 0 the slope a scene shows is the right-hand one, cos 0 = 1)
         df=lambda x: np.where(np.sin(x) >= 0, 1.0, -1.0) * np.cos(x), differentiable=False,
         slopes=(-1.0, 1.0)),
    Case("corner as a tangent point", "abs(x-3)", 0.0, 12.0, 5.0, (3.0, 6.0),
         error=r"^function\.tangent_points: f has no derivative at x = 3 \(a corner: the slopes "
               r"from the left and from the right are -1 and 1\)"),
    # poles, jumps and infinite slopes inside the range: errors naming the x
    Case("tan over its pole", "tan(x)", 0.0, 3.0, 1.0, (1.0,),
         error=r"^function\.expression: f is not finite near x = 1\.5708 \(a pole\?\) "
               r"inside \[0, 3\]; choose a range that avoids it$"),
    Case("tan, pole just outside", "tan(x)", 0.0, 1.5, 1.0, (0.5, 1.0, 1.4),
         df=lambda x: 1 / np.cos(x) ** 2),
    Case("pole on a sample", "1/(x-2)", 0.0, 4.0, 1.0, (1.0,),
         error=r"^function\.expression: f is not finite at x = 2 inside \[0, 4\]"),
    Case("pole between samples", "1/(x-2)", 0.0, 3.9, 1.0, (1.0,),
         error=r"^function\.expression: f is not finite near x = 2 \(a pole\?\) "
               r"inside \[0, 3\.9\]"),
    Case("log pole", "log(abs(x-1))", 0.0, 3.0, 2.0, (2.0,),
         error=r"^function\.expression: f is not finite near x = 1 \(a pole\?\) inside \[0, 3\]"),
    Case("jump", "abs(x)/x", -1.0, 1.1, 0.5, (0.5,),
         error=r"^function\.expression: f jumps near x = 0 \(it is not continuous there\) "
               r"inside \[-1, 1\.1\]"),
    Case("cusp inside", "abs(x)**0.5", -4.0, 4.0, 1.0, (1.0,),
         error=r"^function\.expression: f' is not finite near x = 0 \(a vertical tangent or a "
               r"cusp\) inside \[-4, 4\]"),
    Case("cube root of negatives", "x**(1/3)", -1.0, 1.0, 0.5, (0.5,),
         error=r"^function\.expression: f is not finite at x = -1 inside \[-1, 1\]"),
    Case("log from 0", "log(x)", 0.0, 5.0, 1.0, (1.0,),
         error=r"^function\.expression: f is not finite at x = 0 inside \[0, 5\]"),
)


def by_name(name: str) -> Case:
    """The catalogue entry called ``name``."""
    for case in CATALOGUE:
        if case.name == name:
            return case
    raise KeyError(name)
