"""Keyboard users can skip to the content and reach search."""

from __future__ import annotations

import pytest

from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser


def test_skip_link_is_first_and_moves_to_the_content(browser_page, site_url):
    browser_page.goto(site_url + PAGES["lesson"])
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate(
        "[document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]")
    assert focused[0] and "Skip to content" in focused[1]
    assert browser_page.evaluate("document.activeElement.getBoundingClientRect().height") > 0
    target = browser_page.evaluate("document.activeElement.getAttribute('href')")
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("location.hash") == target
    assert browser_page.evaluate(f"document.querySelector('{target}').closest('article') !== null")


def test_search_is_reachable_by_tab_and_finds_lessons(browser_page, site_url):
    browser_page.goto(site_url)
    for _ in range(30):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("search box not reached within 30 presses of Tab")
    browser_page.keyboard.type("webcam")
    results = browser_page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    browser_page.keyboard.press("Escape")


def test_slash_opens_search(browser_page, site_url):
    browser_page.goto(site_url + PAGES["parent-guide"])
    browser_page.keyboard.press("/")
    assert browser_page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_focus_is_visible_on_links(browser_page, site_url):
    browser_page.goto(site_url + PAGES["lesson-finder"])
    browser_page.focus("[data-lesson-list] a")
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
