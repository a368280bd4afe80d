"""Plain text from Markdown, as a reader sees it: the quick path gives the same text as every pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from onlinesafety.checks import markdown
from onlinesafety.checks.markdown import plain_inline


def every_pattern(text: str) -> str:
    """plain_inline as it was before it looked for each pattern's character first."""
    text = markdown.IMAGE.sub("", text)
    text = markdown.LINK.sub(r"\1", text)
    text = markdown.REFERENCE_LINK.sub(r"\1", text)
    text = markdown.AUTOLINK.sub(r"\1", text)
    text = markdown.HTML_TAG.sub("", text)
    text = markdown._ATTRIBUTE_LIST.sub("", text)
    text = markdown.PLACEHOLDER.sub("the link", text)
    text = markdown._CODE_SPAN.sub(r"\1", text)
    text = markdown._FOOTNOTE_REF.sub("", text)
    text = text.replace("**", "").replace("__", "").replace("~~", "")
    text = markdown._EMPHASIS_STAR.sub("", text)
    text = markdown._EMPHASIS_UNDERSCORE.sub("", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return markdown._SPACE_RUN.sub(" ", text.translate(markdown.TYPOGRAPHY)).strip()


PIECES = ["![alt](a.png)", "[text](b.md)", "[ref][r]", "<https://x.org>", "<b>", "</i>", "{: .x}", "{school}",
          "`code`", "[^1]", "**bold**", "__u__", "~~s~~", "*em*", "_em_", "&nbsp;", "&amp;", "&lt;", "’", "\u00a0"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet="ab !([]){}<>`*_&^:;.~-", max_size=6)),
                max_size=10).map("".join))
def test_the_quick_path_gives_the_same_text(text: str) -> None:
    assert plain_inline(text) == every_pattern(text)


def test_markdown_and_html_are_taken_out() -> None:
    assert plain_inline("See **the** [guide](a.md) <b>now</b> &amp; `then`") == "See the guide now & then"
