"""Forked worker processes that do one job a page, with the results taken in the order MkDocs asks.

Used by parallel_render (Markdown to HTML) and parallel_pages (theme templates). The workers are
forked from the build, so they start with everything it has (configuration, pages, menu) and only
results cross a pipe. Log records written in a worker are kept and sent back with the result, so the
build logs them where `--strict` counts them.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any

from ..checks.background import can_fork

# Off switch for comparisons and for debugging a page: ONLINESAFETY_PARALLEL_RENDER=0.
SWITCH = "ONLINESAFETY_PARALLEL_RENDER"

# Set in the parent just before the workers are forked; each worker reads its copy.
_job: Any = None
_function: Callable[[str], Any] | None = None
IN_WORKER = False


def job() -> Any:
    """What the parent set for the workers of the pool being started (in a worker)."""
    return _job


class _Capture(logging.Handler):
    """Keeps a worker's log records, flattened so they can be pickled, to be logged by the parent."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if any(kept is record for kept in self.records):  # seen by two loggers' handlers
            return
        record.msg = record.getMessage()
        record.args = None
        record.exc_info = None
        record.exc_text = None
        self.records.append(record)


_capture = _Capture()


def _start_worker() -> None:
    """In each worker: keep log records instead of printing them."""
    global IN_WORKER
    IN_WORKER = True
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(_capture)


def _run(key: str) -> tuple[str, Any, list[logging.LogRecord]]:
    assert _function is not None, "workers are forked after the function is set"
    _capture.records = []
    return key, _function(key), _capture.records


def relog(records: list[logging.LogRecord]) -> None:
    """Log a worker's records in this process, as if they had been written here."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def workers_wanted() -> int:
    """How many workers to start: 0 (work as usual) where fork is unsafe, there is one core, or the
    switch is off; otherwise one a core."""
    if os.environ.get(SWITCH, "1") == "0" or not can_fork():
        return 0
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class OrderedWorkers:
    """`function(key)` for each key, in forked workers; `result(key)` waits for that key's result.

    `function` returns None when it cannot do a key (the caller then does it as usual); it runs in
    the workers with `job()` returning `job`.
    """

    def __init__(self, function: Callable[[str], Any], keys: list[str], job: Any, *, workers: int) -> None:
        global _job, _function
        self._wanted = set(keys) if workers > 0 else set()
        self._waiting: dict[str, tuple[Any, list[logging.LogRecord]]] = {}
        self._results: Iterator[tuple[str, Any, list[logging.LogRecord]]] = iter(())
        self._pool: Any = None
        if not self._wanted:
            return
        _job, _function = job, function
        # Objects that exist now are left alone by the workers' garbage collector: it would touch
        # (and so copy) every memory page they share with this process.
        gc.freeze()
        try:
            self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker)
        finally:
            gc.unfreeze()
            _job = _function = None
        # Small chunks in the order MkDocs goes through the pages: the first results come back quickly.
        self._results = self._pool.imap(_run, keys, chunksize=4)

    @property
    def running(self) -> bool:
        return self._pool is not None

    def result(self, key: str) -> tuple[Any, list[logging.LogRecord]] | None:
        """(result, log records) for `key`, once; None if it was not given to the workers."""
        if key not in self._wanted:
            return None
        self._wanted.discard(key)
        while key not in self._waiting:
            try:
                done, value, records = next(self._results)
            except StopIteration:
                return None
            self._waiting[done] = (value, records)
        return self._waiting.pop(key)

    def close(self) -> None:
        """Let the workers finish and go."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def cancel(self) -> None:
        """Stop the workers at once (the build failed)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
