"""Whitespace taken out of built pages changes nothing a reader, a script or the policy sees."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from onlinesafety.site.whitespace import collapse

KEPT = ("pre", "textarea", "code", "script", "style")


def _view(html: str) -> list[tuple]:
    """What a browser makes of `html`: each element's tag and attributes; the exact text of elements
    that keep their text; other text with each whitespace run as one space."""
    view: list[tuple] = []
    for node in LexborHTMLParser(f"<body>{html}</body>").body.traverse(include_text=True):
        if node.tag == "-text":
            parent = node.parent.tag if node.parent is not None else ""
            text = node.text_content or ""
            view.append(("text", text if parent in KEPT else " ".join(text.split()),
                         parent in KEPT or (text[:1].isspace(), text[-1:].isspace())))
        else:
            view.append((node.tag, tuple(sorted(node.attributes.items()))))
    return view


SPACE = st.text(alphabet=" \n\t", max_size=6)
WORD = st.sampled_from(["word", "two words", "a", "Ages 4–7", "&amp;"])
ATTRIBUTE = st.sampled_from(['', ' class="x"', ' title="a\n   b"', ' data-x="  \n  "'])
PIECE = st.one_of(
    SPACE, WORD,
    st.builds(lambda t, a, s, w: f"<{t}{a}>{s}{w}{s}</{t}>", st.sampled_from(["span", "p", "div", "a", "li"]),
              ATTRIBUTE, SPACE, WORD),
    st.builds(lambda t, s, w: f"<{t}>{s}{w}\n\n  {w}{s}</{t}>", st.sampled_from(KEPT), SPACE, WORD),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECE, max_size=12).map("".join))
def test_a_page_looks_the_same_without_the_whitespace(html: str) -> None:
    assert _view(collapse(html)) == _view(html)


def test_blank_lines_and_indentation_go_but_kept_elements_stay_as_written() -> None:
    html = '<ul>\n\n    <li>\n      One\n    </li>\n\n</ul>\n<pre>  a\n\n  b</pre>\n  <script>\n  x = 1;\n\n</script>'
    assert collapse(html) == '<ul>\n<li>\nOne\n</li>\n</ul>\n<pre>  a\n\n  b</pre>\n<script>\n  x = 1;\n\n</script>'


def test_an_attribute_that_spans_lines_keeps_its_spaces() -> None:
    assert collapse('<p title="a\n\n   b">\n\n  x</p>') == '<p title="a\n\n   b">\nx</p>'


def test_every_built_page_has_had_its_whitespace_taken_out(built_site) -> None:
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 50
    untouched = [page.relative_to(built_site).as_posix() for page in pages
                 if collapse(text := page.read_text(encoding="utf-8")) != text]
    assert not untouched
