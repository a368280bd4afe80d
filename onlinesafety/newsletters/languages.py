"""Newsletter pieces in a parent's language: English only, one language, or bilingual (English first).

A piece is written as one or more *parts*, each in one language: the English piece, the translated
piece, or both one after the other. Each part carries what the templates need in its language: the
piece (headline, body, call to action, link to the guide in that language when it is translated), the
region's name and the safeguarding lead's title in that language, the link to the help page in that
language when it is translated, and the interface strings (content/languages/<code>.yml; a string the
language lacks is taken from English). Templates fill a string with the `t` filter, which escapes each
value for the environment (HTML, text or Markdown) as every other value is escaped.

Everything here is frozen and hashable: parts are part of the key under which stand_ins.py keeps the
shape of a document.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from ..model import Library, Region, Snippet
from .errors import UsageError
from .render import MarkdownText, PieceView, SchoolView, Social, guide_url, piece_view

ENGLISH = "en"
PROJECT_STRINGS = Path(__file__).resolve().parents[2] / "content" / "languages" / "en.yml"
# The strings a newsletter piece uses (each must be in content/languages/en.yml).
NEWSLETTER_STRINGS = (
    "newsletter_worried", "newsletter_where_help", "newsletter_translation_note", "newsletter_in_language",
    "newsletter_masthead", "newsletter_footer", "newsletter_more_guides", "read_in_english",
    "band_4-7", "band_7-11", "band_11-14", "band_14-18",
)
# Plain text cannot say which lines are right-to-left, so the text template marks a right-to-left
# part with these (private-use) characters on lines of their own; email.plain_text removes them.
RTL_OPEN, RTL_CLOSE = "\ue010", "\ue011"
RLM = "\u200f"  # RIGHT-TO-LEFT MARK
LRM = "\u200e"  # LEFT-TO-RIGHT MARK
_INLINE_URL = re.compile(r"https?://[^\s()<>\u200e]+")


@dataclass(frozen=True)
class Choice:
    """The command's --language and --bilingual: None is English only."""

    code: str | None = None
    bilingual: bool = False

    @property
    def english_only(self) -> bool:
        return self.code is None


@dataclass(frozen=True)
class PartView:
    """One piece in one language, as templates see it."""

    lang: str                  # BCP 47 code: "en", "pl", "ur"
    dir: str                   # "ltr" or "rtl"
    align: str                 # "left" or "right": for align= attributes, which Outlook honours
    language_name: str         # the language's name in itself ("Polski")
    translated: bool           # a translation: carries the notice that the English is the one to follow
    piece: PieceView
    social: Social
    region_name: str
    lead_term: str
    help_url: str
    english_url: str           # the English guide (shown with the notice when there is no English part)
    strings: tuple[tuple[str, str], ...]
    text_open: str = ""        # RTL_OPEN / RTL_CLOSE around a right-to-left part in plain text
    text_close: str = ""
    markdown_open: MarkdownText = MarkdownText("")   # <div lang dir markdown="1"> around a translated part
    markdown_close: MarkdownText = MarkdownText("")

    @property
    def rtl(self) -> bool:
        return self.dir == "rtl"

    def raw(self, key: str) -> str:
        for name, text in self.strings:
            if name == key:
                return text
        raise KeyError(key)


# --- strings -------------------------------------------------------------------------------------

def english_strings(library: Library) -> dict[str, str]:
    """English interface strings: the library's content/languages/en.yml, else the project's own."""
    english = getattr(library, "languages", {}).get(ENGLISH)
    if english is not None:
        return dict(english.strings)
    return dict(_project_strings())


@lru_cache(maxsize=1)
def _project_strings() -> tuple[tuple[str, str], ...]:
    data = yaml.safe_load(PROJECT_STRINGS.read_text(encoding="utf-8"))
    return tuple((key, " ".join(str(value).split())) for key, value in data["strings"].items())


def part_strings(library: Library, code: str) -> tuple[tuple[str, str], ...]:
    """The newsletter strings in language `code`, each one the language lacks taken from English."""
    strings = english_strings(library)
    if code != ENGLISH:
        strings.update(library.languages[code].strings)
    return tuple((key, strings[key]) for key in NEWSLETTER_STRINGS if key in strings)


