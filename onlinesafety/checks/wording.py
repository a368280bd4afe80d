"""Words and tone per audience: terminology, victim-blaming, fear, hoaxes, band-unsuitable words, app names."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..model import Audience, Band
from .blocks import Block
from .findings import Finding
from .markdown import sentences, units
from .rules import RULES

WORDING_FOLDER = Path(__file__).with_name("data") / "wording"
# How far back (in characters) `unless_before` looks: enough for "it is not, and never will be, ".
UNLESS_WINDOW = 40
QUOTE_CUES = re.compile(
    r"\b(?:not|never|don't|do not|avoid|avoids|instead|rather than|such as|like|called|call|calls|term|terms|"
    r"word|words|phrase|phrases|say|says|said|saying|replace|replaces|outdated|misleading)\b", re.IGNORECASE)


class WordEntry(BaseModel):
    """One entry of a word list: what it matches, for whom, why, the evidence, and the fix."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: list[str] = Field(default_factory=list)
    pattern: str | None = None
    unless_before: str | None = None
    unless_after: str | None = None
    audiences: dict[Audience, Literal["error", "warning"]] = Field(min_length=1)
    bands: list[Band] | None = None
    mention_ok: bool = False
    reason: str = Field(min_length=10)
    source: str = Field(min_length=10)
    instead: str = Field(min_length=5)

    @model_validator(mode="after")
    def _something_to_match(self) -> "WordEntry":
        if not self.phrases and not self.pattern:
            raise ValueError("an entry needs phrases or a pattern")
        return self

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        alternatives = [self.pattern] if self.pattern else []
        if self.phrases:
            phrases = ("[\\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", phrase.strip()) if word)
                       for phrase in self.phrases)
            alternatives.append(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])")
        return re.compile("|".join(f"(?:{alternative})" for alternative in alternatives), re.IGNORECASE)

    @functools.cached_property
    def unless(self) -> re.Pattern[str] | None:
        return re.compile(self.unless_before, re.IGNORECASE) if self.unless_before else None

    @functools.cached_property
    def unless_next(self) -> re.Pattern[str] | None:
        return re.compile(self.unless_after, re.IGNORECASE) if self.unless_after else None


# Letters that match an ASCII letter when case is ignored but lower-case to something else (or to two
# characters): text with any of them is searched the slow way.
_FOLDS_ODDLY = re.compile("[\u0130\u0131\u017f\u212a]")
_ESCAPE = re.compile(r"\\.")
# A capital letter, or a group other than (?:...) and lookarounds, such as an inline flag like (?-i:...).
_CAPITAL_OR_FLAG = re.compile(r"[A-Z]|\(\?(?![:=!]|<[=!])")


class FirstPass:
    """Whether any entry of a list might match a text: the quick test before sentence by sentence.

    Python's `re` is about a third faster on lower-cased text than with IGNORECASE on a long pattern;
    that is used whenever it gives the same answer: the pattern has no capital letters of its own, and
    the text none of the few letters that lower-case oddly. Otherwise the pattern ignores case as usual.
    """

    def __init__(self, pattern: str) -> None:
        self.ignoring_case = re.compile(pattern, re.IGNORECASE)
        own_case = _CAPITAL_OR_FLAG.search(_ESCAPE.sub("", pattern))
        self.lower_case = None if own_case else re.compile(pattern)

    def search(self, text: str, lowered: str | None) -> bool:
        """`lowered`: `text.lower()`, or None if `text` has a letter that lower-cases oddly."""
        if self.lower_case is not None and lowered is not None:
            return self.lower_case.search(lowered) is not None
        return self.ignoring_case.search(text) is not None


def lowered_for_search(text: str) -> str | None:
    """`text.lower()` where searching it without IGNORECASE gives the same answers; else None."""
    return None if _FOLDS_ODDLY.search(text) else text.lower()


