"""The site navigation, generated so it grows with the content and stays in teaching order."""

from __future__ import annotations

from typing import Any

from ..model import Band, Library
from . import paths, translation_review
from .pages import band_tag
from .parents_by_age import age_page_path

NavItem = str | dict[str, Any]

# Material renders every visible level of the menu into every page. A level longer than this is
# split into numbered groups ("Lessons 13–24"), so a page's menu (and its HTML, and the build time)
# stays about the same size however large the library grows. The shipped content stays below it.
NAV_LIMIT = 12


def grouped(entries: list[NavItem], noun: str, limit: int = NAV_LIMIT, first: int = 1) -> list[NavItem]:
    """`entries` as they are when there are at most `limit`; otherwise numbered groups, in order,
    none longer than `limit` (groups of groups for very long lists)."""
    if len(entries) <= limit:
        return entries
    size = limit
    while -(-len(entries) // size) > limit:
        size *= limit
    groups: list[NavItem] = []
    for start in range(0, len(entries), size):
        part = entries[start:start + size]
        label = f"{noun} {first + start}–{first + start + len(part) - 1}"
        groups.append({label: grouped(part, noun, limit, first + start)})
    return groups


def site_nav(library: Library, handwritten: set[str]) -> list[NavItem]:
    """MkDocs `nav:` entries; handwritten pages appear only where they exist."""

    def existing(*entries: tuple[str, str]) -> list[NavItem]:
        return [{title: path} for title, path in entries if path in handwritten]

    lessons: list[NavItem] = [paths.FINDER, {"All age bands": paths.AGES}]
    for band in Band:
        band_lessons = library.lessons_for(band=band)
        entries: list[NavItem] = [{lesson.title: paths.lesson_path(lesson)} for lesson in band_lessons]
        lessons.append({band_tag(band): [paths.band_path(band), *grouped(entries, "Lessons")]})
    topics: list[NavItem] = [paths.TOPICS, *grouped([{t.title: paths.topic_path(t)} for t in library.topics_in_order()],
                                                    "Topics")]
    parents: list[NavItem] = [
        paths.PARENTS,
        *existing(("Start here", "parents/start-here.md"),
                  ("If something has happened", "parents/if-something-has-happened.md")),
        {"By your child's age": [{f"Your child at {band_tag(band).lower()}": age_page_path(band)} for band in Band]},
        *grouped([{guide.title: paths.parent_path(guide)}
                  for guide in sorted(library.parent_guides.values(),
                                      key=lambda g: library.topics[g.topic].order if g.topic in library.topics else 99)],
                 "Guides"),
    ]
    help_pages: list[NavItem] = [paths.HELP, *grouped([{r.name: paths.help_path(r)} for r in library.regions_in_order()],
                                                      "Countries")]
    staff: list[NavItem] = [
        *([{"Why this matters": paths.EVIDENCE}] if library.evidence is not None else []),
        *existing(("Delivering these lessons safely", "staff/delivering-safely.md")),
        {"Curriculum map": paths.CURRICULUM_MAP},
        *existing(("Working with parents", "staff/working-with-parents.md")),
    ]
    # The review status page is for the project's maintainers, not school staff: it sits under About.
    about: list[NavItem] = [*existing(("Licence and credit", paths.LICENCE),
                                      ("Accessibility", "about/accessibility.md")),
                            {"Review status (maintainers)": paths.REVIEW_STATUS}]
    languages = [language for code, language in sorted(library.languages.items()) if code != "en"]
    if languages:
        about.append({"Translations (maintainers)": [
            translation_review.INDEX,
            *({language.name: translation_review.review_path(language.code)} for language in languages)]})
    nav: list[NavItem] = [
        {"Home": paths.HOME},
        {"Lessons": lessons},
        {"Topics": topics},
        {"Parents": parents},
        {"Get help": help_pages},
        {"For staff": staff},
        {"Newsletters": [paths.BUILDER]},
    ]
    if about:
        nav.append({"About": about})
    return nav
