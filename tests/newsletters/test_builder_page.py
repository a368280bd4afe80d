"""The in-site newsletter builder in Chromium: typed text stays text, no script runs, copies are exact.

Two pages are tested: a small page made here from builder_page() and the script (so the builder is
checked even when the site cannot be built), and the real page in the built site (the shared
`built_site`, `site_url` and `browser_page` fixtures in tests/conftest.py).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from onlinesafety.loading import load_library
from onlinesafety.model import Library
from onlinesafety.newsletters.builder import DATA_ID, builder_page, builder_plain_text, builder_social_text
from tests.browser.axe import axe_violations, describe
from tests.conftest import new_page, serve
from tests.newsletters.factory import HOSTILE

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "templates/material/assets/javascripts/newsletter-builder.js"
RESULTS = ROOT / "test-results" / "newsletters"
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'"


def standalone_page(library: Library) -> str:
    """The builder as the site shows it, with a strict Content-Security-Policy (no inline scripts)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>Newsletter builder</title>
<script id="__config" type="application/json">{{"base": "../.."}}</script>
</head><body><main><h1 id="newsletter-builder">Newsletter builder</h1>
{builder_page(library)}
</main><script src="../../assets/javascripts/newsletter-builder.js"></script></body></html>"""


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("builder-site")
    (folder / "newsletters" / "builder").mkdir(parents=True)
    (folder / "newsletters" / "builder" / "index.html").write_text(standalone_page(library), encoding="utf-8")
    (folder / "assets" / "javascripts").mkdir(parents=True)
    shutil.copy(SCRIPT, folder / "assets" / "javascripts" / SCRIPT.name)
    server, url = serve(folder)
    yield url
    server.shutdown()


def open_builder(page, url: str, path: str = "newsletters/builder/") -> list[str]:
    """Go to the builder with clipboard access; return the list that collects any dialog (alert)."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(url + path)
    page.locator("#nl-actions").wait_for(state="visible")
    page.errors = errors
    return dialogs


