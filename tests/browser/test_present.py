"""Present view: slides in the browser, by keyboard, answers revealed by the teacher, axe-clean, no request out."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations, describe
from tests.conftest import new_page

pytestmark = pytest.mark.browser

PRESENT = "lessons/7-11/live-streaming-7-11/present/"


def current(page) -> str:
    return page.evaluate("document.querySelector('.slide.is-current h1').textContent")


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_present_has_no_axe_violations_on_any_kind_of_slide(browser, site_url, scheme, width):
    page = new_page(browser, viewport={"width": width, "height": 800}, color_scheme=scheme, bypass_csp=True)
    try:
        assert page.goto(site_url + PRESENT).ok
        kinds = page.evaluate("[...new Set([...document.querySelectorAll('.slide')].map(s => s.className))]")
        for kind in kinds:  # one slide of each kind, answers shown where there are some
            page.evaluate("""kind => { const slide = document.querySelector(`.slide[class="${kind}"]`);
                location.hash = '#' + slide.id; }""", kind)
            page.wait_for_function("k => document.querySelector('.slide.is-current').className.startsWith(k.split(' ')[0])",
                                   arg=kind)
            if "slide--check" in kind:
                page.keyboard.press("r")
            violations = axe_violations(page)
            assert violations == [], f"{kind}: {describe(violations)}"
    finally:
        page.context.close()


def test_arrow_keys_move_between_slides_and_r_reveals_the_answers(browser_page, site_url):
    page = browser_page
    page.goto(site_url + PRESENT)
    first = current(page)
    page.keyboard.press("ArrowRight")
    assert current(page) != first and page.evaluate("location.hash") == "#slide-2"
    page.keyboard.press("ArrowLeft")
    assert current(page) == first
    page.keyboard.press("End")
    assert current(page) == "Thank you"
    check = page.evaluate("document.querySelector('.slide--check').id")
    page.evaluate("id => location.hash = '#' + id", check)
    page.wait_for_function("id => document.querySelector('.slide.is-current').id === id", arg=check)
    feedback = f"#{check} .feedback"
    assert not page.locator(feedback).first.is_visible()
    page.keyboard.press("r")
    assert page.locator(feedback).first.is_visible()
    assert page.locator(f"#{check} .answer--correct").count() == 1
    assert "Slide" in page.evaluate("document.getElementById('present-count').textContent")


def test_buttons_work_by_keyboard_and_focus_is_visible(browser_page, site_url):
    page = browser_page
    page.goto(site_url + PRESENT)
    page.focus('[data-action="next"]')
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#slide-2"


def test_the_chosen_country_is_kept_and_nothing_is_sent(browser_page, site_url):
    page = browser_page
    page.goto(site_url + PRESENT)
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")
    assert "Where to get help" in current(page)
    page.select_option("#present-region", "au")
    assert page.locator('.help-region[data-region="au"]').is_visible()
    assert not page.locator('.help-region[data-region="uk"]').is_visible()
    page.reload()
    assert page.evaluate("document.getElementById('present-region').value") == "au"
    assert all("127.0.0.1" in url for url in page.requests)


def test_present_carries_no_speaker_notes_and_the_policy(browser_page, site_url, built_site):
    html = (built_site / PRESENT / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    assert "Designated Safeguarding Lead" not in html and "speaker notes" not in html
