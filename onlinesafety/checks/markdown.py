"""Read a Markdown text block as people read it: plain-text units, sentences, words, links and headings."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+\"(.*)\")?\s*$")
BLOCKQUOTE = re.compile(r"^\s*>\s?")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")

IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
REFERENCE_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

WORD = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:['’\-][A-Za-z0-9À-ÖØ-öø-ÿ]+)*")
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|vs|Mr|Mrs|Ms|Dr|approx|incl)\.|\b(No)\.(?=\s?\d)", re.IGNORECASE)
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(frozen=True)
class Unit:
    """A paragraph, list item, heading or table cell, with the line (0-based) it starts on in the block."""

    text: str
    line: int
    kind: str


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    line: int
    image: bool


_ATTRIBUTE_LIST = re.compile(r"\{:[^}]*\}")
_CODE_SPAN = re.compile(r"`([^`]*)`")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")
_SPACE_RUN = re.compile(r"\s+")


def plain_inline(text: str) -> str:
    """`text` without inline Markdown or HTML, as a reader sees it.

    Each pattern runs only if the text has the character it needs (most text has no Markdown at all):
    the gate calls this for every line of the library.
    """
    if "![" in text:
        text = IMAGE.sub("", text)
    if "](" in text:
        text = LINK.sub(r"\1", text)
    if "][" in text:
        text = REFERENCE_LINK.sub(r"\1", text)
    if "<" in text:
        text = AUTOLINK.sub(r"\1", text)
        text = HTML_TAG.sub("", text)
    if "{" in text:
        text = _ATTRIBUTE_LIST.sub("", text)
        text = PLACEHOLDER.sub("the link", text)
    if "`" in text:
        text = _CODE_SPAN.sub(r"\1", text)
    if "[^" in text:
        text = _FOOTNOTE_REF.sub("", text)
    text = text.replace("**", "").replace("__", "").replace("~~", "")
    if "*" in text:
        text = _EMPHASIS_STAR.sub("", text)
    if "_" in text:
        text = _EMPHASIS_UNDERSCORE.sub("", text)
    if "&" in text:
        text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return _SPACE_RUN.sub(" ", text.translate(TYPOGRAPHY)).strip()


# `units` and `sentences` are pure functions of their text and each check asks for the same text again:
# cached for one run of the gate (run_checks and run_text_checks clear them before and after).
@functools.lru_cache(maxsize=None)
def units(markdown: str) -> tuple[Unit, ...]:
    """The readable units of `markdown`, in order; code blocks and link definitions are left out."""
    result: list[Unit] = []
    current: list[str] = []
    start, kind = 0, "paragraph"
    in_code = False

    def flush() -> None:
        nonlocal current
        text = plain_inline(" ".join(current))
        if text:
            result.append(Unit(text, start, kind))
        current = []

    for index, raw in enumerate(markdown.split("\n")):
        if FENCE.match(raw):
            flush()
            in_code = not in_code
            continue
        if in_code or REFERENCE_DEFINITION.match(raw):
            continue
        line = BLOCKQUOTE.sub("", raw)
        if not line.strip():
            flush()
            continue
        if TABLE_ROW.match(line):
            flush()
            if not TABLE_RULE.match(line):
                for cell in line.strip().strip("|").split("|"):
                    text = plain_inline(cell)
                    if text:
                        result.append(Unit(text, index, "cell"))
            continue
        heading = HEADING.match(line)
        admonition = ADMONITION.match(line)
        item = LIST_ITEM.match(line)
        if heading or admonition:
            flush()
            title = heading.group(2) if heading else (admonition.group(1) or "")
            text = plain_inline(title)
            if text:
                result.append(Unit(text, index, "heading"))
            continue
        if item:
            flush()
            current, start, kind = [item.group(1)], index, "item"
            continue
        if not current:
            start, kind = index, "paragraph"
        current.append(line.strip())
    flush()
    return tuple(result)


@functools.lru_cache(maxsize=None)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of one plain-text unit (a unit without a full stop is one sentence)."""
    protected = ABBREVIATIONS.sub(lambda match: match.group(1) or match.group(2), text)
    result: list[str] = []
    position = 0
    for match in SENTENCE_END.finditer(protected):
        piece = protected[position:match.end()].strip()
        if piece:
            result.append(piece)
        position = match.end()
    rest = protected[position:].strip()
    if rest:
        result.append(rest)
    return tuple(sentence for sentence in result if words(sentence))


def clear_caches() -> None:
    """Forget the cached units and sentences (so a long-running process does not keep every text)."""
    units.cache_clear()
    sentences.cache_clear()


def words(text: str) -> list[str]:
    """The words of `text` ("grown-up" and "don't" are one word each; numbers count)."""
    return WORD.findall(text)


def headings(markdown: str) -> list[Heading]:
    """Markdown headings (# to ######) outside code blocks, with their block line."""
    found: list[Heading] = []
    in_code = False
    for index, line in enumerate(markdown.split("\n")):
        if FENCE.match(line):
            in_code = not in_code
            continue
        match = None if in_code else HEADING.match(line)
        if match:
            found.append(Heading(len(match.group(1)), plain_inline(match.group(2)), index))
    return found


def links(markdown: str) -> list[Link]:
    """Every Markdown or HTML link and image outside code blocks."""
    found: list[Link] = []
    for index, line in _prose_lines(markdown):
        for match in IMAGE.finditer(line):
            found.append(Link(match.group(1), match.group(2), index, image=True))
        for match in LINK.finditer(line):
            found.append(Link(match.group(1), match.group(2), index, image=False))
        for match in HTML_IMAGE.finditer(line):
            alt = re.search(r"\balt\s*=\s*([\"'])(.*?)\1", match.group(0), re.IGNORECASE)
            found.append(Link(alt.group(2) if alt else "", match.group(0), index, image=True))
        for match in HTML_LINK.finditer(line):
            found.append(Link(HTML_TAG.sub("", match.group(1)), match.group(0), index, image=False))
    return found


def bare_urls(markdown: str) -> list[tuple[str, int]]:
    """URLs shown as text in prose or as autolinks (link targets and link text are checked elsewhere)."""
    found: list[tuple[str, int]] = []
    for index, line in _prose_lines(markdown):
        if REFERENCE_DEFINITION.match(line):
            continue
        line = IMAGE.sub("", line)
        line = LINK.sub("[link]", line)
        line = HTML_LINK.sub("[link]", HTML_IMAGE.sub("", line))
        found.extend((match.group(0), index) for match in URL.finditer(line))
    return found


def _prose_lines(markdown: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    in_code = False
    for index, line in enumerate(markdown.split("\n")):
        if FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code:
            lines.append((index, re.sub(r"`[^`]*`", "", line)))
    return lines
