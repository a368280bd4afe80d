"""Evidence: every figure cites a source that exists, and evidence.yml says what its sources say."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Library
from .blocks import Block
from .findings import Finding, shorten
from .markdown import URL, sentences, units

NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a\s+hundred|hundred|a\s+thousand"
PEOPLE = (r"children|child|young\s+people|pupils|students|teenagers|teens|girls|boys|parents|carers|adults|"
          r"victims|offenders|images|videos|captures|cases|reports|schools|teachers|users|families")
FIGURE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)"  # 98%, 2.5 per cent
    rf"|\b(?:\d+|{NUMBER_WORDS})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d{{1,3}}(?:,\d{{3}})*|{NUMBER_WORDS})\b"  # 9 in 10, one in five
    r"|\b\d{1,3}(?:,\d{3})+\b"  # 2,082
    r"|\b\d+(?:\.\d+)?\s*(?:thousand|million|billion)\b"  # 1.5 million
    rf"|\b(?:half|a\s+third|two\s+thirds|a\s+quarter|three\s+quarters|the\s+majority|a\s+minority)\s+of\s+"
    rf"(?:all\s+|the\s+)?(?:{PEOPLE})\b",
    re.IGNORECASE)
WHITESPACE = re.compile(r"\s+")
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def figures_in(text: str) -> list[str]:
    """The figures in plain `text`: percentages, 'N in N', counts with thousands separators, and 'half of …'."""
    return [match.group(0) for match in FIGURE.finditer(URL.sub(" ", text))]


def check_evidence(library: Library) -> list[Finding]:
    """Source keys that do not exist, and evidence.yml figures that do not match their quote."""
    return [*_unknown_sources(library), *_figure_mismatches(library)]


def check_uncited_figures(blocks: Iterable[Block]) -> list[Finding]:
    """A finding for the first figure in each sentence of a block whose item cites no source."""
    findings: list[Finding] = []
    for block in blocks:
        if block.sources:
            continue
        for unit in units(block.text):
            for sentence in sentences(unit.text):
                found = figures_in(sentence)
                if found:
                    findings.append(Finding(
                        block.path, block.line_of(found[0], unit.line), "evidence/uncited-figure", "error",
                        f"the figure '{found[0]}' has no source: this {block.kind} cites none",
                        "add the key of the source it comes from to the item's `sources:` list "
                        "(keys are in content/sources.yml), or remove the figure",
                        block.field, excerpt=found[0], context=sentence))
    return findings


def _unknown_sources(library: Library) -> list[Finding]:
    """Keys that are not in the bibliography (the loader checks this too; kept for libraries built in code)."""
    findings: list[Finding] = []
    known = ", ".join(sorted(library.sources)) or "none"
    for item in [*library.items(), *library.regions.values()]:
        origin = library.origin(item)
        for loc, key in _cited_keys(item):
            if key not in library.sources:
                findings.append(Finding(
                    origin.path, origin.line_for(loc), "evidence/unknown-source", "error",
                    f"no source with key '{key}' in content/sources.yml",
                    f"correct the key or add the source; known keys: {known}",
                    ".".join(str(part) for part in loc), excerpt=key, context=key))
    return findings


def _cited_keys(item: object) -> list[tuple[tuple[object, ...], str]]:
    meta = getattr(item, "meta", None)
    if meta is not None:
        return [(("sources", index), key) for index, key in enumerate(meta.sources)]
    figures = getattr(item, "figures", None)
    if figures is not None:
        return [(("figures", index, "source"), figure.source) for index, figure in enumerate(figures)]
    routes = getattr(item, "routes", None)
    if routes is not None:
        return [(("routes", index, "source"), route.source) for index, route in enumerate(routes)]
    return [(("sources", index), key) for index, key in enumerate(getattr(item, "sources", []) or [])]


def _figure_mismatches(library: Library) -> list[Finding]:
    evidence = library.evidence
    if evidence is None:
        return []
    origin = library.origin(evidence)
    findings: list[Finding] = []
    for index, figure in enumerate(evidence.figures):
        if not quote_contains(figure.source_quote, figure.value):
            loc = ("figures", index, "value")
            findings.append(Finding(
                origin.path, origin.line_for(loc), "evidence/figure-mismatch", "error",
                f"figure '{figure.id}': its value '{figure.value}' is not in its source_quote "
                f"(\"{shorten(figure.source_quote, 50)}\")",
                "give the value exactly as the source words it (\"three\" may be written 3), or quote the source's "
                "words that contain it", f"figures[{index}].value", excerpt=figure.value, context=figure.source_quote))
    return findings


def quote_contains(quote: str, value: str) -> bool:
    """True when `value` appears word for word in `quote` (any case; number words match digits)."""
    value = normalise(value)
    left = r"(?<!\w)" if value[:1].isalnum() else ""
    right = r"(?!\w)" if value[-1:].isalnum() else ""
    return re.search(left + re.escape(value) + right, normalise(quote)) is not None


def normalise(text: str) -> str:
    """`text` in lower case with plain quotes, dashes and spaces, and number words as digits."""
    text = WHITESPACE.sub(" ", text.translate(TYPOGRAPHY)).strip().lower()
    return NUMBER_WORD.sub(lambda match: str(NUMBERS[match.group(0)]), text)


NUMBERS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBERS) + r")\b")
