"""Everything written for one school: each piece in each format, the social posts, a term series and a preview.

Paths inside a school's folder:

    <snippet>/<length>/email.html | fragment.html | text.txt | markdown.md
    <snippet>/social-short.txt, <snippet>/social-long.txt
    term/<yyyy-mm-dd>/<snippet>/<length>/…        (with --term)
    index.html                                    (a preview of everything)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..model import Band, Library, Snippet
from .colours import colours_for
from .email import FILE_NAMES, FORMATS, email_html, fragment_html, markdown_text, plain_text, social_texts
from .profile import SchoolProfile
from .render import (
    LENGTHS, Renderer, Social, audience_label, context, date_label, piece_view, school_view, season_label,
    social_posts,
)
from .languages import Choice, has_pieces, parts_for
from .stand_ins import StandIn, StandIns
from .term import TermWeek

Files = dict[tuple[str, ...], str]


@dataclass(frozen=True)
class Selection:
    """What to build: the command's --topic, --band, --length and --format filters."""

    topics: frozenset[str] | None = None
    bands: frozenset[Band] | None = None
    lengths: tuple[str, ...] = LENGTHS
    formats: tuple[str, ...] = FORMATS
    language: Choice = Choice()  # English only, one language, or bilingual (languages.py)


@dataclass
class PreviewEntry:
    """One piece in the school's index.html."""

    piece: Any
    links: list[tuple[str, str]]
    fragment: str | None
    social: Any = None


@dataclass
class PreviewGroup:
    title: str
    date_label: str | None
    entries: list[PreviewEntry] = field(default_factory=list)


def snippets_for(library: Library, profile: SchoolProfile, selection: Selection) -> list[Snippet]:
    """The snippets a school gets: its bands (and every seasonal piece), in curriculum order."""
    topic_order = {topic.id: topic.order for topic in library.topics.values()}
    band_order = list(Band)
    chosen = []
    for snippet in library.snippets.values():
        if selection.topics is not None and snippet.topic not in selection.topics:
            continue
        if snippet.band is not None:
            if snippet.band not in profile.bands:
                continue
            if selection.bands is not None and snippet.band not in selection.bands:
                continue
        if not has_pieces(library, selection.language, snippet):  # not translated into the language (yet)
            continue
        chosen.append(snippet)
    return sorted(chosen, key=lambda s: (s.band is None, topic_order.get(s.topic, 99),
                                         band_order.index(s.band) if s.band else 0, s.season or "", s.id))


