"""Generate every site page from the library, as Markdown keyed by its path in the site."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import BAND_LABELS, Band, EfcwStrand, Lesson, Library, ParentGuide, Reviewed
from ..checks import review_rows
from ..model.common import add_months
from ..newsletters.builder import builder_page
from . import paths
from ..classroom.paths import lesson_downloads
from .parents_by_age import age_page_path, ages_index_page, parents_by_age_pages
from .help import help_fallbacks, link_numbers
from .translation_review import translation_review_pages
from .render import render_page, templates_for
from .search import search_meta
from .i18n import strings_for
from .i18n.pages import translated_pages, with_meta

TAG_LESSON, TAG_PARENT, TAG_HELP, TAG_STAFF = "Lesson plan", "Parent guide", "Help", "Staff"


@dataclass(frozen=True)
class Entry:
    title: str
    path: str
    note: str = ""


def band_tag(band: Band) -> str:
    return BAND_LABELS[band]["title"]


def allowed_tags() -> list[str]:
    """The tag allow-list for mkdocs.yml: audiences and age bands."""
    return [TAG_LESSON, TAG_PARENT, TAG_HELP, TAG_STAFF, *(band_tag(band) for band in Band)]


# Scripts that only their own page loads (templates/material/main.html reads `scripts:`).
FINDER_SCRIPT = "assets/javascripts/lesson-finder.js"
BUILDER_SCRIPT = "assets/javascripts/newsletter-builder.js"


def _front(title: str, description: str, item: Reviewed | None = None, *, tags: Iterable[str] = (),
           reviewed: dt.date | None = None, interval: int = 12, **extra: Any) -> dict[str, Any]:
    reviewed = item.reviewed if item is not None else reviewed
    interval = item.review_interval_months if item is not None else interval
    data: dict[str, Any] = {"title": title, "description": " ".join(description.split())[:200]}
    if reviewed is not None:
        data["reviewed"] = reviewed.isoformat()
        data["review_due"] = add_months(reviewed, interval).isoformat()
    if tags:
        data["tags"] = list(tags)
        if search_meta(tags):
            data["search"] = search_meta(tags)
    data.update(extra)
    return data


def _cited(library: Library, keys: Iterable[str]) -> list[Any]:
    seen: dict[str, Any] = {}
    for key in keys:
        if key in library.sources and key not in seen:
            seen[key] = library.sources[key]
    return list(seen.values())


def _latest(items: Iterable[Reviewed]) -> dt.date | None:
    dates = [item.reviewed for item in items]
    return max(dates) if dates else None


def generate_pages(library: Library, *, today: dt.date | None = None,
                   classroom_sizes: dict[str, int] | None = None) -> dict[str, str]:
    """Every generated page: {path in the site: Markdown}; `classroom_sizes` ({path: bytes}) are the
    classroom files built with it, which lesson pages link to with their sizes."""
    today = today or dt.date.today()
    render = functools.partial(render_page, folder=templates_for(library.root))
    english = strings_for(library, "en")
    pages: dict[str, str] = {}
    topics = {topic.id: topic for topic in library.topics_in_order()}
    regions = library.regions_in_order()
    everything = library.items()
    newest = _latest(item for item in everything if isinstance(item, Reviewed))
    # Looked up once: asking the library for each topic's lessons and guide is linear in the library,
    # and there is a lookup for every lesson, topic and guide.
    lessons_by_topic: dict[str, list[Lesson]] = {}
    for lesson in library.lessons_for():
        lessons_by_topic.setdefault(lesson.topic, []).append(lesson)
    guides: dict[str, ParentGuide] = {}
    for guide in library.parent_guides.values():
        guides.setdefault(guide.topic, guide)  # the first, as Library.parent_guide_for

    for lesson in library.lessons.values():
        path = paths.lesson_path(lesson)
        topic = topics[lesson.topic]
        pages[path] = render(
            "lesson.md.j2", path,
            _front(lesson.title, f"{band_tag(lesson.band)} lesson plan: {lesson.pupil_outcome}", lesson,
                   tags=[TAG_LESSON, band_tag(lesson.band)]),
            lesson=lesson, topic=topic, labels=BAND_LABELS[lesson.band],
            guide=guides.get(lesson.topic), cited=_cited(library, lesson.sources),
            downloads=lesson_downloads(lesson, regions, classroom_sizes or {}),
        )

    for topic in topics.values():
        path = paths.topic_path(topic)
        pages[path] = render(
            "topic.md.j2", path, _front(topic.title, topic.summary_for_teachers, topic, tags=[TAG_STAFF]),
            topic=topic, lessons=lessons_by_topic.get(topic.id, []), guide=guides.get(topic.id),
            cited=_cited(library, topic.sources),
        )

    for band in Band:
        path = paths.band_path(band)
        lessons = library.lessons_for(band=band)
        pages[path] = render(
            "band.md.j2", path,
            _front(f"Lessons for {band_tag(band).lower()}", f"Online-safety lesson plans for {band_tag(band).lower()}.",
                   reviewed=_latest(lessons) or newest, tags=[TAG_STAFF, band_tag(band)]),
            band=band, labels=BAND_LABELS[band], lessons=lessons, topics=topics, cited=[],
        )

    for guide in library.parent_guides.values():
        path = paths.parent_path(guide)
        pages[path] = render(
            "parent_guide.md.j2", path, _front(guide.title, guide.summary, guide, tags=[TAG_PARENT]),
            guide=guide, by_age=[(band, guide.by_age[band]) for band in Band], regions=regions,
            lessons=lessons_by_topic.get(guide.topic, []), cited=_cited(library, guide.sources), lang=english,
        )

    for region in regions:
        path = paths.help_path(region)
        checked = min((route.last_verified for route in region.routes), default=None)
        pages[path] = render(
            "help.md.j2", path,
            _front(f"Get help: {region.name}", region.intro, reviewed=checked, tags=[TAG_HELP]),
            region=region, regions=regions, by_need=region.by_need(), fallbacks=help_fallbacks(region), lang=english,
            dial=functools.partial(link_numbers, region=region),
            emergencies=[route for route in region.routes if route.emergency],
            others=[route for route in region.routes if not route.emergency],
            cited=_cited(library, (route.source for route in region.routes)),
        )

    pages.update(_index_pages(library, topics, regions, newest, render))
    pages.update(parents_by_age_pages(library, render, _front, [TAG_PARENT], lang=english))
    pages.update(translation_review_pages(library, render, _front))
    pages[paths.AGES] = ages_index_page(render, _front("By age", "Each age band: advice for parents and the lessons.", reviewed=newest))
    pages[paths.HOME] = render(
        "home.md.j2", paths.HOME,
        _front("Home", "Free online-safety lessons for ages 4 to 18, parent guides and newsletter pieces for schools.",
               reviewed=newest, hide=["navigation", "toc"]),
        lesson_count=len(library.lessons), region_count=len(regions), regions=regions, bands=list(Band),
        topics=list(topics.values()), finder=paths.FINDER, builder=paths.BUILDER, help_index=paths.HELP,
        evidence=paths.EVIDENCE, licence=paths.LICENCE,
        cited=_cited(library, ["iwf-2018-schools-article"]),
    )
    pages[paths.FINDER] = render(
        "finder.md.j2", paths.FINDER,
        _front("Find a lesson", "Filter every lesson plan by age band and topic.", reviewed=newest,
               tags=[TAG_STAFF], scripts=[FINDER_SCRIPT]),
        bands=list(Band), topics=topics, lessons=library.lessons_for(), cited=[],
    )
    pages[paths.CURRICULUM_MAP] = render(
        "curriculum_map.md.j2", paths.CURRICULUM_MAP,
        _front("Curriculum map", "Every lesson mapped to Education for a Connected World, RSHE and DfE guidance.",
               reviewed=newest, tags=[TAG_STAFF], search={"exclude": True}),
        bands=list(Band), strands=list(EfcwStrand),
        lessons_by_band={band: library.lessons_for(band=band) for band in Band},
        cited=_cited(library, ["ukcis-efcw-2020", "dfe-rshe", "dfe-teaching-online-safety"]),
    )
    pages[paths.BUILDER] = render(
        "builder.md.j2", paths.BUILDER,
        _front("Newsletter builder", "Copy ready-made online-safety pieces for your school newsletter and social media.",
               reviewed=_latest(library.snippets.values()) or newest, tags=[TAG_STAFF], scripts=[BUILDER_SCRIPT]),
        builder_html=builder_page(library), feed_atom=paths.md_link(paths.BUILDER, paths.FEED_ATOM),
        feed_json=paths.md_link(paths.BUILDER, paths.FEED_JSON),
        snippets_json=paths.md_link(paths.BUILDER, paths.SNIPPETS_JSON), cited=[],
    )
    pages[paths.REVIEW_STATUS] = render(
        "review_status.md.j2", paths.REVIEW_STATUS,
        _front("Review status", "Every item with its last review and next review date, soonest first.",
               reviewed=today, interval=1, tags=[TAG_STAFF], search={"exclude": True}),
        rows=review_rows(library, today), today=today.isoformat(), cited=[],
    )
    if library.evidence is not None:
        evidence = library.evidence
        pages[paths.EVIDENCE] = render(
            "evidence.md.j2", paths.EVIDENCE,
            _front("Why this matters: the evidence", "Research figures behind these lessons, for staff.",
                   evidence, tags=[TAG_STAFF]),
            figures=evidence.figures, sources=library.sources,
            cited=_cited(library, (figure.source for figure in evidence.figures)),
        )
    translated, english_meta = translated_pages(library, render, _front, parent_tags=[TAG_PARENT], help_tags=[TAG_HELP])
    for path, meta in english_meta.items():
        if path in pages:  # a handwritten page gets its own in the hook (hooks/onlinesafety_hook.py)
            pages[path] = with_meta(pages[path], meta)
    pages.update(translated)
    return pages


def _index_pages(library: Library, topics: dict[str, Any], regions: list[Any],
                 newest: dt.date | None, render: Any) -> dict[str, str]:
    pages: dict[str, str] = {}
    indexes = [
        (paths.TOPICS, "Topics", "Each topic is taught across the age bands it fits.",
         [Entry(topic.title, paths.topic_path(topic)) for topic in topics.values()]),
        (paths.HELP, "Get help by country",
         "Choose your country to see where to report and who to talk to. If a child is in immediate danger, "
         "call your local emergency number now.",
         [Entry(region.name, paths.help_path(region)) for region in regions]),
        (paths.PARENTS, "For parents and carers",
         "Plain-English guides by topic, with what to say at each age and what to do if something happens.",
         [Entry("Start here", "parents/start-here.md"),
          Entry("If something has happened", "parents/if-something-has-happened.md"),
          *(Entry(f"Your child at {band_tag(band).lower()}", age_page_path(band)) for band in Band),
          *(Entry(guide.title, paths.parent_path(guide))
            for guide in sorted(library.parent_guides.values(),
                                key=lambda g: (topics[g.topic].order if g.topic in topics else 99)))]),
    ]
    for path, heading, intro, entries in indexes:
        entries = [entry for entry in entries if _exists(library, entry.path)]
        pages[path] = render(
            "index-list.md.j2", path, _front(heading, intro, reviewed=newest),
            heading=heading, intro=intro, entries=entries, cited=[],
        )
    return pages


def _exists(library: Library, path: str) -> bool:
    generated_prefixes = ("topics/", "ages/", "help/", "lessons/")
    if path.startswith(generated_prefixes) or path in {age_page_path(band) for band in Band}:
        return True
    if path.startswith("parents/") and path.removeprefix("parents/").removesuffix(".md") in library.parent_guides:
        return True
    return path in library.pages