class WordList(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    title: str
    entries: list[WordEntry] = Field(min_length=1)

    @functools.cached_property
    def any_entry(self) -> re.Pattern[str]:
        """One pattern matching wherever any entry might: a quick first pass over each block."""
        return re.compile("|".join(f"(?:{entry.regex.pattern})" for entry in self.entries), re.IGNORECASE)

    @functools.cached_property
    def _first_passes(self) -> dict[tuple[Audience, Band | None], FirstPass | None]:
        return {}

    def first_pass(self, audience: Audience, band: Band | None) -> FirstPass | None:
        """`any_entry` limited to the entries that apply to this audience and band (None: none apply).

        `_first_match` skips the other entries anyway, so the result is the same; the pattern is shorter,
        and teacher text (most of the words) skips the pupil-only lists altogether.
        """
        key = (audience, band)
        if key not in self._first_passes:
            applicable = [entry for entry in self.entries
                          if entry.audiences.get(audience) is not None and _band_applies_to(entry, audience, band)]
            self._first_passes[key] = FirstPass(
                "|".join(f"(?:{entry.regex.pattern})" for entry in applicable)) if applicable else None
        return self._first_passes[key]

    @model_validator(mode="after")
    def _known_rule(self) -> "WordList":
        if self.rule not in RULES or not self.rule.startswith("wording/"):
            raise ValueError(f"unknown wording rule '{self.rule}'")
        return self


@functools.lru_cache(maxsize=1)
def load_word_lists() -> tuple[WordList, ...]:
    """Every list in data/wording/*.yml, in file-name order."""
    lists = []
    for path in sorted(WORDING_FOLDER.glob("*.yml")):
        try:
            lists.append(WordList.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))))
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from None
    return tuple(lists)


def check_wording(blocks: Iterable[Block]) -> list[Finding]:
    """Every listed word or phrase in text whose audience (and band) the entry applies to."""
    lists = load_word_lists()
    findings: list[Finding] = []
    for block in blocks:
        block_units = units(block.text)
        plain = " ".join(unit.text for unit in block_units)
        lowered = lowered_for_search(plain)
        for word_list in lists:
            first_pass = word_list.first_pass(block.audience, block.band)
            if first_pass is None or not first_pass.search(plain, lowered):
                continue
            for unit in block_units:
                for sentence in sentences(unit.text):
                    finding = _first_match(word_list, block, sentence, unit.line)
                    if finding is not None:
                        findings.append(finding)
    return findings


def _first_match(word_list: WordList, block: Block, sentence: str, offset: int) -> Finding | None:
    """One finding per rule per sentence: the first entry that matches and applies."""
    for entry in word_list.entries:
        severity = entry.audiences.get(block.audience)
        if severity is None or not _band_applies(entry, block):
            continue
        for match in entry.regex.finditer(sentence):
            if _excused(entry, sentence, match):
                continue
            excerpt = match.group(0)
            return Finding(
                block.path, block.line_of(excerpt, offset), word_list.rule, severity,
                f"'{excerpt}' in {block.audience.value} text: {entry.reason}", entry.instead,
                block.field, excerpt=excerpt, context=sentence)
    return None


def _band_applies(entry: WordEntry, block: Block) -> bool:
    return _band_applies_to(entry, block.audience, block.band)


def _band_applies_to(entry: WordEntry, audience: Audience, band: Band | None) -> bool:
    if entry.bands is None or audience is not Audience.PUPIL or band is None:
        return True
    return band in entry.bands


def _excused(entry: WordEntry, sentence: str, match: re.Match[str]) -> bool:
    before, after = sentence[:match.start()], sentence[match.end():]
    if entry.unless is not None and entry.unless.search(before[-UNLESS_WINDOW:]):
        return True
    if entry.unless_next is not None and entry.unless_next.search(after):
        return True
    return entry.mention_ok and _quoted_mention(sentence, match)


def _quoted_mention(sentence: str, match: re.Match[str]) -> bool:
    """True when the match sits inside quotation marks in a sentence about words ('we say X, not "Y"')."""
    before, after = sentence[:match.start()], sentence[match.end():]
    in_double = before.count('"') % 2 == 1 and '"' in after
    in_single = bool(re.search(r"(?:^|[\s(])'$", before)) and after.startswith("'")
    return (in_double or in_single) and QUOTE_CUES.search(sentence) is not None
