"""Newsletter data for the site: api/snippets.json, one api/newsletter-<code>.json a language (what the
builder page fetches when that language is chosen), and Atom and JSON feeds of parent pieces.

Everything is deterministic: sorted keys, items in curriculum order, and dates taken from each
snippet's `reviewed` date (never the time of the build).
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from typing import Any

from ..model import Band, Library, Snippet
from ..model.common import BAND_LABELS
from .languages import part_strings, translated_kicker
from .render import LENGTHS, audience_label, band_anchor, band_label
from .richtext import parse_markdown

FORMAT_VERSION = 1
SNIPPETS_JSON = "api/snippets.json"
LANGUAGE_JSON = "api/newsletter-{code}.json"
ATOM_FEED = "feeds/parents.xml"
JSON_FEED = "feeds/parents.json"
FEED_LENGTH = "medium"
FEED_TITLE = "Safe Online Schools: online-safety pieces for families"
FEED_AUTHOR = "Safe Online Schools contributors"
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
ATOM_NS = "http://www.w3.org/2005/Atom"


def _url(base_url: str | None, path: str) -> str:
    """An absolute link under `base_url`, or a path relative to the site root when there is none."""
    return f"{base_url.rstrip('/')}/{path}" if base_url else path


def ordered_snippets(library: Library) -> list[Snippet]:
    """Topic pieces in curriculum order (topic, then band), then seasonal pieces."""
    topic_order = {topic.id: topic.order for topic in library.topics.values()}
    bands = list(Band)
    return sorted(library.snippets.values(), key=lambda s: (
        s.band is None, topic_order.get(s.topic, 99), bands.index(s.band) if s.band else 0, s.season or "", s.id))


def _section(snippet: Snippet) -> str:
    """"#ages-7-11" for a piece written for one age band (its section of the guide), else ""."""
    return f"#{band_anchor(snippet.band)}" if snippet.band is not None else ""


def snippets_data(library: Library, base_url: str | None = None, *, markdown: bool = True,
                  translations: bool = True) -> dict[str, Any]:
    """Every piece, as plain data: api/snippets.json, and (English only) the builder page's data.

    With `base_url`, every link is absolute; without, links are paths from the site root
    (like "parents/live-streaming/"), and the builder resolves them against wherever the site is.
    `markdown=False` leaves out each body's Markdown source (the builder page does not need it).
    `translations=False` leaves out every translation (pieces, regions' names, languages' strings) and
    lists the languages only, each with the path of its own file (`language_data`): the builder page
    embeds that and fetches a language's file when the language is chosen.
    """
    snippets = []
    for snippet in ordered_snippets(library):
        pieces = {}
        for length in LENGTHS:
            piece = getattr(snippet, length)
            body = parse_markdown(piece.body)
            pieces[length] = {
                "headline": piece.headline,
                "body": body.json(base_url),
                "call_to_action": piece.call_to_action,
                "words": piece.words(),
            }
            if markdown:
                pieces[length]["body_markdown"] = piece.body
        guide = _url(base_url, f"parents/{snippet.topic}/") + _section(snippet)
        snippets.append({
            **({"translations": _snippet_translations(library, snippet, base_url, guide, markdown=markdown)}
               if translations else {}),
            "id": snippet.id, "topic": snippet.topic,
            "band": snippet.band.value if snippet.band else None,
            "season": snippet.season, "band_label": band_label(snippet), "audience_label": audience_label(snippet),
            "guide_url": guide, "reviewed": snippet.reviewed.isoformat(),
            "pieces": pieces,
            "social": {"short": snippet.social.short, "long": snippet.social.long},
            "sources": list(snippet.sources),
        })
    return {
        "format_version": FORMAT_VERSION,
        "licence": LICENCE,
        "base_url": base_url.rstrip("/") if base_url else None,
        "bands": [{"id": band.value, "label": BAND_LABELS[band]["title"]} for band in Band],
        "topics": [{"id": topic.id, "title": topic.title, "order": topic.order,
                    "bands": [band.value for band in topic.bands],
                    "guide_url": _url(base_url, f"parents/{topic.id}/")} for topic in library.topics_in_order()],
        "regions": [{"id": region.id, "name": region.name,
                     "safeguarding_lead": region.terms.safeguarding_lead,
                     "safeguarding_lead_short": region.terms.safeguarding_lead_short,
                     "help_url": _url(base_url, f"help/{region.id}/"),
                     **({"translations": _region_translations(library, region.id, base_url)} if translations else {})}
                    for region in library.regions_in_order()],
        "languages": _languages(library) if translations else _language_list(library),
        "snippets": snippets,
    }


# --- translations (content/languages/ and the *.<code>.yml files beside the English) -------------

def newsletter_languages(library: Library) -> list[Any]:
    """The languages with at least one translated newsletter piece, in code order."""
    found = getattr(library, "translations", {})
    return [found[code].language for code in sorted(found) if found[code].snippets]


def _languages(library: Library) -> list[dict[str, Any]]:
    """Each language a piece can be built in: its names, direction and newsletter strings (English filling gaps)."""
    return [{"code": language.code, "name": language.name, "native_name": language.native_name,
             "dir": language.dir, "strings": dict(part_strings(library, language.code))}
            for language in newsletter_languages(library)]


def language_json_path(code: str) -> str:
    """Where a language's builder data is published, from the site root: "api/newsletter-pl.json"."""
    return LANGUAGE_JSON.format(code=code)


