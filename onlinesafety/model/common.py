"""Shared building blocks of the content model: audiences, bands, text types, review dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"


class Audience(str, Enum):
    """Who reads a block of text; the quality checks apply different rules to each."""

    PUPIL = "pupil-facing"
    TEACHER = "teacher-facing"
    PARENT = "parent-facing"


@dataclass(frozen=True)
class AudienceTag:
    """Marks a text field with the audience that reads it (kept in exports and checks)."""

    audience: Audience


class Band(str, Enum):
    """UKCIS Education for a Connected World age bands."""

    AGES_4_7 = "4-7"
    AGES_7_11 = "7-11"
    AGES_11_14 = "11-14"
    AGES_14_18 = "14-18"

    @property
    def label(self) -> str:
        return BAND_LABELS[self]["title"]


# Year-group labels are approximate: school starting ages differ by country and birthday.
BAND_LABELS: dict[Band, dict[str, str]] = {
    Band.AGES_4_7: {
        "title": "Ages 4–7",
        "uk": "Reception to Year 2 (EYFS and Key Stage 1)",
        "us": "Pre-K to Grade 1",
        "au": "Foundation to Year 1",
    },
    Band.AGES_7_11: {
        "title": "Ages 7–11",
        "uk": "Years 3 to 6 (Key Stage 2)",
        "us": "Grades 2 to 5",
        "au": "Years 2 to 5",
    },
    Band.AGES_11_14: {
        "title": "Ages 11–14",
        "uk": "Years 7 to 9 (Key Stage 3)",
        "us": "Grades 6 to 8",
        "au": "Years 6 to 8",
    },
    Band.AGES_14_18: {
        "title": "Ages 14–18",
        "uk": "Years 10 to 13 (Key Stage 4 and sixth form)",
        "us": "Grades 9 to 12",
        "au": "Years 9 to 12",
    },
}

PRIMARY_BANDS = frozenset({Band.AGES_4_7, Band.AGES_7_11})


class EfcwStrand(str, Enum):
    """The eight strands of UKCIS Education for a Connected World (2020 edition)."""

    SELF_IMAGE = "self-image-and-identity"
    RELATIONSHIPS = "online-relationships"
    REPUTATION = "online-reputation"
    BULLYING = "online-bullying"
    INFORMATION = "managing-online-information"
    WELLBEING = "health-wellbeing-and-lifestyle"
    PRIVACY = "privacy-and-security"
    COPYRIGHT = "copyright-and-ownership"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


def text(audience: Audience, max_length: int, min_length: int = 1) -> Any:
    """A Markdown text field read by `audience`, bounded in length."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AudienceTag(audience),
        Field(json_schema_extra={"x-audience": audience.value}),
    ]


PupilText = text(Audience.PUPIL, 600)
PupilLine = text(Audience.PUPIL, 220)
TeacherText = text(Audience.TEACHER, 2500)
TeacherLine = text(Audience.TEACHER, 300)
ParentText = text(Audience.PARENT, 1500)
ParentLine = text(Audience.PARENT, 300)


class FieldError(ValueError):
    """A model-level check's error that names the field it is about, so the loader can give its line."""

    def __init__(self, loc: tuple[Any, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc


class Strict(BaseModel):
    """Base for every content type: unknown fields are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Reviewed(Strict):
    """Every published item says when it was last reviewed and how often it must be."""

    reviewed: dt.date
    review_interval_months: int = Field(ge=1, le=24)

    @property
    def review_due(self) -> dt.date:
        return add_months(self.reviewed, self.review_interval_months)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of shorter months."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")
