"""SIGINT, SIGTERM and SIGHUP stop a run the same way, and a few steps are never cut in half.

`handled()` turns each of the three signals into `Interrupted` (a KeyboardInterrupt, so code that
already tidies up after Ctrl-C tidies up after the others too). `blocked()` holds the signals back
for a step that must happen whole (switching the output link, tidying up): a signal sent meanwhile
is acted on as soon as the step is over. `pause(point)` is a test hook: when the environment variable
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


_held: list[list[int]] = []  # signals received inside each open blocked() section


@contextlib.contextmanager
def blocked() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back until the block is over, then act on the first one that came.

    The signals are recorded by a handler rather than masked: with threads (a library's worker pool),
    the kernel may deliver a masked signal to another thread, and Python would still act on it here.
    A signal that was being ignored before stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: received.append(signum)) for signum in SIGNALS}
    _held.append(received)
    try:
        yield
    finally:
        _held.pop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    for signum in received:
        handler = previous[signum]
        if handler is signal.SIG_IGN:
            continue
        if callable(handler):
            handler(signum, None)  # our handler or Python's Ctrl-C handler: raises
        raise Interrupted(signum)


_reached: dict[str, int] = {}


def pause(point: str) -> None:
    """Test hook (see the module's docstring); does nothing unless the environment asks for `point`.

    ONLINESAFETY_TEST_PAUSE is a point's name ('staged', 'before-swap', 'swap', 'after-swap'),
    optionally with the time it is reached to stop at: 'staged:20' waits after the twentieth school.
    """
    wanted = os.environ.get(PAUSE_VARIABLE)
    if not wanted or wanted.split(":")[0] != point:
        return
    _reached[point] = _reached.get(point, 0) + 1
    if ":" in wanted and wanted.split(":", 1)[1] != str(_reached[point]):
        return
    ready = os.environ.get(PAUSE_FILE_VARIABLE)
    if ready:
        Path(ready).write_text(f"{point} {os.getpid()}\n", encoding="utf-8")
    deadline = time.monotonic() + PAUSE_LIMIT_SECONDS
    while time.monotonic() < deadline:
        if _held and _held[-1]:
            return  # the signal has arrived and waits for the step to finish
        time.sleep(0.005)  # the signal handler raises here when signals are not held back
