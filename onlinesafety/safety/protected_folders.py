"""Output folders that would overwrite the project: the project itself, its content or its templates.

A command that replaces its output folder as a whole must not be pointed at the project folder, at a
folder that holds the project, or at (or into) the folders people edit: content/, templates/, the
package and .git. Paths are compared after resolving symbolic links, so a link cannot get round it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROJECT_FOLDERS = ("content", "templates", "onlinesafety", "hooks", ".git")


class UnsafeOutputFolder(ValueError):
    """An output folder that would overwrite the project's own files."""

    def __init__(self, message: str, fix: str) -> None:
        self.message, self.fix = message, fix
        super().__init__(f"{message}. Fix: {fix}.")


def check_outside_project(out: Path | str, *, option: str = "--out", root: Path | None = None,
                        protected: Iterable[tuple[str, Path]] = ()) -> Path:
    """`out` as an absolute path, or UnsafeOutputFolder if it is empty, or is, holds or lies inside a
    protected folder: the project `root` itself (or a folder holding it), root's PROJECT_FOLDERS, and
    `protected` ((label, folder) pairs, such as the --content folder given on the command line)."""
    if not str(out).strip():
        raise UnsafeOutputFolder(f"{option} is empty", f"give the folder to write into, like {option} newsletters-out")
    path = Path(out).expanduser().resolve()
    fix = f"choose a new folder outside the project's own files, like {option} newsletters-out"
    top = (root or PROJECT_ROOT).resolve()
    if path == top or path in top.parents:
        what = "is the project folder" if path == top else f"holds the project folder {top}"
        raise UnsafeOutputFolder(f"{option} {out} {what}; writing there would replace the project's files", fix)
    folders = [(name, top / name) for name in PROJECT_FOLDERS] + list(protected)
    for label, folder in folders:
        folder = Path(folder).resolve()
        if path == folder or folder in path.parents:
            raise UnsafeOutputFolder(f"{option} {out} lies inside the {label} folder ({folder}); writing there "
                                     f"would change or break the project's files", fix)
        if path in folder.parents:
            raise UnsafeOutputFolder(f"{option} {out} holds the {label} folder ({folder}); writing there would "
                                     f"replace it", fix)
    return path
