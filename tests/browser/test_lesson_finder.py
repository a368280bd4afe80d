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


# --- the address, the back button and an empty combination (issue #13 point 7) ------------------

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
OLD_FINDER = "ad1c023"  # the finder before it kept its filters in the address: it must fail the check


def address_problems(page, url: str) -> list[str]:
    """What the finder at `url` gets wrong about its address (empty when right)."""
    problems = []
    page.goto(url + "lessons/")
    page.select_option("#finder-band", "11-14")
    if "band=11-14" not in page.url:
        problems.append(f"choosing ages 11–14 left the address at {page.url}")
    page.select_option("#finder-topic", "live-streaming")
    if "topic=live-streaming" not in page.url:
        problems.append(f"choosing a topic left the address at {page.url}")
    page.go_back()
    if "/lessons/" not in page.url or page.locator("#finder-topic").count() == 0:
        problems.append(f"the back button left the finder (now at {page.url})")
    elif page.input_value("#finder-topic") != "" or "topic=" in page.url:
        problems.append("the back button did not return to the previous filter")
    return problems


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser):
    page = new_page(browser, viewport=SIZES[request.param])
    yield page
    page.context.close()


def test_filters_are_in_the_address_and_back_works(sized_page, site_url, library):
    assert address_problems(sized_page, site_url) == []
    shared = sized_page.url
    sized_page.goto(shared)  # a shared link opens the same filter
    assert sized_page.input_value("#finder-band") == "11-14"
    expected = sorted(l.title for l in library.lessons.values() if l.band.value == "11-14")
    assert sorted(visible_lessons(sized_page)) == expected


@pytest.fixture(scope="module")
def old_finder_site(built_site, tmp_path_factory):
    import shutil
    import subprocess

    from tests.conftest import serve
    folder = tmp_path_factory.mktemp("old-finder") / "site"
    shutil.copytree(built_site, folder)
    old = subprocess.run(["git", "show", f"{OLD_FINDER}:templates/material/assets/javascripts/lesson-finder.js"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    (folder / "assets" / "javascripts" / "lesson-finder.js").write_text(old, encoding="utf-8")
    server, url = serve(folder)
    yield url
    server.shutdown()


def test_a_finder_whose_address_does_not_change_fails(browser_page, old_finder_site):
    problems = address_problems(browser_page, old_finder_site)
    assert any("address" in problem for problem in problems), problems


def test_an_empty_combination_says_why_and_offers_the_nearest(sized_page, site_url, library):
    from onlinesafety.model import Band
    taught = {l.band for l in library.lessons.values() if l.topic == "image-based-abuse"}
    missing = [band for band in Band if band not in taught]
    assert missing, "the content has no empty combination to test"
    band = missing[0]
    sized_page.goto(site_url + f"lessons/?band={band.value}&topic=image-based-abuse")
    assert visible_lessons(sized_page) == []
    assert sized_page.text_content("[data-finder-count]") == "No lessons match these filters."
    note = sized_page.locator("[data-finder-empty]")
    assert note.is_visible()
    text = note.text_content()
    assert "There is no lesson on" in text and "This topic is taught at" in text
    order = list(Band)
    nearest = min(taught, key=lambda b: abs(order.index(b) - order.index(band)))
    titles = note.locator("a").all_text_contents()
    nearest_title = next(l.title for l in library.lessons.values()
                         if l.topic == "image-based-abuse" and l.band == nearest)
    assert titles and titles[0] == nearest_title
    note.locator("a").first.click()
    sized_page.wait_for_load_state()
    assert sized_page.locator("h1").text_content().rstrip("¶").strip() == nearest_title
