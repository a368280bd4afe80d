"""Every phone number on a help page is a tel: link and every text line an sms: link, on a phone and on
a desktop (issue #13 points 2 and 8)."""

from __future__ import annotations

import pytest

from onlinesafety import load_library
from onlinesafety.model.help_route import dial_digits
from tests.browser.phone import untapped_numbers
from tests.conftest import ROOT, new_page

pytestmark = pytest.mark.browser

LIBRARY = load_library(ROOT / "content")
REGIONS = {region.id: region for region in LIBRARY.regions_in_order()}
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


def _numbers(region) -> tuple[list[str], list[str]]:
    phones = sorted({route.phone for route in region.routes if route.phone}, key=len, reverse=True)
    return phones, sorted({route.name for route in region.routes}, key=len, reverse=True)


# Every region on a phone; two on a desktop (the same markup, a different layout).
CASES = [(region_id, "phone") for region_id in sorted(REGIONS)] + [("uk", "desktop"), ("us", "desktop")]


@pytest.mark.parametrize(("region_id", "size"), CASES)
def test_every_number_is_a_tel_link_and_every_text_line_an_sms_link(browser, site_url, region_id, size):
    region = REGIONS[region_id]
    width, height = SIZES[size]
    page = new_page(browser, viewport={"width": width, "height": height})
    try:
        page.goto(f"{site_url}help/{region_id}/")
        phones, names = _numbers(region)
        assert untapped_numbers(page, phones, names) == []
        tel = set(page.eval_on_selector_all("article a[href^='tel:']", "els => els.map(e => e.getAttribute('href'))"))
        assert {f"tel:{dial_digits(phone)}" for phone in phones} <= tel
        sms = set(page.eval_on_selector_all("article a[href^='sms:']", "els => els.map(e => e.getAttribute('href'))"))
        assert {line.sms for route in region.routes for line in route.texts} <= sms
        assert page.locator("article table").count() == 0, "help pages use lists, not tables"
    finally:
        page.context.close()


def test_a_number_that_is_not_a_link_fails(browser, site_url):
    """The check must be able to fail: a planted plain-text number is reported."""
    page = new_page(browser, viewport={"width": 390, "height": 844})
    try:
        page.goto(f"{site_url}help/uk/")
        page.evaluate("document.querySelector('#who-to-contact').insertAdjacentHTML('afterend', "
                      "'<p>Or ring Childline on 0800 1111.</p>')")
        phones, names = _numbers(REGIONS["uk"])
        assert untapped_numbers(page, phones, names) == ["0800 1111"]
    finally:
        page.context.close()
