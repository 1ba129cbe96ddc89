"""A function typed by a teacher, such as ``"0.02*x**2 + 0.1*x"``, parsed safely.

:func:`parse_function` reads the text with Python's :mod:`ast` parser and walks the tree with a
whitelist: numbers, the variable ``x``, ``+ - * / **``, unary minus (and plus), parentheses,
the constants ``pi`` and ``e`` and the functions ``sin cos tan exp log sqrt abs``. Each allowed
node becomes a small numpy closure; anything else raises :class:`ExpressionError` saying what
was found and at which column. The text is never passed to ``eval``, ``exec`` or ``compile``.

Arithmetic is float (numpy) arithmetic, never Python integers, so ``9**9**9**9`` cannot run for
ever: a constant part that overflows to inf, is undefined (``sqrt(-1)``) or divides by zero
is reported at parse time.
The callable keeps complex input complex, so the complex-step derivative works on it; ``abs``
is the complex-step-friendly ``z·sign(Re z)`` for complex input.

Examples
--------
>>> f = parse_function("0.02*x**2 + 0.1*x")
>>> round(f(3.0), 12)
0.48
>>> parse_function("sin(x) + y")
Traceback (most recent call last):
...
core.expression.ExpressionError: unknown name 'y' at column 10; allowed names: x, pi, e
"""

from __future__ import annotations

import ast
import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["CONSTANTS", "FUNCTIONS", "MAX_LENGTH", "ExpressionError", "parse_function"]

#: The longest text :func:`parse_function` accepts, in characters.
MAX_LENGTH = 500

#: The named constants an expression may use.
CONSTANTS = {"pi": math.pi, "e": math.e}


def _abs(z: Any) -> Any:
    # For complex input (the complex step), |z| is not analytic; z·sign(Re z) is, and agrees
    # with |z| on the real axis, so derivative(..., method="complex") gives sign(x).
    if np.iscomplexobj(z):
        return np.where(np.real(z) < 0, -z, z)
    return np.abs(z)


#: The functions an expression may call, each with one argument.
FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "exp": np.exp,
    "log": np.log,
    "sqrt": np.sqrt,
    "abs": _abs,
}

_BINARY = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.divide,
    ast.Pow: np.power,
}
_BINARY_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}

# What a rejected node is called in an error message.
_DESCRIPTIONS = {
    ast.Attribute: "attribute access",
    ast.Subscript: "a subscript",
    ast.Lambda: "a lambda",
    ast.ListComp: "a list comprehension",
    ast.SetComp: "a set comprehension",
    ast.DictComp: "a dict comprehension",
    ast.GeneratorExp: "a generator expression",
    ast.Compare: "a comparison",
    ast.BoolOp: "a boolean operator",
    ast.IfExp: "a conditional expression",
    ast.List: "a list",
    ast.Tuple: "a tuple",
    ast.Set: "a set",
    ast.Dict: "a dict",
    ast.JoinedStr: "an f-string",
    ast.NamedExpr: "an assignment expression (:=)",
    ast.Starred: "a starred expression",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
    ast.Slice: "a slice",
}

_Node = Callable[[Any], Any]


class ExpressionError(ValueError):
    """Text that :func:`parse_function` rejects; the message says what was found and where."""


class _ParsedFunction:
    """The vectorized callable that :func:`parse_function` returns."""

    __slots__ = ("_evaluate", "_uses_x", "text")

    def __init__(self, text: str, evaluate: _Node, uses_x: bool) -> None:
        self.text = text
        self._evaluate = evaluate
        self._uses_x = uses_x

    def __call__(self, x: Any) -> Any:
        arr = np.asarray(x)
        if arr.dtype.kind not in "biufc":
            raise ValueError(f"`x` must be a number or an array of numbers, got {x!r}")
        arr = arr.astype(complex if arr.dtype.kind == "c" else float)
        value = np.asarray(self._evaluate(arr))
        if not self._uses_x:  # a constant: still one value per x
            value = value + np.zeros_like(arr)
        return value.item() if value.ndim == 0 else value

    def __repr__(self) -> str:
        return f"parse_function({self.text!r})"


