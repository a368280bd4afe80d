"""Translations keep what must not change: numbers, web addresses, service names and placeholders are
the same as in the English, field by field; the length stays near the English; each language's
terminology rules hold; and a translation of English that has since changed is flagged out of date.

Every comparison is between one English field and its translation (the same list item, the same
age band, the same route), so a finding names the exact line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import Library
from ..model.language import placeholders
from ..translations.fields import SHAPES, extract, texts
from ..translations.hashing import english_data
from ..translations.model import english_items
from .findings import ERROR, WARNING, Finding, shorten

# Digits as written in the English: phone numbers ("0800 1111", "+1 800 843 5678"), figures ("1.1%"),
# years and ages. \d also matches other scripts' digits (۴), so "4" written as "۴" is a change.
_NUMBER = re.compile(r"\+?\d(?:[\d.,]*\d)?(?:(?: |\u00a0|-)\d+)*%?")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>\"'<]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|gov|police|net|ie|nz|au|ca|ph|uk|us)(?:\.[a-z]{2})?(?:/[^\s)\]>\"'<]*)?", re.I)
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)|\{ ?#([\w-]+) ?\}")
# Lengths are compared in characters for texts of at least this many; below it, one word can double them.
MIN_LENGTH_COMPARED = 60
LENGTH_BOUNDS = (0.45, 2.4)


def check_translations(library: Library) -> list[Finding]:
    findings: list[Finding] = []
    names = service_names(library)
    english_language = library.languages.get("en")
    for code, translated in library.translations.items():
        language = translated.language
        for (kind, item_id), info in translated.info.items():
            item = translated.items(kind)[item_id]
            english = english_items(library, kind)[item_id]
            origin = library.origin(item)
            shape = SHAPES[kind]
            theirs = dict(texts(shape, extract(shape, english_data(kind, item))))
            for loc, source in texts(shape, extract(shape, english_data(kind, english))):
                target = theirs.get(loc)
                if target is None:
                    continue
                line = _line(origin, kind, english, loc, target, source)
                for rule, message, fix in compare(source, target, names):
                    findings.append(Finding(origin.path, line, rule, ERROR, message, fix, _dotted(loc), excerpt=target[:200]))
                for term in language.terminology:
                    if term.avoid.casefold() in target.casefold():
                        findings.append(Finding(origin.path, line, "translation/terminology", ERROR,
                                                f"'{term.avoid}' is not used in {language.name}: {term.why}",
                                                f"write '{term.use}' instead", _dotted(loc), excerpt=term.avoid))
            if info.out_of_date:
                findings.append(Finding(
                    info.path, origin.line_for(("translation", "source_hash")), "translation/out-of-date", WARNING,
                    f"the English ({info.source_path}) has changed since this {language.name} translation was made",
                    "update the translation to match the English, then run `python -m onlinesafety translations "
                    f"stamp {info.path}`", "translation.source_hash"))
        if english_language is not None and code in library.languages:
            findings += _string_placeholders(library, english_language, library.languages[code])
    for code, language in library.languages.items():
        if code != "en" and code not in library.translations and english_language is not None:
            findings += _string_placeholders(library, english_language, language)
    return findings


def compare(source: str, target: str, names: list[str]) -> Iterator[tuple[str, str, str]]:
    """(rule, message, fix) for each way `target` differs from `source` where it must not."""
    for rule, what, found in (("translation/numbers", "number", _NUMBER.findall),
                              ("translation/urls", "web address", _urls),
                              ("translation/placeholders", "placeholder", _placeholders),
                              ("translation/links", "link or anchor", _link_targets)):
        wanted, given = set(found(source)), set(found(target))
        if wanted - given:
            missing = ", ".join(sorted(wanted - given))
            yield (rule, f"the English has the {what}(s) {missing}, which the translation lacks or changes",
                   f"copy {missing} exactly as in the English")
        if given - wanted:
            extra = ", ".join(sorted(given - wanted))
            yield (rule, f"the translation has the {what}(s) {extra}, which the English does not",
                   "use exactly the English's numbers, addresses and placeholders (Western digits, same spacing)")
    missing_names = [name for name in names if name in source and name not in target]
    if missing_names:
        yield ("translation/service-names", f"the service name(s) {', '.join(missing_names)} are missing or translated",
               "keep names of services exactly as in English")
    if len(source) >= MIN_LENGTH_COMPARED:
        ratio = len(target) / len(source)
        low, high = LENGTH_BOUNDS
        if not low <= ratio <= high:
            yield ("translation/length", f"the translation is {ratio:.1f} times the English's length "
                   f"({len(target)} characters for {len(source)}: '{shorten(target)}')",
                   f"translate the whole text, no more (between {low} and {high} times the English is expected)")


def service_names(library: Library) -> list[str]:
    """Names of services as the help pages give them: 'Childline', 'CEOP', 'Report Remove', 'NSPCC'."""
    names: set[str] = set()
    for region in library.regions.values():
        for route in region.routes:
            head = re.split(r" \(|: | - | – ", route.name)[0].strip()
            if head and not any(char.isdigit() for char in head) and len(head.split()) <= 4:
                names.add(head)
            names.update(re.findall(r"\b[A-Z][A-Z0-9]{2,}\b", route.name))
    generic = {"Police emergency", "Emergency services", "Police", "Emergency"}
    return sorted(name for name in names if name not in generic)


def _urls(text: str) -> list[str]:
    return [url.rstrip(".,;:") for url in _URL.findall(text)]


def _placeholders(text: str) -> list[str]:
    return ["{" + name + "}" for name in re.findall(r"\{([a-z_]+)\}", text)]


def _link_targets(text: str) -> list[str]:
    return [target or f"#{anchor}" for target, anchor in _LINK_TARGET.findall(text)]


def _string_placeholders(library: Library, english: Any, language: Any) -> list[Finding]:
    findings: list[Finding] = []
    origin = library.origin(language)
    for key, text in language.strings.items():
        if key in english.strings and sorted(placeholders(text)) != sorted(placeholders(english.strings[key])):
            findings.append(Finding(
                origin.path, origin.line_for(("strings", key)), "translation/placeholders", ERROR,
                f"'{key}' has the placeholders {placeholders(text)}; the English has {placeholders(english.strings[key])}",
                "keep each {placeholder} exactly as in content/languages/en.yml", f"strings.{key}"))
    return findings


def _line(origin: Any, kind: str, english: Any, loc: tuple[Any, ...], target: str, source: str) -> int:
    if kind == "region" and len(loc) > 1 and loc[0] == "routes":
        index = next(number for number, route in enumerate(english.routes) if route.id == loc[1])
        loc = (loc[0], index, *loc[2:])
    if kind == "page" and loc == ("body",):
        return origin.first_body_line + _first_differing_line(source, target)
    return origin.line_for(loc)


def _first_differing_line(source: str, target: str) -> int:
    """The body line (0-based) of the first link, anchor or number the two texts do not share."""
    for number, line in enumerate(target.split("\n")):
        for found in (_link_targets, _NUMBER.findall, _urls):
            if set(found(line)) - set(found(source)):
                return number
    return 0


def _dotted(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) if not isinstance(part, int) else f"[{part}]" for part in loc).replace(".[", "[")