def _english_only() -> tuple[tuple[str, str], ...]:
    strings = dict(_project_strings())
    return tuple((key, strings[key]) for key in NEWSLETTER_STRINGS if key in strings)


def _fill(text: str, values: dict[str, Any], escape_value: Any, escape_literal: Any = str) -> str:
    """`text` with its {placeholders} filled, each value (and each run of the text) escaped."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(text):
        out.append(escape_literal(literal))
        if name is not None:
            if name not in values:
                raise KeyError(f"the string {text!r} has a placeholder {{{name}}} the template does not fill")
            out.append(escape_value(str(values[name])))
    return "".join(out)


def t_html(part: PartView, key: str, **values: Any) -> Markup:
    """Filter `t` for HTML: the string is text, not markup, so its words are escaped as well as each value."""
    return Markup(_fill(part.raw(key), values, lambda value: str(escape(value)), lambda literal: str(escape(literal))))


def t_text(part: PartView, key: str, **values: Any) -> str:
    """Filter `t` for plain text and Markdown (the Markdown environment escapes what it outputs)."""
    return _fill(part.raw(key), values, str)


# --- parts ---------------------------------------------------------------------------------------

def check_choice(library: Library, choice: Choice) -> None:
    """A usage error when the language is unknown, or has no newsletter piece yet."""
    if choice.code is None:
        return
    languages = sorted(code for code in getattr(library, "languages", {}) if code != ENGLISH)
    if choice.code == ENGLISH:
        raise UsageError("--language en: English is the language every piece is written in",
                         "leave out --language for English only, or give another language")
    if choice.code not in languages:
        raise UsageError(f"--language {choice.code}: no such language in content/languages/",
                         f"use one of: {', '.join(languages) or 'none yet'}")
    if not library.translations.get(choice.code) or not library.translations[choice.code].snippets:
        name = library.languages[choice.code].name
        raise UsageError(f"--language {choice.code}: no newsletter piece has been translated into {name} yet",
                         "translate a snippet (content/snippets/T/X." + choice.code + ".yml) or choose another language")


def translated_snippet(library: Library, choice: Choice, snippet: Snippet) -> Snippet | None:
    if choice.code is None:
        return None
    return library.translations[choice.code].snippets.get(snippet.id)


def has_pieces(library: Library, choice: Choice, snippet: Snippet) -> bool:
    """Whether `snippet` is built for this choice (a language needs its translation)."""
    return choice.code is None or translated_snippet(library, choice, snippet) is not None


def out_of_date(library: Library, choice: Choice) -> list[str]:
    """The translation files of newsletter pieces whose English has changed since they were translated."""
    if choice.code is None:
        return []
    found = library.translations[choice.code].info
    return sorted(info.path for (kind, _), info in found.items() if kind == "snippet" and info.out_of_date)


def english_part(library: Library | None, school: SchoolView, piece: PieceView, social: Social | None) -> PartView:
    """The English piece (`library` None: the project's English strings)."""
    return PartView(
        lang=ENGLISH, dir="ltr", align="left", language_name="English", translated=False, piece=piece,
        social=social or Social("", ""), region_name=school.region_name, lead_term=school.lead_term, help_url=school.help_url,
        english_url=piece.guide_url,
        strings=part_strings(library, ENGLISH) if library is not None else _english_only())


def translated_kicker(library: Library, code: str, snippet: Snippet) -> str:
    """'W języku: Polski · Wiek od 7 do 11 lat': the line above a translated piece's headline."""
    strings = dict(part_strings(library, code))
    kicker = strings["newsletter_in_language"].replace("{language}", library.languages[code].native_name)
    return kicker + (" · " + strings[f"band_{snippet.band.value}"] if snippet.band is not None else "")


def translated_part(library: Library, code: str, school: SchoolView, region: Region, snippet: Snippet,
                    length: str, issue_date: dt.date | None, english: PieceView) -> PartView:
    """The translated piece, with links to the guide and help page in the language where they exist."""
    translations = library.translations[code]
    language = library.languages[code]
    strings = part_strings(library, code)
    base = school.base_url
    piece = piece_view(library, translations.snippets[snippet.id], length, base, issue_date)
    url = english.guide_url
    if snippet.topic in translations.parent_guides:
        url = f"{base}/{code}" + guide_url("", snippet.topic, snippet.band)
    kicker = translated_kicker(library, code, snippet)
    piece = replace(piece, guide_url=url, audience_label=kicker, band_label=kicker,
                    issue_date_label=issue_date.isoformat() if issue_date else None)
    local = translations.regions.get(region.id)
    posts = translations.snippets[snippet.id].social
    rtl = language.dir == "rtl"
    social = Social(short=posts.short.replace("{link}", url + (LRM if rtl else "")), long=posts.long)
    return PartView(
        lang=code, dir=language.dir, align="right" if rtl else "left", language_name=language.native_name,
        translated=True, piece=piece, social=social,
        region_name=local.name if local else school.region_name,
        lead_term=local.terms.safeguarding_lead if local else school.lead_term,
        help_url=f"{base}/{code}/help/{region.id}/" if local else school.help_url,
        english_url=english.guide_url, strings=strings,
        text_open=RTL_OPEN if rtl else "", text_close=RTL_CLOSE if rtl else "",
        markdown_open=MarkdownText(f'<div lang="{code}" dir="{language.dir}" markdown="1">'),
        markdown_close=MarkdownText("</div>"))


def parts_for(library: Library, choice: Choice, school: SchoolView, region: Region, snippet: Snippet,
              length: str, issue_date: dt.date | None, english: PieceView, social: Social) -> tuple[PartView, ...]:
    """The parts of one piece: English; the translation; or English then the translation."""
    first = english_part(library, school, english, social)
    if choice.code is None:
        return (first,)
    other = translated_part(library, choice.code, school, region, snippet, length, issue_date, english)
    return (first, other) if choice.bilingual else (other,)


# --- plain text: right-to-left lines -------------------------------------------------------------

def mark_rtl_lines(text: str) -> str:
    """Start every line of a right-to-left part with RIGHT-TO-LEFT MARK, except lines that are a web address.

    In plain text each line is a paragraph of its own to the Unicode bidi algorithm, and a reader takes
    the paragraph's direction from its first strong letter. An Urdu line that starts with a number or a
    Latin name ("999 …", "Ms Patel …") would be laid out left-to-right, and its full stop and brackets
    would land on the wrong side; the mark makes every such line right-to-left. A line that is a web
    address alone (nothing else on the line) is left as it is, left-to-right, so its slashes stay where they belong. Latin words,
    numbers and addresses inside an Urdu line need nothing more: the bidi algorithm keeps each run in
    its own order. The mark is invisible and, unlike the isolate characters (U+2066-2069), every
    bidi-aware reader since Unicode 1.1 understands it.

    A web address inside a right-to-left line ("… (https://example.org/guide/) …") gets a LEFT-TO-RIGHT
    MARK after it: without it, a closing '/' or ')' sits between the address and Urdu, takes the line's
    direction and is drawn on the far side of the address. Link finders stop at the mark (it cannot be
    part of an address), so the link still works.
    """
    out: list[str] = []
    rtl = False
    for line in text.split("\n"):
        if line == RTL_OPEN:
            rtl = True
            continue
        if line == RTL_CLOSE:
            rtl = False
            continue
        stripped = line.strip()
        if rtl and stripped and not _INLINE_URL.fullmatch(stripped):
            line = RLM + _INLINE_URL.sub(lambda match: match.group(0) + LRM, line)
        out.append(line)
    return "\n".join(out)


__all__ = ["Choice", "PartView", "LRM", "RLM", "RTL_CLOSE", "RTL_OPEN", "check_choice", "english_part", "english_strings",
           "has_pieces", "mark_rtl_lines", "out_of_date", "part_strings", "parts_for", "t_html", "t_text",
           "translated_part"]
