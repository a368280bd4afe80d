"""The school office never meets code: the builder page shows no command line, does what the staff
page promises (both social posts, a term's plan; Markdown only if promised), and a term's plan gives
the same dated list as onlinesafety/newsletters/term.py. In Chromium, at phone and desktop sizes.

Must-fail fixtures: the builder and staff pages as they were before (a `python build_newsletters.py`
line, a promise of Markdown and a long social post the builder did not offer)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from onlinesafety.loading import load_library
from onlinesafety.model import Band
from onlinesafety.newsletters.render import date_label
from onlinesafety.newsletters.term import plan_term
from tests.conftest import ROOT, new_page
from tests.newsletters.test_builder_page import builder_path, clipboard_text, open_builder

pytestmark = pytest.mark.browser

BEFORE = "ad1c023"  # the builder and staff pages before this work
COMMAND_LINE = re.compile(r"\bpython3?\s|build_newsletters|\.py\b|\s--[a-z]|^\s*\$ ", re.MULTILINE)
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def main_text(html: str) -> str:
    node = LexborHTMLParser(html).css_first("article") or LexborHTMLParser(html).body
    for script in node.css("script"):
        script.decompose()
    return node.text(separator=" ")


def command_line(text: str) -> list[str]:
    """Command-line text a school office would meet on the page."""
    return sorted({match.group(0).strip() for match in COMMAND_LINE.finditer(text)})


def unkept_promises(staff_markdown: str, builder_html: str) -> list[str]:
    """What the staff page says the builder does that the builder page does not offer."""
    buttons = [node.text().strip() for node in LexborHTMLParser(builder_html).css("button")]
    promises = {
        "Social, short": "Copy short social post", "Social, long": "Copy long social post",
        "Markdown": "Copy Markdown", "term's plan](../newsletters/builder.md": "Show this piece",
    }
    problems = [f"the staff page promises {promise!r} but the builder has no {button!r} button"
                for promise, button in promises.items()
                if promise in staff_markdown and button not in buttons and button != "Show this piece"]
    if "term's plan](../newsletters/builder.md" in staff_markdown and 'id="nl-plan-start"' not in builder_html:
        problems.append("the staff page sends people to the builder's term plan, which it does not have")
    problems += [f"the staff page shows a command: {found}" for found in command_line(staff_markdown)]
    return problems


def staff_page(commit: str | None = None) -> str:
    path = "content/pages/staff/working-with-parents.md"
    if commit is None:
        return (ROOT / path).read_text(encoding="utf-8")
    return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout


def test_the_builder_page_shows_no_command_line(built_site: Path) -> None:
    html = (built_site / builder_path(built_site) / "index.html").read_text(encoding="utf-8")
    assert command_line(main_text(html)) == []


def test_a_builder_page_with_a_command_fails() -> None:
    before = subprocess.run(["git", "show", f"{BEFORE}:templates/site/builder.md.j2"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    assert "build_newsletters" in " ".join(command_line(before))
    assert command_line("Run python build_newsletters.py --school ours.yml") != []


def test_the_staff_page_promises_only_what_the_builder_does(built_site: Path) -> None:
    html = (built_site / builder_path(built_site) / "index.html").read_text(encoding="utf-8")
    assert unkept_promises(staff_page(), html) == []


def test_the_old_staff_page_fails_against_the_old_builder() -> None:
    old_builder = '<button>Copy for email</button><button>Copy plain text</button><button>Copy social post</button>'
    problems = unkept_promises(staff_page(BEFORE), old_builder)
    assert any("Social, long" in p for p in problems) and any("Markdown" in p for p in problems)
    assert any("command" in p for p in problems), problems


@pytest.fixture(scope="module")
def real_library():
    return load_library(ROOT / "content")


@pytest.mark.parametrize("size", list(SIZES))
def test_a_terms_plan_lists_the_same_pieces_as_the_command_line(browser, built_site, site_url, real_library, size):
    page = new_page(browser, viewport=SIZES[size])
    try:
        path = builder_path(built_site)
        open_builder(page, site_url, path)
        page.get_by_label("Age of the children").select_option("11-14")
        start, weeks = dt.date(2027, 1, 4), 10
        page.get_by_label("First week of term").fill(start.isoformat())
        page.get_by_label("Number of weeks").fill(str(weeks))
        items = page.locator("#nl-plan li")
        expected = plan_term(real_library, [Band.AGES_11_14], start, weeks)
        titles = {topic.id: topic.title for topic in real_library.topics.values()}
        assert items.count() == len(expected) == weeks
        for item, week in zip(items.all(), expected):
            text = item.text_content()
            assert text.startswith(f"{date_label(week.date)}: {titles[week.topic.id]}"), text
        assert page.text_content("#nl-plan-status") == f"{weeks} weeks planned."

        # "Show this piece" puts that week's piece in the preview, ready to copy.
        third = expected[2].snippets[0]
        items.nth(2).get_by_role("button", name="Show this piece").click()
        assert page.evaluate("document.activeElement.id") == "nl-preview-heading"
        length = page.get_by_label("Length").input_value()
        assert page.locator("#nl-preview h3").text_content() == getattr(third, length).headline
        page.get_by_role("button", name="Copy long social post").click()
        page.get_by_text("Copied the long social post.").wait_for()
        assert clipboard_text(page) == third.social.long
        assert page.text_content("#nl-social-long") == third.social.long

        # The piece's link goes to its age band's section of the guide, and that section exists.
        href = page.locator("#nl-preview a", has_text=getattr(third, length).call_to_action).get_attribute("href")
        assert href.endswith(f"/parents/{third.topic}/#ages-11-14"), href
        guide = (built_site / "parents" / third.topic / "index.html").read_text(encoding="utf-8")
        assert 'id="ages-11-14"' in guide
        assert page.errors == []
    finally:
        page.context.close()


def test_a_terms_plan_asks_for_what_it_needs(browser_page, built_site, site_url):
    open_builder(browser_page, site_url, builder_path(built_site))
    assert browser_page.text_content("#nl-plan-status") == "Give the first week of term to see the plan."
    browser_page.get_by_label("First week of term").fill("2027-01-04")
    browser_page.get_by_label("Number of weeks").fill("0")
    assert browser_page.text_content("#nl-plan-status") == "Give a number of weeks from 1 to 52."
    assert browser_page.locator("#nl-plan li").count() == 0
