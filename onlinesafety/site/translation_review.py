"""For maintainers and volunteer reviewers: each language's translations side by side with the English,
field by field, with each one's status and whether the English has changed since.

One page per language (`translations/<code>.md`) and an index (`translations/index.md`). Reviewers read
down the two columns; the page says what to check and how to record a review.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Library
from ..translations.fields import SHAPES, extract, texts
from ..translations.hashing import english_data
from ..translations.model import english_items
from ..translations.status import untranslated

INDEX = "translations/index.md"
KIND_LABELS = {"page": "Page", "parent_guide": "Parent guide", "region": "Help page", "snippet": "Newsletter piece"}
KIND_ORDER = ("page", "parent_guide", "region", "snippet")


def review_path(code: str) -> str:
    return f"translations/{code}.md"


@dataclass(frozen=True)
class Row:
    field: str
    english: str
    translated: str


@dataclass(frozen=True)
class Item:
    kind: str
    label: str
    title: str
    info: Any
    rows: list[Row]


def review_items(library: Library, code: str) -> list[Item]:
    """Every translation in `code`, in a stable order, with its fields beside the English."""
    translated = library.translations.get(code)
    if translated is None:
        return []
    found: list[Item] = []
    for kind, item_id in sorted(translated.info, key=lambda key: (KIND_ORDER.index(key[0]), key[1])):
        english, item = english_items(library, kind)[item_id], translated.items(kind)[item_id]
        shape = SHAPES[kind]
        theirs = dict(texts(shape, extract(shape, english_data(kind, item))))
        rows = [Row(_field(loc), text, theirs.get(loc, ""))
                for loc, text in texts(shape, extract(shape, english_data(kind, english)))]
        title = english.meta.title if kind == "page" else getattr(english, "title", None) or getattr(english, "name", item_id)
        if kind == "snippet":
            title = english.medium.headline
        found.append(Item(kind, KIND_LABELS[kind], title, translated.info[(kind, item_id)], rows))
    return found


def translation_review_pages(library: Library, render: Callable[..., str],
                             front: Callable[..., dict[str, Any]]) -> dict[str, str]:
    languages = [language for code, language in sorted(library.languages.items()) if code != "en"]
    if not languages:
        return {}
    pages: dict[str, str] = {}
    summary = []
    for language in languages:
        items = review_items(library, language.code)
        summary.append({"language": language, "path": review_path(language.code), "count": len(items),
                        "reviewed": sum(item.info.status == "reviewed" for item in items),
                        "stale": sum(item.info.out_of_date for item in items),
                        "missing": len(untranslated(library, language.code))})
        path = review_path(language.code)
        pages[path] = render(
            "translation_review.md.j2", path,
            front(f"Translations: {language.name}", f"Every {language.name} translation beside its English, for reviewers.",
                  reviewed=max((item.info.translated for item in items), default=None), tags=["Staff"],
                  search={"exclude": True}),
            language=language, items=items, missing=untranslated(library, language.code), index=INDEX, cited=[])
    pages[INDEX] = render(
        "translation_review_index.md.j2", INDEX,
        front("Translations", "Each language's translations, their review status and what is out of date.",
              reviewed=max((info.translated for translated in library.translations.values()
                            for info in translated.info.values()), default=None),
              tags=["Staff"], search={"exclude": True}),
        rows=summary, cited=[])
    return pages


def _field(loc: tuple[Any, ...]) -> str:
    return " › ".join(str(part + 1) if isinstance(part, int) else str(part) for part in loc)
