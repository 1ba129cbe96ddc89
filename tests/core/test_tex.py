"""Tests of core.tex: the one TeX printer of parsed expressions, as the scenes typeset them."""

from __future__ import annotations

import pytest
from function_catalogue import CATALOGUE

from core.expression import CONSTANTS, FUNCTIONS, ExpressionError
from core.symbolic import derivative_text
from core.tex import expression_to_tex

# What the scenes' expression_to_tex wrote before the printer moved here: every function of
# the catalogue and its derivative_text, then texts for each rule of the printer.
TYPESET = {
    "0.02*x**2 + 0.1*x": r"0.02x^{2} + 0.1x",
    "0.04*x + 0.1": r"0.04x + 0.1",
    "sin(x)": r"\sin\left(x\right)",
    "cos(x)": r"\cos\left(x\right)",
    "exp(-x/3)*cos(2*x)": r"e^{\frac{-x}{3}}\cos\left(2x\right)",
    "-(1/3)*exp(-(x/3))*cos(2*x) - 2*exp(-(x/3))*sin(2*x)": (
        r"-\frac{1}{3}e^{-\frac{x}{3}}\cos\left(2x\right) - 2e^{-\frac{x}{3}}\sin\left(2x"
        r"\right)"
    ),
    "x**3 - 6*x": r"x^{3} - 6x",
    "3*x**2 - 6": r"3x^{2} - 6",
    "5": r"5",
    "0": r"0",
    "x": r"x",
    "1": r"1",
    "sin(20*x)": r"\sin\left(20x\right)",
    "20*cos(20*x)": r"20\cos\left(20x\right)",
    "log(x)": r"\ln\left(x\right)",
    "1/x": r"\frac{1}{x}",
    "exp(x)": r"e^{x}",
    "1e-6*x": r"1 \times 10^{-6}x",
    "1e-6": r"1 \times 10^{-6}",
    "1e9*x**2": r"10^{9}x^{2}",
    "2000000000*x": r"2 \times 10^{9}x",
    "1e6*x**2": r"10^{6}x^{2}",
    "2000000*x": r"2 \times 10^{6}x",
    "sqrt(x)": r"\sqrt{x}",
    "1/(2*sqrt(x))": r"\frac{1}{2\sqrt{x}}",
    "x**(1/3)": r"x^{\frac{1}{3}}",
    "1/3*x**(-(2/3))": r"\frac{1}{3}x^{-\frac{2}{3}}",
    "abs(x-3)": r"\left|x - 3\right|",
    "(x - 3)/abs(x - 3)": r"\frac{x - 3}{\left|x - 3\right|}",
    "abs(sin(x))": r"\left|\sin\left(x\right)\right|",
    "cos(x)*sin(x)/abs(sin(x))": (
        r"\frac{\cos\left(x\right)\sin\left(x\right)}{\left|\sin\left(x\right)\right|}"
    ),
    "tan(x)": r"\tan\left(x\right)",
    "1/cos(x)**2": r"\frac{1}{\left(\cos\left(x\right)\right)^{2}}",
    "1/(x-2)": r"\frac{1}{x - 2}",
    "-(1/(x - 2)**2)": r"-\frac{1}{\left(x - 2\right)^{2}}",
    "log(abs(x-1))": r"\ln\left(\left|x - 1\right|\right)",
    "(x - 1)/abs(x - 1)/abs(x - 1)": r"\frac{\frac{x - 1}{\left|x - 1\right|}}{\left|x - 1\right|}",
    "abs(x)/x": r"\frac{\left|x\right|}{x}",
    "(x/abs(x)*x - abs(x))/x**2": r"\frac{\frac{x}{\left|x\right|}x - \left|x\right|}{x^{2}}",
    "abs(x)**0.5": r"\left(\left|x\right|\right)^{0.5}",
    "0.5*abs(x)**(-0.5)*x/abs(x)": r"\frac{0.5\left(\left|x\right|\right)^{-0.5}x}{\left|x\right|}",
    "+x": r"+x",
    "-(x+1)": r"-\left(x + 1\right)",
    "x - (x - 1)": r"x - \left(x - 1\right)",
    "x + -1": r"x + \left(-1\right)",
    "2**3**x": r"2^{3^{x}}",
    "(x**2)**3": r"\left(x^{2}\right)^{3}",
    "e**x": r"e^{x}",
    "pi/2*x": r"\frac{\pi}{2}x",
    "2.5e-7*x": r"2.5 \times 10^{-7}x",
    "1e20*x": r"1 \times 10^{20}x",
    "2500000": r"2.5 \times 10^{6}",
    "123456789": r"123456789",
    "x*2": r"x \cdot 2",
    "2*3": r"2 \cdot 3",
    "0.5*.5": r"0.5 \cdot 0.5",
    "sqrt(x)**2": r"\left(\sqrt{x}\right)^{2}",
    "exp(x)**2": r"\left(e^{x}\right)^{2}",
    "-x**2": r"-x^{2}",
    "(-x)**2": r"\left(-x\right)^{2}",
    "x/(x/2)": r"\frac{x}{\frac{x}{2}}",
    "log(x)*sin(x)": r"\ln\left(x\right)\sin\left(x\right)",
    "  x + 1  ": r"x + 1",
    "1000000000**x": r"\left(10^{9}\right)^{x}",
    "-1e9*x": r"-10^{9}x",
}


@pytest.mark.parametrize(("text", "expected"), TYPESET.items())
def test_typesets_as_the_scenes_did(text, expected):
    assert expression_to_tex(text) == expected


def test_covers_the_catalogue_and_its_derivatives():
    texts = {t for case in CATALOGUE for t in (case.expression, derivative_text(case.expression))}
    assert texts <= set(TYPESET)


FUNCTION_TEX = {
    "sin": r"\sin\left(x\right)",
    "cos": r"\cos\left(x\right)",
    "tan": r"\tan\left(x\right)",
    "log": r"\ln\left(x\right)",
    "exp": "e^{x}",
    "sqrt": r"\sqrt{x}",
    "abs": r"\left|x\right|",
}


def test_every_function_and_constant_of_the_parser_has_its_tex():
    assert set(FUNCTION_TEX) == set(FUNCTIONS)  # a new function needs a rule here
    for name, tex in FUNCTION_TEX.items():
        assert expression_to_tex(f"{name}(x)") == tex
    assert set(CONSTANTS) == {"pi", "e"}
    assert expression_to_tex("2*pi") == r"2\pi" and expression_to_tex("e") == "e"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sin(x) + y", "unknown name 'y' at column 10"),
        ("x.real", "attribute access is not allowed at column 1"),
        ("max(x, 1)", "unknown function 'max'"),
        ("x % 2", "the operator Mod"),
        ("", "the expression is empty"),
        ("x +", "invalid syntax"),
    ],
)
def test_rejects_what_the_parser_rejects(text, message):
    with pytest.raises(ExpressionError, match=message):
        expression_to_tex(text)


@pytest.mark.parametrize("text", [None, 3.0, b"x"])
def test_text_must_be_a_string(text):
    with pytest.raises(ValueError, match="`text` must be a string"):
        expression_to_tex(text)
