"""A topic: one theme taught across the age bands it fits."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .common import Band, EfcwStrand, ParentText, Reviewed, Slug, TeacherText


class Topic(Reviewed):
    id: Slug
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
    order: int = Field(ge=1, le=99, description="Position in lists and in the term plan.")
    bands: list[Band] = Field(min_length=1, max_length=4)
    summary_for_teachers: TeacherText
    summary_for_parents: ParentText
    efcw_strands: list[EfcwStrand] = Field(min_length=1, max_length=4)
    sources: list[Slug] = Field(default_factory=list, max_length=8)
