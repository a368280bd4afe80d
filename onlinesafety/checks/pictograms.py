"""Every pictogram a lesson names exists in the icon sets shipped inside mkdocs-material."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..classroom.icons import UnknownIcon, icon_path
from ..loading.safe_yaml import dotted
from ..model import Library
from ..model.materials import Picture
from .findings import Finding


def check_pictograms(library: Library) -> list[Finding]:
    """A finding for each `picture: {icon: …}` that names no shipped icon."""
    findings: list[Finding] = []
    for lesson in library.lessons.values():
        origin = library.origin(lesson)
        for loc, picture in _pictures(lesson, ()):
            try:
                icon_path(picture.icon)
            except UnknownIcon as problem:
                field = dotted((*loc, "icon"))
                findings.append(Finding(
                    origin.path, origin.line_for((*loc, "icon")), "materials/unknown-icon", "error",
                    f"the pictogram '{picture.icon}' does not exist", str(problem).split("; ", 1)[1], field,
                    excerpt=picture.icon, context=picture.icon))
    return findings


def _pictures(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Picture]]:
    if isinstance(value, Picture):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _pictures(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for index, entry in enumerate(value):
            yield from _pictures(entry, (*loc, index))
