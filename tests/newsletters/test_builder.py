"""The builder page body: labelled controls, no executable script, safe embedded data, Markdown-proof."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from onlinesafety.model import Library
from onlinesafety.newsletters.builder import DATA_ID, builder_page, builder_plain_text, builder_social_text
from tests.newsletters.factory import HOSTILE, library_at, piece, snippet

JS = Path(__file__).resolve().parents[2] / "templates/material/assets/javascripts/newsletter-builder.js"
SITE_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.details",
                   "pymdownx.superfences"]


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_every_control_has_a_label(library: Library) -> None:
    page = parse(builder_page(library))
    labels = {attrs["for"] for tag, attrs in page.elements if tag == "label"}
    controls = [attrs["id"] for tag, attrs in page.elements if tag in ("input", "select")]
    assert controls and set(controls) <= labels
    buttons = [attrs for tag, attrs in page.elements if tag == "button"]
    assert all(attrs.get("type") == "button" for attrs in buttons)


def test_the_preview_is_a_polite_live_region(library: Library) -> None:
    page = parse(builder_page(library))
    preview = next(attrs for tag, attrs in page.elements if attrs.get("id") == "nl-preview")
    assert preview["aria-live"] == "polite"
    assert any(attrs.get("role") == "status" for _, attrs in page.elements)


def test_ids_are_unique_and_never_clash_with_the_page_heading(library: Library) -> None:
    ids = [attrs["id"] for _, attrs in parse(builder_page(library)).elements if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert "newsletter-builder" not in ids  # MkDocs gives the "Newsletter builder" heading that id


def test_there_is_no_executable_script_only_json_data(library: Library) -> None:
    page = parse(builder_page(library))
    assert len(page.scripts) == 1
    attrs, text = page.scripts[0]
    assert attrs == {"type": "application/json", "id": DATA_ID}
    assert json.loads(text)["format_version"] == 1
    html = builder_page(library)
    assert not re.search(r"\son[a-z]+=", html) and "javascript:" not in html


def test_hostile_content_cannot_break_out_of_the_data_block(tmp_path: Path) -> None:
    nasty = "</script><script>alert(1)</script><!--"
    data = snippet("live-streaming", "7-11", medium=piece(f"Headline {nasty}", f"Body {HOSTILE} {nasty}"))
    library = library_at(tmp_path, snippets=[("live-streaming", data)])
    html = builder_page(library)
    assert "</script><script>" not in html and "<!--" not in html and "<img" not in html
    page = parse(html)
    assert len(page.scripts) == 1
    decoded = json.loads(page.scripts[0][1])
    assert decoded["snippets"][0]["pieces"]["medium"]["headline"] == f"Headline {nasty}"


def test_the_page_survives_the_sites_markdown_unchanged(library: Library) -> None:
    body = builder_page(library)
    rendered = markdown.markdown(f"# Newsletter builder\n\nIntro.\n\n{body}\nAfter.", extensions=SITE_EXTENSIONS)
    page = parse(rendered)
    assert json.loads(page.scripts[0][1]) == json.loads(parse(body).scripts[0][1])
    # Five choices (topic, age, length, region, language) and three school details; the term plan's start
    # date and number of weeks.
    assert rendered.count("<select") == 5 and rendered.count("<input") == 3 + 2


def test_the_script_never_uses_inner_html_or_sends_anything() -> None:
    source = re.sub(r"/\*.*?\*/", "", JS.read_text(encoding="utf-8"), flags=re.S)  # code, not comments
    for forbidden in ("innerHTML", "outerHTML =", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                      "XMLHttpRequest", "sendBeacon", "WebSocket", "setAttribute(\"style\""):
        assert forbidden not in source, forbidden
    assert source.count("fetch(") == 1 and "same-origin" in source
    assert "snippets.json" not in source and "data-src" not in source  # only a chosen language's file is fetched


def test_the_plain_text_twin(library: Library) -> None:
    text = builder_plain_text(library, snippet_id="live-streaming-7-11", length="medium", region_id="scotland",
                              site_root="http://127.0.0.1:8000/", school=HOSTILE, lead="Ms Lead",
                              contact="0123 456789")
    assert text == (
        "Going live: what families can do\n\n"
        "Live streams can be fun. Anyone watching can record what they see.\n\n"
        "- Agree where devices are used\n- Talk about who is watching\n\n"
        "Our parent guide (http://127.0.0.1:8000/parents/live-streaming/) has more ideas.\n\n"
        "Read our guide for parents\nhttp://127.0.0.1:8000/parents/live-streaming/#ages-7-11\n\n"
        "If you are worried about a child, please talk to our Child Protection Coordinator, Ms Lead "
        "(0123 456789).\n\n"
        "Where to get help (Scotland):\nhttp://127.0.0.1:8000/help/scotland/\n\n"
        f"{HOSTILE}\n")
    assert builder_social_text(library, snippet_id="live-streaming-7-11", site_root="https://s.example/") == (
        "Live streams can be recorded by anyone watching. Talk with your child: "
        "https://s.example/parents/live-streaming/#ages-7-11")
