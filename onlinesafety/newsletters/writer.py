"""Safe, atomic, deterministic output.

Every name is a whitelisted slug (or one of a few fixed file names) and every folder is resolved and
checked to stay inside --out. A school's folder is built in a new temporary folder next to it and
swapped in only when every school has been built, so a failed run leaves earlier output untouched.
Files inside that new folder are created with O_EXCL (never through an existing file or link); the
folder swap is the atomic step for them. Files written straight into --out go through a temporary
file and os.replace. Nothing carries a timestamp.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model.common import SLUG_PATTERN
from .errors import OutputError

SLUG = re.compile(SLUG_PATTERN)
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}\.(html|txt|md|json|xml)$")
TEMP_MARK = ".tmp-"
OLD_MARK = ".old-"

Files = Mapping[tuple[str, ...], str]


def check_name(name: str, *, file: bool = False) -> str:
    """`name` if it is a safe folder slug (or, with file=True, a slug with a known extension)."""
    pattern = FILE_NAME if file else SLUG
    if not isinstance(name, str) or not pattern.fullmatch(name):
        kind = "file name" if file else "folder name"
        raise OutputError(f"refusing the {kind} {name!r}: names must be lower-case letters, digits and hyphens",
                          "use a name like 'hillside-primary' (the school's 'id' field sets its folder)")
    return name


def check_parts(parts: Iterable[str]) -> tuple[str, ...]:
    """Folder slugs followed by a file name."""
    parts = tuple(parts)
    if not parts:
        raise OutputError("refusing an empty output path", "report this as a bug")
    for part in parts[:-1]:
        check_name(part)
    check_name(parts[-1], file=True)
    return parts


def inside(root: Path, path: Path) -> Path:
    """`path` resolved, if it stays inside `root` (symbolic links followed); otherwise an error."""
    root_resolved = root.resolve()
    resolved = path.resolve()
    if resolved != root_resolved and root_resolved not in resolved.parents:
        raise OutputError(f"refusing to write {path}: it resolves to {resolved}, outside {root}",
                          "remove the symbolic link, or choose another --out folder")
    return resolved


def write_file(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: a temporary file in the same folder, then os.replace."""
    data = text.encode("utf-8")
    handle, temp = _temp_file(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        _remove(Path(temp))
        raise


def _write_new(path: str, text: str) -> None:
    """Create `path`, which must not exist yet (inside a new staging folder), and write `text`."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with os.fdopen(handle, "wb") as stream:
        stream.write(text.encode("utf-8"))


def _temp_file(path: Path) -> tuple[int, str]:
    for _ in range(100):
        temp = path.parent / f".{path.name}{TEMP_MARK}{secrets.token_hex(6)}"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), str(temp)
        except FileExistsError:
            continue
    raise OutputError(f"cannot create a temporary file in {path.parent}", "remove old .tmp- files there")


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        pass


@dataclass
class Staging:
    """Folders built next to their targets, swapped in together by `commit`, or all removed by `discard`."""

    out: Path
    staged: list[tuple[Path, Path]] = field(default_factory=list)  # (temporary folder, target)
    top: dict[str, str] = field(default_factory=dict)  # files directly in --out, written on commit
    _leftovers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.out = prepare_out(self.out)
        # Folders left by a run that was killed part-way (found once, tidied per school).
        self._leftovers = sorted(entry.name for entry in os.scandir(self.out)
                                 if entry.name.startswith(".") and (TEMP_MARK in entry.name or OLD_MARK in entry.name))

    def stage(self, name: str, files: Files) -> Path:
        """Write `files` into a new temporary folder that will replace out/`name`."""
        check_name(name)
        target = self.out / name
        inside(self.out, target)
        recover(self.out, name, self._leftovers)
        temp = self.out / f".{name}{TEMP_MARK}{secrets.token_hex(6)}"
        self.staged.append((temp, target))
        try:
            temp.mkdir()
            root = str(inside(self.out, temp))
            folders: set[tuple[str, ...]] = set()
            for parts in sorted(files):
                check_parts(parts)
                folder = parts[:-1]
                if folder not in folders:
                    path = os.path.join(root, *folder)
                    os.makedirs(path, exist_ok=True)
                    inside(temp, Path(path))
                    folders.add(folder)
                _write_new(os.path.join(root, *parts), files[parts])
        except OSError as error:
            raise _output_error(error, target) from None
        return temp

    def stage_top(self, name: str, text: str) -> None:
        """One file directly in --out (such as the schools index), written on commit."""
        self.top[check_name(name, file=True)] = text

    def commit(self) -> None:
        """Swap every staged folder into place; if a swap fails, put back what was there before."""
        done: list[tuple[Path, Path | None]] = []
        try:
            for temp, target in self.staged:
                old = None
                if target.exists() or target.is_symlink():
                    if target.is_symlink() or not target.is_dir():
                        raise OutputError(f"{target} exists and is not a folder", "move it out of the way")
                    old = target.with_name(f".{target.name}{OLD_MARK}{secrets.token_hex(6)}")
                    os.rename(target, old)
                try:
                    os.rename(temp, target)
                except BaseException:
                    if old is not None:
                        os.rename(old, target)
                    raise
                done.append((target, old))
            for name in sorted(self.top):
                write_file(inside(self.out, self.out / name), self.top[name])
        except BaseException as error:
            for target, old in reversed(done):
                _remove(target)
                if old is not None:
                    os.rename(old, target)
            self.discard()
            if isinstance(error, OSError):
                raise _output_error(error, self.out) from None
            raise
        for _, old in done:
            if old is not None:
                _remove(old)
        self.staged.clear()
        self.top.clear()

    def discard(self) -> None:
        """Remove every temporary folder (earlier output is untouched)."""
        for temp, _ in self.staged:
            _remove(temp)
        self.staged.clear()
        self.top.clear()


def prepare_out(out: Path) -> Path:
    """The --out folder, created if needed; an error if it cannot be a writable folder."""
    try:
        if out.exists() and not out.is_dir():
            raise OutputError(f"--out {out} is a file, not a folder", "choose a folder for the output")
        out.mkdir(parents=True, exist_ok=True)
        probe_handle, probe = _temp_file(out / "probe")
        os.close(probe_handle)
        os.unlink(probe)
    except OSError as error:
        raise _output_error(error, out) from None
    return out


def recover(out: Path, name: str, leftovers: list[str] | None = None) -> None:
    """Tidy up after a run that was killed: restore a folder left mid-swap, remove stale temporary folders."""
    if leftovers is None:
        leftovers = sorted(entry.name for entry in os.scandir(out) if entry.name.startswith("."))
    target = out / name
    for leftover in leftovers:
        if leftover.startswith(f".{name}{OLD_MARK}"):
            if not target.exists():
                os.rename(out / leftover, target)
            else:
                _remove(out / leftover)
    for leftover in leftovers:
        if leftover.startswith(f".{name}{TEMP_MARK}"):
            _remove(out / leftover)


def _output_error(error: OSError, where: Path) -> OutputError:
    reason = error.strerror or str(error)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = "choose an --out folder you can write to, or ask for write permission"
    elif error.errno == errno.ENOSPC:
        fix = "free some disk space and run again"
    elif error.errno in (errno.ENOTDIR, errno.EEXIST):
        fix = "choose an --out folder whose parents are folders, not files"
    else:
        fix = "check the --out folder and run again"
    filename = error.filename or where
    return OutputError(f"cannot write to {filename}: {reason}; earlier output was left as it was", fix)
