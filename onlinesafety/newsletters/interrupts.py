"""SIGINT, SIGTERM and SIGHUP stop a run the same way, and a few steps are never cut in half.

`handled()` turns each of the three signals into `Interrupted` (a KeyboardInterrupt, so code that
already tidies up after Ctrl-C tidies up after the others too). `blocked()` holds the signals back
for a step that must happen whole (switching the output link, tidying up): a signal sent meanwhile
is delivered as soon as the step is over. `pause(point)` is a test hook: when the environment variable
ONLINESAFETY_TEST_PAUSE names `point`, the run writes ONLINESAFETY_TEST_PAUSE_FILE and waits there
for a signal, so tests can interrupt a real process at an exact step without guessing with sleeps.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PAUSE_VARIABLE = "ONLINESAFETY_TEST_PAUSE"
PAUSE_FILE_VARIABLE = "ONLINESAFETY_TEST_PAUSE_FILE"
PAUSE_LIMIT_SECONDS = 60.0  # a paused run that gets no signal carries on (a test that forgot to send one)


class Interrupted(KeyboardInterrupt):
    """The run was asked to stop by a signal."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def signal_number(error: BaseException) -> int:
    """The signal behind an interruption (a plain KeyboardInterrupt is Ctrl-C: SIGINT)."""
    return error.signum if isinstance(error, Interrupted) else signal.SIGINT


def _raise(signum: int, frame: object) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise Interrupted while inside (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def blocked() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back until the block is over (then the first one pending is raised)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def pause(point: str) -> None:
    """Test hook (see the module's docstring); does nothing unless the environment asks for `point`."""
    if os.environ.get(PAUSE_VARIABLE) != point:
        return
    ready = os.environ.get(PAUSE_FILE_VARIABLE)
    if ready:
        Path(ready).write_text(f"{point} {os.getpid()}\n", encoding="utf-8")
    holding_back = set(signal.pthread_sigmask(signal.SIG_BLOCK, [])) & set(SIGNALS)
    deadline = time.monotonic() + PAUSE_LIMIT_SECONDS
    while time.monotonic() < deadline:
        if holding_back and set(signal.sigpending()) & set(SIGNALS):
            return  # the signal has arrived and waits for the step to finish
        time.sleep(0.005)  # the signal handler raises here when signals are not held back
