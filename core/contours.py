"""Contour lines of a function sampled on a grid: marching squares, in numpy.

The lesson with two knobs draws the loss L(θ, v) as a contour map (:mod:`core.knobs` gives L on
a grid). Neither matplotlib nor scikit-image is a dependency, so the lines are traced here: each
grid cell whose corners straddle the level contributes a segment between the edges where the
linear interpolation of its corner values crosses the level, and the segments are joined into
polylines. A saddle cell (corners alternating above and below) is resolved by the value at its
centre, the mean of its corners.

Examples
--------
>>> import numpy as np
>>> x = y = np.linspace(-2.0, 2.0, 41)
>>> z = x[None, :] ** 2 + y[:, None] ** 2
>>> (line,) = contour_lines(x, y, z, 1.0)
>>> bool(np.allclose(np.hypot(line[:, 0], line[:, 1]), 1.0, atol=5e-3)), bool(
...     np.allclose(line[0], line[-1]))
(True, True)
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

__all__ = ["contour_lines"]


def _contour_iv(x: Any, y: Any, z: Any, level: Any) -> tuple[np.ndarray, ...]:
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    z = np.asarray(z, dtype=float)
    for name, arr in (("x", x), ("y", y)):
        if arr.ndim != 1 or arr.size < 2:
            raise ValueError(f"`{name}` must be a 1-D array of at least 2 points")
        if not np.all(np.isfinite(arr)) or not np.all(np.diff(arr) > 0):
            raise ValueError(f"`{name}` must be finite and strictly increasing")
    if z.shape != (y.size, x.size):
        raise ValueError(f"`z` must have shape (len(y), len(x)) = {(y.size, x.size)}, got "
                         f"{z.shape}")
    if not np.all(np.isfinite(z)):
        raise ValueError("`z` must be finite")
    if isinstance(level, bool) or not isinstance(level, numbers.Real) or not math.isfinite(level):
        raise ValueError(f"`level` must be a finite real number, got {level!r}")
    return x, y, z


def contour_lines(x: Any, y: Any, z: Any, level: float) -> list[np.ndarray]:
    """The polylines where the grid function ``z`` equals ``level``.

    Parameters
    ----------
    x : array_like, shape (n,)
        The grid's columns, strictly increasing.
    y : array_like, shape (m,)
        The grid's rows, strictly increasing.
    z : array_like, shape (m, n)
        ``z[i, j]`` is the value at ``(x[j], y[i])`` (rows: y, as ``numpy.meshgrid``).
    level : float
        The value of the contour.

    Returns
    -------
    list of numpy.ndarray
        Each an (k, 2) array of points (x, y) along one line, k >= 2, in order; a closed line
        repeats its first point at the end. Longest first. Empty if no cell crosses ``level``.

    Raises
    ------
    ValueError
        A grid is not 1-D, finite and increasing, ``z`` has the wrong shape or is not finite, or
        ``level`` is not a finite number.

    Examples
    --------
    >>> import numpy as np
    >>> x, y = np.array([0.0, 1.0]), np.array([0.0, 1.0])
    >>> [line.tolist() for line in contour_lines(x, y, np.array([[0.0, 1.0], [0.0, 1.0]]), 0.5)]
    [[[0.5, 0.0], [0.5, 1.0]]]
    """
    x, y, z = _contour_iv(x, y, z, level)
    above = z > level
    m, n = z.shape

    def point(edge: tuple) -> tuple[float, float]:
        (i0, j0), (i1, j1) = edge
        z0, z1 = z[i0, j0], z[i1, j1]
        t = (level - z0) / (z1 - z0)
        return (float(x[j0] + t * (x[j1] - x[j0])), float(y[i0] + t * (y[i1] - y[i0])))

    # each segment joins two cell edges, an edge named by its two grid nodes, sorted
    segments: list[tuple[tuple, tuple]] = []
    for i in range(m - 1):
        for j in range(n - 1):
            corners = ((i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j))  # anticlockwise
            flags = [above[c] for c in corners]
            if all(flags) or not any(flags):
                continue
            edges = [tuple(sorted((corners[k], corners[(k + 1) % 4]))) for k in range(4)
                     if flags[k] != flags[(k + 1) % 4]]
            if len(edges) == 2:
                segments.append((edges[0], edges[1]))
                continue
            # a saddle: four crossings; the centre decides which corners are joined
            centre_above = float(np.mean([z[c] for c in corners])) > level
            # edges in order 0-1, 1-2, 2-3, 3-0; corner k's two edges are k-1 and k
            e = [tuple(sorted((corners[k], corners[(k + 1) % 4]))) for k in range(4)]
            if centre_above == flags[0]:  # corner 0's region reaches the centre: cut 1 and 3
                segments += [(e[0], e[1]), (e[2], e[3])]
            else:  # cut off corners 0 and 2
                segments += [(e[3], e[0]), (e[1], e[2])]

    by_edge: dict[tuple, list[int]] = {}
    for k, (a, b) in enumerate(segments):
        by_edge.setdefault(a, []).append(k)
        by_edge.setdefault(b, []).append(k)
    used = [False] * len(segments)

    def walk(start_edge: tuple, first: int) -> list[tuple]:
        chain, edge, k = [start_edge], start_edge, first
        while True:
            used[k] = True
            a, b = segments[k]
            edge = b if a == edge else a
            chain.append(edge)
            following = [s for s in by_edge[edge] if not used[s]]
            if not following:
                return chain
            k = following[0]

    lines: list[list[tuple]] = []
    # open lines start at an edge with one segment (the grid's boundary); then closed loops
    for edge, ks in by_edge.items():
        if len(ks) == 1 and not used[ks[0]]:
            lines.append(walk(edge, ks[0]))
    for k in range(len(segments)):
        if not used[k]:
            lines.append(walk(segments[k][0], k))
    out = []
    for line in lines:
        pts = np.array([point(e) for e in line])
        # a level through a grid node crosses two edges at that node: one point, not two
        keep = np.ones(len(pts), dtype=bool)
        keep[1:] = np.linalg.norm(np.diff(pts, axis=0), axis=1) > 1e-12 * (
            1.0 + np.abs(pts[1:]).max(axis=1))
        pts = pts[keep]
        if len(pts) >= 2:
            out.append(pts)
    out.sort(key=len, reverse=True)
    return out
