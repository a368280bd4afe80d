"""The translated pages: each language's parent guides, help pages, parents-by-age pages, handwritten
pages (start here, if something has happened) and home page, from `library.translations`.

They are rendered with the English pages' templates and the language's strings, at the English page's
path (so the templates' links are the English ones), then moved to `<code>/<path>` with their links
pointed at the translation where one exists and at the English page where none does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ...model import Band
from .. import paths
from ..help import help_fallbacks, link_numbers
from ..parents_by_age import age_page_path, parents_by_age_pages
from ..search import BOOST_BY_AUDIENCE, TAG_BY_AUDIENCE, search_meta
from .alternates import alternates, language_meta
from .links import relink, translated_path
from .notice import notice
from .strings import Strings, strings_for

# A translated page weighs half its English page in site search (see translated_search).
TRANSLATION_WEIGHT = 0.5

START_HERE = "parents/start-here.md"
HAPPENED = "parents/if-something-has-happened.md"
Render = Callable[..., str]


def language_home(code: str) -> str:
    return translated_path(code, paths.HOME)


def english_paths(library: Any, code: str) -> list[str]:
    """The English pages that have a `code` version, in the order the language's home page lists them."""
    found = library.translations[code]
    pages = [paths.HOME, *(path for path in (START_HERE, HAPPENED) if path in found.pages)]
    if found.parent_guides:
        pages += [age_page_path(band) for band in Band]
    pages += [paths.parent_path(guide) for guide in _ordered_guides(library, found.parent_guides)]
    pages += [paths.help_path(region) for region in _ordered(found.regions)]
    pages += sorted(path for path in found.pages if path not in (START_HERE, HAPPENED))
    return pages


def _versions(library: Any) -> tuple[dict[str, list[str]], dict[str, Any], dict[str, dict[str, Any]]]:
    """({code: English paths it translates}, {site path: its versions}, {English path: its front matter})."""
    translations = getattr(library, "translations", None) or {}
    names = {"en": strings_for(library, "en").native_name}
    names.update({code: translations[code].language.native_name for code in translations})
    by_language = {code: english_paths(library, code) for code in sorted(translations)}
    found = alternates(by_language, names)
    label = strings_for(library, "en").t("other_languages")
    meta = {path: language_meta(path, found, label=label)
            for path in sorted({english for pages in by_language.values() for english in pages})}
    return by_language, found, meta


def english_meta(library: Any) -> dict[str, dict[str, Any]]:
    """{English page path: `lang`, `dir` and its other versions} for each English page with a translation;
    the hook gives it to handwritten pages (generated pages have it in their front matter)."""
    return _versions(library)[2] if getattr(library, "translations", None) else {}


def language_nav(library: Any) -> list[dict[str, list[str]]]:
    """The `nav:` entries for the translated pages: one section a language, its home page first."""
    translations = getattr(library, "translations", None) or {}
    return [{translations[code].language.native_name:
             [translated_path(code, path) for path in english_paths(library, code)]}
            for code in sorted(translations)]


def is_translation_file(path: str, codes: Any) -> bool:
    """Whether a file under content/pages is a translation (`X.<code>.md`), never a page of its own."""
    stem, dot, suffix = path.rpartition(".")
    return bool(dot) and suffix == "md" and "." in stem and stem.rpartition(".")[2] in codes


def translated_pages(library: Any, render: Render, front: Callable[..., dict[str, Any]], *,
                     parent_tags: list[str], help_tags: list[str]) -> tuple[dict[str, str], dict[str, Any]]:
    """({site path: Markdown} for every translated page, {site path: language front matter} for every
    English page that has a translation), from `library.translations` (empty when there is none)."""
    translations = getattr(library, "translations", None) or {}
    if not translations:
        return {}, {}
    by_language, found, meta = _versions(library)
    pages: dict[str, str] = {}
    for code in sorted(translations):
        pages.update(_language(library, code, by_language[code], found, render, front, parent_tags, help_tags))
    return pages, meta


