r"""A function typed by a teacher, as LaTeX: the one TeX printer of parsed expressions.

:func:`expression_to_tex` reads a text that :func:`core.expression.parse_function` accepts (the
same whitelist and the same :class:`~core.expression.ExpressionError` for anything else) and
writes it as a formula: ``0.02*x**2 + 0.1*x`` as ``0.02x^{2} + 0.1x``, ``exp(-x/3)`` as
``e^{\frac{-x}{3}}``, ``log`` as ``\ln``, ``abs(u)`` as ``|u|``, large round numbers as powers
of ten (``1e9`` as ``10^{9}``). The text is parsed with :mod:`ast`, never evaluated. The scenes
typeset the configured function and the formula of f' (:mod:`core.symbolic`) with it.

Examples
--------
>>> expression_to_tex("0.02*x**2 + 0.1*x")
'0.02x^{2} + 0.1x'
>>> print(expression_to_tex("sqrt(abs(x - 3)) / pi"))
\frac{\sqrt{\left|x - 3\right|}}{\pi}
"""

from __future__ import annotations

import ast

from core.expression import parse_function

__all__ = ["expression_to_tex"]

# the functions written as a named operator before their argument; sqrt, abs and exp have
# layouts of their own (see _tex)
_FUNCS = {
    "sin": r"\sin",
    "cos": r"\cos",
    "tan": r"\tan",
    "log": r"\ln",
}
_PREC = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 4}


def _num(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e15:
        digits = str(int(value))
        zeros = len(digits) - len(digits.rstrip("0"))
        if abs(value) >= 1e5 and zeros >= 4:  # 1000000000 -> 10^{9}, 2500000 -> 2.5 x 10^{6}
            exponent = len(digits) - 1
            mantissa = repr(float(value) / 10.0**exponent).removesuffix(".0")
            power = f"10^{{{exponent}}}"
            return power if mantissa == "1" else rf"{mantissa} \times {power}"
        return digits
    s = repr(float(value))
    if "e" in s:
        mantissa, exp = s.split("e")
        return rf"{mantissa} \times 10^{{{int(exp)}}}"
    return s


def _tex(node: ast.AST) -> tuple[str, int]:
    """LaTeX of an expression node and its precedence (5 = atom)."""
    if isinstance(node, ast.Expression):
        return _tex(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        number = _num(node.value)
        # 10^{9} or 2 \times 10^{6} is not an atom: (10^{9})^{x}, never 10^{9}^{x}
        return number, (3 if "^" in number else 5)
    if isinstance(node, ast.Name):
        return {"pi": r"\pi", "e": "e"}.get(node.id, node.id), 5
    if isinstance(node, ast.UnaryOp):
        inner, p = _tex(node.operand)
        if p < 3:
            inner = rf"\left({inner}\right)"
        return ("-" if isinstance(node.op, ast.USub) else "+") + inner, 3
    if isinstance(node, ast.BinOp):
        op = type(node.op)
        p = _PREC[op]
        left, lp = _tex(node.left)
        right, rp = _tex(node.right)
        if op is ast.Div:
            return rf"\frac{{{left}}}{{{right}}}", 5
        if op is ast.Pow:
            if lp < 5 or isinstance(node.left, ast.Call):
                left = rf"\left({left}\right)"
            return f"{left}^{{{right}}}", 4
        if lp < p:
            left = rf"\left({left}\right)"
        if rp < p or (op is ast.Sub and rp == p) or (op is ast.Add and right.startswith("-")):
            right = rf"\left({right}\right)"
        if op is ast.Add:
            return f"{left} + {right}", 1
        if op is ast.Sub:
            return f"{left} - {right}", 1
        # multiplication: juxtapose a number and what follows when unambiguous
        starts_with_digit = right[:1].isdigit() or right.startswith(".")
        return (f"{left}{right}" if not starts_with_digit else rf"{left} \cdot {right}"), 2
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1:
        name = node.func.id
        arg, _ = _tex(node.args[0])
        if name == "sqrt":
            return rf"\sqrt{{{arg}}}", 5
        if name == "abs":
            return rf"\left|{arg}\right|", 5
        if name == "exp":
            return f"e^{{{arg}}}", 4
        if name in _FUNCS:
            return rf"{_FUNCS[name]}\left({arg}\right)", 5
    raise ValueError(f"expression: cannot typeset {ast.dump(node)[:60]}")


def expression_to_tex(text: str) -> str:
    r"""LaTeX for a function text that :func:`core.expression.parse_function` accepts.

    Parameters
    ----------
    text : str
        The function of x, as typed (``"0.02*x**2 + 0.1*x"``).

    Returns
    -------
    str
        The formula's LaTeX, for ``MathTex`` (without ``f(x) =``). A product of a number and
        what follows is juxtaposed (``0.1x``), with ``\cdot`` where digits would meet;
        ``\left( \right)`` only where precedence needs them.

    Raises
    ------
    core.expression.ExpressionError
        A ``ValueError``, for a text the parser rejects (saying what was found and where).

    Examples
    --------
    >>> expression_to_tex("1e9**x")
    '\\left(10^{9}\\right)^{x}'
    >>> expression_to_tex("1e9*x**2"), expression_to_tex("2500000*x + 25000")
    ('10^{9}x^{2}', '2.5 \\times 10^{6}x + 25000')
    >>> expression_to_tex("sin(x) + exp(-x/3)")
    '\\sin\\left(x\\right) + e^{\\frac{-x}{3}}'
    >>> expression_to_tex("sin(x) + y")
    Traceback (most recent call last):
    ...
    core.expression.ExpressionError: unknown name 'y' at column 10; allowed names: x, pi, e
    """
    parse_function(text)  # the parser's whitelist and messages (ExpressionError)
    return _tex(ast.parse(text.strip(), mode="eval"))[0]