def clipboard_text(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def clipboard_html(page) -> str:
    return page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        return item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
    }""")


def check_builder(page, url: str, library: Library, *, snippet_id: str, topic: str, band: str, region: str,
                  shot: str, path: str = "newsletters/builder/") -> None:
    dialogs = open_builder(page, url, path)
    page.get_by_label("Topic").select_option(topic)
    page.get_by_label("Age of the children").select_option(band)
    page.get_by_label("Length").select_option("medium")
    page.get_by_label("Country or region").select_option(region)
    page.get_by_label("School name").click()
    page.keyboard.type(HOSTILE)
    page.get_by_label("Safeguarding lead's name").fill('"&<> Lead')
    page.get_by_label("Safeguarding contact").fill("0123 456789")

    preview = page.locator("#nl-preview")
    assert HOSTILE in preview.inner_text()  # shown as text …
    assert preview.locator("img").count() == 0  # … never as an element
    assert page.locator("main img, article img").count() == 0
    assert dialogs == [] and page.evaluate("typeof window.__xss") == "undefined"
    assert page.errors == []

    root = url
    expected = builder_plain_text(library, snippet_id=snippet_id, length="medium", region_id=region,
                                  site_root=root, school=HOSTILE, lead='"&<> Lead', contact="0123 456789")
    page.get_by_role("button", name="Copy plain text").focus()
    page.keyboard.press("Enter")  # by keyboard
    page.get_by_text("Copied as plain text.").wait_for()
    assert clipboard_text(page) == expected

    page.get_by_role("button", name="Copy for email").click()
    page.get_by_text("Copied, with its formatting").wait_for()
    html = clipboard_html(page)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert 'style="' in html and "<script" not in html
    assert clipboard_text(page) == expected  # the plain alternative travels with the HTML

    page.get_by_role("button", name="Copy short social post").click()
    page.get_by_text("Copied the short social post.").wait_for()
    assert clipboard_text(page) == builder_social_text(library, snippet_id=snippet_id, site_root=root)

    RESULTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(RESULTS / shot), full_page=True)

    # Kept in this browser only: it comes back after a reload, and no request ever carried it.
    page.reload()
    page.locator("#nl-actions").wait_for(state="visible")
    assert page.get_by_label("School name").input_value() == HOSTILE
    assert not [r for r in page.requests if "onerror" in r or "0123" in r or not r.startswith(url)]
    page.get_by_role("button", name="Forget these details").click()
    assert page.evaluate("localStorage.getItem('safe-online-schools:newsletter-builder')") is None
    assert page.get_by_label("School name").input_value() == ""
    assert dialogs == []


def test_the_builder_page_made_here(browser, standalone: str, library: Library) -> None:
    page = new_page(browser, viewport={"width": 1024, "height": 900})
    try:
        check_builder(page, standalone, library, snippet_id="live-streaming-7-11", topic="live-streaming",
                      band="7-11", region="scotland", shot="builder-standalone.png")
    finally:
        page.context.close()


def test_a_topic_without_a_piece_for_that_age_says_so(browser, standalone: str) -> None:
    page = new_page(browser)
    try:
        open_builder(page, standalone)
        page.get_by_label("Topic").select_option("image-based-abuse")
        page.get_by_label("Age of the children").select_option("4-7")
        assert "no piece on this topic for this age" in page.locator("#nl-preview").inner_text()
        assert page.get_by_role("button", name="Copy plain text").is_disabled()
        page.get_by_label("Topic").select_option("season:new-devices")
        assert page.get_by_label("Age of the children").is_disabled()
        assert page.get_by_role("button", name="Copy plain text").is_enabled()
    finally:
        page.context.close()


def test_the_builder_at_320_px_does_not_scroll_sideways(browser, standalone: str) -> None:
    page = new_page(browser, viewport={"width": 320, "height": 800})
    try:
        open_builder(page, standalone)
        page.get_by_label("Length").select_option("long")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        page.context.close()


def fill_in(page) -> None:
    page.get_by_label("Topic").select_option("live-streaming")
    page.get_by_label("Age of the children").select_option("7-11")
    page.get_by_label("School name").fill(HOSTILE)
    page.get_by_label("Safeguarding lead's name").fill("Ms Lead")
    page.get_by_label("Safeguarding contact").fill("dsl@school.example")
    page.get_by_role("button", name="Copy plain text").click()
    page.get_by_text("Copied as plain text.").wait_for()
    page.mouse.move(0, 0)  # no hover or focus left on a button (see the focus test below)
    page.evaluate("document.activeElement && document.activeElement.blur()")


def contrast(page, selector: str) -> float:
    """WCAG contrast between an element's text and its (opaque) background, as the browser computes them,
    once the element's colour transitions (Material fades buttons on hover and focus) have finished."""
    return page.locator(selector).evaluate("""async e => {
        await Promise.all(e.getAnimations().map(animation => animation.finished));
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
            return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const s = getComputedStyle(e);
        const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_preview_filled_in(browser, standalone: str, scheme: str) -> None:
    # axe is injected as an inline script, so this page does not enforce the CSP (the others do).
    page = new_page(browser, bypass_csp=True, color_scheme=scheme)
    try:
        open_builder(page, standalone)
        fill_in(page)
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        page.context.close()


# --- the real site --------------------------------------------------------------------------------

def builder_path(built_site: Path) -> str:
    """Where the site put the builder page (the one holding the data block)."""
    for page in sorted(built_site.rglob("index.html")):
        if f'id="{DATA_ID}"' in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(built_site).as_posix() + "/"
    pytest.fail("no page in the built site holds the newsletter builder")


def test_the_builder_in_the_built_site(request: pytest.FixtureRequest) -> None:
    try:
        built_site = request.getfixturevalue("built_site")
        site_url = request.getfixturevalue("site_url")
        page = request.getfixturevalue("browser_page")
    except pytest.FixtureLookupError as missing:
        pytest.skip(f"shared fixture missing: {missing.argname}")
    library = load_library(ROOT / "content")
    path = builder_path(built_site)
    data = json.loads(page.context.request.get(site_url + path).text().split(f'id="{DATA_ID}">')[1]
                      .split("</script>")[0])
    snippet = next(s for s in data["snippets"] if s["band"] == "7-11")
    region = data["regions"][0]["id"]
    check_builder(page, site_url, library, snippet_id=snippet["id"], topic=snippet["topic"], band="7-11",
                  region=region, shot="builder-site.png", path=path)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_the_built_site_with_the_preview_filled_in(
        request: pytest.FixtureRequest, scheme: str) -> None:
    try:
        built_site = request.getfixturevalue("built_site")
        site_url = request.getfixturevalue("site_url")
        browser = request.getfixturevalue("browser")
    except pytest.FixtureLookupError as missing:
        pytest.skip(f"shared fixture missing: {missing.argname}")
    page = new_page(browser, bypass_csp=True, color_scheme=scheme)
    try:
        open_builder(page, site_url, builder_path(built_site))
        fill_in(page)
        RESULTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(RESULTS / f"builder-site-{scheme}.png"), full_page=True)
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_focused_copy_button_stays_readable_in_the_built_site(request: pytest.FixtureRequest, scheme: str) -> None:
    try:
        built_site = request.getfixturevalue("built_site")
        site_url = request.getfixturevalue("site_url")
        browser = request.getfixturevalue("browser")
    except pytest.FixtureLookupError as missing:
        pytest.skip(f"shared fixture missing: {missing.argname}")
    page = new_page(browser, color_scheme=scheme)
    try:
        open_builder(page, site_url, builder_path(built_site))
        for name in ("Copy for email", "Copy plain text", "Copy short social post", "Copy long social post", "Forget these details"):
            button = page.get_by_role("button", name=name)
            button.focus()
            button.hover()
            assert contrast(page, f"#{button.get_attribute('id')}") >= 4.5, name
    finally:
        page.context.close()
