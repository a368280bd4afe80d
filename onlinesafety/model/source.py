"""A bibliography entry: every figure on the site cites one of these by key."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field, HttpUrl, StringConstraints

from .common import Slug, Strict

def _as_text(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else str(value) if isinstance(value, int) else value


PublicationDate = Annotated[str, BeforeValidator(_as_text), StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]


class Source(Strict):
    key: Slug
    title: Line
    publisher: Line
    date: PublicationDate | None = Field(
        default=None, description="Publication date, or year (YYYY) or month (YYYY-MM); leave out if unknown."
    )
    url: HttpUrl | None = None
    note: Line | None = Field(default=None, description="How we use it, or what we could not confirm.")
    adult_only: bool = Field(
        default=False, description="Contains descriptions of abuse: cite on staff pages only."
    )


class Bibliography(Strict):
    sources: list[Source] = Field(min_length=1)
