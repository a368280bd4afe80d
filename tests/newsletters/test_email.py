"""The formats of one piece: email, paste-safe fragment, plain text, Markdown and social posts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from onlinesafety.model import Library
from onlinesafety.newsletters.email import (
    EMAIL_LIMIT, email_html, fragment_html, markdown_text, paste_safe, plain_text, social_texts,
)
from onlinesafety.newsletters.errors import NewsletterErrors
from onlinesafety.newsletters.profile import SchoolProfile
from onlinesafety.newsletters.render import Renderer, social_posts
from tests.newsletters.factory import HOSTILE, library_at, piece, snippet
from tests.newsletters.test_render import piece_context

LINK_ATTRIBUTES = ("href", "src", "action", "background", "poster")


class Elements(HTMLParser):
    """Every start tag with its attributes, and every comment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def links(html: str) -> list[str]:
    return [attrs[name] or "" for _, attrs in parse(html).elements for name in LINK_ATTRIBUTES if name in attrs]


@pytest.fixture
def values(library: Library, profile: SchoolProfile) -> dict:
    return piece_context(library, profile, length="long")


def test_the_email_is_a_complete_table_layout_with_inline_styles(renderer: Renderer, values: dict) -> None:
    html = email_html(renderer, values, "x")
    assert html.startswith("<!DOCTYPE html>")
    elements = parse(html).elements
    tags = [tag for tag, _ in elements]
    assert "table" in tags and all(attrs.get("role") == "presentation" for tag, attrs in elements if tag == "table")
    styled = [tag for tag, attrs in elements if attrs.get("style")]
    assert {"h1", "p", "a", "td", "li"} <= set(styled)
    assert '<meta name="color-scheme" content="light dark">' in html
    assert "@media (prefers-color-scheme: dark)" in html  # kept for clients that honour it
    assert re.search(r'<html lang="en"', html)


def test_every_email_colour_is_explicit_so_dark_mode_cannot_leave_text_on_a_transparent_background(
        renderer: Renderer, values: dict) -> None:
    html = email_html(renderer, values, "x")
    for tag, attrs in parse(html).elements:
        if tag == "td":
            assert "background-color" in (attrs.get("style") or ""), attrs
        if tag in ("p", "li", "h1"):
            assert re.search(r"(^|;)\s*color:", attrs.get("style") or ""), (tag, attrs)


def test_every_link_is_absolute_https(renderer: Renderer, library: Library, profile: SchoolProfile) -> None:
    with_logo = profile.model_copy(update={"logo_url": "https://hillside.example/logo.png"})
    values = piece_context(library, with_logo)
    for html in (email_html(renderer, values, "x"), fragment_html(renderer, values)):
        found = links(html)
        assert found and all(link.startswith("https://") for link in found), found
        assert "https://hillside.example/online-safety/parents/live-streaming/" in found
        assert "https://hillside.example/online-safety/help/england/" in found
    assert "https://hillside.example/logo.png" in links(email_html(renderer, values, "x"))
    text = plain_text(renderer, values) + markdown_text(renderer, values)
    assert re.findall(r"https?://", text) and "http://" not in text


def test_nothing_is_loaded_from_outside_except_the_schools_logo(renderer: Renderer, values: dict) -> None:
    html = email_html(renderer, values, "x")
    assert not re.search(r"<(link|script|iframe|object|embed)\b", html)
    assert "@import" not in html and "url(" not in html
    assert "<img" not in html  # no logo given, so no image at all


def test_the_email_stays_under_100_kb(renderer: Renderer, values: dict) -> None:
    assert len(email_html(renderer, values, "x").encode()) < 20 * 1024  # far below the limit


def test_an_email_over_100_kb_is_refused(tmp_path: Path, renderer: Renderer, library: Library,
                                         profile: SchoolProfile) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "email.html.j2").write_text("<p>{{ piece.headline }}</p>{% for i in range(30000) %}<b>x</b>"
                                          "{% endfor %}", encoding="utf-8")
    from onlinesafety.newsletters.render import make_renderer

    with pytest.raises(NewsletterErrors) as error:
        email_html(make_renderer(folder), piece_context(library, profile), "content/snippets/x.yml")
    assert f"the limit is {EMAIL_LIMIT // 1024} KB" in error.value.problems[0].message


