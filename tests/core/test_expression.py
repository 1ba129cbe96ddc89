"""Tests of core.expression: a teacher's function, parsed safely and evaluated with numpy."""

from __future__ import annotations

import ast
import builtins
import inspect
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core.expression
from core.calculus import derivative
from core.expression import MAX_LENGTH, ExpressionError, parse_function
from core.functions import BLOG_EXPRESSION, blog_f

X = np.linspace(0.1, 3.0, 12)

# text -> the same function written in numpy
CASES = {
    BLOG_EXPRESSION: lambda x: 0.02 * x**2 + 0.1 * x,
    "sin(x) + exp(-x/3)": lambda x: np.sin(x) + np.exp(-x / 3),
    "-x**2": lambda x: -(x**2),
    "2**-x": lambda x: 2.0 ** (-x),
    "(1 + x) / (2 - x/4) - 3*x": lambda x: (1 + x) / (2 - x / 4) - 3 * x,
    "pi*cos(x) - e*tan(x/4)": lambda x: np.pi * np.cos(x) - np.e * np.tan(x / 4),
    "sqrt(x) * log(x) + abs(x - 1)": lambda x: np.sqrt(x) * np.log(x) + np.abs(x - 1),
    "x**x": lambda x: x**x,
    "x ** 0.5 + +x": lambda x: x**0.5 + x,
    "  3.5e-1*x  ": lambda x: 0.35 * x,
    "((x))": lambda x: x,
    "x - -x": lambda x: 2 * x,
    "x / 2 / 2": lambda x: x / 4,
    "2 ** 3 ** 2 * x": lambda x: 512.0 * x,  # ** is right-associative
}


@pytest.mark.parametrize("text", list(CASES))
def test_values_match_numpy(text):
    f = parse_function(text)
    np.testing.assert_allclose(f(X), CASES[text](X), rtol=1e-14, atol=1e-15)


@pytest.mark.parametrize("text", list(CASES))
@pytest.mark.parametrize("shape", [(), (12,), (3, 4)])
def test_shapes_against_a_loop(text, shape):
    f = parse_function(text)
    x = X[0] if shape == () else X.reshape(shape)
    result = f(x)
    if shape == ():
        assert isinstance(result, float)
        assert result == CASES[text](np.float64(x))
    else:
        assert isinstance(result, np.ndarray) and result.shape == shape
        loop = np.array([f(float(v)) for v in x.ravel()]).reshape(shape)
        np.testing.assert_array_equal(result, loop)


def test_constant_expression_still_gives_one_value_per_x():
    f = parse_function("2*pi")
    assert f(1.0) == pytest.approx(2 * np.pi)
    result = f(np.zeros((3, 4)))
    assert result.shape == (3, 4) and np.all(result == 2 * np.pi)


def test_integer_and_list_input_is_float():
    f = parse_function("x**-1")
    np.testing.assert_allclose(f([1, 2, 4]), [1.0, 0.5, 0.25])
    assert parse_function("x/2")(3) == 1.5


def test_blog_expression_is_the_blog_function():
    f = parse_function(BLOG_EXPRESSION)
    np.testing.assert_allclose(f(X), blog_f(X), rtol=1e-15)
    assert f.text == BLOG_EXPRESSION
    assert repr(f) == "parse_function('0.02*x**2 + 0.1*x')"


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        (BLOG_EXPRESSION, lambda x: 0.04 * x + 0.1),
        ("sin(x) + exp(-x/3)", lambda x: np.cos(x) - np.exp(-x / 3) / 3),
        ("x**3 - 2*x", lambda x: 3 * x**2 - 2),
        ("sqrt(x) * log(x)", lambda x: np.log(x) / (2 * np.sqrt(x)) + 1 / np.sqrt(x)),
        ("tan(x/4)", lambda x: 1 / (4 * np.cos(x / 4) ** 2)),
        ("abs(x - 1)", lambda x: np.sign(x - 1)),
        ("x**x", lambda x: x**x * (np.log(x) + 1)),
    ],
)
def test_complex_step_works_on_parsed_functions(text, exact):
    x = X[np.abs(X - 1) > 1e-3]
    f = parse_function(text)
    assert np.iscomplexobj(f(x + 1e-20j))
    np.testing.assert_allclose(derivative(f, x, method="complex"), exact(x), rtol=1e-13)


