"""Run the quality gate in a child process while the site build goes on.

`start_gate` forks a child process that runs `run_checks` on the loaded library and sends the
findings back; `GateRun.findings()` waits for them. The site build asks for them when it has
finished and, if there are errors, empties the site folder and fails, so content that fails the gate
is never left to publish. (A lower priority for the child was measured and was slower: the build's
own work runs in worker processes too, so the gate is as much a part of the work as they are.) Where fork is not available
(Windows, macOS's default) or there is one core, the checks run in this process when asked for,
with the same result.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection
from typing import Any

from ..model import Library
from .findings import Finding


class GateFailed(RuntimeError):
    """The checks raised an exception in the child process; the message carries its traceback."""


def _child(connection: Connection, library: Library, today: dt.date, ci: bool, text_cache: Any) -> None:
    from . import run_checks  # the package imports this module

    try:
        message: tuple[str, Any] = ("findings", run_checks(library, today=today, ci=ci, text_cache=text_cache))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it as GateFailed
        message = ("error", traceback.format_exc())
    connection.send(message)
    connection.close()


class GateRun:
    """The quality gate for one build, running in a child process or waiting to run here."""

    def __init__(self, library: Library, *, today: dt.date, ci: bool, background: bool, text_cache: Any = None) -> None:
        self._arguments = (library, today, ci, text_cache)
        self._process: Any = None
        self._connection: Connection | None = None
        self._result: list[Finding] | None = None
        if background:
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(sender, *self._arguments), daemon=True,
                                            name="onlinesafety-quality-gate")
            self._process.start()
            sender.close()
            self._connection = receiver

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def findings(self) -> list[Finding]:
        """Every finding, as `run_checks` gives them; waits for the child if it is still checking."""
        if self._result is not None:
            return self._result
        if self._connection is None:
            from . import run_checks

            library, today, ci, text_cache = self._arguments
            self._result = run_checks(library, today=today, ci=ci, text_cache=text_cache)
            return self._result
        try:
            kind, value = self._connection.recv()
        except EOFError:
            kind, value = "stopped", None
        finally:
            self._connection.close()
            self._process.join()
        if kind == "stopped":
            raise GateFailed(f"the quality-gate process stopped without an answer "
                             f"(exit code {self._process.exitcode}); run `python -m onlinesafety check`")
        if kind == "error":
            raise GateFailed(f"the quality gate failed:\n{value}")
        self._result = value
        return value

    def cancel(self) -> None:
        """Stop a child that is still checking (the build failed for another reason)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        if self._connection is not None:
            self._connection.close()


def can_fork() -> bool:
    """True where a forked child can check while this process builds: fork exists and there are 2+ cores.

    macOS lists fork but system libraries may not survive it, so only Linux and other Unix forks are used.
    """
    if not hasattr(os, "uname") or os.uname().sysname == "Darwin":
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return "fork" in multiprocessing.get_all_start_methods() and cores > 1


def start_gate(library: Library, *, today: dt.date, ci: bool, background: bool | None = None,
               text_cache: Any = None) -> GateRun:
    """Start the quality gate: in a child process when `background` (default: when `can_fork()`);
    `text_cache` keeps each file's text-check findings between builds (checks/text_cache.py)."""
    return GateRun(library, today=today, ci=ci, background=can_fork() if background is None else background,
                   text_cache=text_cache)
