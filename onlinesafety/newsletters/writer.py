"""Safe, atomic, deterministic output.

--out is a symbolic link to one complete generation of output, kept in a hidden folder beside it
(`.NAME.generations/`, see Staging). A run builds a new generation there and switches the link with
one os.replace, so a reader of --out (a school office opening the folder) sees either the earlier
output or the new output, whole, never a mix, whatever happens mid-run. Every name is a whitelisted
slug (or one of a few fixed file names) and every path is resolved and checked to stay inside the
generation. Files inside a new generation are created with O_EXCL (never through an existing file or
link); single files written elsewhere go through a temporary file and os.replace. Nothing carries a
timestamp.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model.common import SLUG_PATTERN
from .errors import OutputError
from .interrupts import blocked, pause

SLUG = re.compile(SLUG_PATTERN)
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}\.(html|txt|md|json|xml)$")
TEMP_MARK = ".tmp-"  # a generation (or a file) still being written
OLD_MARK = ".old-"  # folders moved aside by versions before December 2026
STORE_MARK = ".generations"
GENERATION_MARK = "g-"
LINK_MARK = ".link-"
LOCK_NAME = ".lock"
LEGACY = "(a folder written by an earlier version)"  # `previous` for output in the layout before generations
_EARLIER_LEFTOVER = re.compile(r"\.[a-z0-9][a-z0-9-]{0,63}\.(tmp|old)-[0-9a-f]{12}")

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
    """One run's output: built as a new generation beside --out, switched in whole by `commit`.

    `stage` and `stage_top` write into the new generation (invisible to readers); `commit` makes
    --out point at it with one os.replace of a symbolic link, then removes the earlier generation;
    `discard` removes the new generation (or, if the switch already happened, finishes tidying up).
    Only one run at a time may write to one --out (a lock in the store; the second run is refused).
    """

    out: Path
    top: dict[str, str] = field(default_factory=dict)  # files directly in --out, written on commit
    store: Path = field(init=False)
    generation: Path = field(init=False)  # the new generation while it is built (then renamed)
    previous: str | None = field(init=False, default=None)  # the generation --out pointed at before
    _link: Path | None = field(init=False, default=None)
    _lock: int | None = field(init=False, default=None)
    _finished: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.out = absolute(self.out)
        self.store = store_for(self.out)
        created_store = False
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            if self.store.is_symlink() or (self.store.exists() and not self.store.is_dir()):
                raise OutputError(f"{self.store} is in the way: it should be the folder that keeps the output "
                                  f"of {self.out}", "remove it, or choose another --out folder")
            try:
                self.store.mkdir()
                created_store = True
            except FileExistsError:
                pass
            self._lock = lock(self.store, self.out)
            self.previous = current_generation(self.out, self.store)
            tidy(self.out, self.store, keep=self.previous)
            if not self.out.exists() and not self.out.is_symlink():
                self.out.mkdir()  # an empty folder until the first output replaces it
            self.generation = self.store / f"{TEMP_MARK}{secrets.token_hex(6)}"
            self.generation.mkdir()
        except BaseException as error:
            if self._lock is not None:  # without the lock, the store belongs to the run that holds it
                self._release(remove_store=created_store)
            elif created_store:
                with contextlib.suppress(OSError):
                    self.store.rmdir()
            if isinstance(error, OSError):
                raise _output_error(error, self.out) from None
            raise

    def stage(self, name: str, files: Files) -> Path:
        """Write out/`name` (one school's folder) into the new generation."""
        check_name(name)
        target = self.generation / name
        try:
            target.mkdir()
            root = str(inside(self.generation, target))
            folders: set[tuple[str, ...]] = set()
            for parts in sorted(files):
                check_parts(parts)
                folder = parts[:-1]
                if folder not in folders:
                    path = os.path.join(root, *folder)
                    os.makedirs(path, exist_ok=True)
                    inside(target, Path(path))
                    folders.add(folder)
                _write_new(os.path.join(root, *parts), files[parts])
        except FileExistsError:
            raise OutputError(f"two schools would share the output folder '{name}'",
                              "give each school a different 'id'") from None
        except OSError as error:
            raise _output_error(error, self.out) from None
        pause("staged")
        return target

    def stage_top(self, name: str, text: str) -> None:
        """One file directly in --out (such as the schools index), written on commit."""
        self.top[check_name(name, file=True)] = text

    def commit(self) -> None:
        """Switch --out to the new generation in one step; then remove the earlier one."""
        try:
            for name in sorted(self.top):
                _write_new(str(inside(self.generation, self.generation / name)), self.top[name])
            final = self.store / f"{GENERATION_MARK}{secrets.token_hex(6)}"
            os.rename(self.generation, final)
            self.generation = final
            pause("before-swap")
            self._link = self.out.parent / f".{self.out.name}{LINK_MARK}{secrets.token_hex(6)}"
            os.symlink(link_target(self.store, final), self._link)
            with blocked():  # a signal now waits until the switch has happened (or failed)
                pause("swap")
                if self.out.is_dir() and not self.out.is_symlink():
                    self._switch_from_folder()
                else:
                    os.replace(self._link, self.out)
                    self._link = None
        except BaseException as error:
            self.discard()
            if isinstance(error, OSError):
                raise _output_error(error, self.out) from None
            raise
        pause("after-swap")
        self.discard()

    def _switch_from_folder(self) -> None:
        """Replace a real --out folder (empty, or output of versions before December 2026) by the link.

        One exchange where the system offers it: the folder then sits where the link was made, and is
        removed with the other leftovers. Otherwise two steps, with signals held back between them.
        """
        if exchange(self._link, self.out):
            return  # self._link's path now holds the earlier folder: tidied by discard()
        aside = self.store / f"{TEMP_MARK}{secrets.token_hex(6)}"
        if self.previous == LEGACY:
            os.rename(self.out, aside)
        else:
            os.rmdir(self.out)
        try:
            os.replace(self._link, self.out)
        except BaseException:
            if self.previous == LEGACY:
                os.rename(aside, self.out)  # put the earlier output back where it was
            else:
                os.mkdir(self.out)
            raise
        self._link = None

    def published(self) -> bool:
        """Whether --out shows this run's generation now (read from the file system, not remembered)."""
        return is_link_to(self.out, self.store, self.generation)

    def outcome(self) -> str:
        """'new' (this run's output is in place), 'earlier' (the earlier output is) or 'none' (no output yet)."""
        if self.published():
            return "new"
        return "earlier" if self.previous else "none"

    def discard(self) -> None:
        """Tidy up: keep whichever generation --out shows, remove every other one and the lock.

        Before the switch that removes the new generation (earlier output untouched); after it, the
        earlier generation. Signals wait until this is done.
        """
        if self._finished:
            return
        with blocked():
            keep = self.generation.name if self.published() else self.previous
            if self._link is not None and (self._link.is_symlink() or keep != self.previous):
                _remove(self._link)  # the unused link, or (after an exchange) the earlier real folder
            self._link = None
            with contextlib.suppress(OSError):
                tidy(self.out, self.store, keep=keep)
            self._release(remove_store=keep in (None, LEGACY))
            self.top.clear()
            self._finished = True

    def _release(self, remove_store: bool) -> None:
        if remove_store:
            with contextlib.suppress(OSError):
                tidy(self.out, self.store, keep=None)
                (self.store / LOCK_NAME).unlink(missing_ok=True)
                self.store.rmdir()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def absolute(out: Path) -> Path:
    """--out as an absolute path, '..' resolved but the last part not followed (it may be our link)."""
    out = Path(os.path.abspath(out))
    return out.parent.resolve() / out.name if out.name else out


def store_for(out: Path) -> Path:
    """The hidden folder beside --out that keeps its generations: '.NAME.generations'."""
    out = absolute(out)
    if not out.name:
        raise OutputError(f"--out {out} is the top of the file system", "choose a folder for the output")
    return out.parent / f".{out.name}{STORE_MARK}"


def link_target(store: Path, generation: Path) -> str:
    """What the --out link holds: a relative path, so the pair can be moved or shared together."""
    return f"{store.name}/{generation.name}"


def is_link_to(out: Path, store: Path, generation: Path) -> bool:
    try:
        return os.readlink(out) == link_target(store, generation)
    except OSError:
        return False


def current_generation(out: Path, store: Path) -> str | None:
    """The generation --out shows now (None if --out is new or an empty folder); refuses anything else."""
    if out.is_symlink():
        target = os.readlink(out)
        prefix = f"{store.name}/"
        name = target[len(prefix):] if target.startswith(prefix) else ""
        if not name.startswith(GENERATION_MARK) or "/" in name or not (store / name).is_dir():
            raise OutputError(f"--out {out} is a symbolic link to {target}, which this command did not make",
                              "choose a new folder for --out, or remove the link")
        return name
    if out.exists():
        if not out.is_dir():
            raise OutputError(f"--out {out} is a file, not a folder", "choose a folder for the output")
        with os.scandir(out) as entries:
            if any(True for _ in entries):
                if is_earlier_layout(out):
                    return LEGACY
                raise OutputError(
                    f"--out {out} already holds files this command did not write (it writes only into new or "
                    "empty folders, or folders it made itself)",
                    "choose a new folder for --out, or move those files somewhere else first (output of "
                    "versions before December 2026 is replaced as long as it holds only what they wrote)")
    return None


def is_earlier_layout(out: Path) -> bool:
    """Whether `out` is a real folder exactly as versions before December 2026 wrote it, and nothing else:
    index.html, school folders of our slugs and file names (each with its index.html), and the hidden
    folders those versions left when stopped. Such a folder is replaced like a generation of ours."""
    try:
        for entry in os.scandir(out):
            if entry.is_symlink():
                return False
            if entry.name.startswith("."):
                if not _EARLIER_LEFTOVER.fullmatch(entry.name) or not entry.is_dir():
                    return False
            elif entry.is_dir():
                if not SLUG.fullmatch(entry.name) or not os.path.isfile(os.path.join(entry.path, "index.html")):
                    return False
                for top, folders, files in os.walk(entry.path):
                    if any(not SLUG.fullmatch(name) or os.path.islink(os.path.join(top, name)) for name in folders):
                        return False
                    if any(not FILE_NAME.fullmatch(name) or os.path.islink(os.path.join(top, name)) for name in files):
                        return False
            elif entry.name != "index.html":
                return False
    except OSError:
        return False
    return True


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def tidy(out: Path, store: Path, keep: str | None) -> None:
    """Remove what interrupted runs left: every generation but `keep`, half-built ones, spare links."""
    if store.is_dir() and not store.is_symlink():
        for entry in os.scandir(store):
            if entry.name not in (keep, LOCK_NAME):
                _remove(Path(entry.path))
    link_prefix = f".{out.name}{LINK_MARK}"
    for entry in os.scandir(out.parent):  # spare links, and a real --out folder swapped out by `exchange`
        if entry.name.startswith(link_prefix):
            _remove(Path(entry.path))


def lock(store: Path, out: Path) -> int:
    """An exclusive lock on --out for this run; the operating system drops it if the run dies."""
    handle = os.open(store / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        raise OutputError(f"another run is writing to {out} right now; this run wrote nothing",
                          "wait for it to finish, then run again (or choose another --out folder)") from None
    return handle


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
