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


def unprinted_links(page) -> list[str]:
    """Links to this site's own pages in the article that print without their full address."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('article a[href]'))
        .filter(a => !a.closest('.md-tags') && !a.classList.contains('headerlink') && !a.classList.contains('md-button'))
        .filter(a => { const h = a.getAttribute('href'); return h && !h.startsWith('#') && !/^(https?|mailto|tel):/.test(h); })
        .filter(a => !getComputedStyle(a, '::after').content.includes(a.href))
        .map(a => a.getAttribute('href'))""")


def test_this_sites_own_links_print_with_their_address(browser_page, site_url):
    for name in ("lesson", "parent-guide", "parents-by-age"):
        browser_page.goto(site_url + PAGES[name])
        browser_page.emulate_media(media="print")
        assert unprinted_links(browser_page) == [], name
        browser_page.emulate_media(media="screen")
        assert unprinted_links(browser_page) != [], "on screen the addresses stay hidden"
