"""A worried parent on a phone: the home page's first screen offers "Worried right now?" and the three
audiences' starting points, and a help number is two taps away (issue #13 points 1 and 8)."""

from __future__ import annotations

import pytest

from tests.browser.phone import in_first_view
from tests.conftest import new_page

pytestmark = pytest.mark.browser

FIRST_VIEW = ["#worried-right-now", "[data-urgent]", "a[data-your-help]", ".start-here li:nth-child(1) a",
              ".start-here li:nth-child(2) a", ".start-here li:nth-child(3) a"]
SCREENS = [(390, 844), (320, 640), (1280, 800)]


def _page(browser, width, height):
    return new_page(browser, viewport={"width": width, "height": height})


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_first_screen_offers_urgent_help_and_every_audience(browser, site_url, width, height):
    page = _page(browser, width, height)
    try:
        page.goto(site_url)
        missing = [selector for selector in FIRST_VIEW if not in_first_view(page, selector)]
        assert missing == [], f"below the fold at {width}x{height}: {missing}"
        assert page.is_visible("#your-country"), "the country chooser shows once the script runs"
    finally:
        page.context.close()


def test_an_urgent_link_below_the_fold_fails(browser, site_url):
    """The check must be able to fail: push the box down and the urgent link is off the first screen."""
    page = _page(browser, 390, 844)
    try:
        page.goto(site_url)
        page.evaluate("""() => {  // the CSP refuses style attributes, so set the height through the CSSOM
            const welcome = document.createElement('p');
            welcome.textContent = 'A long welcome';
            welcome.style.height = '700px';
            document.querySelector('.worried').before(welcome);
        }""")
        assert not in_first_view(page, "[data-urgent]")
        assert in_first_view(page, "h1")
    finally:
        page.context.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_with_a_country_chosen_its_numbers_are_on_the_first_screen(browser, site_url, width, height):
    page = _page(browser, width, height)
    try:
        page.goto(site_url)
        page.select_option("#your-country", "uk")
        page.reload()
        assert page.get_attribute("[data-your-numbers] a[href^='tel:']", "href") == "tel:999"
        missing = [selector for selector in [*FIRST_VIEW, "[data-your-numbers] a[href^='tel:']"]
                   if not in_first_view(page, selector)]
        assert missing == [], f"below the fold at {width}x{height}: {missing}"
    finally:
        page.context.close()


def test_a_help_number_is_two_taps_from_the_home_page(browser, site_url):
    page = _page(browser, 390, 844)
    try:
        page.goto(site_url)
        page.select_option("#your-country", "au")
        page.reload()
        page.click("a[data-your-help]")  # tap 1
        assert page.url.endswith("/help/au/")
        call = "article .call-now[href^='tel:']"
        assert page.get_attribute(call, "href") == "tel:000" and in_first_view(page, call)  # tap 2
    finally:
        page.context.close()


def test_the_urgent_link_leads_to_what_to_do(browser, site_url):
    page = _page(browser, 320, 640)
    try:
        page.goto(site_url)
        page.click("[data-urgent]")
        assert page.url.endswith("/parents/if-something-has-happened/")
    finally:
        page.context.close()


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 600);
})"""


def test_showing_the_country_chooser_moves_nothing(browser, site_url):
    """The script reveals the chooser in space kept for it: no layout shift on a phone."""
    page = _page(browser, 390, 844)
    try:
        page.goto(site_url)
        page.wait_for_load_state("load")
        assert page.evaluate(LAYOUT_SHIFT) == 0
    finally:
        page.context.close()


def test_a_late_element_above_the_audiences_is_a_layout_shift(browser, site_url):
    """The measurement must be able to fail: content added above the fold after load shifts the page."""
    page = _page(browser, 390, 844)
    try:
        page.goto(site_url)
        page.wait_for_load_state("load")
        page.evaluate("""() => { const note = document.createElement('p');
            note.textContent = 'A late banner'; note.style.height = '120px';
            document.querySelector('.worried').before(note); }""")
        assert page.evaluate(LAYOUT_SHIFT) > 0
    finally:
        page.context.close()
