"""Walk any content item and yield each block of text with the audience that reads it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel

from .common import Audience, AudienceTag
from .library import Page


@dataclass(frozen=True)
class TextBlock:
    loc: tuple[Any, ...]  # path inside the item, e.g. ("activities", 1, "pupil_material")
    audience: Audience
    text: str


def audience_of(annotation: Any, metadata: list[Any] | tuple[Any, ...] = ()) -> Audience | None:
    """The audience tag on a field's type, looking through Annotated, lists and dicts."""
    for entry in metadata:
        if isinstance(entry, AudienceTag):
            return entry.audience
    for entry in getattr(annotation, "__metadata__", ()):
        if isinstance(entry, AudienceTag):
            return entry.audience
    for argument in get_args(annotation):
        found = audience_of(argument)
        if found is not None:
            return found
    return None


def iter_text_blocks(item: BaseModel | Page) -> Iterator[TextBlock]:
    """Every tagged text block in `item`, depth first, in field order."""
    if isinstance(item, Page):
        yield TextBlock(("body",), item.meta.audience, item.body)
        return
    yield from _walk(item, ())


def _walk(model: BaseModel, loc: tuple[Any, ...]) -> Iterator[TextBlock]:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        audience = audience_of(info.annotation, info.metadata)
        yield from _value(value, loc + (key,), audience)


def _value(value: Any, loc: tuple[Any, ...], audience: Audience | None) -> Iterator[TextBlock]:
    if isinstance(value, BaseModel):
        yield from _walk(value, loc)
    elif isinstance(value, str):
        if audience is not None:
            yield TextBlock(loc, audience, value)
    elif isinstance(value, (list, tuple)):
        for index, entry in enumerate(value):
            yield from _value(entry, loc + (index,), audience)
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield from _value(entry, loc + (getattr(key, "value", key),), audience)