def school_files(library: Library, profile: SchoolProfile, renderer: Renderer, selection: Selection,
                 term: list[TermWeek] | None = None, cache: dict[tuple[Any, ...], Any] | None = None) -> Files:
    """Every file for one school, keyed by its path inside the school's folder.

    `cache` (one dict for a whole run) keeps each piece's prepared text for schools that share a base URL,
    and the shapes of emails and fragments: each inlined once, with stand-ins for the schools' values
    (see stand_ins.py).
    """
    cache = {} if cache is None else cache
    region = library.regions[profile.region]
    school = school_view(profile, region)
    colours = colours_for(profile.brand_colour)
    # our own templates only: a school's templates may style by attribute values
    stand_ins = StandIns.of(school, colours) if renderer.school_templates is None else None
    files: Files = {}
    groups: list[PreviewGroup] = []

    def prepared(snippet: Snippet, length: str, base_url: str, issue_date: dt.date | None) -> Any:
        key = (snippet.id, length, base_url, issue_date)
        piece = cache.get(key)
        if piece is None:
            piece = cache[key] = piece_view(library, snippet, length, base_url, issue_date)
        return piece

    choice = selection.language

    def parts(view: Any, snippet: Snippet, length: str, issue_date: dt.date | None, social: Any) -> Any:
        key = ("parts", choice, view, snippet.id, length, issue_date)
        found = cache.get(key)
        if found is None:
            piece = prepared(snippet, length, view.base_url, issue_date)
            found = cache[key] = parts_for(library, choice, view, region, snippet, length, issue_date, piece, social)
        return found

    def add_piece(prefix: tuple[str, ...], snippet: Snippet, group: PreviewGroup,
                  issue_date: dt.date | None = None) -> None:
        where = library.origin(snippet).path if id(snippet) in library.origins else snippet.id
        social = social_posts(snippet, profile.base_url)
        stand_in_social = social_posts(snippet, stand_ins.base_url) if stand_ins else None
        for length in selection.lengths:
            piece_parts = parts(school, snippet, length, issue_date, social)
            piece = piece_parts[0].piece
            values = context(school, piece, colours, social, piece_parts)
            stand_in = None
            if stand_ins is not None:
                stand_in_parts = parts(stand_ins.school, snippet, length, issue_date, stand_in_social)
                stand_in = StandIn(stand_ins, context(stand_ins.school, stand_in_parts[0].piece, stand_ins.colours,
                                                      stand_in_social, stand_in_parts), cache)
            folder = (*prefix, snippet.id, length)
            links: list[tuple[str, str]] = []
            fragment = None
            for kind in selection.formats:
                if kind == "social":
                    continue
                if kind == "email":
                    text = email_html(renderer, values, where, stand_in)
                elif kind == "fragment":
                    text = fragment = fragment_html(renderer, values, stand_in)
                elif kind == "text":
                    text = plain_text(renderer, values)
                else:
                    text = markdown_text(renderer, values)
                files[(*folder, FILE_NAMES[kind])] = text
                links.append((kind, "/".join((*folder, FILE_NAMES[kind]))))
            group.entries.append(PreviewEntry(piece, links, Markup(fragment) if fragment else None))
        if "social" in selection.formats:
            social_parts = parts(school, snippet, "short", issue_date, social)
            posts = joined_posts(social_parts, where, translations_path(library, choice, snippet))
            for name, text in posts.items():
                files[(*prefix, snippet.id, f"{name}.txt")] = text
            shown = Social(short=posts["social-short"].strip(), long=posts["social-long"].strip())
            group.entries.append(PreviewEntry(social_parts[0].piece,
                                              [(name, "/".join((*prefix, snippet.id, f"{name}.txt")))
                                               for name in posts], None, shown))

    for snippet in snippets_for(library, profile, selection):
        topic = library.topics.get(snippet.topic)
        title = f"{topic.title if topic else snippet.topic}: {audience_label(snippet)}"
        if snippet.season:
            title = f"Time of year: {season_label(snippet.season)}"
        group = PreviewGroup(title, None)
        groups.append(group)
        add_piece((), snippet, group)
    for week in term or []:
        group = PreviewGroup(week.topic.title, date_label(week.date))
        groups.append(group)
        for snippet in week.snippets:
            if (selection.bands is None or snippet.band in selection.bands) and has_pieces(library, choice, snippet):
                add_piece(("term", week.date.isoformat()), snippet, group, week.date)
    files[("index.html",)] = renderer.render("html", "index.html.j2", {
        "school": school, "colours": colours, "groups": groups, "formats": selection.formats,
        "has_term": bool(term),
    })
    return files


def translations_path(library: Library, choice: Choice, snippet: Snippet) -> str | None:
    """The translation file of `snippet` in the chosen language, as shown in messages."""
    if choice.code is None:
        return None
    info = library.translations[choice.code].info.get(("snippet", snippet.id))
    return info.path if info is not None else None


def joined_posts(parts: tuple[Any, ...], where: str, translation_where: str | None) -> dict[str, str]:
    """The social posts of each part, one after the other with a blank line between (English first).

    Each part is checked against the platform limits on its own: where a platform limits a post's
    length, a bilingual post goes out as two posts (a thread), one per language."""
    short, long = [], []
    for part in parts:
        checked = social_texts(part.social.short, part.social.long,
                               translation_where or where if part.translated else where)
        short.append(checked["social-short"])
        long.append(checked["social-long"])
    return {"social-short": "\n".join(short), "social-long": "\n".join(long)}


def schools_index(renderer: Renderer, schools: list[tuple[str, str]]) -> str:
    """out/index.html for a batch run: one link per school (slug, name)."""
    return renderer.render("html", "schools.html.j2", {"schools": schools})
