"""Classroom materials: the pupil resources a lesson's activities use, and its "You need" list.

Every text here is typed with its audience, so the quality gate reads it with the rules for pupils
(or, for the prep list, teachers), and the slide deck, pupil pack and Present view place it by that
audience alone (see onlinesafety/classroom/placement.py).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import Discriminator, Field, StringConstraints, Tag, model_validator

from .common import Audience, PupilLine, PupilText, Slug, Strict, TeacherLine, text

ICON_PATTERN = r"^(material|octicons|fontawesome/(solid|regular))/[a-z0-9][a-z0-9-]{0,80}$"

# A short pupil-facing label: a card, a sort heading, a title.
PupilShort = text(Audience.PUPIL, 90)
PupilTitle = text(Audience.PUPIL, 80, min_length=3)

KIND_PREFIX = "kind:"


def same_words(value: str | None) -> str | None:
    """A label compared by its words: "Good for  a call" (a line break in YAML, say) is "Good for a call"."""
    return None if value is None else " ".join(value.split())


def tagged_union(*members: type[Strict]) -> Any:
    """A union chosen by the entry's `kind:` field; errors point inside the chosen member."""

    def kind_of(value: Any) -> str | None:
        kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
        return f"{KIND_PREFIX}{kind}" if isinstance(kind, str) else None

    choices = tuple(Annotated[member, Tag(f"{KIND_PREFIX}{member.KIND}")] for member in members)
    return Annotated[Union[choices], Discriminator(kind_of)]  # noqa: UP007 - a runtime tuple of members


class Picture(Strict):
    """A pictogram from an icon set shipped inside mkdocs-material (licences in onlinesafety/classroom/ICONS.md)."""

    icon: Annotated[str, StringConstraints(pattern=ICON_PATTERN)] = Field(
        description="set/name, e.g. material/tablet (see the .icons folder inside mkdocs-material)")
    alt: PupilLine


class StoryPage(Strict):
    text: PupilText
    picture: Picture | None = None


class Story(Strict):
    """A story read aloud or projected a page at a time; it must end in the pupil text."""

    KIND: ClassVar[str] = "story"
    kind: Literal["story"]
    id: Slug
    title: PupilTitle
    pages: list[StoryPage] = Field(min_length=2, max_length=12)


class Card(Strict):
    text: PupilShort
    group: PupilShort | None = Field(default=None, description="the sort heading this card belongs under")
    picture: Picture | None = None


class CardSet(Strict):
    """Picture or word cards: sorted into groups, matched, or used as talking cards."""

    KIND: ClassVar[str] = "cards"
    kind: Literal["cards"]
    id: Slug
    title: PupilTitle
    instructions: PupilLine
    groups: list[PupilShort] = Field(default_factory=list, max_length=4)
    cards: list[Card] = Field(min_length=2, max_length=24)

    @model_validator(mode="after")
    def _cards_fit_the_groups(self) -> "CardSet":
        if len(self.groups) == 1:
            raise ValueError("a card sort needs at least two groups (or none, for talking cards)")
        groups = [same_words(group) for group in self.groups]
        if len(set(groups)) != len(groups):
            raise ValueError("two groups have the same name; give each group its own heading")
        for number, card in enumerate(self.cards, start=1):
            if self.groups and same_words(card.group) not in groups:
                raise ValueError(f"card {number} ('{card.text}') has group '{card.group}', which is not one of "
                                 f"the groups {self.groups}; use one of them")
            if not self.groups and card.group is not None:
                raise ValueError(f"card {number} has a group but the card set has no groups; add `groups:` "
                                 "or remove the card's group")
        return self


class Task(Strict):
    """One thing pupils do on a worksheet, with the space they need for it."""

    prompt: PupilLine
    space: Literal["lines", "draw", "tick"] = "lines"
    lines: int = Field(default=3, ge=1, le=14, description="how many writing lines, or the drawing box height in lines")
    options: list[PupilShort] = Field(default_factory=list, max_length=8, description="tick-box choices")

    @model_validator(mode="after")
    def _options_only_for_ticks(self) -> "Task":
        if self.space == "tick" and len(self.options) < 2:
            raise ValueError("a tick task needs at least two `options`")
        if self.space != "tick" and self.options:
            raise ValueError("`options` are only for `space: tick`; remove them or change the space")
        return self


class Worksheet(Strict):
    KIND: ClassVar[str] = "worksheet"
    kind: Literal["worksheet"]
    id: Slug
    title: PupilTitle
    instructions: PupilLine | None = None
    tasks: list[Task] = Field(min_length=1, max_length=8)


Resource = tagged_union(Story, CardSet, Worksheet)


class ExitTicket(Strict):
    """A slip each pupil fills in at the end (one to three prompts)."""

    title: PupilTitle = "Exit ticket"
    tasks: list[Task] = Field(min_length=1, max_length=3)


class Materials(Strict):
    you_need: list[TeacherLine] = Field(
        min_length=2, max_length=10,
        description="The prep list: what to print and how many, what to cut, what to set up.")
    resources: list[Resource] = Field(min_length=1, max_length=8)
    exit_ticket: ExitTicket

    @model_validator(mode="after")
    def _ids_unique(self) -> "Materials":
        ids = [resource.id for resource in self.resources]
        repeated = sorted({one for one in ids if ids.count(one) > 1})
        if repeated:
            raise ValueError(f"resource ids must be unique in a lesson; repeated: {', '.join(repeated)}")
        return self

    def resource(self, resource_id: str) -> Story | CardSet | Worksheet:
        """The resource with this id."""
        for resource in self.resources:
            if resource.id == resource_id:
                return resource
        raise KeyError(resource_id)
