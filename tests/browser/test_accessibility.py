"""axe-core finds no WCAG 2.2 A/AA violation on any page type, light or dark, wide or 320 px."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations, describe
from tests.browser.pages import PAGES
from tests.conftest import new_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_axe_violations(browser, site_url, name, scheme, width):
    # bypass_csp only lets the test inject axe-core; the policy itself is tested in test_requests.py.
    page = new_page(browser, viewport={"width": width, "height": 800}, color_scheme=scheme, bypass_csp=True)
    try:
        response = page.goto(site_url + PAGES[name])
        assert response is not None and response.ok, f"{PAGES[name]} did not load"
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        page.context.close()


def test_axe_catches_a_planted_violation(browser, site_url):
    """The harness itself must be able to fail: an unlabeled form field is a violation."""
    page = new_page(browser, bypass_csp=True)
    try:
        page.goto(site_url)
        page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<input type=text>')")
        assert "label" in {violation["id"] for violation in axe_violations(page)}
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violations_in_the_states_scripts_make(browser, site_url, width):
    """The finder's empty combination and the builder's term plan, as a script draws them."""
    page = new_page(browser, viewport={"width": width, "height": 800}, bypass_csp=True)
    try:
        page.goto(site_url + PAGES["lesson-finder"] + "?band=4-7&topic=image-based-abuse")
        page.locator("[data-finder-empty]").wait_for(state="visible")
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        page.goto(site_url + PAGES["newsletter-builder"])
        page.locator("#nl-actions").wait_for(state="visible")
        page.get_by_label("First week of term").fill("2027-01-04")
        page.locator("#nl-plan li").first.wait_for()
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        page.context.close()
