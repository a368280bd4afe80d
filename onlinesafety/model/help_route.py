"""Help routes by region: who to call or where to report, with what each is not for."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import Field, HttpUrl, StringConstraints, model_validator

from .common import ParentLine, ParentText, Slug, Strict

Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9A-Z +()\-]{3,40}$")]


class Anonymity(str, Enum):
    YES = "yes"
    NO = "no"
    OPTIONAL = "optional"
    UNCONFIRMED = "unconfirmed"


class Confidence(str, Enum):
    """Confidence flags from the research note: confirmed, partly confirmed, unconfirmed."""

    CONFIRMED = "confirmed"
    PARTLY_CONFIRMED = "partly-confirmed"
    UNCONFIRMED = "unconfirmed"


class HelpRoute(Strict):
    id: Slug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)]
    operator: ParentLine
    emergency: bool = False
    for_: ParentText = Field(alias="for")
    not_for: ParentText | None = None
    anonymous: Anonymity
    age_limits: ParentLine | None = None
    url: HttpUrl | None = None
    phone: Phone | None = None
    hours: ParentLine | None = None
    confidence: Confidence
    source: Slug
    last_verified: dt.date

    model_config = Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _reachable(self) -> "HelpRoute":
        if self.url is None and self.phone is None:
            raise ValueError("a help route needs a url or a phone number (or both)")
        if self.url is not None and self.url.scheme != "https":
            raise ValueError("help route links must use https")
        return self


class Terms(Strict):
    """Words that differ by country, used in pages and newsletters."""

    safeguarding_lead: ParentLine
    safeguarding_lead_short: Annotated[str, StringConstraints(min_length=2, max_length=12)]
    parent: ParentLine = "parent or carer"
    school_year: ParentLine = "year group"


class Region(Strict):
    id: Slug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=60)]
    order: int = Field(ge=1, le=99)
    intro: ParentText
    terms: Terms
    routes: list[HelpRoute] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _unique_route_ids(self) -> "Region":
        seen: set[str] = set()
        for route in self.routes:
            if route.id in seen:
                raise ValueError(f"route id '{route.id}' appears twice; ids must be unique")
            seen.add(route.id)
        return self
