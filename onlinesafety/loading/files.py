"""Read one content file only if it is a regular file: never a folder, pipe, socket, device or link.

A named pipe opened for reading blocks until something writes to it, so the type is checked before
anything is read: the file is opened without following links and without blocking, and `fstat` on the
open handle (not on the name, which could be swapped in between) decides whether it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ContentError
from .safe_yaml import MAX_BYTES

_KINDS = (
    (stat.S_ISDIR, "a folder", "rename the folder so its name does not end in .yml or .md, or move it away"),
    (stat.S_ISLNK, "a symbolic link", "replace the link with the file itself (content files are read only "
                                      "as regular files, so nothing outside content/ can be pulled in)"),
    (stat.S_ISFIFO, "a named pipe", "delete it; content files must be regular files"),
    (stat.S_ISSOCK, "a socket", "delete it; content files must be regular files"),
    (stat.S_ISCHR, "a device", "delete it; content files must be regular files"),
    (stat.S_ISBLK, "a device", "delete it; content files must be regular files"),
)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def not_regular(mode: int, shown: str) -> ContentError | None:
    """The error for a file of this `mode` that is not a regular file; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind, fix = next(((kind, fix) for test, kind, fix in _KINDS if test(mode)),
                     ("not a regular file", "replace it with a regular file"))
    return ContentError(shown, 1, None, f"this is {kind}, not a regular file, so it was not read", fix)


def read_text_file(path: Path, shown: str, limit: int = MAX_BYTES, *, follow_links: bool = False) -> str:
    """The UTF-8 text of `path`, a regular file of at most `limit` bytes; otherwise a ContentError.

    `follow_links`: read the file a link points to (for files named on the command line, such as a
    school profile); content files never follow links.
    """
    try:
        error = not_regular((os.stat if follow_links else os.lstat)(path).st_mode, shown)
    except OSError as problem:
        raise ContentError(shown, 1, None, f"cannot read the file ({problem.strerror})",
                           "check that it exists and can be read") from None
    if error is not None:
        raise error
    try:
        handle = os.open(path, _FLAGS & ~_NOFOLLOW if follow_links else _FLAGS)
    except OSError as problem:  # ELOOP: it became a link since lstat; others: permissions and the like
        raise ContentError(shown, 1, None, f"cannot read the file ({problem.strerror})",
                           "make it a regular file that can be read") from None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        error = not_regular(status.st_mode, shown)
        if error is not None:
            raise error
        data = stream.read(limit + 1)
    if len(data) > limit:
        size = max(status.st_size, len(data))
        raise ContentError(shown, 1, None, f"file is {size // 1024} KiB; the limit is {limit // 1024} KiB",
                           "split it into smaller files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise ContentError(shown, 1, None, f"file is not UTF-8 text ({problem.reason})", "save it as UTF-8") from None


def linked_folder(root: Path, path: Path) -> Path | None:
    """The first folder between `root` and `path` that is a symbolic link, or None."""
    try:
        parts = path.relative_to(root).parts[:-1]
    except ValueError:
        return None
    folder = root
    for part in parts:
        folder = folder / part
        if folder.is_symlink():
            return folder
    return None
