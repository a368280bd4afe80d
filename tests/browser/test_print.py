"""A lesson plan prints on A4 without the site's navigation."""

from __future__ import annotations

import pytest

from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]


def test_print_hides_navigation_and_keeps_the_plan(browser_page, site_url, tmp_path):
    browser_page.goto(site_url + PAGES["lesson"])
    browser_page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert browser_page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).display") == "none", selector
    assert browser_page.is_visible("h2#safeguarding-and-delivery")
    assert browser_page.is_visible(".admonition.note >> nth=0")
    pdf = tmp_path / "lesson.pdf"
    browser_page.pdf(path=str(pdf), format="A4", print_background=False)
    assert pdf.stat().st_size > 10_000
    assert pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages") <= 12
