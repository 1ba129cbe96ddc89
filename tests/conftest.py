"""Shared pytest set-up: the post's parameters for every test, manim's frame-comparison flags, a
fixture for bibun.toml variants, and the recorded run of every lesson."""

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that reads a scene's recorded run joins the xdist group named for the scene's
    module (``scenes.aim``: both aiming scenes), as the scene's own test module does
    (``pytestmark``). A run is made once per worker that needs it, so the tests of one module's
    scenes go to one worker; with ``--dist loadgroup``, as ``./render.sh test`` runs, the groups
    and the other tests share out the cores."""
    from scenes import SCENES

    for item in items:
        if "recorded" not in getattr(item, "fixturenames", ()):
            continue
        if item.get_closest_marker("xdist_group") is not None:
            continue
        name = getattr(item, "callspec", None) and item.callspec.params.get("name")
        if name in SCENES:
            item.add_marker(pytest.mark.xdist_group(SCENES[name].module))


@pytest.fixture(autouse=True)
def _post_parameters(monkeypatch: pytest.MonkeyPatch, tmp_path_factory) -> None:
    """Every test starts from the built-in parameters (the post's values, which the shipped
    bibun.toml repeats: tests/core/test_config.py), not from whatever ./bibun.toml a user has
    edited, and without a theme or record file from the environment."""
    from core.config import ENV_VAR

    empty = tmp_path_factory.getbasetemp() / "post.toml"
    if not empty.exists():
        empty.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(empty))
    monkeypatch.delenv("BIBUN_THEME", raising=False)
    monkeypatch.delenv("BIBUN_RECORD", raising=False)


@pytest.fixture(scope="session")
def recorded(tmp_path_factory):
    """``recorded(name, language="en")``: the :class:`scene_testing.Recording` of the registered
    scene ``name`` in ``language`` with the post's parameters, played once per session (per
    xdist worker: tests that use it are grouped by scene, see ``pytest_collection_modifyitems``)."""
    from scene_testing import record  # needs manim

    made = {}

    def get(name: str, language: str = "en"):
        if (name, language) not in made:
            folder = tmp_path_factory.mktemp(f"recorded-{name}-{language}")
            made[name, language] = record(name, language, folder)
        return made[name, language]

    return get


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
