"""Take out the blank lines and indentation the theme's templates leave in every page.

Material's templates indent and space out the menu they render into each page: a quarter of a
lesson page's bytes is whitespace. A browser shows a run of whitespace between words or tags as one
space at most, so a run that holds a line break can become a single line break without changing what
anyone sees, except where whitespace is kept as written: inside <pre>, <textarea> and <code>, and in
<script> and <style> (whose text is also what Content-Security-Policy hashes). Those are left exactly
as they are. Attribute values are not touched either: a line break inside an attribute is kept.

minify-html would do more (drop quotes and optional tags) but also changes markup that tests, the
theme's JavaScript and people reading the source rely on; this does only the one safe thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Elements whose text is kept exactly as written.
_KEPT = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_TAG_WITH_BREAK = re.compile(r"<[^<>]*\n[^<>]*>")


def _lines(text: str) -> str:
    """`text` with each run of whitespace that holds a line break reduced to the line break."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    middle = [line.strip() for line in lines[1:-1]]
    return "\n".join([lines[0].rstrip(), *[line for line in middle if line], lines[-1].lstrip()])


def _between(pattern: re.Pattern[str], text: str, change: Callable[[str], str]) -> str:
    """`text` with `change` applied to the stretches between matches of `pattern`; matches kept as they are."""
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(change(text[position:match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(change(text[position:]))
    return "".join(parts)


def _outside_tags(text: str) -> str:
    """`_lines` applied between tags only, so an attribute value that spans lines keeps its spaces."""
    if _TAG_WITH_BREAK.search(text) is None:
        return _lines(text)
    return _between(_TAG, text, _lines)


def collapse(html: str) -> str:
    """The page with whitespace runs that hold a line break reduced to one line break, outside the
    elements that keep their text as written."""
    return _between(_KEPT, html, _outside_tags)