# --- rejections -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x + y", "unknown name 'y' at column 5"),
        ("  y", "unknown name 'y' at column 3"),
        ("sin(x) + __import__('os').system('ls')", "a call of attribute access at column 10"),
        ("x + __import__('os')", "unknown function '__import__' at column 5"),
        ("x.real", "attribute access is not allowed at column 1"),
        ("(1).__class__", "attribute access is not allowed at column 1"),
        ("x[0]", "a subscript is not allowed at column 1"),
        ("np.sin(x)", "found a call of attribute access at column 1"),
        ("eval('1')", "unknown function 'eval' at column 1"),
        ("sin(x, 2)", r"sin\(\) at column 1 takes exactly one argument, got 2"),
        ("exp()", r"exp\(\) at column 1 takes exactly one argument, got 0"),
        ("sin(x=1)", "keyword arguments are not allowed at column 7"),
        ("'x'", "a string is not allowed at column 1"),
        ("x + b'1'", "a string is not allowed at column 5"),
        ("lambda: 1", "a lambda is not allowed at column 1"),
        ("[x for x in 1]", "a list comprehension is not allowed at column 1"),
        ("sum(x for x in 1)", "unknown function 'sum' at column 1"),
        ("{x: 1 for x in 1}", "a dict comprehension is not allowed at column 1"),
        ("x if x else 1", "a conditional expression is not allowed at column 1"),
        ("x < 1", "a comparison is not allowed at column 1"),
        ("x and 1", "a boolean operator is not allowed at column 1"),
        ("(y := 2)", r"an assignment expression \(:=\) is not allowed at column 2"),
        ("f'{x}'", "an f-string is not allowed at column 1"),
        ("[x]", "a list is not allowed at column 1"),
        ("x, 1", "a tuple is not allowed at column 1"),
        ("True * x", "the constant True is not allowed at column 1"),
        ("2j * x", "the constant 2j is not allowed at column 1"),
        ("x // 2", "the operator FloorDiv at column 1 is not allowed"),
        ("x % 2", "the operator Mod at column 1 is not allowed"),
        ("x @ x", "the operator MatMult at column 1 is not allowed"),
        ("~x", "the unary operator Invert at column 1 is not allowed"),
        ("not x", "the unary operator Not at column 1 is not allowed"),
        ("sin + 1", "the function 'sin' at column 1 must be called"),
        ("x +", "invalid syntax at the end"),
        ("x x", "invalid syntax at column 3"),
        ("x = 1", "invalid syntax at column"),
        ("import os", "invalid syntax at column 1"),
        ("x\n+ 1", "invalid syntax"),
        ("(x\n+ y)", "unknown name 'y' at line 2, column 3"),
        ("", "the expression is empty"),
        ("   ", "the expression is empty"),
        ("1/0 + x", "division by zero at column 1"),
        ("x/(2-2)", "division by zero at column 1"),
        ("sqrt(-1) + x", "the constant part 'sqrt[(]-1[)]' at column 1 is undefined"),
        ("1e999 * x", "too large for a float"),
    ],
)
def test_rejections_say_what_and_where(text, message):
    with pytest.raises(ExpressionError, match=message):
        parse_function(text)


def test_expression_error_is_a_value_error():
    assert issubclass(ExpressionError, ValueError)


def test_text_over_the_limit_is_rejected():
    ok = "x" + "+x" * ((MAX_LENGTH - 1) // 2)
    assert len(ok) <= MAX_LENGTH
    assert parse_function(ok)(1.0) == pytest.approx(len(ok) // 2 + 1)
    with pytest.raises(ExpressionError, match=f"{MAX_LENGTH + 1} characters long; the limit is"):
        parse_function("x" * (MAX_LENGTH + 1))


@pytest.mark.parametrize("text", [None, 3.0, b"x", ["x"]])
def test_text_must_be_a_string(text):
    with pytest.raises(ExpressionError, match="`text` must be a string"):
        parse_function(text)


def test_input_must_be_numbers():
    with pytest.raises(ValueError, match="`x`"):
        parse_function("x")("three")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9**9**9**9", "'9[*][*]9[*][*]9' at column 4 overflows to inf"),
        ("x**9**9**9", "overflows to inf"),
        ("10**400 * x", "'10[*][*]400' at column 1 overflows to inf"),
        ("2**1000000", "overflows to inf"),
        ("99999999999999999999**99999999999999999999", "overflows to inf"),
        ("exp(1e6) * x", r"'exp\(1e6\)' at column 1 overflows to inf"),
    ],
)
def test_huge_powers_fail_promptly(text, message):
    start = time.perf_counter()
    with pytest.raises(ExpressionError, match=message):
        parse_function(text)
    assert time.perf_counter() - start < 1.0


def test_huge_powers_of_x_give_inf_promptly():
    f = parse_function("x**x**x**x**x")
    start = time.perf_counter()
    with np.errstate(over="ignore"):
        value = f(9.0)
    assert value == np.inf
    assert time.perf_counter() - start < 1.0


def test_deep_nesting_is_an_expression_error():
    for text in ("-" * 499 + "x", "(" * 240 + "x" + ")" * 240):
        with pytest.raises(ExpressionError):
            parse_function(text)


def test_parser_never_calls_eval_or_exec(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("eval/exec was called")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    f = parse_function("sin(x) + exp(-x/3) + x**2")
    assert f(0.0) == 1.0
    with pytest.raises(ExpressionError):
        parse_function("__import__('os')")


def test_module_source_has_no_eval_exec_or_compile_calls():
    tree = ast.parse(inspect.getsource(core.expression))
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not called & {"eval", "exec", "compile", "__import__"}


ALPHABET = "x0123456789.+-*/() e pi sin cos tan exp log sqrt abs _[]'\",:=<>"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40))
def test_any_text_parses_or_raises_expression_error_promptly(text):
    start = time.perf_counter()
    try:
        f = parse_function(text)
    except ExpressionError as exc:
        assert str(exc)
    else:
        with np.errstate(all="ignore"):
            value = f(X)
        assert np.shape(value) == X.shape
    assert time.perf_counter() - start < 1.0


@settings(max_examples=100, deadline=None)
@given(
    a=st.floats(-100, 100),
    b=st.floats(-100, 100),
    n=st.integers(0, 5),
    x=st.floats(-10, 10),
)
def test_generated_polynomials_evaluate_like_python(a, b, n, x):
    f = parse_function(f"{a!r}*x**{n} + {b!r}")
    assert f(x) == pytest.approx(a * x**n + b, rel=1e-12, abs=1e-12)
