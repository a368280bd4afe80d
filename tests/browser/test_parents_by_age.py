"""A parent on a phone or a desktop reaches their child's age: from "By age" to the page for parents,
and from there straight into the right section of each guide."""

from __future__ import annotations

import pytest

from tests.conftest import new_page

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser):
    page = new_page(browser, viewport=SIZES[request.param])
    yield page
    page.context.close()


def section_in_view(page, anchor: str) -> bool:
    """Whether the section `anchor` starts at the top of the screen the reader sees (the first quarter)."""
    return page.evaluate("""id => { const e = document.getElementById(id); if (!e) return false;
        const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 4; }""", anchor)


def test_from_by_age_to_the_right_section_of_a_guide(sized_page, site_url):
    sized_page.goto(site_url + "ages/")
    sized_page.get_by_role("link", name="your child at ages 7–11").click()
    sized_page.wait_for_load_state()
    assert sized_page.url.endswith("/parents/ages/7-11/")
    assert sized_page.get_by_text("Year 4").first.is_visible()
    link = sized_page.get_by_role("link", name="The full guide, at ages 7–11").first
    link.click()
    sized_page.wait_for_load_state()
    assert sized_page.url.endswith("#ages-7-11")
    sized_page.wait_for_timeout(300)
    assert section_in_view(sized_page, "ages-7-11")


def test_a_link_to_the_top_of_a_guide_does_not_reach_the_section(sized_page, site_url):
    sized_page.goto(site_url + "parents/live-streaming/")
    assert not section_in_view(sized_page, "ages-11-14")


def test_band_page_leads_parents_to_their_page(sized_page, site_url):
    sized_page.goto(site_url + "ages/11-14/")
    sized_page.get_by_role("link", name="your child at ages 11–14").click()
    sized_page.wait_for_load_state()
    assert sized_page.url.endswith("/parents/ages/11-14/")
    assert sized_page.get_by_role("heading", name="What to say at this age").is_visible()
