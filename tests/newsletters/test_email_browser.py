"""The email and fragment as an office would see them, in Chromium: narrow and wide, light and dark, pasted.

Screenshots are saved under test-results/newsletters/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from onlinesafety.model import Library
from onlinesafety.newsletters.email import email_html, fragment_html
from onlinesafety.newsletters.profile import SchoolProfile
from onlinesafety.newsletters.render import Renderer
from tests.conftest import new_page, serve
from tests.newsletters.factory import HOSTILE
from tests.newsletters.test_render import piece_context

pytestmark = pytest.mark.browser

RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "newsletters"
BLANK = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Newsletter editor</title></head>'
         '<body><div id="editor" contenteditable="true" style="min-height:200px;border:1px solid #999;'
         'padding:8px"></div></body></html>')


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder served on 127.0.0.1 (a secure context, so the clipboard works)."""
    folder = tmp_path_factory.mktemp("email-pages")
    (folder / "blank.html").write_text(BLANK, encoding="utf-8")
    server, url = serve(folder)
    yield folder, url
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [600, 320])
def test_the_email_fits_the_screen_without_sideways_scrolling(
        browser, pages: tuple[Path, str], renderer: Renderer, library: Library,
        hostile_profile: SchoolProfile, width: int, scheme: str) -> None:
    folder, url = pages
    values = piece_context(library, hostile_profile, length="long")
    (folder / "email.html").write_text(email_html(renderer, values, "x"), encoding="utf-8")
    page = new_page(browser, viewport={"width": width, "height": 900}, color_scheme=scheme)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(url + "email.html")
        sizes = page.evaluate("({scroll: document.documentElement.scrollWidth, view: window.innerWidth})")
        assert sizes["scroll"] <= sizes["view"], sizes
        RESULTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(RESULTS / f"email-{width}-{scheme}.png"), full_page=True)
        headline = page.locator("h1")
        assert headline.inner_text() == "Live streaming and your child"
        colour = headline.evaluate("e => getComputedStyle(e).color")
        assert colour == ("rgb(11, 110, 79)" if scheme == "light" else "rgb(84, 154, 132)")
        assert HOSTILE in page.locator("body").inner_text()  # shown as text
        assert page.locator("img").count() == 0 and dialogs == []
        assert [r for r in page.requests if not r.startswith(url)] == []  # nothing loaded from outside
    finally:
        page.context.close()


def test_the_fragment_keeps_its_look_when_pasted_into_an_editor(
        browser, pages: tuple[Path, str], renderer: Renderer, library: Library, profile: SchoolProfile) -> None:
    _, url = pages
    fragment = fragment_html(renderer, piece_context(library, profile, length="long"))
    page = new_page(browser, viewport={"width": 800, "height": 1000})
    try:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page.goto(url + "blank.html")
        page.evaluate("""html => navigator.clipboard.write([new ClipboardItem({
            'text/html': new Blob([html], {type: 'text/html'}),
            'text/plain': new Blob(['plain'], {type: 'text/plain'})})])""", fragment)
        page.locator("#editor").click()
        page.keyboard.press("Control+V")
        editor = page.locator("#editor")
        editor.locator("h2").wait_for()
        RESULTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(RESULTS / "fragment-pasted.png"), full_page=True)
        style = editor.locator("h2").evaluate(
            "e => { const s = getComputedStyle(e); return [s.color, s.fontWeight, s.fontSize]; }")
        assert style == ["rgb(11, 110, 79)", "700", "24px"]
        button = editor.locator("a", has_text="Read our guide for parents")
        assert button.get_attribute("href") == "https://hillside.example/online-safety/parents/live-streaming/#ages-7-11"
        assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(11, 110, 79)"
        assert button.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)"
        body = editor.locator("p").nth(1).evaluate("e => getComputedStyle(e).color")
        assert body == "rgb(31, 35, 40)"
        assert editor.locator("ol li").count() == 3
    finally:
        page.context.close()
