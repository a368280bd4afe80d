"""Site search knows who is asking: parents' words find parents' pages, school years find their band,
results say who a page is for, and teachers' safeguarding briefings are never a preview.

The queries run through the built search index with the site's own search (Material's lunr worker)
in Chromium, at phone and desktop sizes. A copy of the site whose index has lost its weights and
keywords (as Material would write it unaided) must fail the same checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from onlinesafety import load_library
from tests.browser.search_checks import ranking_problems, results
from tests.conftest import ROOT, new_page, serve

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser):
    page = new_page(browser, viewport=SIZES[request.param])
    yield page
    page.context.close()


def test_parents_words_and_school_years_find_the_right_pages(sized_page, site_url):
    assert ranking_problems(sized_page, site_url) == []


@pytest.fixture(scope="module")
def unweighted_site(built_site: Path, tmp_path_factory):
    """The built site with the index as Material writes it unaided: no page weights, no keywords."""
    folder = tmp_path_factory.mktemp("unweighted") / "site"
    shutil.copytree(built_site, folder)
    index = folder / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    for entry in data["docs"]:
        entry.pop("boost", None)
        entry.pop("keywords", None)
    data["config"]["fields"] = {"title": {"boost": 1e3}, "text": {"boost": 1}, "tags": {"boost": 1e6}}
    index.write_text(json.dumps(data), encoding="utf-8")
    server, url = serve(folder)
    yield url
    server.shutdown()


def test_an_unweighted_index_fails_the_check(browser_page, unweighted_site):
    problems = ranking_problems(browser_page, unweighted_site)
    assert any(problem.startswith("'message'") for problem in problems), problems
    assert any(problem.startswith("'year 4'") for problem in problems), problems


AUDIENCES = {"Parent guide", "Help", "Staff", "Lesson plan"}


def untold(found: list[dict]) -> list[str]:
    """Page results that do not say who the page is for."""
    return [item["location"] for item in found if "#" not in item["location"] and not AUDIENCES & set(item["tags"])]


def test_results_say_who_a_page_is_for(browser_page, site_url):
    for query in ("worried", "blackmail", "live streaming", "year 4"):
        found = results(browser_page, site_url, query)
        assert found and untold(found) == [], query
    assert "Parent guide" in results(browser_page, site_url, "worried")[0]["tags"]
    assert untold([{"location": "topics/x/", "tags": ["Ages 7–11"]}]) == ["topics/x/"]


def test_teachers_safeguarding_briefing_is_never_a_preview(built_site, browser_page, site_url):
    library = load_library(ROOT / "content")
    briefings = [" ".join(lesson.safeguarding.dsl_prebrief.split())[:60] for lesson in library.lessons.values()]
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(" ".join(entry["text"].split()) for entry in index["docs"])
    assert [text for text in briefings if text in indexed] == []
    assert "Before you teach: tell your Designated Safeguarding Lead" not in indexed
    for query in ("message from stranger", "sextortion"):
        previews = " ".join(item["preview"] for item in results(browser_page, site_url, query))
        assert "pre-brief" not in previews.lower() and "Designated Safeguarding Lead" not in previews
