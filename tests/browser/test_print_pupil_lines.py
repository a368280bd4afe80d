"""Printed lesson plans show every pupil line in black: grey text fades on school photocopiers."""

from __future__ import annotations

import pytest

from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser

PUPIL_LINES = ["blockquote p", ".admonition.example p", "#key-learning-points ~ ol li",
               "#discussion-questions ~ ol li"]

COLOURS = """selectors => selectors.flatMap(selector => [...document.querySelectorAll(selector)].slice(0, 3)
    .map(node => [selector, getComputedStyle(node).color]))"""


def test_pupil_lines_print_in_black(browser_page, site_url):
    browser_page.goto(site_url + PAGES["lesson"])
    browser_page.emulate_media(media="print")
    found = browser_page.evaluate(COLOURS, PUPIL_LINES)
    assert {selector for selector, _ in found} == set(PUPIL_LINES)
    assert [(selector, colour) for selector, colour in found if colour != "rgb(0, 0, 0)"] == []


def test_the_check_sees_grey_on_screen(browser_page, site_url):
    """The check can fail: on screen the theme prints the outcome's quote in grey."""
    browser_page.goto(site_url + PAGES["lesson"])
    found = dict(browser_page.evaluate(COLOURS, ["blockquote p"]))
    assert found["blockquote p"] != "rgb(0, 0, 0)"
