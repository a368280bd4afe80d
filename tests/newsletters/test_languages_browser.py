"""Bilingual emails in Chromium at 600 and 320 px: nothing overflows, and the Urdu part is right to left.

Screenshots are saved under test-results/newsletters/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from onlinesafety.model import Library
from onlinesafety.newsletters.email import email_html
from onlinesafety.newsletters.languages import Choice
from onlinesafety.newsletters.profile import load_profile
from onlinesafety.newsletters.render import make_renderer
from tests.conftest import new_page, serve
from tests.newsletters.factory import HOSTILE, library_at, write_profile
from tests.newsletters.test_languages import values
from tests.newsletters.translated import translate

pytestmark = pytest.mark.browser

RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "newsletters"
LOGO = "https://hillside.example/logo.png"

# What the page reports: elements wider than the screen, and where the Urdu and English headlines sit.
MEASURE = """() => {
  const view = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && (box.right > view + 0.5 || box.left < -0.5);
  }).map(e => e.tagName + ':' + (e.textContent || '').trim().slice(0, 30));
  const headlines = [...document.querySelectorAll('h1, h2')].map(h => {
    const cell = h.closest('td, div');
    const box = h.getBoundingClientRect(), range = document.createRange();
    range.selectNodeContents(h);
    const text = range.getBoundingClientRect(), outer = cell.getBoundingClientRect();
    const style = getComputedStyle(h);
    return {lang: h.closest('[lang]').getAttribute('lang'), direction: style.direction, align: style.textAlign,
            gapLeft: text.left - outer.left, gapRight: outer.right - text.right};
  });
  const lists = [...document.querySelectorAll('[lang="ur"] ol, [lang="ur"] ul')].map(l => {
    const s = getComputedStyle(l); return [s.direction, s.paddingRight, s.paddingLeft];
  });
  return {scroll: document.documentElement.scrollWidth, view, wide, headlines, lists};
}"""


def rtl_problems(measured: dict) -> list[str]:
    """What is wrong with the page's layout: overflow, or an Urdu part that is not right to left."""
    problems = []
    if measured["scroll"] > measured["view"]:
        problems.append(f"scrolls sideways: {measured['scroll']} > {measured['view']}")
    problems += [f"wider than the screen: {name}" for name in measured["wide"]]
    for headline in measured["headlines"]:
        if headline["lang"] == "ur":
            if headline["direction"] != "rtl" or headline["align"] not in ("right", "start"):
                problems.append(f"Urdu headline is {headline['direction']}, aligned {headline['align']}")
            if headline["gapRight"] > headline["gapLeft"]:
                problems.append("Urdu headline sits at the left")
        elif headline["gapLeft"] > headline["gapRight"]:
            problems.append(f"{headline['lang']} headline sits at the right")
    for direction, right, left in measured["lists"]:
        if direction != "rtl" or right == "0px":
            problems.append(f"Urdu list is {direction} with its numbers on the left ({left} / {right})")
    return problems


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Library]]:
    folder = tmp_path_factory.mktemp("bilingual-emails")
    library = library_at(folder)
    translate(library, "ur", guides=("live-streaming",), regions=("england",))
    translate(library, "pl")
    server, url = serve(folder)
    yield folder, url, library
    server.shutdown()


def measure(browser, url: str, name: str, width: int, shot: str | None = None) -> dict:
    page = new_page(browser, viewport={"width": width, "height": 900})
    try:
        page.goto(url + name)
        measured = page.evaluate(MEASURE)
        if shot:
            RESULTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(RESULTS / shot), full_page=True)
        assert [r for r in page.requests if not r.startswith(url) and r != LOGO] == []  # the logo: aborted
        return measured
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [600, 320])
@pytest.mark.parametrize("code", ["ur", "pl"])
def test_a_bilingual_email_fits_and_urdu_reads_right_to_left(browser, pages, width: int, code: str) -> None:
    folder, url, library = pages
    profile = load_profile(write_profile(folder / "hostile.yml", school_name=HOSTILE,
                                         logo_url=LOGO), library)
    html = email_html(make_renderer(), values(library, profile, Choice(code, bilingual=True)), "x")
    (folder / f"en-{code}.html").write_text(html, encoding="utf-8")
    measured = measure(browser, url, f"en-{code}.html", width, f"email-en-{code}-{width}.png")
    assert rtl_problems(measured) == []
    assert [h["lang"] for h in measured["headlines"]] == ["en", code]


def test_an_urdu_part_without_its_direction_is_found(browser, pages) -> None:
    folder, url, library = pages
    profile = load_profile(write_profile(folder / "plain.yml"), library)
    html = email_html(make_renderer(), values(library, profile, Choice("ur", bilingual=True)), "x")
    broken = re.sub(r'dir="rtl"|align="right"|direction: rtl;|text-align: right;', "", html)
    broken = broken.replace("padding: 0 24px 0 0", "padding: 0 0 0 24px")
    (folder / "broken.html").write_text(broken, encoding="utf-8")
    problems = rtl_problems(measure(browser, url, "broken.html", 320))
    assert any("Urdu headline is ltr" in p for p in problems) and any("Urdu list" in p for p in problems)


def test_an_overlong_word_that_overflows_is_found(browser, pages) -> None:
    folder, url, library = pages
    profile = load_profile(write_profile(folder / "plain.yml"), library)
    html = email_html(make_renderer(), values(library, profile, Choice("pl", bilingual=True)), "x")
    (folder / "wide.html").write_text(html.replace("Transmisje na żywo i twoje dziecko", "Transmisje" * 12), encoding="utf-8")
    assert any("wider than the screen" in p or "scrolls" in p for p in rtl_problems(measure(browser, url, "wide.html", 320)))
