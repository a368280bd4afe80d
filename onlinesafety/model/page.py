"""Front matter of a handwritten Markdown page in content/pages/."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .common import Audience, Reviewed, Slug


class PageMeta(Reviewed):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=90)]
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=200)]
    audience: Audience
    content_note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=400)] | None = None
    sources: list[Slug] = Field(default_factory=list, max_length=20)
    hide: list[Annotated[str, StringConstraints(pattern=r"^(navigation|toc|footer|path|tags)$")]] = Field(
        default_factory=list
    )
    tags: list[str] = Field(default_factory=list, max_length=8)