def _language(library: Any, code: str, english: list[str], found: dict[str, Any], render: Render,
              front: Callable[..., dict[str, Any]], parent_tags: list[str], help_tags: list[str]) -> dict[str, str]:
    translated = library.translations[code]
    lang = strings_for(library, code)
    here = {translated_path(code, path) for path in english} | {language_home(code)}
    regions = [translated.regions.get(region.id, region) for region in library.regions_in_order()]
    made: dict[str, tuple[str, tuple[str, str] | None]] = {}  # English path: (Markdown, info key)

    def search(tags: list[str]) -> dict[str, Any]:
        """The English page's tags (they say who a result is for) and half its weight in search, so an
        English query finds the English page first; a query in the language finds only its pages."""
        return {"tags": list(tags), "search": translated_search(search_meta(tags))}

    for guide in _ordered_guides(library, translated.parent_guides):
        path = paths.parent_path(guide)
        made[path] = (render(
            "parent_guide.md.j2", path, front(guide.title, guide.summary, guide, **search(parent_tags)),
            guide=guide, by_age=[(band, guide.by_age[band]) for band in Band], regions=regions,
            lessons=library.lessons_for(topic=guide.topic), cited=_cited(library, guide.sources), lang=lang,
        ), ("parent_guide", guide.id))
    for region in _ordered(translated.regions):
        path = paths.help_path(region)
        checked = min((route.last_verified for route in region.routes), default=None)
        made[path] = (render(
            "help.md.j2", path, front(lang.t("help_title", region=region.name), region.intro, reviewed=checked,
                                      **search(help_tags)),
            region=region, regions=regions, by_need=region.by_need(), fallbacks=help_fallbacks(region, lang),
            dial=lambda text, region=region: link_numbers(text, region=region),
            emergencies=[route for route in region.routes if route.emergency],
            others=[route for route in region.routes if not route.emergency],
            cited=_cited(library, (route.source for route in region.routes)), lang=lang,
        ), ("region", region.id))
    if translated.parent_guides:
        for path, text in parents_by_age_pages(library, render, front, parent_tags, lang=lang,
                                               guides=translated.parent_guides, regions=regions).items():
            made[path] = (text, None)
    for path, page in translated.pages.items():
        made[path] = (render("translated_page.md.j2", path, _page_front(page), cited=_cited(library, page.meta.sources),
                             lang=lang, body=page.body), ("page", path))

    pages: dict[str, str] = {}
    for english_path, (markdown, key) in made.items():
        site_path = translated_path(code, english_path)
        info = translated.info.get(key) if key else None
        text = relink(markdown, english_path, code, here)
        if info is not None:
            text = _after_title(text, notice(lang, info, site_path, english_path))
        pages[site_path] = with_meta(text, language_meta(site_path, found, lang=code, dir=lang.dir,
                                                          label=lang.t("other_languages")))
    pages[language_home(code)] = _home(library, code, lang, english, made, render, front, found)
    return pages


def _home(library: Any, code: str, lang: Strings, english: list[str], made: dict[str, Any], render: Render,
          front: Callable[..., dict[str, Any]], found: dict[str, Any]) -> str:
    path = language_home(code)
    entries = [(_title(made[page][0]), paths.md_link(path, translated_path(code, page)))
               for page in english if page != paths.HOME]
    title = lang.t("language_home_title", language=lang.native_name)
    text = render("language_home.md.j2", path, front(title, lang.t("language_home_intro"),
                                                     reviewed=None),
                  title=title, entries=entries, lang=lang, cited=[],
                  english_home=paths.md_link(path, paths.HOME))
    return with_meta(text, language_meta(path, found, lang=code, dir=lang.dir, label=lang.t("other_languages")))


def _title(markdown: str) -> str:
    front = json.loads(markdown.split("\n", 2)[1])
    return front["title"]


def _page_front(page: Any) -> dict[str, Any]:
    meta = page.meta
    data: dict[str, Any] = {"title": meta.title, "description": " ".join(meta.description.split())[:200]}
    if getattr(meta, "hide", None):
        data["hide"] = list(meta.hide)
    audience = str(getattr(meta.audience, "value", meta.audience))
    boost = BOOST_BY_AUDIENCE.get(audience)
    # half the English page's weight (the hook sets that in the index: onlinesafety/site/search.py)
    data["search"] = translated_search({"boost": boost} if boost else None)
    if audience in TAG_BY_AUDIENCE:
        data["tags"] = [TAG_BY_AUDIENCE[audience]]
    return data


def translated_search(english: dict[str, Any] | None) -> dict[str, Any]:
    """A translated page's `search:` front matter: half the English page's boost (1 when it has none)."""
    return {"boost": round((english or {}).get("boost", 1) * TRANSLATION_WEIGHT, 3)}


def _after_title(markdown: str, block: str) -> str:
    """`block` right after the page's first heading (or at the top of the body when there is none)."""
    lines = markdown.split("\n")
    end = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    for index in range(end, len(lines)):
        if lines[index].startswith("# "):
            return "\n".join([*lines[:index + 1], "", block, *lines[index + 1:]])
    return "\n".join([*lines[:end], "", block, *lines[end:]])


def with_meta(markdown: str, meta: dict[str, Any]) -> str:
    """The page with `meta` added to its JSON front matter (onlinesafety/site/render.py writes it)."""
    head, front, body = markdown.split("\n", 2)
    data = {**json.loads(front), **meta}
    return "\n".join([head, json.dumps(data, ensure_ascii=False, sort_keys=True, default=str), body])


def with_handwritten_meta(text: str, meta: dict[str, Any]) -> str:
    """A handwritten page (YAML front matter) with `meta` added as JSON lines, which YAML reads as they are:
    export-markdown gives English pages their versions as the hook gives them in a build."""
    if not meta or not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return text
    front, body = text[4:].split("\n---\n", 1)
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}" for key, value in meta.items()]
    return "---\n" + front + "\n" + "\n".join(lines) + "\n---\n" + body


def _ordered(items: dict[str, Any]) -> list[Any]:
    return sorted(items.values(), key=lambda item: (getattr(item, "order", 0), item.id))


def _ordered_guides(library: Any, guides: dict[str, Any]) -> list[Any]:
    order = {topic.id: topic.order for topic in library.topics.values()}
    return sorted(guides.values(), key=lambda guide: (order.get(guide.topic, 99), guide.id))


def _cited(library: Any, keys: Any) -> list[Any]:
    seen: dict[str, Any] = {}
    for key in keys:
        if key in library.sources and key not in seen:
            seen[key] = library.sources[key]
    return list(seen.values())
