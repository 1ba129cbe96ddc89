"""What each output was made from, so that ``render.sh`` renders only what changed.

For every output, ``out/.manifest.json`` records a key and the files written:

- the key hashes everything the output depends on: the source of the scene's module and of every
  module of ``scenes/`` and ``core/`` it imports (found statically, :func:`sources`), the
  parameter sections its module reads (``cfg.function``, ``cfg.cannon``...,
  :func:`sections_read`) with their values, the language and theme, the options that change the
  file (quality, format, captions, transparency), and the versions of manim and bibun;
- the files are the output and its companions (captions, poster), each with its size and
  modification time, so that a file changed or deleted by hand is noticed.

An output whose key and files match is "up to date" and is not rendered again (``--force``
renders anyway). Standard library only: the check runs before anything heavy is imported.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Manifest", "key_for", "sections_read", "sources"]

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("scenes", "core")


def _module_file(name: str, root: Path) -> Path | None:
    parts = name.split(".")
    if parts[0] not in PACKAGES:
        return None
    base = root.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=64)
def _imports(path: Path, root: Path) -> tuple[Path, ...]:
    """The project modules ``path`` imports (``import core.x``, ``from scenes import style``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            # a package's own __init__ runs too: scenes.common imports scenes/__init__.py
            for i in range(1, len(name.split(".")) + 1):
                f = _module_file(".".join(name.split(".")[:i]), root)
                if f is not None:
                    found.append(f)
    return tuple(dict.fromkeys(found))


def sources(module: str, root: Path = ROOT) -> list[Path]:
    """The file of ``module`` and of every project module it imports, directly or not."""
    start = _module_file(module, root)
    if start is None:
        raise ValueError(f"{module!r} is not a module of {', '.join(PACKAGES)}")
    seen: dict[Path, None] = {}
    todo = [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen[path] = None
        todo.extend(_imports(path, root))
    return sorted(seen)


def sections_read(paths: Iterable[Path], sections: Iterable[str]) -> list[str]:
    """The parameter sections named as ``cfg.<section>`` in the sources ``paths``."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    used = set(re.findall(r"\bcfg\.([a-z_]+)", text))
    return sorted(s for s in sections if s in used)


def _plain(value: Any) -> Any:
    """A JSON-able form of a config value (dataclasses as dicts; callables dropped)."""
    if is_dataclass(value):
        return {k: _plain(v) for k, v in asdict(value).items() if not callable(v)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if not callable(v)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float | int | str | bool) or value is None:
        return value
    return repr(value)


def key_for(module: str, config: Any, options: Mapping[str, Any], *, extra: Iterable[Path] = (),
            versions: Mapping[str, str], root: Path = ROOT) -> str:
    """The key of an output made by ``module`` (of the project at ``root``) from ``config``
    with ``options``."""
    files = sorted({*sources(module, root), *extra})
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    section_names = [f for f in vars(config) if is_dataclass(getattr(config, f))]
    # the scene's own module reads the sections; shared modules read only language and theme
    # (tests/test_manifest.py checks that they name no section)
    own = [_module_file(module, root)]
    read = {s: _plain(getattr(config, s)) for s in sections_read(own, section_names)}
    top = {f: getattr(config, f) for f in vars(config) if f not in section_names}
    blob = json.dumps({"config": read, "top": top, "options": options, "versions": versions},
                      sort_keys=True, default=repr)
    digest.update(blob.encode())
    return digest.hexdigest()


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


class Manifest:
    """``out/.manifest.json``: output -> its key and the files it wrote."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}

    def up_to_date(self, output: Path, key: str) -> bool:
        """Whether ``output`` was made with ``key`` and its files are as they were written."""
        entry = self.data.get(str(output))
        if not entry or entry.get("key") != key:
            return False
        return all(_stamp(Path(f)) == stamp for f, stamp in entry["files"].items())

    def files(self, output: Path) -> list[Path]:
        """The files recorded for ``output`` (the output first)."""
        return [Path(f) for f in self.data.get(str(output), {}).get("files", {})]

    def record(self, output: Path, key: str, files: Iterable[Path]) -> None:
        """Remember ``output`` made with ``key``, writing ``files``; saved at once, atomically."""
        self.data[str(output)] = {"key": key, "files": {str(f): _stamp(f) for f in files}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self.data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)
