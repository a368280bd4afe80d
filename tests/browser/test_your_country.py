"""A returning visitor's country, chosen once and kept in the browser only, puts its numbers first on the
home page and sends "your help page" links to it (issue #13 points 1, 2 and 8)."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations, describe
from tests.conftest import new_page

pytestmark = pytest.mark.browser


def first_country(page) -> str:
    """The country whose numbers come first on the home page (document order)."""
    return page.get_attribute("[data-country-block]", "data-country-block")


def ours(page) -> dict[str, str]:
    """What this site's script keeps in localStorage (Material keeps its own palette choice there too)."""
    return page.evaluate("""Object.fromEntries(Object.keys(localStorage)
        .filter(key => key.startsWith('onlinesafety.')).map(key => [key, localStorage.getItem(key)]))""")


def help_links(page) -> set[str]:
    """Where the page's help-page links lead, as absolute addresses."""
    return set(page.eval_on_selector_all(
        "article a[data-help-index], a[data-your-help]", "els => els.map(e => e.href)"))


def test_the_choice_persists_across_pages_and_reorders_the_numbers(browser, site_url):
    page = new_page(browser, viewport={"width": 390, "height": 844})
    try:
        page.goto(site_url)
        assert first_country(page) == "uk" and page.is_hidden("[data-your-numbers]")
        page.select_option("#your-country", "nz")
        assert first_country(page) == "nz" and page.is_visible("[data-your-numbers] [data-country-block='nz']")
        page.goto(site_url + "parents/if-something-has-happened/")
        links = help_links(page)
        assert links and links == {site_url + "help/nz/"}, links
        page.goto(site_url + "help/au/")
        page.click("text=Make Australia my country")
        assert page.is_visible("text=This is your country")
        page.goto(site_url)
        assert first_country(page) == "au"
        assert page.get_attribute("[data-your-numbers] a[href^='tel:']", "href") == "tel:000"
        assert page.text_content("a[data-your-help]").strip() == "Help numbers: Australia"
        assert ours(page) == {"onlinesafety.region": "au", "onlinesafety.regionName": "Australia"}
    finally:
        page.context.close()


def test_a_new_visitor_sees_the_list_of_countries(browser, site_url):
    """The check must be able to fail: without a stored choice nothing is reordered or rewritten."""
    page = new_page(browser, viewport={"width": 390, "height": 844})
    try:
        page.goto(site_url + "parents/if-something-has-happened/")
        assert help_links(page) == {site_url + "help/"}
        page.goto(site_url)
        assert first_country(page) != "au" and page.is_hidden("[data-your-numbers]")
    finally:
        page.context.close()


def test_forgetting_the_country_puts_everything_back(browser, site_url):
    page = new_page(browser, viewport={"width": 1280, "height": 800})
    try:
        page.goto(site_url + "help/ca/")
        page.click("text=Make Canada my country")
        page.click("text=Forget my country")
        page.goto(site_url)
        assert first_country(page) == "uk" and ours(page) == {}
    finally:
        page.context.close()


def test_the_choice_sends_nothing_to_the_server(browser, site_url):
    page = new_page(browser, viewport={"width": 390, "height": 844})
    try:
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        before = len(page.requests)
        page.select_option("#your-country", "ph")
        page.wait_for_timeout(200)
        # Chromium asks for the favicon when it likes; nothing else may be requested after the choice.
        assert [url for url in page.requests[before:] if not url.endswith("/favicon.png")] == []
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "help/us/", "help/nz/"])
def test_no_axe_violations_at_320_with_a_country_chosen(browser, site_url, scheme, path):
    # bypass_csp only lets the test inject axe-core; the policy itself is tested in test_requests.py.
    page = new_page(browser, viewport={"width": 320, "height": 640}, color_scheme=scheme, bypass_csp=True)
    try:
        page.goto(site_url)
        page.select_option("#your-country", "us")
        page.goto(site_url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        page.context.close()


def test_a_link_to_the_list_of_countries_stays_the_list(browser, site_url):
    """A lesson's "help routes by country" is for teachers choosing for a class: it keeps the full list."""
    page = new_page(browser, viewport={"width": 1280, "height": 800})
    try:
        page.goto(site_url)
        page.select_option("#your-country", "ie")
        page.goto(site_url + "lessons/7-11/live-streaming-7-11/")
        link = page.locator("article a", has_text="help routes by country")
        assert link.count() == 1 and link.get_attribute("href").rstrip("/").endswith("help")
        page.goto(site_url + "parents/start-here/")
        assert help_links(page) == {site_url + "help/ie/"}
    finally:
        page.context.close()
