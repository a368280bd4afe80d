"""A folder of outputs keyed by the hash of everything they are made from, so only what changed is made again.

The key of an output is the SHA-256 of its kind, its inputs (the lesson and region as JSON) and the
code and templates that make it (`code_version`), so editing a template or a renderer also misses.
Entries are written atomically; a damaged or missing entry is simply made again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PROJECT = PACKAGE.parents[1]
DEFAULT_FOLDER = PROJECT / ".cache" / "classroom"
CODE_INPUTS = (PACKAGE, PROJECT / "templates" / "classroom",
               PROJECT / "templates" / "material" / "assets" / "javascripts" / "present.js",
               PROJECT / "templates" / "material" / "assets" / "stylesheets" / "present.css")
LIBRARIES = ("python-pptx", "weasyprint", "pypdf", "cairosvg", "mkdocs-material")


def cache_folder() -> Path | None:
    """Where outputs are cached: $ONLINESAFETY_CACHE, or .cache/classroom in the project; 'off' for none."""
    chosen = os.environ.get("ONLINESAFETY_CACHE")
    if chosen == "off":
        return None
    return Path(chosen) if chosen else DEFAULT_FOLDER


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the renderers, their templates and the libraries' versions."""
    digest = hashlib.sha256()
    for library in LIBRARIES:
        digest.update(f"{library}={version(library)}\n".encode())
    for path in sorted(_files(CODE_INPUTS)):
        digest.update(path.relative_to(PROJECT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _files(inputs: Iterable[Path]) -> list[Path]:
    found = []
    for path in inputs:
        if path.is_dir():
            found += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        elif path.is_file():
            found.append(path)
    return found


def key_for(kind: str, *inputs: str) -> str:
    digest = hashlib.sha256(f"{kind}\0{code_version()}".encode())
    for value in inputs:
        digest.update(b"\0" + value.encode("utf-8"))
    return digest.hexdigest()


class OutputCache:
    """Outputs on disk by key; with no folder, nothing is kept and everything is made."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / key[:2] / key

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path is None:
            return
        temporary = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            # A read-only or full disk costs speed, never the build; a half-written entry is not left behind.
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)

    def get_or_make(self, key: str, make: Callable[[], bytes]) -> bytes:
        found = self.get(key)
        if found is not None:
            return found
        self.misses += 1
        data = make()
        self.put(key, data)
        return data
