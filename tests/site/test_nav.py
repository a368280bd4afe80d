"""The generated menu: teaching order, every page once, and long levels split into numbered groups."""

from __future__ import annotations

import re
from typing import Any

from onlinesafety import load_library
from onlinesafety.site import paths
from onlinesafety.site.nav import NAV_LIMIT, grouped, site_nav
from tests.conftest import ROOT


def _leaves(items: list[Any]) -> list[str]:
    """Every page path in a nav, in order."""
    found: list[str] = []
    for item in items:
        if isinstance(item, str):
            found.append(item)
        else:
            for value in item.values():
                found += _leaves(value) if isinstance(value, list) else [value]
    return found


def _labels(items: list[Any]) -> list[str]:
    found: list[str] = []
    for item in items:
        if isinstance(item, dict):
            for label, value in item.items():
                found += [label, *(_labels(value) if isinstance(value, list) else [])]
    return found


def _longest_level(items: list[Any]) -> int:
    longest = len(items)
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    longest = max(longest, _longest_level(value))
    return longest


def _entries(count: int) -> list[Any]:
    return [{f"Lesson {n}": f"lessons/{n}.md"} for n in range(1, count + 1)]


def test_a_short_level_is_left_as_it_is():
    entries = _entries(NAV_LIMIT)
    assert grouped(entries, "Lessons") == entries


def test_a_long_level_is_split_into_numbered_groups_in_order():
    result = grouped(_entries(60), "Lessons", limit=25)
    assert [next(iter(group)) for group in result] == ["Lessons 1–25", "Lessons 26–50", "Lessons 51–60"]
    assert _leaves(result) == _leaves(_entries(60))


def test_a_very_long_level_becomes_groups_of_groups_none_longer_than_the_limit():
    result = grouped(_entries(700), "Lessons", limit=25)
    assert _longest_level(result) <= 25
    assert _leaves(result) == _leaves(_entries(700))
    assert next(iter(result[1])) == "Lessons 626–700"
    assert next(iter(result[1]["Lessons 626–700"][0])) == "Lessons 626–650"


def test_the_real_menu_lists_every_lesson_once_without_groups():
    library = load_library(ROOT / "content")
    handwritten = {path.relative_to(ROOT / "content" / "pages").as_posix()
                   for path in (ROOT / "content" / "pages").rglob("*.md")}
    nav = site_nav(library, handwritten)
    leaves = _leaves(nav)
    lesson_paths = [paths.lesson_path(lesson) for lesson in library.lessons.values()]
    assert sorted(path for path in leaves if path in lesson_paths) == sorted(lesson_paths)
    assert len(leaves) == len(set(leaves))
    assert not [label for label in _labels(nav) if re.fullmatch(r"(?:Lessons|Topics|Guides|Countries) \d+–\d+", label)]
    assert _longest_level(nav) <= NAV_LIMIT


def test_parents_by_age_are_in_the_menu_and_maintainers_pages_are_not_staff_pages():
    library = load_library(ROOT / "content")
    nav = site_nav(library, {"parents/start-here.md", "staff/working-with-parents.md"})
    sections = {label: value for item in nav for label, value in item.items()}
    assert paths.REVIEW_STATUS not in _leaves(sections["For staff"])
    assert paths.REVIEW_STATUS in _leaves(sections["About"])
    assert [p for p in _leaves(sections["Parents"]) if p.startswith("parents/ages/")] == [
        f"parents/ages/{band.value}.md" for band in __import__("onlinesafety").model.Band]
