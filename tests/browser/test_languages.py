"""The site in other languages, in Chromium: each page says its language and direction, links to its
other versions, is found by its own words in site search, and an Urdu page lays out right to left at
phone and desktop widths and passes axe, light and dark.

The site is the shipped project with the fixture translations of tests/site/i18n/fixtures/ (a Polish
and an Urdu parent guide and start page, a Polish help page), built once with --strict."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.browser.axe import axe_violations, describe
from tests.browser.search_checks import results
from tests.conftest import ROOT, build_site, copy_project, new_page, serve
from tests.site.i18n.translated import FIXTURES, only_fixture_translations

pytestmark = pytest.mark.browser

URDU_GUIDE = "ur/parents/live-streaming/"
POLISH_HELP = "pl/help/uk/"
ENGLISH_GUIDE = "parents/live-streaming/"
# Words only the translations have: Polish with a letter outside A-Z, Urdu in its own script.
POLISH_WORD, URDU_WORD = "transmisję", "اسٹریمنگ"


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory) -> Path:
    """The site with the fixture translations (or ONLINESAFETY_TRANSLATED_SITE: one already built, for quick reruns)."""
    prebuilt = os.environ.get("ONLINESAFETY_TRANSLATED_SITE")
    if prebuilt:
        return Path(prebuilt)
    base = tmp_path_factory.mktemp("languages")
    project = copy_project(base / "project")
    only_fixture_translations(project / "content")
    out = base / "site"
    result = build_site(project, out, env={"PYTHONPATH": str(ROOT), "ONLINESAFETY_CLASSROOM": "0"})
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="module")
def translated_url(translated_site):
    server, url = serve(translated_site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    page = new_page(browser, bypass_csp=True)  # bypass_csp only lets axe-core in; test_requests.py tests the policy
    yield page
    page.context.close()


def _lang_dir(page) -> tuple[str, str, str]:
    return tuple(page.evaluate("[document.documentElement.lang, document.documentElement.dir, document.body.dir]"))


@pytest.mark.parametrize("path, lang, direction", [
    (URDU_GUIDE, "ur", "rtl"), ("ur/", "ur", "rtl"), (POLISH_HELP, "pl", "ltr"), ("pl/parents/ages/7-11/", "pl", "ltr"),
    (ENGLISH_GUIDE, "en", "ltr"), ("parents/start-here/", "en", "ltr"), ("", "en", "ltr"),
])
def test_each_page_says_its_language_and_direction(page, translated_url, path, lang, direction):
    assert page.goto(translated_url + path).ok
    assert _lang_dir(page) == (lang, direction, direction)


def _sitemap_alternates(page, base: str) -> dict[str, list[tuple[str, str]]]:
    """{page path: [(hreflang, path)]} from the built sitemap.xml, where search engines find the versions."""
    import xml.etree.ElementTree as ET
    from urllib.parse import urlparse

    xml = page.request.get(base + "sitemap.xml").text()
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    found = {}
    for url in ET.fromstring(xml).findall("s:url", names):
        loc = urlparse(url.find("s:loc", names).text).path.lstrip("/")
        found[loc] = [(link.get("hreflang"), urlparse(link.get("href")).path.lstrip("/"))
                      for link in url.findall("x:link", names)]
    return found


def test_the_switcher_and_hreflang_link_every_version(page, translated_url):
    for path in (ENGLISH_GUIDE, URDU_GUIDE, "pl/parents/live-streaming/", "parents/start-here/", "ur/parents/start-here/"):
        assert page.goto(translated_url + path).ok
        switcher = page.eval_on_selector_all(".language-switcher a, .language-switcher [aria-current]",
                                             "items => items.map(i => i.getAttribute('lang'))")
        assert switcher == ["en", "pl", "ur"], path
        # No <link rel="alternate"> in the head: Material's script would fetch sitemap.xml on every such page.
        assert page.locator('link[rel="alternate"]').count() == 0, path
        listed = _sitemap_alternates(page, translated_url)[path]
        assert {lang for lang, _ in listed} == {"en", "pl", "ur", "x-default"}, path
        assert dict(listed)["x-default"] == dict(listed)["en"]
    page.goto(translated_url + ENGLISH_GUIDE)
    page.locator('.language-switcher a[hreflang="ur"]').click()
    page.wait_for_url("**/" + URDU_GUIDE)
    assert _lang_dir(page)[0] == "ur"


def test_a_page_without_translations_has_no_switcher(page, translated_url):
    assert page.goto(translated_url + "help/us/").ok
    assert page.locator(".language-switcher").count() == 0
    assert page.locator('link[rel="alternate"]').count() == 0
    assert _sitemap_alternates(page, translated_url)["help/us/"] == []


def test_translated_pages_show_their_status_and_link_to_the_english(page, translated_url):
    page.goto(translated_url + URDU_GUIDE)
    notice = page.locator(".translation-notice")
    assert notice.count() == 1
    link = notice.locator('a[hreflang="en"]')
    link.click()
    page.wait_for_url("**/" + ENGLISH_GUIDE)


def test_each_languages_own_words_find_its_pages(page, translated_url):
    for word, prefix in ((POLISH_WORD, "pl/"), (URDU_WORD, "ur/")):
        found = results(page, translated_url, word)
        assert found and found[0]["location"].startswith(prefix), (word, [f["location"] for f in found[:5]])


def test_with_lunrs_trimmer_and_stemmer_neither_is_found(page, translated_site, tmp_path):
    """The search check can fail: with lunr's default pipeline (which mkdocs.yml leaves out) the
    Urdu word and the Polish word with 'ę' find nothing."""
    copy = tmp_path / "site"
    shutil.copytree(translated_site, copy)
    index = copy / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["config"]["pipeline"] = ["trimmer", "stopWordFilter", "stemmer"]
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    server, url = serve(copy)
    try:
        for word in (POLISH_WORD, URDU_WORD):
            found = [f["location"] for f in results(page, url, word)]
            assert not any(location.startswith(("pl/", "ur/")) for location in found), word
    finally:
        server.shutdown()


RTL_LAYOUT = """() => {
  const article = document.querySelector('article');
  const box = element => element.getBoundingClientRect();
  const paragraph = article.querySelector(':scope > p');
  const item = article.querySelector(':scope > ul > li');
  const list = item.parentElement;
  const title = article.querySelector('.admonition-title');
  const icon = getComputedStyle(title, '::before');
  return {
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    direction: getComputedStyle(article).direction,
    align: getComputedStyle(paragraph).textAlign,
    // a list is indented from the right: its items end further from the article's right edge than they start from its left
    listIndentRight: box(article).right - box(item).right,
    listIndentLeft: box(item).left - box(article).left,
    // an admonition's icon sits at the right of its title
    iconRight: parseFloat(icon.right), iconLeft: parseFloat(icon.left),
    titlePaddingRight: parseFloat(getComputedStyle(title).paddingRight),
    titlePaddingLeft: parseFloat(getComputedStyle(title).paddingLeft),
  };
}"""


def _layout_problems(layout: dict) -> list[str]:
    problems = []
    if layout["overflow"] > 0:
        problems.append(f"scrolls sideways by {layout['overflow']} px")
    if layout["direction"] != "rtl":
        problems.append(f"direction is {layout['direction']}")
    if layout["align"] not in ("right", "start"):
        problems.append(f"text is aligned {layout['align']}")
    if not layout["listIndentRight"] > layout["listIndentLeft"]:
        problems.append("lists are indented from the left")
    if not layout["titlePaddingRight"] > layout["titlePaddingLeft"]:
        problems.append("admonition icons are on the left")
    return problems


@pytest.mark.parametrize("width", [320, 1280])
def test_an_urdu_guide_lays_out_right_to_left(browser, translated_url, width):
    page = new_page(browser, viewport={"width": width, "height": 800})
    try:
        page.goto(translated_url + URDU_GUIDE)
        layout = page.evaluate(RTL_LAYOUT)
        assert _layout_problems(layout) == [], layout
        shots = os.environ.get("ONLINESAFETY_SCREENSHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f"urdu-guide-{width}.png"), full_page=False)
    finally:
        page.context.close()


def test_the_layout_check_fails_on_a_left_to_right_page(browser, translated_url):
    """The layout check can fail: the same Urdu guide forced left to right is caught."""
    page = new_page(browser, viewport={"width": 320, "height": 800})
    try:
        page.goto(translated_url + URDU_GUIDE)
        page.evaluate("document.documentElement.dir = 'ltr'; document.body.dir = 'ltr'")
        problems = _layout_problems(page.evaluate(RTL_LAYOUT))
        assert "direction is ltr" in problems and "lists are indented from the left" in problems
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [URDU_GUIDE, POLISH_HELP, ENGLISH_GUIDE])
def test_no_axe_violations_in_other_languages(browser, translated_url, path, scheme, width):
    page = new_page(browser, viewport={"width": width, "height": 800}, color_scheme=scheme, bypass_csp=True)
    try:
        assert page.goto(translated_url + path).ok
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        page.context.close()


def test_translation_files_are_not_pages_of_their_own(translated_site):
    """content/pages/parents/start-here.pl.md is published as pl/parents/start-here/ only."""
    assert (translated_site / "pl" / "parents" / "start-here" / "index.html").is_file()
    built = {path.relative_to(translated_site).as_posix() for path in translated_site.rglob("index.html")}
    assert not [path for path in built if ".pl/" in path or ".ur/" in path]
    index = json.loads((translated_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if ".pl/" in doc["location"] or ".ur/" in doc["location"]]


def test_the_home_pages_language_list_leaves_the_first_screen_to_urgent_help(page, translated_url):
    """With every language the list takes three lines at 320 px: on the home page it follows the
    starting points (tests/browser/test_home_phone.py checks the first screen)."""
    assert page.goto(translated_url).ok
    order = page.evaluate("""() => {
      const list = document.querySelector('.language-switcher'), start = document.querySelector('.start-here');
      return !!(start.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert order, "the language list comes before the starting points on the home page"
