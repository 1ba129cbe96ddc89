"""Shared pytest set-up: manim's frame-comparison flags and a fixture for bibun.toml variants."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    # manim declares these in its own conftest.py; frames_comparison reads them.
    parser.addoption(
        "--set_test",
        action="store_true",
        default=False,
        help="write the reference frames (control_data) instead of comparing against them",
    )
    parser.addoption(
        "--show_diff",
        action="store_true",
        default=False,
        help="show the difference when a frame comparison fails",
    )


@pytest.fixture
def use_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point ``$BIBUN_CONFIG`` at a TOML file with the given text; returns the loaded Config.

    Usage: ``cfg = use_config('language = "ja"')``.
    """
    from core.config import ENV_VAR, load_config

    def _use(text: str = ""):
        path = tmp_path / "bibun.toml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv(ENV_VAR, str(path))
        return load_config(path)

    return _use
