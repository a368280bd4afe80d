"""Accessible content: alt text on images, link text that says where it goes, no bare URLs, no skipped headings."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .blocks import Block
from .findings import ERROR, Finding
from .markdown import bare_urls, headings, links

VAGUE_LINK_TEXT = {"click here", "click", "here", "this link", "link", "read more", "more", "learn more",
                   "find out more", "more info", "more information", "this page", "this website", "website", "go"}
VAGUE_ALT_TEXT = {"image", "picture", "photo", "photograph", "img", "graphic", "icon", "screenshot", "figure"}
FILE_NAME = re.compile(r"^[\w.-]+\.(?:png|jpe?g|gif|svg|webp|avif)$", re.IGNORECASE)
URL_TEXT = re.compile(r"^\s*(?:https?://|www\.)", re.IGNORECASE)


def check_accessibility(blocks: Iterable[Block]) -> list[Finding]:
    """Image alt text, link text, bare URLs and heading order in every text block and page body."""
    findings: list[Finding] = []
    for block in blocks:
        findings.extend(_links(block))
        findings.extend(_bare_urls(block))
        findings.extend(_headings(block))
    return findings


def _links(block: Block) -> list[Finding]:
    findings: list[Finding] = []
    for link in links(block.text):
        shown = " ".join(link.text.split())
        if link.image:
            problem = _alt_problem(shown)
            if problem:
                findings.append(Finding(
                    block.path, block.line_of(shown or link.target, link.line), "a11y/image-alt", ERROR,
                    f"image {link.target!r} {problem}",
                    "describe what the image shows and why it is there, in a short phrase: ![A tablet with its "
                    "camera covered](cover.png)", block.field, excerpt=shown or link.target, context=shown))
            continue
        label = re.sub(r"[^\w\s]", "", shown).strip().lower()
        if label in VAGUE_LINK_TEXT:
            findings.append(Finding(
                block.path, block.line_of(shown, link.line), "a11y/link-text", ERROR,
                f"link text '{shown}' does not say where the link goes",
                "use the destination as the link text, e.g. [the Childline website](…), not 'click here'",
                block.field, excerpt=shown, context=shown))
        elif URL_TEXT.match(shown):
            findings.append(Finding(
                block.path, block.line_of(shown, link.line), "a11y/link-text", ERROR,
                f"link text is a web address ({shown})",
                "use the name of the page or service as the link text", block.field, excerpt=shown, context=shown))
    return findings


def _alt_problem(alt: str) -> str:
    if not alt:
        return "has no alt text"
    if alt.lower().strip(".") in VAGUE_ALT_TEXT or FILE_NAME.match(alt):
        return f"has alt text '{alt}', which does not describe it"
    return ""


def _bare_urls(block: Block) -> list[Finding]:
    return [Finding(
        block.path, block.line_of(url, line), "a11y/bare-url", ERROR,
        f"bare web address in the text ({url})",
        "make it a link with descriptive text, e.g. [the IWF's reporting page](https://…), or name the service",
        block.field, excerpt=url, context=url)
        for url, line in bare_urls(block.text)]


def _headings(block: Block) -> list[Finding]:
    findings: list[Finding] = []
    # A page's title is its level-1 heading, so its body may start at level 1 or 2; other blocks start anywhere.
    previous = 1 if block.kind == "page" else None
    for heading in headings(block.text):
        if previous is not None and heading.level > previous + 1:
            findings.append(Finding(
                block.path, block.line_of(heading.text, heading.line), "a11y/heading-skip", ERROR,
                f"heading '{heading.text}' is level {heading.level} after level {previous}",
                f"make it level {previous + 1} ({'#' * (previous + 1)}) or add the missing level above it",
                block.field, excerpt=heading.text, context=heading.text))
        previous = heading.level
    return findings
