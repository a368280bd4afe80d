"""Cross-reference checks: every topic, band and source key an item names must exist."""

from __future__ import annotations

from typing import Any

from ..model import Library
from .errors import ContentProblem


def check_references(library: Library) -> list[ContentProblem]:
    """Problems with references between files (run only once every file has loaded cleanly)."""
    problems: list[ContentProblem] = []

    def report(item: Any, loc: tuple[Any, ...], message: str, fix: str) -> None:
        origin = library.origin(item)
        field = ".".join(str(part) for part in loc)
        problems.append(ContentProblem(origin.path, origin.line_for(loc), field, message, fix))

    topics = ", ".join(sorted(library.topics)) or "none yet"

    def check_topic(item: Any, band: Any = None) -> None:
        topic = library.topics.get(item.topic)
        if topic is None:
            report(item, ("topic",), f"no topic with id '{item.topic}'", f"use one of: {topics}")
        elif band is not None and band not in topic.bands:
            report(item, ("band",), f"topic '{topic.id}' is not taught to ages {band.value}",
                   f"add {band.value} to bands in content/topics/{topic.id}.yml, or choose another band")

    def check_sources(item: Any, keys: list[str], loc: tuple[Any, ...] = ("sources",), adult_ok: bool = True) -> None:
        """`loc` names the list of keys, or the single key when one is given."""
        for index, key in enumerate(keys):
            source = library.sources.get(key)
            where = loc + (index,) if loc == ("sources",) else loc
            if source is None:
                report(item, where, f"no source with key '{key}'",
                       "add it to content/sources.yml or correct the key")
            elif source.adult_only and not adult_ok:
                report(item, where, f"source '{key}' is for staff pages only",
                       "cite it only on staff pages")

    for topic in library.topics.values():
        check_sources(topic, topic.sources)
    for lesson in library.lessons.values():
        check_topic(lesson, lesson.band)
        check_sources(lesson, lesson.sources, adult_ok=False)
        folder = library.origin(lesson).path.split("/")[-2]
        if folder != lesson.band.value:
            report(lesson, ("band",), f"lesson for ages {lesson.band.value} is in the folder '{folder}'",
                   f"move it to content/lessons/{lesson.band.value}/")
    for guide in library.parent_guides.values():
        check_topic(guide)
        check_sources(guide, guide.sources, adult_ok=False)
    for snippet in library.snippets.values():
        check_topic(snippet, snippet.band)
        check_sources(snippet, snippet.sources, adult_ok=False)
    for region in library.regions.values():
        for index, route in enumerate(region.routes):
            check_sources(region, [route.source], loc=("routes", index, "source"))
    for page in library.pages.values():
        check_sources(page, page.meta.sources)
    if library.evidence is not None:
        for index, figure in enumerate(library.evidence.figures):
            check_sources(library.evidence, [figure.source], loc=("figures", index, "source"))
    return problems