def _language_list(library: Library) -> list[dict[str, Any]]:
    """Each language's names and direction, and the site path of its data file (no strings, no pieces)."""
    return [{"code": language.code, "name": language.name, "native_name": language.native_name,
             "dir": language.dir, "data_url": language_json_path(language.code)}
            for language in newsletter_languages(library)]


def _snippet_translation(library: Library, code: str, snippet: Snippet, base_url: str | None, english_guide: str,
                         *, markdown: bool) -> dict[str, Any] | None:
    """The piece in `code` (pieces, social posts, the guide in the language or else English, the kicker), or None."""
    translations = library.translations[code]
    translated = translations.snippets.get(snippet.id)
    if translated is None:
        return None
    pieces = {}
    for length in LENGTHS:
        piece = getattr(translated, length)
        pieces[length] = {"headline": piece.headline, "body": parse_markdown(piece.body).json(base_url),
                          "call_to_action": piece.call_to_action, "words": piece.words()}
        if markdown:
            pieces[length]["body_markdown"] = piece.body
    guide = (_url(base_url, f"{code}/parents/{snippet.topic}/") + _section(snippet)
             if snippet.topic in translations.parent_guides else english_guide)
    info = translations.info.get(("snippet", snippet.id))
    return {
        "pieces": pieces, "social": {"short": translated.social.short, "long": translated.social.long},
        "guide_url": guide, "audience_label": translated_kicker(library, code, snippet),
        "status": info.status if info else "machine-assisted",
        "out_of_date": bool(info and info.out_of_date),
    }


def _snippet_translations(library: Library, snippet: Snippet, base_url: str | None, english_guide: str,
                          *, markdown: bool) -> dict[str, Any]:
    """{code: the piece in that language} for every language it has been translated into."""
    found: dict[str, Any] = {}
    for language in newsletter_languages(library):
        translated = _snippet_translation(library, language.code, snippet, base_url, english_guide, markdown=markdown)
        if translated is not None:
            found[language.code] = translated
    return found


def _region_translation(library: Library, code: str, region_id: str, base_url: str | None) -> dict[str, Any] | None:
    """The region's name and safeguarding lead's title in `code`, and its help page there; None if not translated."""
    region = library.translations[code].regions.get(region_id)
    if region is None:
        return None
    return {"name": region.name, "safeguarding_lead": region.terms.safeguarding_lead,
            "help_url": _url(base_url, f"{code}/help/{region_id}/")}


def _region_translations(library: Library, region_id: str, base_url: str | None) -> dict[str, Any]:
    """{code: the region in that language} for every language it has been translated into."""
    found = {}
    for language in newsletter_languages(library):
        translated = _region_translation(library, language.code, region_id, base_url)
        if translated is not None:
            found[language.code] = translated
    return found


def language_data(library: Library, code: str, base_url: str | None = None) -> dict[str, Any]:
    """What the builder needs for one language (api/newsletter-<code>.json): its names, direction and
    newsletter strings, its pieces and social posts by snippet id, and its regions' names and terms by
    region id. Links are as in `snippets_data` (site paths without `base_url`); no Markdown sources."""
    language = library.translations[code].language
    snippets = {}
    for snippet in ordered_snippets(library):
        english_guide = _url(base_url, f"parents/{snippet.topic}/") + _section(snippet)
        translated = _snippet_translation(library, code, snippet, base_url, english_guide, markdown=False)
        if translated is not None:
            snippets[snippet.id] = translated
    regions = {}
    for region in library.regions_in_order():
        translated_region = _region_translation(library, code, region.id, base_url)
        if translated_region is not None:
            regions[region.id] = translated_region
    return {
        "format_version": FORMAT_VERSION, "licence": LICENCE,
        "code": language.code, "name": language.name, "native_name": language.native_name, "dir": language.dir,
        "strings": dict(part_strings(library, code)), "snippets": snippets, "regions": regions,
    }


