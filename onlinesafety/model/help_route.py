"""Help routes by region: who to call or where to report, with what each is not for."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated

from pydantic import Field, HttpUrl, StringConstraints, field_validator, model_validator

from .common import ParentLine, ParentText, Slug, Strict

# A number as the service publishes it, in its country's format: digits with spaces, dashes, brackets
# or a leading +. Letters ("1-800-THE-LOST") cannot be dialled from every phone: write the digits.
Phone = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=40)]
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()\-]*[0-9]$|^[0-9]{3,}$")
SHORT_CODE = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 \-]{1,18}[0-9]$")]
KEYWORD = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9]{2,20}$")]
# A source copy older than this, on the day a route was checked, is shown to readers as old.
OLD_SOURCE_DAYS = 365


def dial_digits(number: str) -> str:
    """The digits a phone dials (a leading + kept): what goes after tel: or sms:."""
    digits = re.sub(r"[^0-9]", "", number)
    return ("+" + digits) if number.strip().startswith("+") else digits


class Anonymity(str, Enum):
    YES = "yes"
    NO = "no"
    OPTIONAL = "optional"
    UNCONFIRMED = "unconfirmed"

    @property
    def for_reader(self) -> str | None:
        """What a reader can do about their name; nothing when we could not confirm it."""
        return ANONYMITY_WORDS[self]


ANONYMITY_WORDS: dict[Anonymity, str | None] = {
    Anonymity.YES: "You do not have to give your name.",
    Anonymity.NO: "You give your name and contact details, so they can help keep the child safe.",
    Anonymity.OPTIONAL: "You can choose whether to give your name.",
    Anonymity.UNCONFIRMED: None,
}


class Confidence(str, Enum):
    """Confidence flags from the research note: confirmed, partly confirmed, unconfirmed."""

    CONFIRMED = "confirmed"
    PARTLY_CONFIRMED = "partly-confirmed"
    UNCONFIRMED = "unconfirmed"


class Need(str, Enum):
    """Why a reader has come: each help page opens with a short list by need, in this order."""

    EMERGENCY = "emergency"
    CHILD_TALK = "child-talk"
    PARENT_ADVICE = "parent-advice"
    REPORT_ABUSE = "report-abuse"
    REMOVE_IMAGE = "remove-image"
    STAFF_ADVICE = "staff-advice"

    @property
    def heading(self) -> str:
        return NEED_WORDS[self][0]

    @property
    def short(self) -> str:
        return NEED_WORDS[self][1]


NEED_WORDS: dict[Need, tuple[str, str]] = {
    Need.EMERGENCY: ("A child is in danger right now", "Emergency"),
    Need.CHILD_TALK: ("A child or young person wants to talk to someone", "For children and young people"),
    Need.PARENT_ADVICE: ("You are a parent or carer and want advice", "For parents and carers"),
    Need.REPORT_ABUSE: ("Report sexual abuse or exploitation online", "Report abuse online"),
    Need.REMOVE_IMAGE: ("Get a nude or sexual image of a young person removed", "Get an image removed"),
    Need.STAFF_ADVICE: ("You work with children and need advice", "For school staff"),
}


class TextLine(Strict):
    """A number the service answers by text message (SMS), with the word to send first if it asks for one."""

    number: SHORT_CODE
    keyword: KEYWORD | None = None

    @property
    def sms(self) -> str:
        """An sms: link; the keyword is also always shown in words, as not every phone fills it in."""
        body = f"?&body={self.keyword}" if self.keyword else ""
        return f"sms:{dial_digits(self.number)}{body}"


class HelpRoute(Strict):
    id: Slug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)]
    operator: ParentLine
    emergency: bool = False
    needs: list[Need] = Field(
        min_length=1, description="Why a reader would use it: emergency, child-talk, parent-advice, "
        "report-abuse, remove-image, staff-advice.")
    for_: ParentText = Field(alias="for")
    not_for: ParentText | None = None
    anonymous: Anonymity
    age_limits: ParentLine | None = None
    url: HttpUrl | None = None
    phone: Phone | None = None
    texts: list[TextLine] = Field(default_factory=list, max_length=3)
    hours: ParentLine | None = None
    confidence: Confidence
    source: Slug
    source_dated: dt.date | None = Field(
        default=None, description="The date on the copy of the source that was checked (published or "
        "updated), when it shows one. If it is over a year older than last_verified, the page says so.")
    last_verified: dt.date

    model_config = Strict.model_config | {"populate_by_name": True}

    @field_validator("phone")
    @classmethod
    def _dialable(cls, value: str | None) -> str | None:
        if value is not None and not PHONE_PATTERN.match(value):
            raise ValueError(
                f"'{value}' is not a number a phone can dial: write digits as the service publishes them "
                "(spaces, dashes, brackets or a leading + are fine; letters such as 1-800-THE-LOST are not)")
        return value

    @field_validator("needs")
    @classmethod
    def _needs_once(cls, value: list[Need]) -> list[Need]:
        if len(set(value)) != len(value):
            raise ValueError("a need is listed twice; list each need once")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> "HelpRoute":
        if self.url is None and self.phone is None and not self.texts:
            raise ValueError("a help route needs a url, a phone number or a text line")
        if self.url is not None and self.url.scheme != "https":
            raise ValueError("help route links must use https")
        if self.emergency != (Need.EMERGENCY in self.needs):
            raise ValueError("an emergency route lists 'emergency' in needs, and only an emergency route does "
                             "(set emergency: true and needs: [emergency], or neither)")
        if self.source_dated is not None and self.source_dated > self.last_verified:
            raise ValueError(f"source_dated {self.source_dated} is after last_verified {self.last_verified}: "
                             "a copy cannot be dated after the day it was checked")
        return self

    @property
    def tel(self) -> str | None:
        """A tel: link with the dialled digits, or None without a phone number."""
        return f"tel:{dial_digits(self.phone)}" if self.phone else None

    @property
    def source_is_old(self) -> bool:
        """True when the copy of the source we checked was over a year old on the day we checked it."""
        return (self.source_dated is not None
                and (self.last_verified - self.source_dated).days > OLD_SOURCE_DAYS)


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
    routes: list[HelpRoute] = Field(min_length=1, max_length=24)

    @model_validator(mode="after")
    def _unique_route_ids(self) -> "Region":
        seen: set[str] = set()
        for route in self.routes:
            if route.id in seen:
                raise ValueError(f"route id '{route.id}' appears twice; ids must be unique")
            seen.add(route.id)
        return self

    def by_need(self) -> list[tuple[Need, list[HelpRoute]]]:
        """Each need with the routes that meet it, in file order (empty needs are kept, so the page
        can say what to do instead)."""
        return [(need, [route for route in self.routes if need in route.needs]) for need in Need]

    def key_numbers(self, limit: int = 3) -> list[tuple[Need, HelpRoute]]:
        """The numbers a worried reader needs first: the emergency number, then the first route with a
        phone for children, then for parents (each route once)."""
        picked: list[tuple[Need, HelpRoute]] = []
        for need in (Need.EMERGENCY, Need.CHILD_TALK, Need.PARENT_ADVICE):
            for route in self.routes:
                if need in route.needs and route.phone and route not in (r for _, r in picked):
                    picked.append((need, route))
                    break
        return picked[:limit]
