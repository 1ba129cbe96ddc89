"""The embed page: ``out/site/index.html``, every video and figure with the HTML to paste.

``./render.sh site`` renders what is missing (MP4 and WebM of each scene with posters and
captions, the figures' PNGs), then calls :func:`write_site`. The page and everything it shows
live in ``out/site/``: the files are copied there, the styles are inline and the fonts are the
reader's own, so the folder works from ``file://`` and can be uploaded as it is. Each item is shown
beside the snippet a blogger pastes into a post (paths relative to the page).

The page is written in the render's language and theme, into ``site.new`` and swapped in whole.
"""

from __future__ import annotations

import base64
import html
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from publish.deck import swap_in
from scenes import RENAMED_FIGURES
from scenes.kit.text import Catalogue

__all__ = ["LANGUAGE_NAMES", "write_site"]

LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}


def _copy(src: Path, dst: Path) -> None:
    """A hard link where the file system allows it (no second copy of a video), else a copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _video_html(
    name: str, videos: Path, tr: Catalogue, languages: Sequence[str], *, inline: bool = False
) -> str:
    """The ``<video>`` element of a scene, with its sources and a caption track for each
    language but the render's own (which the video carries burned in, in its caption band).

    With ``inline``, each track carries its WebVTT as a ``data:`` URL: browsers refuse to load a
    track file from a page opened as ``file://`` (each file is its own origin), so the preview
    page inlines them; the snippet to paste names the ``.vtt`` files, which a web server serves.
    """
    e = html.escape
    lines = [
        f'<video controls preload="metadata" width="960" poster="videos/{e(name)}.png"'
        f' aria-label="{e(tr(f"site.video.{name}"))}">',
        f'  <source src="videos/{e(name)}.mp4" type="video/mp4">',
    ]
    if (videos / f"{name}.webm").is_file():
        lines.append(f'  <source src="videos/{e(name)}.webm" type="video/webm">')
    for lang in languages:
        if lang == tr.language:
            # burned in at the bottom of every frame: a track in it would show each line twice
            continue
        stem = f"{name}.{lang}"
        if (videos / f"{stem}.vtt").is_file():
            default = ""
            src = f"videos/{stem}.vtt"
            if inline:
                vtt = base64.b64encode((videos / f"{stem}.vtt").read_bytes()).decode("ascii")
                src = f"data:text/vtt;charset=utf-8;base64,{vtt}"
            lines.append(f'  <track kind="captions" src="{e(src)}" srclang="{lang}"'
                         f' label="{LANGUAGE_NAMES[lang]}"{default}>')
    lines.append("</video>")
    return "\n".join(lines)


def _image_html(name: str, path: Path, tr: Catalogue) -> str:
    from PIL import Image

    with Image.open(path) as img:
        w, h = img.size
    return (f'<img src="figures/{html.escape(name)}.png" width="{w // 2}" height="{h // 2}"'
            f' alt="{html.escape(tr(f"site.alt.{RENAMED_FIGURES.get(name, name)}"))}">')


_CSS = """
:root {{ color-scheme: {scheme}; --bg: {bg}; --ink: {ink}; --dim: {dim}; --panel: {panel}; }}
body {{ margin: 0; background: var(--bg); color: var(--ink);
  font: 17px/1.55 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP",
  sans-serif; }}
main {{ max-width: 1100px; margin: 0 auto; padding: 2rem 1.25rem 4rem; }}
h1 {{ font-size: 1.8rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.25rem; margin: 2.5rem 0 .5rem; }}
p.lead, p.what {{ color: var(--dim); margin: .25rem 0 1rem; }}
figure {{ margin: 0; }}
video, img {{ max-width: 100%; height: auto; display: block; border-radius: 6px; }}
.item {{ display: grid; gap: 1rem; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  align-items: start; }}
@media (max-width: 900px) {{ .item {{ grid-template-columns: 1fr; }} }}
pre {{ background: var(--panel); padding: .9rem 1rem; border-radius: 6px; overflow-x: auto;
  font: 14px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap;
  overflow-wrap: anywhere; }}
"""


def write_site(
    out: Path,
    scenes: Sequence[str],
    figures: Sequence[str],
    *,
    language: str,
    theme: str,
    caption_languages: Sequence[str],
) -> Path:
    """Write ``out/site/`` from the videos and figures in ``out``; returns the page's path."""
    from scenes.kit import style

    tr = Catalogue(language)
    colours = style.THEMES[theme]
    folder = out / "site"
    new = folder.with_name("site.new")
    shutil.rmtree(new, ignore_errors=True)
    (new / "videos").mkdir(parents=True)
    (new / "figures").mkdir()
    videos = out / "videos"
    for name in scenes:
        for f in videos.glob(f"{name}.*"):
            if f.suffix in (".mp4", ".webm", ".png", ".vtt"):
                _copy(f, new / "videos" / f.name)
    for name in figures:
        _copy(out / "figures" / f"{name}.png", new / "figures" / f"{name}.png")

    e = html.escape
    parts = [
        "<!doctype html>",
        f'<html lang="{language}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(tr('site.title'))}</title>",
        "<style>" + _CSS.format(
            scheme="light" if theme == "light" else "dark", bg=colours["BACKGROUND"],
            ink=colours["TEXT"], dim=colours["TEXT_DIM"], panel=colours["PANEL"]) + "</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{e(tr('site.title'))}</h1>",
        f'<p class="lead">{e(tr("site.lead"))}</p>',
    ]
    for name in scenes:
        snippet = _video_html(name, new / "videos", tr, caption_languages)
        preview = _video_html(name, new / "videos", tr, caption_languages, inline=True)
        parts += [
            f'<section id="{e(name)}">',
            f"<h2>{e(name)}</h2>",
            f'<p class="what">{e(tr(f"site.video.{name}"))}</p>',
            f'<div class="item"><figure>{preview}</figure>',
            f'<div class="code"><p class="what">{e(tr("site.snippet"))}</p>',
            f"<pre><code>{e(snippet)}</code></pre></div></div>",
            "</section>",
        ]
    for name in figures:
        snippet = _image_html(name, new / "figures" / f"{name}.png", tr)
        parts += [
            f'<section id="figure-{e(name)}">',
            f"<h2>{e(name)}</h2>",
            f'<div class="item"><figure>{snippet}</figure>',
            f'<div class="code"><p class="what">{e(tr("site.snippet"))}</p>',
            f"<pre><code>{e(snippet)}</code></pre></div></div>",
            "</section>",
        ]
    parts += ["</main>", "</body>", "</html>", ""]
    (new / "index.html").write_text("\n".join(parts), encoding="utf-8")
    swap_in(new, folder)
    return folder / "index.html"

