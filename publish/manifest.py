"""What each output was made from, so that ``render.sh`` renders only what changed.

For every output, ``out/.manifest.json`` records a key and the files written:

- the key hashes everything the output depends on: the source of the scene's module and of every
  module of ``scenes/``, ``core/`` and ``publish/`` it imports (found statically, :func:`sources`),
  the parameter sections the scene reads (declared in the registry, ``Entry.reads``, and checked
  against the source by :func:`sections_in_class`) with their values, every top-level parameter
  (language, theme...), the command-line options that change the file (every parsed option but those
  that only pick outputs or steer the run, :func:`output_options`), and the versions of manim and
  bibun;
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
from dataclasses import asdict, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "NOT_OUTPUT_OPTIONS",
    "Manifest",
    "config_sections",
    "key_for",
    "output_options",
    "sections_in_class",
    "sections_read",
    "sources",
]

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("scenes", "core", "publish")


def _module_file(name: str, root: Path) -> Path | None:
    parts = name.split(".")
    if parts[0] not in PACKAGES:
        return None
    base = root.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path, root: Path) -> tuple[Path, ...]:
    """The project modules ``path`` imports (``import core.x``, ``from scenes.kit import
    style``)."""
    st = path.stat()  # a file edited since (same process: tests, a long-lived caller) is re-read
    return _imports_cached(path, root, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _imports_cached(path: Path, root: Path, mtime_ns: int, size: int) -> tuple[Path, ...]:  # noqa: ARG001
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            # a package's own __init__ runs too: scenes.kit.axes imports scenes/__init__.py
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


def _config_name(node: ast.AST) -> bool:
    """Whether ``node`` names a config object: ``cfg``, ``config``, ``self.cfg``..."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return name in ("cfg", "config", "conf", "configuration")


def _sections_in(nodes: Iterable[ast.AST], sections: set[str]) -> set[str]:
    found = set()
    for top in nodes:
        for node in ast.walk(top):
            if (isinstance(node, ast.Attribute) and node.attr in sections
                    and _config_name(node.value)):
                found.add(node.attr)
    return found


def sections_in_class(module: str, cls: str, sections: Iterable[str],
                      root: Path = ROOT) -> list[str]:
    """The parameter sections that class ``cls`` of ``module`` reads, found statically.

    Counts ``cfg.<section>`` / ``self.cfg.<section>`` / ``config.<section>`` in the class, in its
    base classes defined in the same module, and in the module's functions and top-level code
    (any class may call those). The registry's ``Entry.reads`` must include these; a read that
    hides behind another name is not seen, so keep to ``cfg``.
    """
    path = _module_file(module, root)
    if path is None:
        raise ValueError(f"{module!r} is not a module of {', '.join(PACKAGES)}")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    if cls not in classes:
        raise ValueError(f"{module} defines no class {cls!r}")
    chain, todo = [], [cls]
    while todo:
        name = todo.pop()
        if name in classes and classes[name] not in chain:
            chain.append(classes[name])
            todo += [b.id for b in classes[name].bases if isinstance(b, ast.Name)]
    rest = [n for n in tree.body if not isinstance(n, ast.ClassDef)]
    return sorted(_sections_in([*chain, *rest], set(sections)))


def config_sections(config: Any) -> list[str]:
    """The section fields of a config dataclass (``function``, ``cannon``...): those that are
    dataclasses themselves; the other fields (``language``, ``theme``...) are top-level keys."""
    return [f.name for f in fields(config) if is_dataclass(getattr(config, f.name))]


#: Parsed options that never change an output's bytes: they choose which outputs to make, where,
#: how many at once, or fold into a hashed parameter (``--theme`` sets ``config.theme``;
#: ``--config`` names the file whose values are hashed; ``--format`` and the command pick the
#: job, whose kind and extension are hashed). Every other option is part of the key, so an
#: option added later is covered without touching this module.
NOT_OUTPUT_OPTIONS = frozenset(
    {"jobs", "out", "list", "check", "force", "names", "config", "theme", "format", "command"}
)

#: Options that only change outputs of some kinds (job kind -> the options it sees).
OPTIONS_ONLY_FOR = {"transparent": {"figure"}, "captions": {"video"}}


def output_options(args: Any, kind: str) -> dict[str, Any]:
    """The parsed options (an ``argparse.Namespace``) that can change an output of ``kind``."""
    return {
        k: v for k, v in sorted(vars(args).items())
        if k not in NOT_OUTPUT_OPTIONS and kind in OPTIONS_ONLY_FOR.get(k, {kind})
    }


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
            versions: Mapping[str, str], reads: Iterable[str] | None = None,
            root: Path = ROOT) -> str:
    """The key of an output made by ``module`` (of the project at ``root``) from ``config``
    with ``options``.

    ``reads`` names the parameter sections the output depends on (the registry's
    ``Entry.reads``); without it, those the module names as ``cfg.<section>``. Every top-level
    parameter (language, theme, any added later) counts for every output.
    """
    files = sorted({*sources(module, root), *extra})
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    section_names = config_sections(config)
    if reads is None:  # shared modules read only language and theme (tests/test_manifest.py)
        reads = sections_read([_module_file(module, root)], section_names)
    unknown = sorted(set(reads) - set(section_names))
    if unknown:
        raise ValueError(f"{module}: reads unknown parameter section(s) {', '.join(unknown)}")
    read = {s: _plain(getattr(config, s)) for s in sorted(set(reads))}
    top = {f.name: _plain(getattr(config, f.name)) for f in fields(config)
           if f.name not in section_names}
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
