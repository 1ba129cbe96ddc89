"""How a scene is set up: its parameters (``$BIBUN_CONFIG`` or ``./bibun.toml``) and its theme.

:func:`load_scene_config`
    The validated :class:`core.config.Config` for a scene, the language optionally overridden by a
    scene variant's class attribute, ``$BIBUN_THEME`` overriding the theme, which is then made the
    style's (:func:`scenes.kit.style.use_theme`).
:func:`prepare_scene`
    The config and the text catalogue for a scene, its camera in the theme's background
    (:meth:`scenes.kit.lesson.Lesson.setup` calls it for every lesson; the figures call it too).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from scenes.kit import style

__all__ = ["THEME_ENV_VAR", "load_scene_config", "prepare_scene"]


#: Overrides ``theme`` of the parameter file (``render.sh --theme`` sets it for each render).
THEME_ENV_VAR = "BIBUN_THEME"


def load_scene_config(language: str | None = None):
    """The validated :class:`core.config.Config` for a scene, its theme made the style's.

    Reads ``$BIBUN_CONFIG``, else ``./bibun.toml``, else the post's defaults (see
    :func:`core.config.load_config`); never cached, so tests may switch files between scenes.
    ``$BIBUN_THEME``, when set, overrides the file's ``theme``; :func:`scenes.kit.style.use_theme`
    then makes every colour of :mod:`scenes.kit.style` the theme's.

    Parameters
    ----------
    language : {"en", "ja"}, optional
        Overrides ``config.language`` (a scene variant's class attribute, e.g.
        ``class SecantToTangentJa(SecantToTangent): language = "ja"``).
    """
    import os

    from core.config import THEMES, load_config

    cfg = load_config()
    if language is not None:
        if language not in ("en", "ja"):
            raise ValueError(f"language: must be 'en' or 'ja', got {language!r}")
        cfg = replace(cfg, language=language)
    theme = os.environ.get(THEME_ENV_VAR) or cfg.theme
    if theme not in THEMES:
        raise ValueError(f"${THEME_ENV_VAR}: must be one of {', '.join(THEMES)}, got {theme!r}")
    cfg = replace(cfg, theme=theme)
    style.use_theme(theme)
    return cfg


def prepare_scene(scene: Any, language: str | None = None):
    """Set a scene up in bibun's style; returns ``(config, catalogue)``.

    Loads the config (:func:`load_scene_config`, ``language`` overriding it, which also sets the
    theme), and gives the camera the theme's background. With ``-t`` (transparent) the
    background's alpha is 0 whatever its colour.
    """
    from manim import ManimColor

    from scenes.kit.text import Catalogue

    cfg = load_scene_config(language)
    scene.camera.background_color = ManimColor(style.BACKGROUND)
    return cfg, Catalogue(cfg.language)
