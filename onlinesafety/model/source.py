"""A bibliography entry: every figure on the site cites one of these by key."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, HttpUrl, StringConstraints

from .common import Slug, Strict

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]


class Source(Strict):
    key: Slug
    title: Line
    publisher: Line
    date: dt.date | Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2})?$")]
    url: HttpUrl | None = None
    note: Line | None = Field(default=None, description="How we use it, or what we could not confirm.")
    adult_only: bool = Field(
        default=False, description="Contains descriptions of abuse: cite on staff pages only."
    )


class Bibliography(Strict):
    sources: list[Source] = Field(min_length=1)