def test_the_fragment_is_paste_safe(renderer: Renderer, library: Library, hostile_profile: SchoolProfile) -> None:
    html = fragment_html(renderer, piece_context(library, hostile_profile, length="long"))
    parsed = parse(html)
    assert not parsed.comments
    assert not re.search(r"<(style|script|link|meta|head|body|html)\b", html)
    for tag, attrs in parsed.elements:
        assert "class" not in attrs and "id" not in attrs
        assert not any(name.startswith("on") for name in attrs)
    styled = {tag for tag, attrs in parsed.elements if attrs.get("style")}
    assert {"div", "p", "h2", "a", "li", "ol"} <= styled
    headline = next(attrs for tag, attrs in parsed.elements if tag == "h2")
    assert "font-weight: 700" in headline["style"] and "color: #0b6e4f" in headline["style"]


def test_paste_safe_removes_what_a_newsletter_tool_would_choke_on() -> None:
    dirty = ('<div class="a" id="b" onclick="x()"><!-- note --><style>p{}</style><script>alert(1)</script>'
             '<p style="color: red" class="c">Hi &amp; &lt;bye&gt;</p><a href="javascript:x">j</a>'
             '<a href="https://ok.example/">ok</a><img src="http://x/y.png" alt="y"></div>')
    assert paste_safe(dirty) == ('<div><p style="color: red">Hi &amp; &lt;bye&gt;</p><a>j</a>'
                                 '<a href="https://ok.example/">ok</a><img alt="y"></div>')


def test_plain_text_is_wrapped_literal_and_entity_free(renderer: Renderer, library: Library,
                                                       hostile_profile: SchoolProfile) -> None:
    text = plain_text(renderer, piece_context(library, hostile_profile, length="long"))
    assert not re.search(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", text, re.I)
    assert HOSTILE in text
    for line in text.splitlines():
        assert len(line) <= 72 or " " not in line.strip(), line
    assert text.endswith("\n") and "\n\n\n" not in text
    assert "1. Talk often" in text and "- " not in text.split("1. Talk often")[0][-5:]


def test_markdown_has_the_call_to_action_as_a_link(renderer: Renderer, values: dict) -> None:
    text = markdown_text(renderer, values)
    assert text.startswith("## Live streaming and your child\n")
    assert "**[Read our guide for parents](https://hillside.example/online-safety/parents/live-streaming/#ages-7-11)**" in text
    assert "_early_" in text and "1. Talk often" in text


def test_social_posts_fill_in_the_link_and_fit(library: Library, profile: SchoolProfile) -> None:
    snippet = library.snippets["live-streaming-7-11"]
    posts = social_posts(snippet, profile.base_url)
    assert posts.short.endswith("Talk with your child: https://hillside.example/online-safety/parents/live-streaming/#ages-7-11")
    assert "{link}" not in posts.short
    texts = social_texts(posts.short, posts.long, "x")
    assert len(texts["social-short"].strip()) <= 280 and len(texts["social-long"].strip()) <= 500


def test_a_short_post_too_long_once_the_link_is_in_is_an_error(tmp_path: Path, profile: SchoolProfile) -> None:
    long_post = "A" * 235 + " {link}"
    data = snippet("live-streaming", "7-11", social={"short": long_post, "long": "Fine."})
    library = library_at(tmp_path, snippets=[("live-streaming", data)])
    posts = social_posts(library.snippets["live-streaming-7-11"], profile.base_url)
    with pytest.raises(NewsletterErrors) as error:
        social_texts(posts.short, posts.long, "content/snippets/live-streaming/live-streaming-7-11.yml")
    found = error.value.problems[0]
    assert found.field == "social.short" and "limit is 280" in found.message


def test_the_preheader_is_the_first_sentence_of_the_body(
        tmp_path: Path, renderer: Renderer, profile: SchoolProfile) -> None:
    data = snippet("live-streaming", "7-11", medium=piece("Hello", "First sentence here. Second one."))
    library = library_at(tmp_path, snippets=[("live-streaming", data)])
    html = email_html(renderer, piece_context(library, profile), "x")
    assert re.search(r'<div class="preheader"[^>]*>First sentence here\.</div>', html)