def _describe(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        return f"the constant {node.value!r}"
    if isinstance(node, ast.BinOp):
        return f"the operator {type(node.op).__name__}"
    if isinstance(node, ast.UnaryOp):
        return f"the unary operator {type(node.op).__name__}"
    return _DESCRIPTIONS.get(type(node), f"a {type(node).__name__} node")


class _Builder:
    """Walks a parsed expression with a whitelist and builds numpy closures of x."""

    def __init__(self, text: str, indent: int) -> None:
        self.text = text
        self.indent = indent  # characters stripped from the left of the teacher's text
        self.uses_x = False

    def where(self, node: ast.AST) -> str:
        """``"at column N"`` in the teacher's text (1-based; with the line if not the first)."""
        line = getattr(node, "lineno", 1)
        column = node.col_offset + 1 + (self.indent if line == 1 else 0)
        return f"at column {column}" if line == 1 else f"at line {line}, column {column}"

    def build(self, node: ast.AST) -> tuple[_Node, float | None]:
        """The closure for ``node`` and, when it does not depend on x, its constant value."""
        if isinstance(node, ast.Constant):
            return self._constant(node)
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.BinOp):
            return self._binary(node)
        if isinstance(node, ast.UnaryOp):
            return self._unary(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        raise ExpressionError(f"{_describe(node)} is not allowed {self.where(node)}")

    def _constant(self, node: ast.Constant) -> tuple[_Node, float | None]:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            kind = "a string" if isinstance(value, str | bytes) else _describe(node)
            raise ExpressionError(f"{kind} is not allowed {self.where(node)}; only real numbers")
        number = float(value)  # a huge integer literal becomes inf, never a big int
        if not math.isfinite(number):
            raise ExpressionError(f"the number {self.where(node)} is too large for a float")
        return _const(number), number

    def _name(self, node: ast.Name) -> tuple[_Node, float | None]:
        if node.id == "x":
            self.uses_x = True
            return (lambda x: x), None
        if node.id in CONSTANTS:
            value = CONSTANTS[node.id]
            return _const(value), value
        if node.id in FUNCTIONS:
            raise ExpressionError(
                f"the function {node.id!r} {self.where(node)} must be called, as in {node.id}(x)"
            )
        raise ExpressionError(
            f"unknown name {node.id!r} {self.where(node)}; allowed names: x, {', '.join(CONSTANTS)}"
        )

    def _binary(self, node: ast.BinOp) -> tuple[_Node, float | None]:
        op = _BINARY.get(type(node.op))
        if op is None:
            raise ExpressionError(
                f"the operator {type(node.op).__name__} {self.where(node)} is not allowed; "
                "use + - * / **"
            )
        left, left_value = self.build(node.left)
        right, right_value = self.build(node.right)
        if isinstance(node.op, ast.Div) and right_value == 0:
            raise ExpressionError(f"division by zero {self.where(node)}")
        if left_value is not None and right_value is not None:
            symbol = _BINARY_SYMBOL[type(node.op)]
            with np.errstate(all="ignore"):
                value = op(np.float64(left_value), np.float64(right_value))
            return self._fold(value, node, symbol)
        if right_value is not None:
            constant = np.float64(right_value)
            return (lambda x: op(left(x), constant)), None
        return (lambda x: op(left(x), right(x))), None

    def _unary(self, node: ast.UnaryOp) -> tuple[_Node, float | None]:
        operand, value = self.build(node.operand)
        if isinstance(node.op, ast.USub):
            if value is not None:
                return _const(-value), -value
            return (lambda x: np.negative(operand(x))), None
        if isinstance(node.op, ast.UAdd):
            return operand, value
        raise ExpressionError(
            f"the unary operator {type(node.op).__name__} {self.where(node)} is not allowed"
        )

    def _call(self, node: ast.Call) -> tuple[_Node, float | None]:
        if not isinstance(node.func, ast.Name):
            raise ExpressionError(
                f"only the functions {', '.join(FUNCTIONS)} may be called; found a call of "
                f"{_describe(node.func)} {self.where(node)}"
            )
        name = node.func.id
        if name not in FUNCTIONS:
            raise ExpressionError(
                f"unknown function {name!r} {self.where(node)}; allowed: {', '.join(FUNCTIONS)}"
            )
        if node.keywords:
            raise ExpressionError(
                f"keyword arguments are not allowed {self.where(node.keywords[0].value)} "
                f"(in the call of {name})"
            )
        if len(node.args) != 1:
            raise ExpressionError(
                f"{name}() {self.where(node)} takes exactly one argument, got {len(node.args)}"
            )
        function = FUNCTIONS[name]
        argument, value = self.build(node.args[0])
        if value is not None:
            with np.errstate(all="ignore"):
                folded = function(np.float64(value))
            return self._fold(folded, node, f"{name}()")
        return (lambda x: function(argument(x))), None

    def _fold(self, value: Any, node: ast.AST, what: str) -> tuple[_Node, float | None]:
        """A constant sub-expression, evaluated once; inf or nan is an error."""
        with np.errstate(all="ignore"):
            number = float(value)
        if not math.isfinite(number):
            piece = ast.get_source_segment(self.text, node) or what
            result = "overflows to inf" if math.isinf(number) else "is undefined (nan)"
            raise ExpressionError(f"the constant part {piece!r} {self.where(node)} {result}")
        return _const(number), number


def _const(value: float) -> _Node:
    constant = np.float64(value)
    return lambda x: constant


def _parse_iv(text: Any) -> str:
    if not isinstance(text, str):
        raise ExpressionError(f"`text` must be a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"the expression is {len(text)} characters long; the limit is {MAX_LENGTH}"
        )
    if not text.strip():
        raise ExpressionError("the expression is empty; write a function of x, e.g. 0.02*x**2")
    return text


def parse_function(text: str) -> Callable[[Any], Any]:
    """Turn text such as ``"sin(x) + exp(-x/3)"`` into a vectorized numpy function of x.

    Parameters
    ----------
    text : str
        At most 500 characters: numbers, ``x``, ``+ - * / **``, unary minus, parentheses,
        ``pi``, ``e`` and calls of ``sin cos tan exp log sqrt abs`` with one argument.

    Returns
    -------
    callable
        ``f(x)`` for a number or an array of any shape: a Python number for a scalar ``x``,
        else an array of ``x``'s shape; complex when ``x`` is complex. Its ``text`` attribute
        is the expression.

    Raises
    ------
    ExpressionError
        A ``ValueError`` for anything else (other names, attribute access, subscripts, calls
        of other functions, keywords, strings, lambdas, comprehensions, over-long text, a
        syntax error, a constant part that overflows), saying what was found and the column.

    Examples
    --------
    >>> import numpy as np
    >>> f = parse_function("sin(x) + exp(-x/3)")
    >>> bool(np.allclose(f(np.array([0.0, 3.0])), [1.0, np.sin(3.0) + np.exp(-1.0)]))
    True
    >>> from core.calculus import derivative
    >>> round(derivative(parse_function("0.02*x**2 + 0.1*x"), 3.0, method="complex"), 15)
    0.22
    >>> parse_function("x.__class__")
    Traceback (most recent call last):
    ...
    core.expression.ExpressionError: attribute access is not allowed at column 1
    >>> parse_function("9**9**9**9")
    Traceback (most recent call last):
    ...
    core.expression.ExpressionError: the constant part '9**9**9' at column 4 overflows to inf
    """
    text = _parse_iv(text)
    source = text.strip()
    try:
        with warnings.catch_warnings():  # e.g. "invalid decimal literal": we report our own
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        indent = len(text) - len(text.lstrip())
        if exc.offset and (exc.lineno or 1) == 1:
            where = f"at column {exc.offset + indent}"
        elif exc.offset:
            where = f"at line {exc.lineno}, column {exc.offset}"
        else:
            where = "at the end (is something missing?)"
        raise ExpressionError(f"invalid syntax {where}: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ExpressionError(f"the expression cannot be parsed: {exc}") from None
    builder = _Builder(source, len(text) - len(text.lstrip()))
    try:
        evaluate, _ = builder.build(tree.body)
    except RecursionError:
        raise ExpressionError("the expression is nested too deeply") from None
    return _ParsedFunction(text, evaluate, builder.uses_x)
