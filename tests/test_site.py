"""The embed page: ``render.sh site`` renders what is missing and writes a page that works from
``file://`` in a real browser, with every video, caption track and image loading."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import chromium, console_errors

ROOT = Path(__file__).resolve().parent.parent
#: one worker runs the module (pytest-xdist), so the page is rendered once, not once per worker
pytestmark = [pytest.mark.render, pytest.mark.xdist_group("site")]
SCENES = ["TangentSweep", "AimTheCannon"]  # (every scene is published the same way)
FIGURES = ["curve", "tangents"]


def _site(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "publish.cli", "site", "-q", "l", "--out", str(out), *extra,
         *SCENES, *FIGURES],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
        env={**os.environ, "PYTHONPATH": str(ROOT), "BIBUN_CONFIG": str(ROOT / "bibun.toml")},
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "out"
    result = _site(out, "--theme", "light")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("src", "href", "poster") and value:
                self.refs.append((tag, value))


def test_page_references_only_files_in_its_folder(site):
    folder = site / "site"
    page = (folder / "index.html").read_text(encoding="utf-8")
    refs = _Refs()
    refs.feed(page)
    kinds = {tag for tag, _ in refs.refs}
    assert {"video", "source", "track", "img"} <= kinds
    for tag, ref in refs.refs:
        if tag == "track" and ref.startswith("data:text/vtt"):
            continue  # the preview inlines its captions (file:// pages cannot load .vtt files)
        assert not re.match(r"([a-z]+:)?//", ref), ref
        assert (folder / ref).resolve().is_relative_to(folder.resolve()), ref
        assert (folder / ref).is_file(), ref
    # the snippet beside each video is its element, naming the caption files to upload
    assert page.count("&lt;video controls") == len(SCENES)
    for name in SCENES:
        assert f"src=&quot;videos/{name}.ja.vtt&quot;" in page
    assert 'lang="en"' in page and "#FFFFFF" in page  # light theme, the file's language


def test_second_run_renders_nothing_that_is_there(site):
    result = _site(site, "--theme", "light")
    assert result.returncode == 0, result.stderr
    assert "start " not in result.stdout  # no manim job started
    assert "embed page written" in result.stdout


def test_page_works_in_chromium(site, tmp_path):
    import av
    from PIL import Image

    folder = site / "site"
    with chromium() as driver:
        driver.get((folder / "index.html").as_uri())
        js_videos = """
            return Array.from(document.querySelectorAll('video')).map(v => {
              for (const t of v.textTracks) t.mode = 'hidden';  // load every track
              return v.currentSrc;
            });"""
        sources = driver.execute_script(js_videos)
        assert len(sources) == len(SCENES)
        deadline = time.monotonic() + 20
        state = []
        while time.monotonic() < deadline:
            state = driver.execute_script("""
                return Array.from(document.querySelectorAll('video')).map(v => ({
                  src: v.currentSrc, ready: v.readyState, duration: v.duration,
                  tracks: Array.from(v.textTracks).map(
                    t => [t.language, t.cues ? t.cues.length : -1])
                }));""")
            if all(v["ready"] >= 1 and all(n > 0 for _, n in v["tracks"]) for v in state):
                break
            time.sleep(0.25)
        for v in state:
            assert v["ready"] >= 1, f"metadata did not load: {v}"
            name = Path(v["src"]).name
            with av.open(str(folder / "videos" / name)) as c:
                s = c.streams.video[0]
                file_duration = float(s.duration * s.time_base)
            assert abs(v["duration"] - file_duration) <= 0.2, (name, v["duration"], file_duration)
            # the English page's videos carry English burned in: a track only for Japanese
            assert sorted(lang for lang, _ in v["tracks"]) == ["ja"]
            assert all(n >= 1 for _, n in v["tracks"]), v["tracks"]
        images = driver.execute_script("""
            return Array.from(document.images).map(i => [i.getAttribute('src'), i.complete,
                                                          i.naturalWidth, i.naturalHeight]);""")
        assert len(images) == len(FIGURES)
        for src, complete, w, h in images:
            with Image.open(folder / src) as img:
                assert complete and (w, h) == img.size, src
        driver.save_screenshot(str(tmp_path / "site.png"))
        assert console_errors(driver) == []
