"""Turn the site's Markdown into HTML in forked worker processes, so a build uses both cores.

MkDocs renders one page after another on one core, and that is most of a build. `ParallelRender`
starts when every page is known (the hook's on_nav): forked workers read each page's source and call
MkDocs' own `Page.render` on it, and send back everything rendering sets on a page: the HTML, the
table of contents, the title found in the text, the anchors the page has, its links to other pages'
anchors, and the log messages (unknown links, missing anchors) rendering wrote.

When MkDocs reaches a page, `take` accepts the worker's result only if the Markdown MkDocs is about to
render (after every plugin's on_page_markdown) is exactly the Markdown the worker rendered; otherwise
the page is rendered here as usual, so a plugin that changes a page's Markdown still works. For a
taken page MkDocs renders an empty text, and `apply` (the hook's first on_page_content) puts the
worker's result back on the page and re-logs its messages here, where `--strict` counts them.

The output is byte-identical to a build without workers: tests/site/test_parallel_render.py builds
the site both ways and compares every file. Where fork is not available or there is one core (see
`can_fork`), nothing is started and every page renders in MkDocs as usual.

This module and hooks/onlinesafety_hook.py are the only code that knows MkDocs' internals (Material
for MkDocs reaches end of life on 5 May 2027); it uses `Page.render` and the attributes it sets.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..checks.background import can_fork

# Set in the parent just before the workers are forked; each worker reads its copy.
_job: tuple[Any, Any] | None = None
# Off switch for comparisons and for debugging a page: ONLINESAFETY_PARALLEL_RENDER=0.
SWITCH = "ONLINESAFETY_PARALLEL_RENDER"


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest()


@dataclass
class Rendered:
    """What `Page.render` set on one page, in a form that crosses a pipe."""

    uri: str
    digest: bytes | None  # None: rendering failed in the worker; MkDocs renders the page and reports it
    content: str = ""
    toc: Any = None
    title: str | None = None
    anchors: set[str] = field(default_factory=set)
    links_to_anchors: dict[str, dict[str, str]] | None = None
    records: list[logging.LogRecord] = field(default_factory=list)


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
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(_capture)


def _render(uri: str) -> Rendered:
    from mkdocs.structure.pages import Page

    assert _job is not None, "workers are forked after _job is set"
    config, files = _job
    _capture.records = []
    try:
        file = files.get_file_from_path(uri)
        page = file.page if file.page is not None else Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
    except Exception:  # noqa: BLE001 - MkDocs renders this page itself and reports the error as usual
        return Rendered(uri, None)
    links = page.links_to_anchors
    return Rendered(
        uri, _digest(page.markdown), page.content, page.toc, page._title_from_render,
        set(page.present_anchor_ids or ()),
        None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()},
        _capture.records)


def workers_wanted() -> int:
    """How many workers to start: 0 (render as usual) where fork is unsafe, there is one core, or the
    switch is off; otherwise one a core."""
    if os.environ.get(SWITCH, "1") == "0" or not can_fork():
        return 0
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class ParallelRender:
    """The workers for one build and the results waiting for MkDocs to reach their pages."""

    def __init__(self, config: Any, files: Any, uris: list[str], *, workers: int | None = None) -> None:
        global _job
        self._files = files
        self._wanted = set(uris)
        self._waiting: dict[str, Rendered] = {}
        self._taken: dict[str, tuple[Rendered, str]] = {}
        self._pool: Any = None
        self._results: Iterator[Rendered] = iter(())
        count = workers_wanted() if workers is None else workers
        if count < 1 or not uris:
            self._wanted = set()
            return
        _job = (config, files)
        # Objects that exist now are left alone by the workers' garbage collector: it would touch
        # (and so copy) every memory page they share with this process.
        gc.freeze()
        try:
            self._pool = multiprocessing.get_context("fork").Pool(count, initializer=_start_worker)
        finally:
            gc.unfreeze()
            _job = None
        # Small chunks in the order MkDocs reads the pages: the first results come back quickly.
        self._results = self._pool.imap(_render, uris, chunksize=4)

    @property
    def running(self) -> bool:
        return self._pool is not None

    def _result(self, uri: str) -> Rendered | None:
        if uri not in self._wanted:
            return None
        self._wanted.discard(uri)
        while uri not in self._waiting:
            try:
                result = next(self._results)
            except StopIteration:
                return None
            self._waiting[result.uri] = result
        return self._waiting.pop(uri)

    def take(self, page: Any, markdown: str) -> bool:
        """True when a worker rendered exactly this Markdown for this page: MkDocs may then render an
        empty text instead, and `apply` restores the worker's result."""
        result = self._result(page.file.src_uri)
        if result is None or result.digest is None or result.digest != _digest(markdown):
            return False
        self._taken[page.file.src_uri] = (result, markdown)
        return True

    def apply(self, page: Any, html: str) -> str:
        """The page's HTML: the worker's, set on the page as `Page.render` would have, if it was taken."""
        taken = self._taken.pop(page.file.src_uri, None)
        if taken is None:
            return html
        result, markdown = taken
        page.markdown = markdown
        page.toc = result.toc
        page._title_from_render = result.title
        page.present_anchor_ids = result.anchors
        if result.links_to_anchors is not None:
            page.links_to_anchors = {self._files.get_file_from_path(uri): anchors
                                     for uri, anchors in result.links_to_anchors.items()}
        for record in result.records:
            logging.getLogger(record.name).handle(record)
        return result.content

    def close(self) -> None:
        """Let the workers finish and go (every page has been read)."""
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
