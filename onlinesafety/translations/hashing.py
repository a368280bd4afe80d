"""The hash of the English text a translation was made from: when it changes, the translation is out of date.

Only the translatable text counts (see fields.SHAPES): a new review date or a corrected phone number
in the English file does not make a translation out of date; a changed sentence does.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


from .fields import SHAPES, extract

HASH_LENGTH = 12


def english_data(kind: str, item: Any) -> Any:
    """The English item as plain data, in the form translation files mirror."""
    if kind == "page":
        return {"title": item.meta.title, "description": item.meta.description, "body": item.body}
    return item.model_dump(mode="json", by_alias=True, exclude_none=True)


def source_hash(kind: str, item: Any) -> str:
    """The first 12 hex digits of SHA-256 over the item's translatable English text."""
    text = json.dumps(extract(SHAPES[kind], english_data(kind, item)), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    if kind == "page":
        text = text.replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


