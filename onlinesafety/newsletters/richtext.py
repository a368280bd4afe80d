"""Snippet bodies: Markdown parsed into a tiny tree, then written as our own HTML, plain text or Markdown.

Raw HTML in a body is never passed through: `<` is escaped before Markdown sees it, and the
HTML Markdown produces is rebuilt from an allow-list (paragraphs, lists, strong, em, links,
line breaks). Links must be absolute https, or site paths starting with "/" that are joined
to the school's base URL.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Union

import markdown
from markupsafe import Markup

WRAP_WIDTH = 72
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Styled:
    kind: str  # "strong" or "em"
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Link:
    href: str  # absolute https, or a site path starting with "/"
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class LineBreak:
    pass


Inline = Union[Text, Styled, Link, LineBreak]


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class ItemList:
    ordered: bool
    items: tuple[tuple[Inline, ...], ...]


Block = Union[Paragraph, ItemList]


@dataclass(frozen=True)
class RichText:
    """A parsed snippet body."""

    blocks: tuple[Block, ...]

    def html(self, base_url: str) -> Markup:
        """Our own HTML: allow-listed tags only, every text escaped, links absolute https."""
        return Markup("\n".join(_block_html(block, base_url) for block in self.blocks))

    def text(self, base_url: str) -> str:
        """Literal plain text (no entities): paragraphs split by blank lines, links as 'text (url)'."""
        return "\n\n".join(_block_text(block, base_url) for block in self.blocks)

    def markdown(self, base_url: str) -> str:
        """Normalised Markdown that renders the same text in any Markdown tool."""
        return "\n\n".join(_block_markdown(block, base_url) for block in self.blocks)

    def json(self, base_url: str | None) -> list[dict[str, object]]:
        """Plain data for the in-browser builder, which builds DOM nodes from it (never innerHTML)."""
        return [_block_json(block, base_url) for block in self.blocks]


SITE = "\x00"  # stands for the base URL in cached renderings; clean() removes it from all content


@dataclass(frozen=True)
class Renderings:
    """A body written once with SITE in place of the base URL; `for_site` fills in a school's URL."""

    html: str
    text: str
    markdown: str

    def for_site(self, base_url: str) -> tuple[Markup, str, str]:
        base = base_url.rstrip("/")
        markdown_base = base.replace("(", "%28").replace(")", "%29")
        return (Markup(self.html.replace(SITE, html.escape(base))), self.text.replace(SITE, base),
                self.markdown.replace(SITE, markdown_base))


@lru_cache(maxsize=4096)
def renderings(source: str) -> Renderings:
    """HTML, text and Markdown of a body, made once for every school (see Renderings.for_site)."""
    body = parse_markdown(source)
    return Renderings(str(body.html(SITE)), body.text(SITE), body.markdown(SITE))


def clean(value: str) -> str:
    """`value` without control and bidi-override characters (tabs and newlines kept)."""
    return _CONTROL.sub("", value)


# One Markdown instance, reset before each body: building one costs more than converting a short piece.
_MARKDOWN = markdown.Markdown(output_format="html")


# Large enough for every piece of a big library (1,600 lessons give about 4,900 bodies), so the builder
# page and api/snippets.json, which both walk every piece, parse each body once.
@lru_cache(maxsize=65536)
def parse_markdown(source: str) -> RichText:
    """Parse a snippet body written in Markdown (raw HTML is shown as text, never passed through)."""
    escaped = clean(source).replace("<", "&lt;")
    produced = _MARKDOWN.reset().convert(escaped)
    builder = _TreeBuilder()
    builder.feed(produced)
    builder.close()
    return RichText(tuple(builder.blocks))


def absolute_url(href: str, base_url: str | None) -> str | None:
    """`href` as an absolute https link (None when it cannot be one); site paths join `base_url`."""
    href = href.strip()
    if href.startswith("https://") and _SAFE_URL.match(href):
        return href
    if href.startswith("/") and not href.startswith("//") and _SAFE_URL.match("https://x" + href):
        return href if base_url is None else base_url.rstrip("/") + href
    return None


_SAFE_URL = re.compile(r"^https://[^\s\"'<>\\`]+$")


# --- HTML from Markdown to the tree -------------------------------------------------------------

_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "div", "table", "hr"}
_INLINE_STYLES = {"strong": "strong", "b": "strong", "em": "em", "i": "em"}