def language_files(library: Library) -> dict[str, str]:
    """{site path: JSON} for every language the builder offers: api/newsletter-<code>.json, links as site paths
    (the builder page's own data has them so too, and the script resolves them against the site)."""
    return {language_json_path(language.code): json.dumps(
                language_data(library, language.code), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
            for language in newsletter_languages(library)}


def snippets_json(library: Library, base_url: str | None = None) -> str:
    """api/snippets.json: every snippet with its pieces, bands, topics and regions."""
    return json.dumps(snippets_data(library, base_url), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")) + "\n"


# --- feeds ---------------------------------------------------------------------------------------

def _feed_items(library: Library, base_url: str) -> list[dict[str, Any]]:
    if not base_url or "://" not in base_url:
        raise ValueError(f"feeds need the site's absolute address, got {base_url!r}; set site_url (SITE_URL)")
    base_url = base_url.rstrip("/")
    topic_titles = {topic.id: topic.title for topic in library.topics.values()}
    items = []
    for snippet in ordered_snippets(library):
        piece = getattr(snippet, FEED_LENGTH)
        body = parse_markdown(piece.body)
        page = f"{base_url}/parents/{snippet.topic}/"
        guide = page + _section(snippet)
        link = f'<p><a href="{guide}">{_escape(piece.call_to_action)}</a></p>'
        items.append({
            "id": f"{page}#{snippet.id}",  # unchanged when links change: feed readers key on it
            "url": guide,
            "title": piece.headline,
            "summary": audience_label(snippet),
            "content_html": f"{body.html(base_url)}\n{link}",
            "content_text": f"{body.text(base_url)}\n\n{piece.call_to_action}: {guide}",
            "date": _timestamp(snippet.reviewed),
            "tags": [topic_titles.get(snippet.topic, snippet.topic), band_label(snippet)],
        })
    # Newest first, as feed readers expect; ties keep curriculum order (sorted is stable).
    return sorted(items, key=lambda item: item["date"], reverse=True)


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def atom_feed(library: Library, base_url: str, *, title: str = FEED_TITLE) -> str:
    """An Atom feed of the parent pieces (medium length), for a school website to embed."""
    base_url = base_url.rstrip("/")
    items = _feed_items(library, base_url)
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": "en"})
    sub(feed, "id", f"{base_url}/{ATOM_FEED}")
    sub(feed, "title", title)
    sub(feed, "subtitle", "Short, calm online-safety pieces for school newsletters, by age group.")
    sub(feed, "updated", max((item["date"] for item in items), default=_timestamp(dt.date(2026, 1, 1))))
    sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base_url}/{ATOM_FEED}")
    sub(feed, "link", rel="alternate", type="text/html", href=f"{base_url}/")
    author = sub(feed, "author")
    sub(author, "name", FEED_AUTHOR)
    sub(feed, "rights", f"Content licensed {LICENCE}")
    for item in items:
        entry = sub(feed, "entry")
        sub(entry, "id", item["id"])
        sub(entry, "title", item["title"])
        sub(entry, "updated", item["date"])
        sub(entry, "published", item["date"])
        sub(entry, "link", rel="alternate", type="text/html", href=item["url"])
        sub(entry, "summary", item["summary"])
        for tag in item["tags"]:
            sub(entry, "category", term=tag)
        sub(entry, "content", item["content_html"], type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_feed(library: Library, base_url: str, *, title: str = FEED_TITLE) -> str:
    """A JSON Feed (version 1.1) of the same parent pieces."""
    base_url = base_url.rstrip("/")
    items = _feed_items(library, base_url)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": f"{base_url}/",
        "feed_url": f"{base_url}/{JSON_FEED}",
        "description": "Short, calm online-safety pieces for school newsletters, by age group.",
        "language": "en",
        "authors": [{"name": FEED_AUTHOR}],
        "items": [{
            "id": item["id"], "url": item["url"], "title": item["title"], "summary": item["summary"],
            "content_html": item["content_html"], "content_text": item["content_text"],
            "date_published": item["date"], "date_modified": item["date"], "tags": item["tags"],
        } for item in items],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
