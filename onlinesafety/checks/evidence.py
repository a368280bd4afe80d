"""Evidence: every figure cites a source, is one that evidence.yml holds, and evidence.yml says what its sources say."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Audience, Band, Library
from ..model.evidence import Figure
from .blocks import Block
from .figures import FoundFigure, find_figures, figures_in
from .findings import Finding, shorten
from .markdown import sentences, units

__all__ = ["check_evidence", "check_figures_against_evidence", "check_pupil_statistics", "check_uncited_figures",
           "figures_in", "normalise", "quote_contains"]
EVIDENCE_FILE = "content/evidence.yml"
NO_STATISTICS_BANDS = (Band.AGES_4_7, Band.AGES_7_11)

WHITESPACE = re.compile(r"\s+")
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def check_evidence(library: Library) -> list[Finding]:
    """Source keys that do not exist, and evidence.yml figures that do not match their quote."""
    return [*_unknown_sources(library), *_figure_mismatches(library)]


def check_uncited_figures(blocks: Iterable[Block]) -> list[Finding]:
    """A finding for the first figure in each sentence of a block whose item cites no source."""
    findings: list[Finding] = []
    for block in blocks:
        if block.sources or not find_figures(block.text):
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


def check_figures_against_evidence(library: Library, blocks: Iterable[Block]) -> list[Finding]:
    """Every figure in every text block is one that evidence.yml holds, checked against its source quote.

    A figure matches an evidence entry when the entry's source_quote contains the figure's number with its
    unit or scale (its core: "96%", "9 in 10", "85 million"), and the entry's own value is in that quote.
    A statement in evidence.yml must match its own entry.
    """
    figures = usable_figures(library)
    findings: list[Finding] = []
    for block in blocks:
        if not find_figures(block.text):  # most blocks: skip splitting them into sentences
            continue
        candidates = _candidates(library, block, figures)
        for unit in units(block.text):
            for sentence in sentences(unit.text):
                for found in find_figures(sentence):
                    if matches_evidence(found, candidates):
                        continue
                    findings.append(_unmatched(block, found, sentence, unit.line, own=block.kind == "evidence"))
    return findings


def usable_figures(library: Library) -> list[Figure]:
    """The evidence.yml entries whose value is in their own quote (the others vouch for nothing)."""
    return [figure for figure in (library.evidence.figures if library.evidence else [])
            if quote_contains(figure.source_quote, figure.value)]


def matches_evidence(found: FoundFigure, figures: list[Figure]) -> bool:
    """True when some entry's source_quote contains the figure's core."""
    core = _canonical(found.core)
    return any(quote_contains(_canonical(figure.source_quote), core) for figure in figures)


def _candidates(library: Library, block: Block, figures: list[Figure]) -> list[Figure]:
    if block.kind == "evidence" and library.evidence is not None and len(block.loc) > 1:
        index = block.loc[1]
        own = library.evidence.figures[index] if isinstance(index, int) else None
        return [own] if own is not None and own in figures else []
    return figures


def _unmatched(block: Block, found: FoundFigure, sentence: str, offset: int, *, own: bool) -> Finding:
    if own:
        message = (f"the figure '{found.text}' is not in this entry's source_quote, so the statement says "
                   "something its source does not")
        fix = "use the figure exactly as the source_quote gives it, or quote the source's words that contain it"
    else:
        message = (f"the figure '{found.text}' is not in {EVIDENCE_FILE}: no entry's source_quote contains "
                   f"'{found.core}', so nothing shows where it comes from")
        fix = (f"add it to {EVIDENCE_FILE} (id, value, statement, source, and the source's exact words as "
               "source_quote), or correct it to the figure the source gives, or remove it")
    return Finding(block.path, block.line_of(found.text, offset), "evidence/figure-not-in-evidence", "error",
                   message, fix, block.field, excerpt=found.text, context=sentence)


def check_pupil_statistics(blocks: Iterable[Block]) -> list[Finding]:
    """No figure at all in pupil text for ages 4-7 and 7-11."""
    findings: list[Finding] = []
    for block in blocks:
        if block.audience is not Audience.PUPIL or block.band not in NO_STATISTICS_BANDS:
            continue
        if not find_figures(block.text):
            continue
        for unit in units(block.text):
            for sentence in sentences(unit.text):
                for found in find_figures(sentence):
                    findings.append(Finding(
                        block.path, block.line_of(found.text, unit.line), "evidence/pupil-statistic", "error",
                        f"'{found.text}' is a statistic in pupil text for ages {block.band.value}: primary pupils "
                        "get no statistics (they cannot weigh them, and numbers about harm frighten rather than "
                        "teach)", "remove the figure; teach the safe behaviour and who to tell instead "
                        "(the figure can go in the teacher notes, from content/evidence.yml)",
                        block.field, excerpt=found.text, context=sentence))
    return findings


def _canonical(text: str) -> str:
    """`normalise`d, with "per cent" and "percent" written as %."""
    return PER_CENT.sub(r"\1%", normalise(text))


PER_CENT = re.compile(r"(\d)\s?(?:per\s?cent|percent)\b")


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
