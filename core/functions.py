"""The post's example function and its exact derivative, by name.

The post draws f(x) = 0.02x² + 0.1x on [0, 12) and its tangents at x = 3, 6 and 9. Scenes and
tests take the function from here rather than retyping it; the exact derivative is what the
numerical estimates of :mod:`core.calculus` are measured against.

Both functions are numpy-vectorized and complex-safe (written with ``*`` and ``+`` only), so the
complex-step derivative works on them.

Examples
--------
>>> round(blog_f(3.0), 12), blog_df(3.0)
(0.48, 0.22)
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["BLOG_EXPRESSION", "blog_df", "blog_f"]

#: The post's function as text, in the syntax :func:`core.expression.parse_function` reads.
BLOG_EXPRESSION = "0.02*x**2 + 0.1*x"


def _as_number_or_array(x: Any) -> Any:
    """Return ``x`` as a numpy array, keeping complex input complex (for the complex step)."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "biufc":
        raise ValueError(f"`x` must be a number or an array of numbers, got {x!r}")
    return arr if arr.dtype.kind == "c" else arr.astype(float)


def _result(arr: np.ndarray) -> Any:
    """A Python scalar for 0-d results, the array otherwise."""
    return arr.item() if arr.ndim == 0 else arr


def blog_f(x: Any) -> Any:
    """The post's function, f(x) = 0.02x² + 0.1x.

    Parameters
    ----------
    x : float, complex or array_like
        Where to evaluate f.

    Returns
    -------
    float, complex or numpy.ndarray
        f(x): a Python scalar for a scalar ``x``, else an array of ``x``'s shape.

    Examples
    --------
    >>> round(blog_f(3.0), 12)
    0.48
    >>> import numpy as np
    >>> np.allclose(blog_f(np.array([0.0, 6.0, 9.0])), [0.0, 1.32, 2.52])
    True
    """
    x = _as_number_or_array(x)
    return _result(0.02 * x**2 + 0.1 * x)  # the post's func, as written


def blog_df(x: Any) -> Any:
    """The exact derivative of :func:`blog_f`, f'(x) = 0.04x + 0.1.

    Parameters
    ----------
    x : float or array_like
        Where to evaluate f'.

    Returns
    -------
    float or numpy.ndarray
        f'(x): a Python scalar for a scalar ``x``, else an array of ``x``'s shape.

    Examples
    --------
    >>> [round(blog_df(x), 12) for x in (3.0, 6.0, 9.0)]
    [0.22, 0.34, 0.46]
    """
    x = _as_number_or_array(x)
    return _result(0.04 * x + 0.1)