class _TreeBuilder(HTMLParser):
    """Rebuild Markdown's HTML as our tree; unknown tags are dropped and their text kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.inline_stack: list[tuple[str, str | None, list[Inline]]] = [("root", None, [])]
        self.lists: list[tuple[bool, list[tuple[Inline, ...]]]] = []

    # The current run of inline content (paragraph, list item or loose text).
    def _open(self, kind: str, href: str | None = None) -> None:
        self.inline_stack.append((kind, href, []))

    def _close(self, kind: str) -> None:
        if not any(entry[0] == kind for entry in self.inline_stack[1:]):
            return
        while True:
            current, href, children = self.inline_stack.pop()
            node: Inline | None
            children = _merge(children)
            if current == "a":
                node = Link(href, tuple(children)) if href and children else None
                inner = list(children) if node is None else [node]
            else:
                inner = [Styled(current, tuple(children))] if children else []
            self.inline_stack[-1][2].extend(inner)
            if current == kind:
                return

    def _flush(self) -> None:
        """End the inline run: it becomes a paragraph, or the current list item."""
        while len(self.inline_stack) > 1:
            self._close(self.inline_stack[-1][0])
        children = _trim(self.inline_stack[0][2])
        self.inline_stack[0] = ("root", None, [])
        if not children:
            return
        if self.lists:
            self.lists[-1][1].append(tuple(children))
        else:
            self.blocks.append(Paragraph(tuple(children)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._flush()
            self.lists.append((tag == "ol", []))
        elif tag == "li" or tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _INLINE_STYLES:
            self._open(_INLINE_STYLES[tag])
        elif tag == "a":
            href = absolute_url(dict(attrs).get("href") or "", None)
            self._open("a", href)
        elif tag == "br":
            self.inline_stack[-1][2].append(LineBreak())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.inline_stack[-1][2].append(LineBreak())
        elif tag == "hr":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                ordered, items = self.lists.pop()
                if items:
                    if self.lists:  # a nested list: its items join the outer list
                        self.lists[-1][1].extend(items)
                    else:
                        self.blocks.append(ItemList(ordered, tuple(items)))
        elif tag == "li" or tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _INLINE_STYLES:
            self._close(_INLINE_STYLES[tag])
        elif tag == "a":
            self._close("a")

    def handle_data(self, data: str) -> None:
        data = re.sub(r"\s+", " ", data)
        if data:
            self.inline_stack[-1][2].append(Text(data))

    def close(self) -> None:
        super().close()
        self._flush()
        while self.lists:
            self.handle_endtag("ol" if self.lists[-1][0] else "ul")


def _merge(children: list[Inline]) -> list[Inline]:
    """Merge neighbouring text; no space on either side of a line break."""
    merged: list[Inline] = []
    for node in children:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        elif isinstance(node, Text) and merged and isinstance(merged[-1], LineBreak):
            if node.text.strip():
                merged.append(Text(node.text.lstrip()))
        elif isinstance(node, LineBreak) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text.rstrip())
            merged.append(node)
        else:
            merged.append(node)
    return merged


def _trim(children: list[Inline]) -> list[Inline]:
    """Merge neighbouring text and strip space at the edges of a run."""
    merged = _merge(children)
    while merged and isinstance(merged[0], Text) and not merged[0].text.strip():
        merged.pop(0)
    while merged and isinstance(merged[-1], (Text, LineBreak)) and not _text_of(merged[-1]).strip():
        merged.pop()
    if merged and isinstance(merged[0], Text):
        merged[0] = Text(merged[0].text.lstrip())
    if merged and isinstance(merged[-1], Text):
        merged[-1] = Text(merged[-1].text.rstrip())
    return merged


def _text_of(node: Inline) -> str:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, LineBreak):
        return ""
    return "".join(_text_of(child) for child in node.children)


# --- writers --------------------------------------------------------------------------------------

def _href(link: Link, base_url: str | None) -> str | None:
    return absolute_url(link.href, base_url)


def _inline_html(nodes: tuple[Inline, ...], base_url: str) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(html.escape(node.text, quote=False))
        elif isinstance(node, LineBreak):
            out.append("<br>")
        elif isinstance(node, Styled):
            out.append(f"<{node.kind}>{_inline_html(node.children, base_url)}</{node.kind}>")
        else:
            href = _href(node, base_url)
            inner = _inline_html(node.children, base_url)
            out.append(f'<a href="{html.escape(href)}">{inner}</a>' if href else inner)
    return "".join(out)


def _block_html(block: Block, base_url: str) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_inline_html(block.children, base_url)}</p>"
    tag = "ol" if block.ordered else "ul"
    items = "".join(f"<li>{_inline_html(item, base_url)}</li>" for item in block.items)
    return f"<{tag}>{items}</{tag}>"


def _inline_text(nodes: tuple[Inline, ...], base_url: str) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, Styled):
            out.append(_inline_text(node.children, base_url))
        else:
            inner = _inline_text(node.children, base_url)
            href = _href(node, base_url)
            out.append(inner if not href or href == inner else f"{inner} ({href})")
    return "".join(out)


def _block_text(block: Block, base_url: str) -> str:
    if isinstance(block, Paragraph):
        return _inline_text(block.children, base_url)
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{marker} {_inline_text(item, base_url)}")
    return "\n".join(lines)


_MD_INLINE = re.compile(r"([\\`*_\[\]])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+=|-])|(\d+)([.)]))")


def _escape_inline(value: str) -> str:
    return _MD_INLINE.sub(r"\\\1", clean(value).replace("&", "&amp;").replace("<", "&lt;"))


def _escape_line_starts(value: str) -> str:
    def escape(match: re.Match[str]) -> str:
        if match.group(2):
            return f"{match.group(1)}\\{match.group(2)}"
        return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"

    return "\n".join(_MD_LINE_START.sub(escape, line) for line in value.split("\n"))


@lru_cache(maxsize=8192)
def escape_markdown(value: str) -> str:
    """`value` as literal Markdown text: no markup, no raw HTML, no entities taking effect."""
    return _escape_line_starts(_escape_inline(value))


def _inline_markdown(nodes: tuple[Inline, ...], base_url: str) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(_escape_inline(node.text))
        elif isinstance(node, LineBreak):
            out.append("  \n")
        elif isinstance(node, Styled):
            mark = "**" if node.kind == "strong" else "_"
            out.append(f"{mark}{_inline_markdown(node.children, base_url)}{mark}")
        else:
            inner = _inline_markdown(node.children, base_url)
            href = _href(node, base_url)
            safe_href = href.replace("(", "%28").replace(")", "%29") if href else None
            out.append(f"[{inner}]({safe_href})" if safe_href else inner)
    return "".join(out)


def _block_markdown(block: Block, base_url: str) -> str:
    if isinstance(block, Paragraph):
        return _escape_line_starts(_inline_markdown(block.children, base_url))
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{marker} {_escape_line_starts(_inline_markdown(item, base_url))}")
    return "\n".join(lines)


def _inline_json(nodes: tuple[Inline, ...], base_url: str | None) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append({"t": node.text})
        elif isinstance(node, LineBreak):
            out.append({"br": True})
        elif isinstance(node, Styled):
            out.append({node.kind: _inline_json(node.children, base_url)})
        else:
            href = _href(node, base_url)
            children = _inline_json(node.children, base_url)
            out.extend([{"a": href, "c": children}] if href else children)
    return out


def _block_json(block: Block, base_url: str | None) -> dict[str, object]:
    if isinstance(block, Paragraph):
        return {"p": _inline_json(block.children, base_url)}
    key = "ol" if block.ordered else "ul"
    return {key: [_inline_json(item, base_url) for item in block.items]}


# --- plain-text wrapping ----------------------------------------------------------------------

_LIST_MARKER = re.compile(r"^(\s*(?:[-*]|\d+\.)\s+)")


def wrap_text(value: str, width: int = WRAP_WIDTH) -> str:
    """Wrap every long line at `width`, keeping list indents; a single long URL stays whole."""
    out: list[str] = []
    for line in value.split("\n"):
        line = line.rstrip()
        out.append(line if len(line) <= width else _wrap_line(line, width))
    return "\n".join(out)


@lru_cache(maxsize=8192)  # a piece's paragraphs are the same for every school
def _wrap_line(line: str, width: int) -> str:
    marker = _LIST_MARKER.match(line)
    size = len(marker.group(1)) if marker else len(line) - len(line.lstrip(" "))
    chunks = _chunks(max(width - size, 10)).findall(line, size)
    indent = " " * size
    return "\n".join([line[:size] + chunks[0], *(indent + chunk for chunk in chunks[1:])])


@lru_cache(maxsize=8)
def _chunks(width: int) -> re.Pattern[str]:
    """Runs of words at most `width` long (breaking at spaces), or one word that is longer."""
    return re.compile(rf"\S(?:.{{0,{width - 1}}}(?<=\S))?(?= |$)|\S+")
