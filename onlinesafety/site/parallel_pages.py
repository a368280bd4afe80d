"""Render pages through the theme's templates in forked workers, while MkDocs goes from page to page.

After every page has its HTML (the hook's on_env, last of all), workers are forked that do for each
page what MkDocs' `_build_page` does before writing it: the template context, every plugin's
on_page_context, the theme's template, and then `finish`, the site's own last step (whitespace and
Content-Security-Policy, from the hook). When MkDocs reaches a page, the hook's on_page_context takes
the worker's result and sets `built_elsewhere` in the context, so templates/material/main.html extends
a one-line template instead of the theme's; the hook's on_post_page then returns the worker's page.
A page the worker could not build is built here as usual.

Only for `mkdocs build` (not `serve`, whose quick rebuilds need none of this) and only when this site's
hook is the one plugin with an on_post_page event: another plugin's would see the one-line page. The
output is byte-identical to a build without workers (tests/site/test_parallel_render.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import workers as pool
from .workers import OrderedWorkers, relog, workers_wanted

CONTEXT_FLAG = "built_elsewhere"
Finish = Callable[[str, Any], Any]


def _build(uri: str) -> Any:
    """In a worker: the page as MkDocs would build it, passed through `finish` (None: it failed)."""
    from mkdocs.commands.build import get_context

    config, nav, files, doc_files, env, finish = pool.job()
    page = files.get_file_from_path(uri).page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return finish(template.render(context), page)
    except Exception:  # noqa: BLE001 - MkDocs builds this page itself and reports the error as usual
        return None
    finally:
        page.active = False


def usable(config: Any, command: str | None) -> bool:
    """Whether pages may be built by workers in this build."""
    post_page = getattr(config.plugins, "events", {}).get("post_page", [])
    return command in (None, "build", "gh-deploy") and len(post_page) == 1


class ParallelPages:
    """The template workers for one build, and their pages waiting for MkDocs to reach them."""

    def __init__(self, config: Any, nav: Any, files: Any, env: Any, finish: Finish, *,
                 workers: int | None = None) -> None:
        doc_files = files.documentation_pages()
        count = workers_wanted() if workers is None else workers
        self._workers = OrderedWorkers(_build, [file.src_uri for file in doc_files],
                                       (config, nav, files, doc_files, env, finish), workers=count)
        self._built: dict[str, Any] = {}

    def context(self, page: Any, context: Any) -> Any:
        """The context for MkDocs' own rendering of `page`: with `built_elsewhere` if a worker built it."""
        if pool.IN_WORKER:
            return context
        found = self._workers.result(page.file.src_uri)
        if found is not None and found[0] is not None:
            self._built[page.file.src_uri] = found[0]
            relog(found[1])
            context[CONTEXT_FLAG] = True
        return context

    def built(self, page: Any) -> Any:
        """What `finish` gave for this page in a worker, or None (then finish it here)."""
        return self._built.pop(page.file.src_uri, None)

    def close(self) -> None:
        self._workers.close()

    finish = close  # nothing else to put back

    def cancel(self) -> None:
        self._workers.cancel()
