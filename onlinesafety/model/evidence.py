"""Figures for the staff evidence page, each tied to its source."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .common import Reviewed, Slug, Strict, TeacherLine


class Figure(Strict):
    id: Slug
    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
    statement: TeacherLine
    source: Slug
    source_quote: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=400)] = Field(
        description="The words in the source that carry this figure, so a check can match them."
    )


class EvidenceSet(Reviewed):
    figures: list[Figure] = Field(min_length=1, max_length=60)
