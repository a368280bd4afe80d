"""The lesson finder filters in the browser and still lists everything without JavaScript."""

from __future__ import annotations

import pytest

from onlinesafety import load_library
from tests.conftest import ROOT, new_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "content")


def visible_lessons(page) -> list[str]:
    return page.eval_on_selector_all("[data-lesson-list] li:not([hidden]) a", "els => els.map(e => e.textContent)")


def test_filters_by_band_and_topic(browser_page, site_url, library):
    browser_page.goto(site_url + "lessons/")
    assert len(visible_lessons(browser_page)) == len(library.lessons)
    browser_page.select_option("#finder-band", "4-7")
    expected = sorted(lesson.title for lesson in library.lessons_for(band=__import__("onlinesafety").model.Band("4-7")))
    assert sorted(visible_lessons(browser_page)) == expected
    browser_page.select_option("#finder-topic", "live-streaming")
    both = [l.title for l in library.lessons.values() if l.band.value == "4-7" and l.topic == "live-streaming"]
    assert visible_lessons(browser_page) == both
    assert browser_page.text_content("[data-finder-count]") == f"{len(both)} lesson{'s' if len(both) != 1 else ''} shown"


def test_filter_from_the_address_bar(browser_page, site_url, library):
    browser_page.goto(site_url + "lessons/?topic=image-based-abuse")
    titles = sorted(visible_lessons(browser_page))
    assert titles == sorted(l.title for l in library.lessons_for(topic="image-based-abuse"))
    assert titles


def test_without_javascript_every_lesson_is_listed(browser, site_url, library):
    page = new_page(browser, java_script_enabled=False)
    try:
        page.goto(site_url + "lessons/")
        assert not page.is_visible("[data-lesson-finder]")
        assert page.locator("[data-lesson-list] li").count() == len(library.lessons)
        assert all(page.is_visible(f"text={lesson.title}") for lesson in list(library.lessons.values())[:5])
    finally:
        page.context.close()


def test_every_finder_link_opens_a_lesson(browser_page, site_url, library):
    browser_page.goto(site_url + "lessons/")
    hrefs = browser_page.eval_on_selector_all("[data-lesson-list] a", "els => els.map(e => e.href)")
    assert len(hrefs) == len(library.lessons)
    for href in hrefs[:3] + hrefs[-3:]:
        response = browser_page.goto(href)
        assert response.ok and browser_page.locator("h1").count() == 1
