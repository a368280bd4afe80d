"""CSS inlining once for every school that shares a piece's shape, instead of once per school.

css_inline's result depends on a document's markup and styles, not on the words and web addresses in
it. Schools that each have (or each lack) a logo and a sign-off get the same email and fragment for a
piece apart from their own values: name, safeguarding lead, contact, sign-off, web addresses, brand
colours, and their region's name and words for the safeguarding lead. So each value gets a stand-in,
the template is rendered once with the stand-ins, that document is inlined (and for a fragment
cleaned) once, and every school's file is that result with the school's values put back, escaped the
way css_inline's serialiser escapes them: '&', '<', '>' and no-break spaces in text; '&', '"' and
no-break spaces in attribute values.

Nothing is taken on trust. A school's file is inlined the ordinary way whenever a check fails:
- the school's own document is still rendered, and must equal the stand-in document with the values
  put back (escaped as the template escaped them): the template used every value as it is;
- css_inline must give back every text stand-in, once, as text or as a double-quoted attribute value
  (its '"' and '<' come back escaped differently in the two): never dropped or left raw (in a style
  element or a comment), never in an unquoted attribute or a class, id or style attribute; and no
  character reference or tag in the template may run into one;
- in a paste-safe fragment only web addresses may sit in attributes, right after 'https://' (the
  cleaning keeps or drops a link by how it starts, and drops attributes at spaces);
- text values are not blank and have no control characters or surrounding spaces, colours are
  #rrggbb, web addresses start with https:// and have no spaces or quotes;
- only our own templates take this path (their styles select by element and class, never by an
  attribute's value; a school's own templates may).

A shape is made the second time it is needed: the first school is inlined the ordinary way, so a
run for one school costs what it did before.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any

from markupsafe import escape

from .colours import Colours
from .errors import NewsletterErrors
from .render import Renderer, SchoolView

MARK, END = "\ue000", "\ue001"  # private-use characters around a text stand-in
HTTPS = "https://"
TEXT_FIELDS = ("name", "lead_name", "contact", "sign_off", "region_id", "region_name", "lead_term", "lead_term_short")
URL_FIELDS = ("logo_url", "base_url", "home_url", "help_url")
COLOUR_FIELDS = ("brand", "button", "on_brand", "accent", "accent_dark")
_FIELDS = TEXT_FIELDS + URL_FIELDS  # text stand-ins 0-11; colours are 12-16
COUNT = len(_FIELDS) + len(COLOUR_FIELDS)

# How a stand-in looks in a rendered document (escaped by Jinja2, or by html.escape in a piece's body),
# and in css_inline's output (as text, or in an attribute). Colours are written as they are everywhere.
_IN_SOURCE = re.compile(rf"{MARK}(\d+) (&#34;|&quot;)&lt;{END}|#0c0d([0-9a-f]{{2}})")
_IN_OUTPUT = re.compile(rf'{MARK}(\d+) ("&lt;|&quot;<){END}|#0c0d([0-9a-f]{{2}})')
_OPENS = re.compile(r"(?:&[#A-Za-z0-9]*|<)$")  # a reference or a tag that a value could continue
_ATTRIBUTE_NAME = re.compile(r"""([^\s"'<>/=]+)=$""")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_COLOUR = re.compile(r"#[0-9a-f]{6}")
_ESCAPES: dict[str, Callable[[str], str]] = {
    "&#34;": lambda value: str(escape(value)),  # Jinja2's autoescape
    "&quot;": html.escape,  # the links in a piece's body (Renderings.for_site)
    '"&lt;': lambda value: value.replace("&", "&amp;").replace("\u00a0", "&nbsp;").replace("<", "&lt;")
    .replace(">", "&gt;"),  # css_inline, text
    "&quot;<": lambda value: value.replace("&", "&amp;").replace("\u00a0", "&nbsp;").replace('"', "&quot;"),
    "#": lambda value: value,  # colours
}


def _text_stand_in(number: int) -> str:
    return f'{MARK}{number} "<{END}'


@dataclass(frozen=True)
class StandIns:
    """One school's values, the stand-ins for them and the values as each escaping writes them."""

    school: SchoolView  # the school with stand-ins for its values
    colours: Colours
    base_url: str  # the stand-in for the school's base URL, for its pieces
    escaped: dict[tuple[str, int], str]  # (form, n): value n as that form writes it

    @staticmethod
    def of(school: SchoolView, colours: Colours) -> StandIns | None:
        """Stand-ins for `school` and `colours`; None when a value is not one this shortcut handles."""
        values = [""] * COUNT
        shown: dict[str, str | None] = {}
        for number, field in enumerate(_FIELDS):
            value = getattr(school, field)
            if value is None:
                shown[field] = None
                continue
            if field in URL_FIELDS:
                if not value.startswith(HTTPS) or re.search(r"[\s\"]", value):
                    return None
                value, prefix = value[len(HTTPS):], HTTPS
            else:
                prefix = ""
            if not value.strip() or value != value.strip() or _UNSAFE.search(value):
                return None
            values[number], shown[field] = value, prefix + _text_stand_in(number)
        shown_colours = {}
        for number, field in enumerate(COLOUR_FIELDS, start=len(_FIELDS)):
            value = getattr(colours, field)
            if not _COLOUR.fullmatch(value):
                return None
            values[number], shown_colours[field] = value, f"#0c0d{number:02x}"
        stand_in = replace(school, **shown)
        escaped = {(form, n): write(value) for form, write in _ESCAPES.items() for n, value in enumerate(values)}
        return StandIns(stand_in, replace(colours, **shown_colours), str(stand_in.base_url), escaped)


class _Cut:
    """A document cut at its stand-ins: the text between them, and each stand-in's (form, number)."""

    def __init__(self, texts: list[str], slots: list[tuple[str, int]]) -> None:
        self.texts, self.slots = texts, tuple(slots)
        self._parts = [""] * (2 * len(texts) - 1)
        self._parts[::2] = texts
        self._pick = itemgetter(*slots) if len(slots) > 1 else lambda escaped: [escaped[slot] for slot in slots]

    def join(self, escaped: dict[tuple[str, int], str]) -> str:
        """The document with each stand-in replaced by its value, as its form writes it."""
        parts = self._parts.copy()
        parts[1::2] = self._pick(escaped)
        return "".join(parts)


@dataclass(frozen=True)
class Shape:
    """A template rendered with stand-ins, and its inlined result, both cut at the stand-ins."""

    source: _Cut
    output: _Cut

    def fill(self, source: str, stand_ins: StandIns) -> str | None:
        """The inlined document for `source`; None when `source` is not this shape with the school's values."""
        if self.source.join(stand_ins.escaped) != source:
            return None
        return self.output.join(stand_ins.escaped)


def shape_of(source: str, inline: Callable[[str], str], clean: Callable[[str], str] | None) -> Shape | None:
    """The shape of a document rendered with stand-ins; None when a check fails (see the module's notes)."""
    cut = _cut(source, _IN_SOURCE)
    if cut is None or any(_OPENS.search(text) for text in cut.texts[:-1]):
        return None
    inlined = inline(source)
    if inlined.count(MARK) != source.count(MARK):  # one dropped (from a style element, say) or copied
        return None
    output = _cut(inlined, _IN_OUTPUT, cleaned=clean is not None)
    if output is not None and clean is not None:
        try:
            output = _cut(clean(inlined), _IN_OUTPUT)
        except ValueError:
            return None
    return None if output is None else Shape(cut, output)


def _cut(document: str, pattern: re.Pattern[str], cleaned: bool = False) -> _Cut | None:
    """`document` cut at its stand-ins; None if a stand-in is damaged or sits in an attribute it must not."""
    texts, slots, start = [], [], 0
    for match in pattern.finditer(document):
        if match.group(1) is None:
            slot = ("#", int(match.group(3), 16))
            if not len(_FIELDS) <= slot[1] < COUNT:
                return None
        else:
            slot = (match.group(2), int(match.group(1)))
            if slot[1] >= len(_FIELDS) or slot[0] == "&quot;<" and not _safe_in_attribute(document, match, cleaned):
                return None
        texts.append(document[start:match.start()])
        slots.append(slot)
        start = match.end()
    texts.append(document[start:])
    if document.count(MARK) != sum(form != "#" for form, _ in slots):
        return None
    return _Cut(texts, tuple(slots))


def _safe_in_attribute(document: str, match: re.Match[str], cleaned: bool) -> bool:
    """Not in a class, id or style attribute; in a document to be cleaned, a web address after https://."""
    quote = document.rfind('"', 0, match.start())  # attribute values hold no '"' once serialised
    name = _ATTRIBUTE_NAME.search(document, max(0, quote - 100), quote)
    if name is None or name.group(1).lower() in ("class", "id", "style"):
        return False
    if not cleaned:
        return True
    return _FIELDS[int(match.group(1))] in URL_FIELDS and document.endswith(HTTPS, quote + 1, match.start())


_ONCE = "seen once"  # in StandIn.shapes: a shape needed once so far


@dataclass(frozen=True)
class StandIn:
    """One piece for one school: its template data with stand-ins, and the run's shapes."""

    stand_ins: StandIns
    context: dict[str, Any]
    shapes: dict[Any, Any]  # one dict for a whole run: a Shape, None (refused) or _ONCE

    def inline(self, renderer: Renderer, name: str, source: str, inline: Callable[[str], str],
               clean: Callable[[str], str] | None = None) -> str | None:
        """What `clean(inline(source))` gives, made from the shape of template `name`; None if a check fails,
        and the first time the shape is needed (a run for one school is quicker without shapes)."""
        key = (name, *self.context.values())
        shape = self.shapes.get(key)
        if shape is None:  # refused, or not needed before (and now needed once)
            self.shapes.setdefault(key, _ONCE)
            return None
        if shape is _ONCE:
            try:
                shape = shape_of(renderer.render("html", name, self.context), inline, clean)
            except NewsletterErrors:
                shape = None
            self.shapes[key] = shape
        return None if shape is None else shape.fill(source, self.stand_ins)


__all__ = ["Shape", "StandIn", "StandIns", "shape_of"]
