"""The derivative of a teacher's function as a formula: symbolic differentiation of the tree.

:func:`derivative_text` reads a function text that :func:`core.expression.parse_function`
accepts (the same whitelist: numbers, ``x``, ``+ - * / **``, unary minus, ``pi``, ``e`` and
``sin cos tan exp log sqrt abs``), differentiates its tree by the rules of a calculus course
(sum, product, quotient, power and chain rules) and simplifies the result a little (``0·u``,
``1·u``, ``u + 0``, ``u**1`` and arithmetic on numbers). The result is again a text that
:func:`~core.expression.parse_function` accepts, so that it can be typeset as it is and checked
against the numerical derivative.

A polynomial (numbers, ``x``, ``+ - *``, division by a number and whole powers) is
differentiated term by term and written expanded, highest power first: for
``f = ax² + bx + c`` it gives ``f'(x) = 2ax + b``. :func:`polynomial` gives the coefficients,
from which a scene can tell the degree of f (quadratic, so f' is linear).

Numbers that come from arithmetic are rounded to 12 significant digits (``0.1*3`` is written
``0.3``, not ``0.30000000000000004``): the text is exact to well below the 1e-9 that every
value stated as f' is checked to. Where f' does not exist the formula says so by being
undefined there: ``abs(u)`` has the derivative ``u/abs(u)·u'``, which is nan where ``u = 0``.

Examples
--------
>>> derivative_text("0.02*x**2 + 0.1*x")
'0.04*x + 0.1'
>>> derivative_text("exp(-x/3)*cos(2*x)")
'-(1/3)*exp(-(x/3))*cos(2*x) - 2*exp(-(x/3))*sin(2*x)'
>>> derivative_text("abs(x-3)")
'(x - 3)/abs(x - 3)'
>>> polynomial("0.02*x**2 + 0.1*x"), polynomial("sin(x)")
((0.0, 0.1, 0.02), None)
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass
from fractions import Fraction

from core.expression import CONSTANTS, FUNCTIONS, parse_function

__all__ = ["derivative_text", "polynomial", "polynomial_text"]

#: The largest whole power expanded when reading a polynomial.
MAX_POWER = 12


# --- the tree ---
@dataclass(frozen=True)
class _Node:
    op: str  # num, const, x, add, sub, mul, div, pow, neg, call
    args: tuple = ()
    value: float = 0.0  # for num and const
    name: str = ""  # for const and call


def _num(v: float) -> _Node:
    v = float(f"{float(v):.12g}")
    return _Node("num", value=v + 0.0)  # no -0.0


X = _Node("x")
ZERO, ONE = _num(0.0), _num(1.0)


def _is(node: _Node, v: float) -> bool:
    return node.op == "num" and node.value == v


def _constant(node: _Node) -> bool:
    """Whether the node does not depend on x."""
    if node.op == "x":
        return False
    return all(_constant(a) for a in node.args)


# --- constructors that simplify a little ---
def _frac(n: _Node) -> Fraction | None:
    """``n`` as an exact fraction if it is a whole number or a quotient of whole numbers."""
    if n.op == "num" and n.value.is_integer() and abs(n.value) < 1e15:
        return Fraction(int(n.value))
    if n.op == "neg":
        inner = _frac(n.args[0])
        return None if inner is None else -inner
    if n.op == "div":
        a, b = _frac(n.args[0]), _frac(n.args[1])
        if a is not None and b is not None and b != 0 and a.denominator == b.denominator == 1:
            return a / b
    return None


def _from_frac(q: Fraction) -> _Node:
    """A number if ``q`` is a short decimal (1/2 -> 0.5), else ``p/q`` (1/3 stays 1/3)."""
    d = q.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1 and q.denominator <= 10**6:
        return _num(float(q))
    quotient = _Node("div", (_num(abs(q.numerator)), _num(q.denominator)))
    return _Node("neg", (quotient,)) if q < 0 else quotient


def _fold(a: _Node, b: _Node, op) -> _Node | None:
    """``op(a, b)`` exactly when both are fractions (1/3 - 1 -> -2/3), else None."""
    fa, fb = _frac(a), _frac(b)
    if fa is None or fb is None or (a.op == "num" and b.op == "num" and op is not _FDIV):
        return None
    if op is _FDIV and fb == 0:
        return None
    return _from_frac(op(fa, fb))


def _FDIV(p: Fraction, q: Fraction) -> Fraction:  # noqa: N802 - a marker for _fold
    return p / q


def _positive(b: _Node) -> _Node | None:
    """``-b`` if ``b`` reads with a leading minus (``-2``, ``-u``, ``-2*u``, ``-(1/3)*u``)."""
    if b.op == "num" and b.value < 0:
        return _num(-b.value)
    if b.op == "neg":
        return b.args[0]
    if b.op == "mul" and b.args[0].op == "num" and b.args[0].value < 0:
        return _mul(_num(-b.args[0].value), b.args[1])
    if b.op == "mul" and b.args[0].op == "neg":
        return _mul(b.args[0].args[0], b.args[1])
    return None


def _neg(a: _Node) -> _Node:
    if a.op == "num":
        return _num(-a.value)
    if a.op == "neg":
        return a.args[0]
    if a.op == "mul" and a.args[0].op == "num":
        return _mul(_num(-a.args[0].value), a.args[1])
    if a.op == "sub":
        return _sub(a.args[1], a.args[0])
    if a.op == "mul" and a.args[0].op == "div" and _frac(a.args[0]) is not None:
        return _Node("mul", (_Node("neg", (a.args[0],)), a.args[1]))  # -(1/3)*u
    return _Node("neg", (a,))


def _add(a: _Node, b: _Node) -> _Node:
    if _is(a, 0):
        return b
    if _is(b, 0):
        return a
    if a.op == "num" and b.op == "num":
        return _num(a.value + b.value)
    if (q := _fold(a, b, operator.add)) is not None:
        return q
    if (p := _positive(b)) is not None:
        return _sub(a, p)
    return _Node("add", (a, b))


def _sub(a: _Node, b: _Node) -> _Node:
    if _is(b, 0):
        return a
    if _is(a, 0):
        return _neg(b)
    if a.op == "num" and b.op == "num":
        return _num(a.value - b.value)
    if (q := _fold(a, b, operator.sub)) is not None:
        return q
    if (p := _positive(b)) is not None:
        return _add(a, p)
    return _Node("sub", (a, b))


def _mul(a: _Node, b: _Node) -> _Node:
    if _is(a, 0) or _is(b, 0):
        return ZERO
    if _is(a, 1):
        return b
    if _is(b, 1):
        return a
    if _is(a, -1):
        return _neg(b)
    if _is(b, -1):
        return _neg(a)
    if a.op == "num" and b.op == "num":
        return _num(a.value * b.value)
    if (q := _fold(a, b, operator.mul)) is not None:
        return q
    if a.op == "div" and a.args[1] == b:  # (u/v)*v -> u
        return a.args[0]
    if b.op == "div" and b.args[1] == a:
        return b.args[0]
    if b.op == "num":  # the number first: 2*sin(x), never sin(x)*2
        a, b = b, a
    if a.op == "neg":
        return _neg(_mul(a.args[0], b))
    if b.op == "neg":
        return _neg(_mul(a, b.args[0]))
    if a.op == "num" and b.op == "mul" and b.args[0].op == "num":
        return _mul(_num(a.value * b.args[0].value), b.args[1])
    if a.op != "num" and b.op == "mul" and b.args[0].op == "num":  # u*(2*v) -> 2*(u*v)
        return _mul(b.args[0], _mul(a, b.args[1]))
    if a.op == "mul" and a.args[0].op == "num":  # (2*u)*v -> 2*(u*v)
        return _mul(a.args[0], _mul(a.args[1], b))
    if a.op == "num" and b.op == "div" and b.args[1].op == "num" and b.args[0].op == "num":
        return _div(_num(a.value * b.args[0].value), b.args[1])
    return _Node("mul", (a, b))


def _div(a: _Node, b: _Node) -> _Node:
    if _is(a, 0):
        return ZERO
    if _is(b, 1):
        return a
    if a == b:  # u/u -> 1 (where f' is defined at all)
        return ONE
    if (q := _fold(a, b, _FDIV)) is not None:
        return q
    if a.op == "mul" and b.op == "mul" and a.args[0].op == "num" and b.args[0].op == "num":
        ratio = _fold(a.args[0], b.args[0], _FDIV)  # (2*u)/(2*v) -> u/v
        if ratio is not None:
            return _mul(ratio, _div(a.args[1], b.args[1]))
    if a.op == "num" and b.op == "num" and b.value != 0:
        q = a.value / b.value
        if float(f"{q:.12g}") * b.value == a.value:  # a short quotient: fold (0.5, not 1/2)
            return _num(q)
    if a.op == "neg":
        return _neg(_div(a.args[0], b))
    if a.op == "num" and a.value < 0:  # -(1/u), never (-1)/u
        return _neg(_div(_num(-a.value), b))
    if a.op == "mul" and a.args[0].op == "num" and b.op == "num":  # (2*u)/4 -> 0.5*u
        q = a.args[0].value / b.value
        if abs(float(f"{q:.6g}") - q) <= 1e-12 * abs(q):
            return _mul(_num(q), a.args[1])
    return _Node("div", (a, b))


def _pow(a: _Node, b: _Node) -> _Node:
    if _is(b, 0):
        return ONE
    if _is(b, 1):
        return a
    if a.op == "num" and b.op == "num":
        return _num(a.value**b.value)
    return _Node("pow", (a, b))


def _call(name: str, a: _Node) -> _Node:
    if a.op == "num":
        return _num(float(FUNCTIONS[name](a.value)))
    return _Node("call", (a,), name=name)


# --- from the text ---
_BIN = {ast.Add: _add, ast.Sub: _sub, ast.Mult: _mul, ast.Div: _div, ast.Pow: _pow}


def _from_ast(node: ast.AST) -> _Node:
    if isinstance(node, ast.Constant):
        return _Node("num", value=float(node.value))  # as typed, not rounded
    if isinstance(node, ast.Name):
        if node.id == "x":
            return X
        return _Node("const", value=CONSTANTS[node.id], name=node.id)
    if isinstance(node, ast.UnaryOp):
        inner = _from_ast(node.operand)
        return _neg(inner) if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left, right = _from_ast(node.left), _from_ast(node.right)
        if isinstance(node.op, ast.Pow) and _constant(left) and _constant(right):
            # keep e**x-like constants as typed; fold only plain numbers
            return _pow(left, right)
        return _BIN[type(node.op)](left, right)
    if isinstance(node, ast.Call):
        return _call(node.func.id, _from_ast(node.args[0]))
    raise ValueError(f"cannot read {ast.dump(node)[:60]}")  # pragma: no cover - parse_function


def _tree(text: str) -> _Node:
    parse_function(text)  # the parser's whitelist and messages (ExpressionError)
    return _from_ast(ast.parse(text.strip(), mode="eval").body)


# --- the rules ---
def _d(n: _Node) -> _Node:
    """The derivative of ``n`` with respect to x."""
    if _constant(n):
        return ZERO
    if n.op == "x":
        return ONE
    if n.op == "neg":
        return _neg(_d(n.args[0]))
    a = n.args[0]
    if n.op in ("add", "sub"):
        b = n.args[1]
        return (_add if n.op == "add" else _sub)(_d(a), _d(b))
    if n.op == "mul":
        b = n.args[1]
        if _constant(a):
            return _mul(a, _d(b))
        if _constant(b):
            return _mul(b, _d(a))
        return _add(_mul(_d(a), b), _mul(a, _d(b)))  # product rule
    if n.op == "div":
        b = n.args[1]
        if _constant(b):
            return _div(_d(a), b)
        return _div(_sub(_mul(_d(a), b), _mul(a, _d(b))), _pow(b, _num(2)))  # quotient rule
    if n.op == "pow":
        b = n.args[1]
        if _constant(b):  # power rule and chain rule
            exponent = _sub(b, ONE)
            return _mul(_mul(b, _pow(a, exponent)), _d(a))
        if _constant(a):  # a**v = exp(v log a)
            log_a = ONE if (a.op == "const" and a.name == "e") else _Node("call", (a,), name="log")
            return _mul(_mul(n, log_a), _d(b))
        # u**v = exp(v log u): (u**v)(v' log u + v u'/u)
        return _mul(n, _add(_mul(_d(b), _call("log", a)), _div(_mul(b, _d(a)), a)))
    if n.op == "call":
        da = _d(a)
        outer = {
            "sin": lambda: _call("cos", a),
            "cos": lambda: _neg(_call("sin", a)),
            "tan": lambda: _div(ONE, _pow(_call("cos", a), _num(2))),
            "exp": lambda: n,
            "log": lambda: _div(ONE, a),
            "sqrt": lambda: _div(ONE, _mul(_num(2), n)),
            "abs": lambda: _div(a, n),  # sign(u): undefined where u = 0, as f' is
        }[n.name]()
        if outer.op == "div" and _is(outer.args[0], 1):  # u'/g rather than (1/g)*u'
            return _div(da, outer.args[1])
        return _mul(da, outer)
    raise ValueError(f"no rule for {n.op}")  # pragma: no cover


# --- back to text ---
_PREC = {"add": 1, "sub": 1, "mul": 2, "div": 2, "neg": 3, "pow": 4}


def _number_text(v: float) -> str:
    s = f"{v:.12g}"
    if "e" in s:
        mantissa, exponent = s.split("e")
        s = f"{mantissa}e{int(exponent)}"
    return s


def _text(n: _Node) -> tuple[str, int]:
    """Python text of ``n`` and its precedence (5: an atom)."""
    if n.op == "num":
        s = _number_text(n.value)
        return s, (3 if s.startswith("-") else 5)
    if n.op == "const":
        return n.name, 5
    if n.op == "x":
        return "x", 5
    if n.op == "call":
        return f"{n.name}({_text(n.args[0])[0]})", 5
    if n.op == "neg":
        inner, p = _text(n.args[0])
        # -(u*v) and -(u/v) equal (-u)*v and (-u)/v: no parentheses needed
        bare = p >= 3 or (p == 2 and not inner.startswith("-") and n.args[0].op != "div")
        return "-" + (inner if bare else f"({inner})"), (3 if p >= 3 else 2)
    a, pa = _text(n.args[0])
    b, pb = _text(n.args[1])
    p = _PREC[n.op]
    if n.op == "pow":
        a = a if pa == 5 else f"({a})"
        b = b if pb >= 4 and not b.startswith("-") else f"({b})"
        return f"{a}**{b}", 4
    a = a if pa >= p else f"({a})"
    if n.op in ("add", "sub"):
        b = b if (pb > p or (n.op == "add" and pb == p)) and not b.startswith("-") else f"({b})"
        return f"{a} {'+' if n.op == 'add' else '-'} {b}", 1
    # * and /: the right operand in parentheses unless it binds tighter (and is not signed)
    right_ok = (pb > p if n.op == "div" else pb >= p) and not b.startswith("-")
    b = b if right_ok else f"({b})"
    return f"{a}{'*' if n.op == 'mul' else '/'}{b}", 2


# --- polynomials ---
def _poly(n: _Node) -> dict[int, float] | None:
    """Coefficients {power: c} if ``n`` is a polynomial in x, else None."""
    if n.op in ("num", "const"):
        return {0: n.value}
    if n.op == "x":
        return {1: 1.0}
    if n.op == "neg":
        p = _poly(n.args[0])
        return None if p is None else {k: -c for k, c in p.items()}
    if n.op == "call":
        return None
    a, b = (_poly(m) for m in n.args)
    if n.op in ("add", "sub"):
        if a is None or b is None:
            return None
        sign = 1.0 if n.op == "add" else -1.0
        out = dict(a)
        for k, c in b.items():
            out[k] = out.get(k, 0.0) + sign * c
        return out
    if n.op == "mul":
        if a is None or b is None:
            return None
        out: dict[int, float] = {}
        for i, ca in a.items():
            for j, cb in b.items():
                out[i + j] = out.get(i + j, 0.0) + ca * cb
        return out
    if n.op == "div":
        if a is None or not _constant(n.args[1]) or b is None or b.get(0, 0.0) == 0:
            return None
        return {k: c / b[0] for k, c in a.items()}
    if n.op == "pow":
        if a is None or not _constant(n.args[1]) or b is None:
            return None
        e = b.get(0, 0.0)
        if not (float(e).is_integer() and 0 <= e <= MAX_POWER):
            return None
        return _power(a, int(e))
    return None  # pragma: no cover


def _power(p: dict[int, float], e: int) -> dict[int, float]:
    out = {0: 1.0}
    for _ in range(e):
        nxt: dict[int, float] = {}
        for i, ci in out.items():
            for j, cj in p.items():
                nxt[i + j] = nxt.get(i + j, 0.0) + ci * cj
        out = nxt
    return out


def polynomial(text: str) -> tuple[float, ...] | None:
    """The coefficients ``(c0, c1, ..., cn)`` of f if its text is a polynomial in x, else None.

    A polynomial: numbers, ``pi``, ``e``, ``x``, ``+ - *``, division by a constant and whole
    powers from 0 to 12. Coefficients are rounded to 12 significant digits; trailing zeros
    are dropped (``()`` for f = 0), so ``len(...) - 1`` is the degree.

    >>> polynomial("x**3 - 6*x"), polynomial("(x+1)**2/2"), polynomial("2**x")
    ((0.0, -6.0, 0.0, 1.0), (0.5, 1.0, 0.5), None)
    """
    p = _poly(_tree(text))
    if p is None:
        return None
    n = max((k for k, c in p.items() if c != 0), default=-1)
    return tuple(float(f"{p.get(k, 0.0):.12g}") + 0.0 for k in range(n + 1))


def _coefficient(c: float) -> _Node:
    """``c`` as a number, or as ``p/q`` when it is a simple fraction that no short decimal
    writes (1/3, never 0.333333333333)."""
    q = Fraction(c).limit_denominator(100)
    if q.denominator > 1 and abs(float(q) - c) <= 1e-11 * abs(c) and f"{c:.6g}" != f"{c:.12g}":
        return _from_frac(q)
    return _num(c)


def polynomial_text(coefficients: tuple[float, ...]) -> str:
    """A polynomial as text, highest power first: ``(0.1, 0.04) -> '0.04*x + 0.1'``.

    >>> polynomial_text((0.1, 0.04)), polynomial_text((-6.0, 0.0, 3.0)), polynomial_text(())
    ('0.04*x + 0.1', '3*x**2 - 6', '0')
    >>> polynomial_text((0.0, -1.0))
    '-x'
    """
    tree = ZERO
    for k in range(len(coefficients) - 1, -1, -1):
        c = coefficients[k]
        power = ONE if k == 0 else (X if k == 1 else _Node("pow", (X, _num(k))))
        tree = _add(tree, _mul(_coefficient(c), power))
    return _text(tree)[0]


def derivative_text(text: str) -> str:
    """f' as a text that :func:`core.expression.parse_function` accepts.

    A polynomial is differentiated term by term and written expanded (``2ax + b`` for
    ``ax² + bx + c``); anything else by the sum, product, quotient, power and chain rules.

    Raises
    ------
    core.expression.ExpressionError
        For a text the parser rejects.

    >>> derivative_text("x**3 - 6*x"), derivative_text("sin(x)"), derivative_text("5")
    ('3*x**2 - 6', 'cos(x)', '0')
    >>> derivative_text("sqrt(x)"), derivative_text("log(x)"), derivative_text("tan(x)")
    ('1/(2*sqrt(x))', '1/x', '1/cos(x)**2')
    """
    coefficients = polynomial(text)
    if coefficients is not None:
        return polynomial_text(tuple(k * c for k, c in enumerate(coefficients))[1:])
    return _text(_d(_tree(text)))[0]
