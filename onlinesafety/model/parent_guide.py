"""A parent guide: plain-English guidance on one topic, by the child's age."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .common import Band, ParentLine, ParentText, Reviewed, Slug, Strict


class Question(Strict):
    """A question parents ask, answered plainly."""

    question: ParentLine
    answer: ParentText


class ParentGuide(Reviewed):
    id: Slug
    topic: Slug
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
    summary: ParentText
    by_age: dict[Band, ParentText] = Field(description="What to say at each age.")
    conversation_starters: list[ParentLine] = Field(min_length=3, max_length=8)
    home_checklist: list[ParentLine] = Field(min_length=3, max_length=10)
    warning_signs: list[ParentLine] = Field(min_length=3, max_length=8)
    if_something_happens: list[ParentLine] = Field(min_length=3, max_length=8)
    questions: list[Question] = Field(default_factory=list, max_length=8,
                                      description="Questions parents ask, with plain answers.")
    sources: list[Slug] = Field(default_factory=list, max_length=8)

    @model_validator(mode="after")
    def _every_age(self) -> "ParentGuide":
        missing = [band.value for band in Band if band not in self.by_age]
        if missing:
            raise ValueError(f"by_age needs advice for every age band; missing: {', '.join(missing)}")
        return self
