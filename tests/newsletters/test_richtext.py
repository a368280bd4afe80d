"""Snippet bodies: Markdown in, our own allow-listed HTML, literal text and escaped Markdown out."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onlinesafety.newsletters.richtext import escape_markdown, parse_markdown, wrap_text

BASE = "https://school.example/site"
ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br"}


def tags(html: str) -> set[str]:
    return set(re.findall(r"</?([a-zA-Z0-9]+)", html))


def test_markdown_becomes_our_small_set_of_tags() -> None:
    body = parse_markdown("# Title\n\nSome **bold**, _soft_ text.\n\n> quoted\n\n- one\n- two\n\nThen:\n\n1. first\n\n---\n\n"
                          "![a picture](https://x.example/p.png) `code`")
    html = body.html(BASE)
    assert tags(html) <= ALLOWED_TAGS
    assert "<strong>bold</strong>" in html and "<em>soft</em>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html and "<ol><li>first</li></ol>" in html
    assert "quoted" in html and "Title" in html and "code" in html


@pytest.mark.parametrize("raw", ['<img src=x onerror=alert(1)>', "<script>alert(1)</script>",
                                 '<a href="javascript:alert(1)">x</a>', "<!-- note -->", "<style>p{}</style>"])
def test_raw_html_in_a_body_is_shown_as_text_never_passed_through(raw: str) -> None:
    body = parse_markdown(f"Before {raw} after")
    html = body.html(BASE)
    assert tags(html) == {"p"}
    assert raw in body.text(BASE)  # literal in plain text
    assert "&lt;" in html


def test_entities_written_in_markdown_mean_their_characters() -> None:
    body = parse_markdown("Fish &amp; chips & peas &lt;3")
    assert body.text(BASE) == "Fish & chips & peas <3"
    assert body.html(BASE) == "<p>Fish &amp; chips &amp; peas &lt;3</p>"


@pytest.mark.parametrize(("href", "expected"), [
    ("https://other.example/a?b=1&c=2", "https://other.example/a?b=1&c=2"),
    ("/parents/live-streaming/", f"{BASE}/parents/live-streaming/"),
    ("http://insecure.example/", None),
    ("javascript:alert(1)", None),
    ("//evil.example/x", None),
    ("relative/page/", None),
    ("mailto:someone@example.org", None),
])
def test_links_are_absolute_https_or_dropped(href: str, expected: str | None) -> None:
    body = parse_markdown(f"Read [the guide]({href}) today.")
    html = body.html(BASE)
    if expected is None:
        assert "<a" not in html and "the guide" in html
        assert body.text(BASE) == "Read the guide today."
    else:
        assert f'href="{expected.replace("&", "&amp;")}"' in html
        assert body.text(BASE) == f"Read the guide ({expected}) today."


def test_template_syntax_in_content_is_just_text() -> None:
    body = parse_markdown("Try {{ 7*7 }} and {% raw %}")
    assert body.text(BASE) == "Try {{ 7*7 }} and {% raw %}"


def test_control_and_direction_override_characters_are_removed() -> None:
    assert parse_markdown("safe\u202etxt.exe\x07").text(BASE) == "safetxt.exe"


def test_line_breaks_are_kept_without_stray_spaces() -> None:
    body = parse_markdown("line one  \nline two")
    assert body.text(BASE) == "line one\nline two"
    assert body.html(BASE) == "<p>line one<br>line two</p>"


def test_the_json_form_keeps_site_paths_for_the_browser_to_resolve() -> None:
    body = parse_markdown("See [our guide](/parents/x/) and **this**.")
    assert body.json(None) == [{"p": [{"t": "See "}, {"a": "/parents/x/", "c": [{"t": "our guide"}]},
                                      {"t": " and "}, {"strong": [{"t": "this"}]}, {"t": "."}]}]
    assert body.json(BASE)[0]["p"][1]["a"] == f"{BASE}/parents/x/"


@pytest.mark.parametrize("value", ['<img src=x onerror=alert(1)>', '"&<>', "# heading?", "- not a list",
                                   "1. not a list", "*not bold* _nor this_", "[not](a-link)", "> not a quote",
                                   "`code`", "&amp; stays literal"])
def test_escaped_markdown_renders_back_to_the_same_text(value: str) -> None:
    rendered = markdown.markdown(escape_markdown(value))
    assert re.fullmatch(r"<p>.*</p>", rendered, re.S), rendered
    from html import unescape
    assert unescape(re.sub(r"</?p>", "", rendered)) == value


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_body_gives_allow_listed_html_and_text_without_markup(source: str) -> None:
    body = parse_markdown(source)
    html = body.html(BASE)
    assert tags(html) <= ALLOWED_TAGS
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith("https://")
    assert "<script" not in html.lower()


def test_wrapping_keeps_lines_within_72_and_long_links_whole() -> None:
    url = "https://school.example/" + "very-long-path/" * 6
    text = wrap_text("word " * 40 + "\n- " + "item words " * 12 + "\n" + url)
    lines = text.split("\n")
    assert all(len(line) <= 72 or line.strip() == url for line in lines)
    assert url in lines
    assert lines[-2].startswith("  ")  # list continuation lines are indented under the item
