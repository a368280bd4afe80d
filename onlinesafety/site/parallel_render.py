"""Turn the site's Markdown into HTML in forked worker processes, so a build uses both cores.

MkDocs renders one page after another on one core, and that is most of a build. `ParallelRender`
starts when every page is known (the hook's on_nav): forked workers read each page's source and call
MkDocs' own `Page.render` on it, and send back everything rendering sets on a page: the HTML, the
table of contents, the title found in the text, the anchors the page has, its links to other pages'
anchors, and the log messages (unknown links, missing anchors) rendering wrote. Where Material's
search plugin is on, a worker also indexes the page it rendered, as the plugin would.

When MkDocs reaches a page, `take` accepts the worker's result only if the Markdown MkDocs is about to
render (after every plugin's on_page_markdown) is exactly the Markdown the worker rendered; otherwise
the page is rendered here as usual, so a plugin that changes a page's Markdown still works. For a
taken page MkDocs renders an empty text, and `apply` (the hook's first on_page_content) puts the
worker's result back on the page and re-logs its messages here, where `--strict` counts them. When
MkDocs builds the page, the search plugin is given the worker's index entries if the page's HTML is
still exactly what the worker indexed, and indexes the page itself otherwise.

The output is byte-identical to a build without workers: tests/site/test_parallel_render.py builds
the site both ways and compares every file. Where fork is not available or there is one core (see
`can_fork`), nothing is started and every page renders in MkDocs as usual.

This module and hooks/onlinesafety_hook.py are the only code that knows MkDocs' internals (Material
for MkDocs reaches end of life on 5 May 2027); it uses `Page.render` and the attributes it sets, and
the search plugin's `SearchIndex.add_entry_from_context` and `entries`. If either changes shape, the
tests that compare whole sites fail.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from . import workers as pool
from .workers import OrderedWorkers, relog, workers_wanted


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest()


@dataclass
class Rendered:
    """What `Page.render` set on one page, in a form that crosses a pipe."""

    digest: bytes
    content: str = ""
    toc: Any = None
    title: str | None = None
    anchors: set[str] = field(default_factory=set)
    links_to_anchors: dict[str, dict[str, str]] | None = None
    search_entries: list[dict[str, Any]] | None = None  # None: no search index, or it failed here


def search_index(config: Any) -> Any:
    """Material's search index for this build, if its plugin is on and looks as this module expects."""
    plugins = getattr(config, "plugins", None) or {}
    for name in ("material/search", "search"):
        index = getattr(plugins.get(name), "search_index", None)
        if isinstance(getattr(index, "entries", None), list) and hasattr(index, "add_entry_from_context"):
            return index
    return None


def _search_entries(config: Any, page: Any) -> list[dict[str, Any]] | None:
    index = search_index(config)
    if index is None:
        return None
    before = len(index.entries)
    try:
        index.add_entry_from_context(page)
        return index.entries[before:]
    except Exception:  # noqa: BLE001 - the parent indexes this page itself
        return None
    finally:
        del index.entries[before:]


def _render(uri: str) -> Rendered | None:
    """In a worker: read and render one page as MkDocs would (None: it failed; MkDocs renders it and
    reports the error as usual)."""
    from mkdocs.structure.pages import Page

    config, files = pool.job()
    try:
        file = files.get_file_from_path(uri)
        page = file.page if file.page is not None else Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
    except Exception:  # noqa: BLE001
        return None
    links = page.links_to_anchors
    return Rendered(
        _digest(page.markdown), page.content, page.toc, page._title_from_render,
        set(page.present_anchor_ids or ()),
        None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()},
        _search_entries(config, page))


class ParallelRender:
    """The workers for one build and the results waiting for MkDocs to reach their pages."""

    def __init__(self, config: Any, files: Any, uris: list[str], *, workers: int | None = None) -> None:
        self._files = files
        self._taken: dict[str, tuple[Rendered, str]] = {}
        # {page: (digest of the HTML the worker indexed, its entries)}, until MkDocs builds the page
        self._search: dict[str, tuple[bytes, list[dict[str, Any]]]] = {}
        self._index: Any = None
        count = workers_wanted() if workers is None else workers
        self._workers = OrderedWorkers(_render, uris, (config, files), workers=count)
        if self._workers.running:
            self._index = search_index(config)
            if self._index is not None:
                self._index.add_entry_from_context = self._add_search_entries

    def _add_search_entries(self, page: Any) -> None:
        """Stands in for the search index's own method in this process, for this build."""
        found = self._search.pop(page.file.src_uri, None)
        if found is not None and found[0] == _digest(page.content or ""):
            self._index.entries.extend(found[1])
        else:
            type(self._index).add_entry_from_context(self._index, page)

    def take(self, page: Any, markdown: str) -> bool:
        """True when a worker rendered exactly this Markdown for this page: MkDocs may then render an
        empty text instead, and `apply` restores the worker's result."""
        found = self._workers.result(page.file.src_uri)
        if found is None:
            return False
        result, records = found
        if result is None or result.digest != _digest(markdown):
            return False
        self._taken[page.file.src_uri] = (result, markdown)
        relog(records)
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
        if result.search_entries is not None:
            self._search[page.file.src_uri] = (_digest(result.content), result.search_entries)
        return result.content

    def close(self) -> None:
        """Let the workers finish and go (every page has been read)."""
        self._workers.close()

    def finish(self) -> None:
        """After the build: the search index indexes pages itself again."""
        self.close()
        if self._index is not None and "add_entry_from_context" in vars(self._index):
            del self._index.add_entry_from_context
        self._index = None
        self._search.clear()

    def cancel(self) -> None:
        """Stop the workers at once and put everything back (the build failed)."""
        self._workers.cancel()
        self.finish()
