"""Is this output folder safe to replace? Never the project's sources, never someone else's files.

A command that replaces a whole folder (the Markdown export) asks `check_output_folder` first. It refuses:

- an empty name (it would mean the current folder);
- a folder that is, contains or lies inside one of the `protected` folders (content/, templates/, .git/), or
  that is or contains the project root (a new folder inside the project, like `md/`, is fine);
- a symbolic link (replacing it would swap the link for a folder, or write where it points);
- a path that is a file, not a folder;
- an existing folder that is not empty, unless every file in it was written by us, unchanged: each
  export leaves a manifest (`MANIFEST`) listing its files with their SHA-256, and anything not in it,
  or changed since, is someone else's work that replacing the folder would destroy.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".onlinesafety-export.json"
MANIFEST_FORMAT = 1
SHOWN_AT_MOST = 3


class UnsafeOutput(Exception):
    """The output folder must not be written; `message` says why and `fix` what to do."""

    def __init__(self, out: object, message: str, fix: str) -> None:
        self.out, self.message, self.fix = out, message, fix
        super().__init__(f"refusing to write to '{out}': {message}. Fix: {fix}.")


@dataclass(frozen=True)
class Protected:
    """A folder no output may be, contain or (if `inside_ok` is false) lie inside."""

    path: Path
    name: str
    inside_ok: bool = False


def project_folders(content_root: Path) -> list[Protected]:
    """The project's content/ and templates/, and the project root (the folder holding content/)."""
    content = Path(content_root).resolve()
    project = content.parent
    return [Protected(content, "the project's content folder"),
            Protected(project / "templates", "the project's templates folder"),
            Protected(project / ".git", "the project's git folder"),
            Protected(project, "the project folder", inside_ok=True)]


def check_output_folder(out: Path | str, protected: Iterable[Protected], *, writer: str) -> Path:
    """`out` resolved, if replacing it as a whole is safe; otherwise UnsafeOutput. `writer`: our command."""
    if str(out).strip() == "":
        raise UnsafeOutput(out, "no folder name was given", "name a new or empty folder, such as md/")
    out = Path(out)
    if out.is_symlink():
        raise UnsafeOutput(out, f"it is a symbolic link (to {os.readlink(out)})",
                           "name the folder itself, or a new folder")
    resolved = out.resolve()
    for folder in protected:
        target = folder.path.resolve()
        if resolved == target:
            raise UnsafeOutput(out, f"it is {folder.name} ({target})", "name a new folder outside it, such as md/")
        if resolved in target.parents:
            raise UnsafeOutput(out, f"it contains {folder.name} ({target}); replacing it would delete that",
                               "name a new folder, such as md/")
        if not folder.inside_ok and target in resolved.parents:
            raise UnsafeOutput(out, f"it lies inside {folder.name} ({target})",
                               "name a folder outside it, such as md/ in the project folder")
    if resolved.exists() and not resolved.is_dir():
        raise UnsafeOutput(out, "it is a file, not a folder", "name a new or empty folder")
    if resolved.is_dir():
        foreign = foreign_entries(resolved)
        if foreign:
            shown = ", ".join(foreign[:SHOWN_AT_MOST]) + (" and more" if len(foreign) > SHOWN_AT_MOST else "")
            raise UnsafeOutput(out, f"it holds files that {writer} did not write, or that were changed since "
                               f"({shown}); replacing the folder would delete them",
                               "name a new or empty folder, or move those files away (delete the folder "
                               "yourself if nothing in it is needed)")
    return resolved


def foreign_entries(folder: Path, at_most: int = SHOWN_AT_MOST + 1) -> list[str]:
    """Up to `at_most` files in `folder` that its manifest does not list with the same SHA-256.

    With no manifest every file is foreign. Folders themselves are not: only files carry work. Stops
    early, so a large folder named by mistake (say a home folder) is refused without reading it all.
    """
    listed = read_manifest(folder)
    foreign: list[str] = []
    for top, folders, files in os.walk(folder):
        folders.sort()
        for name in [*sorted(files), *(entry for entry in folders if os.path.islink(os.path.join(top, entry)))]:
            path = Path(top, name)
            relative = path.relative_to(folder).as_posix()
            if relative == MANIFEST:
                continue
            if path.is_symlink() or not path.is_file() or listed.get(relative) != file_digest(path):
                foreign.append(relative)
                if len(foreign) >= at_most:
                    return foreign
    return foreign


def read_manifest(folder: Path) -> dict[str, str]:
    """{relative path: SHA-256} from the manifest in `folder`; empty if there is none or it is not ours."""
    path = folder / MANIFEST
    if path.is_symlink() or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT else None
    if not isinstance(files, dict):
        return {}
    return {str(name): str(digest) for name, digest in files.items()}


def write_manifest(folder: Path, files: Mapping[str, str], *, writer: str) -> None:
    """Record `files` ({relative path: SHA-256}) as written by `writer` in `folder`."""
    data = {"format": MANIFEST_FORMAT, "written_by": writer,
            "note": "Files this command wrote; it replaces this folder only while they are all unchanged.",
            "files": dict(sorted(files.items()))}
    (folder / MANIFEST).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def text_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
