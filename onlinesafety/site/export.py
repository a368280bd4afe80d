"""Write the generated site as plain Markdown, so any Material-compatible builder can build it.

The export replaces its folder as a whole, and only a folder that is safe to replace (see
`onlinesafety.safety.output_dirs`): never content/, templates/ or the project folder, never a folder
holding files we did not write. Every export leaves a manifest of its files so the next one can tell.

Nothing is lost when the run is stopped:

- the new export is built in a hidden staging folder next to the output (`.NAME.export-XXXXXXXX`);
- it takes the old export's place in one step: on Linux the two folders are exchanged atomically
  (renameat2 with RENAME_EXCHANGE), so the output folder always holds one export, whole; where that is
  not available the old folder is moved aside and the new one moved in, with SIGINT, SIGTERM and SIGHUP
  held back between the two moves, and the old one put back if the second move fails;
- only then is the old export (now in the staging folder) deleted;
- one export at a time per parent folder (an flock on that folder); staging folders left by a run that
  was killed outright (SIGKILL, power cut) are deleted by the next export.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import Library
from ..safety.output_dirs import (
    Protected, UnsafeOutput, check_output_folder, project_folders, text_digest, write_manifest,
)
from ..classroom import classroom_enabled, classroom_files
from .build import site_files
from .i18n.pages import english_meta, is_translation_file, with_handwritten_meta

WRITER = "python -m onlinesafety export-markdown"
STAGING_MARK = ".export-"
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


class ExportInterrupted(KeyboardInterrupt):
    """The export was stopped (Ctrl-C, SIGTERM, SIGHUP); `replaced` says whether the new export is in place."""

    def __init__(self, out: Path, replaced: bool, had_earlier: bool, cause: BaseException) -> None:
        self.out, self.replaced, self.had_earlier, self.cause = out, replaced, had_earlier, cause
        super().__init__(self.describe())

    def describe(self) -> str:
        if self.replaced:
            return f"stopped after the new export was in place: {self.out} holds the new export, whole"
        if self.had_earlier:
            return f"stopped before the new export was in place: {self.out} still holds the earlier export, whole"
        return f"stopped before anything was written: {self.out} was not created"


class ExportClash(Exception):
    """A generated page would overwrite a handwritten page of the same path."""


def export_markdown(library: Library, out: Path | str, *, base_url: str = "http://127.0.0.1:8000/",
                    today: dt.date | None = None, protected: list[Protected] | None = None) -> int:
    """Write handwritten and generated pages to `out`, replacing it whole; return the number of files.

    Raises UnsafeOutput (nothing written) when `out` must not be replaced, ExportInterrupted when stopped.
    `protected`: folders `out` must stay clear of (default: the library's project, content and templates).
    """
    protected = project_folders(library.root) if protected is None else protected
    target = check_output_folder(out, protected, writer=WRITER)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _one_export_at_a_time(target):
        target = check_output_folder(out, protected, writer=WRITER)  # again, now that no one else writes
        _remove_leftovers(target)
        had_earlier = target.is_dir()
        state = {"replaced": False}
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING_MARK}", dir=target.parent))
            try:
                count = _write_export(library, staging, base_url=base_url, today=today)
                _swap_in(staging, target, state)
            finally:
                shutil.rmtree(staging, ignore_errors=True)  # the unfinished export, or the earlier one
        except KeyboardInterrupt as stop:
            raise ExportInterrupted(target, state["replaced"], had_earlier, stop) from None
        return count


def _write_export(library: Library, staging: Path, *, base_url: str, today: dt.date | None) -> int:
    pages_root = library.root / "pages"
    digests: dict[str, str] = {}
    codes = set(getattr(library, "languages", None) or {})
    versions = english_meta(library)
    for source in sorted(pages_root.rglob("*")):
        relative = source.relative_to(pages_root).as_posix()
        if is_translation_file(relative, codes):
            continue  # X.<code>.md: published as <code>/X.md with the generated pages
        if source.is_file() and not source.is_symlink():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            if relative in versions:  # an English page with translations: its versions, as in a build
                text = with_handwritten_meta(target.read_text(encoding="utf-8"), versions[relative])
                target.write_text(text, encoding="utf-8")
            digests[relative] = text_digest(target.read_bytes())
    # The classroom files (slides, pupil packs, Present, checks) go with the pages, so another builder
    # publishes the same site; ONLINESAFETY_CLASSROOM=0 leaves them out.
    classroom = classroom_files(library) if classroom_enabled() else {}
    sizes = {path: len(data) for path, data in classroom.items()}
    generated = {path: text.encode("utf-8")
                 for path, text in site_files(library, base_url=base_url, today=today, classroom_sizes=sizes).items()}
    for path, data in {**generated, **classroom}.items():
        if path in digests:
            raise ExportClash(f"the generated page {path} would overwrite content/pages/{path}; "
                              "rename or move the handwritten page")
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        digests[path] = text_digest(data)
    write_manifest(staging, digests, writer=WRITER)
    return len(digests) + 1


def _swap_in(staging: Path, target: Path, state: dict[str, bool]) -> None:
    """Put `staging` in `target`'s place; afterwards `staging` holds the earlier export (if any)."""
    with _signals_held():
        if not target.exists():
            os.replace(staging, target)
        elif not _exchange(staging, target):
            _move_aside_and_in(staging, target)
        state["replaced"] = True


def _move_aside_and_in(staging: Path, target: Path) -> None:
    """The fallback swap: two moves; if the second fails, the earlier export is put back."""
    aside = staging.with_name(staging.name + ".old")
    os.replace(target, aside)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(aside, target)
        raise
    os.replace(aside, staging)


RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where the system or file system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _renameat2() -> Callable[..., int] | None:
    try:
        return ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP (delivered when the block ends) around a step that must not split."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def _one_export_at_a_time(target: Path) -> Iterator[None]:
    """An exclusive lock on the output's parent folder; a second export there is refused."""
    handle = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UnsafeOutput(target, f"another export is writing in {target.parent} right now",
                               "wait for it to finish, then run this again") from None
        except OSError:
            pass  # a file system without locks: carry on unlocked
        yield
    finally:
        os.close(handle)


def _remove_leftovers(target: Path) -> None:
    """Staging folders of this output left by an export that was killed outright (we hold the lock)."""
    for leftover in target.parent.glob(f".{_glob_escape(target.name)}{STAGING_MARK}*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[]" else char for char in name)
