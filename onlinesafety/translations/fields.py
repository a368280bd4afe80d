"""Which fields of each kind of item are translated, and the shape a translation file must have.

A shape is TEXT (one translated string), a dict of field -> shape (fields the source lacks are left
out), ALL_KEYS (every key of a mapping, e.g. the four age bands), a one-item list [shape] (as many
items as the source, in its order) or ById(shape) (a list of mappings in the source, written in the
translation as a mapping from each item's id). Everything outside the shape (ids, dates, numbers,
URLs, service names) is never translated: it comes from the English source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TEXT = "text"


@dataclass(frozen=True)
class AllKeys:
    shape: Any


@dataclass(frozen=True)
class ById:
    shape: Any
    key: str = "id"


PIECE = {"headline": TEXT, "body": TEXT, "call_to_action": TEXT}

SHAPES: dict[str, Any] = {
    "parent_guide": {
        "title": TEXT, "summary": TEXT, "by_age": AllKeys(TEXT),
        "conversation_starters": [TEXT], "home_checklist": [TEXT], "warning_signs": [TEXT],
        "if_something_happens": [TEXT], "questions": [{"question": TEXT, "answer": TEXT}],
    },
    "region": {
        "name": TEXT, "intro": TEXT,
        "terms": {"safeguarding_lead": TEXT, "safeguarding_lead_short": TEXT, "parent": TEXT, "school_year": TEXT},
        "routes": ById({"operator": TEXT, "for": TEXT, "not_for": TEXT, "age_limits": TEXT, "hours": TEXT}),
    },
    "snippet": {
        "short": PIECE, "medium": PIECE, "long": PIECE, "social": {"short": TEXT, "long": TEXT},
    },
    "page": {"title": TEXT, "description": TEXT, "body": TEXT},
}


def extract(shape: Any, data: Any) -> Any:
    """The translatable part of `data` (plain JSON-like English data), in the translation's shape."""
    if shape == TEXT:
        return data
    if isinstance(shape, AllKeys):
        return {str(key): extract(shape.shape, value) for key, value in data.items()}
    if isinstance(shape, ById):
        return {item[shape.key]: extract(shape.shape, item) for item in data}
    if isinstance(shape, list):
        return [extract(shape[0], item) for item in data]
    return {key: extract(inner, data[key]) for key, inner in shape.items()
            if data.get(key) not in (None, [], {})}


def merge(shape: Any, data: Any, translated: Any) -> Any:
    """`data` with its translatable parts replaced by `translated` (already checked against the shape)."""
    if shape == TEXT:
        return translated
    if isinstance(shape, AllKeys):
        return {key: merge(shape.shape, value, translated[str(key)]) for key, value in data.items()}
    if isinstance(shape, ById):
        return [merge(shape.shape, item, translated[item[shape.key]]) for item in data]
    if isinstance(shape, list):
        return [merge(shape[0], item, part) for item, part in zip(data, translated)]
    result = dict(data)
    for key, inner in shape.items():
        if key in translated:
            result[key] = merge(inner, data[key], translated[key])
    return result


def texts(shape: Any, data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """Every translatable string in `data` (in the translation's shape) with its place, in order."""
    if shape == TEXT:
        return [(loc, data)] if isinstance(data, str) else []
    found: list[tuple[tuple[Any, ...], str]] = []
    if isinstance(shape, (AllKeys, ById)):
        for key, value in (data or {}).items():
            found += texts(shape.shape, value, (*loc, key))
    elif isinstance(shape, list):
        for index, value in enumerate(data or []):
            found += texts(shape[0], value, (*loc, index))
    else:
        for key, inner in shape.items():
            if isinstance(data, dict) and key in data:
                found += texts(inner, data[key], (*loc, key))
    return found
