"""The pupil pack's contents: only pupil-facing material, taken through `Placement`, plus the help card.

`pack_sections` is what is printed for one lesson (the same for every country); `help_card` is the
region's page. `pack_pdf` lays both out as A4 pages (black-and-white friendly, cut lines on cards,
writing space on worksheets, large type for ages 4–7).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..model import Band, Lesson, Region
from ..model.materials import CardSet, Story, Worksheet
from ..model.knowledge_checks import Answer
from .deck import CREDIT, CardView, Question, placed_answers
from .help_card import HELP_CARD_MESSAGE, HelpLine, help_lines
from .placement import Placement


@dataclass(frozen=True)
class TaskView:
    prompt: str
    space: str
    lines: int
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryPageView:
    text: str
    icon: str | None = None
    alt: str | None = None


@dataclass(frozen=True)
class Cover:
    title: str
    outcome: str
    keywords: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StorySection:
    title: str
    pages: tuple[StoryPageView, ...]


@dataclass(frozen=True)
class CardsSection:
    title: str
    instructions: str
    groups: tuple[str, ...]
    cards: tuple[CardView, ...]


@dataclass(frozen=True)
class WorksheetSection:
    title: str
    instructions: str | None
    tasks: tuple[TaskView, ...]


@dataclass(frozen=True)
class CheckSection:
    title: str
    items: tuple[tuple[str, Question], ...]  # prompt and its answers (printed without marking the right one)


@dataclass(frozen=True)
class ExitTicketSection:
    title: str
    tasks: tuple[TaskView, ...]
    instructions: str | None = None


@dataclass(frozen=True)
class HelpSection:
    title: str
    message: str
    lines: tuple[HelpLine, ...]


Section = Union[Cover, StorySection, CardsSection, WorksheetSection, CheckSection, ExitTicketSection, HelpSection]


@dataclass(frozen=True)
class Pack:
    lesson_id: str
    title: str
    large: bool
    sections: tuple[Section, ...]
    credit: str = CREDIT


def lesson_pack(lesson: Lesson) -> Pack:
    """What is printed for `lesson`, the same for every country (the help card is added per region)."""
    place = Placement(lesson)
    sections: list[Section] = [Cover(
        lesson.title, place.pupil("pupil_outcome"),
        tuple((keyword.term, place.pupil("keywords", n, "definition")) for n, keyword in enumerate(lesson.keywords))),
        HelpSection("If something worries you", place.pupil("safeguarding", "signposting"), ())]
    if lesson.knowledge_checks:
        sections.append(_checks(place, lesson, "baseline", "Before we start"))
    if lesson.materials:
        for index, resource in enumerate(lesson.materials.resources):
            sections.append(_resource(place, index, resource))
    if lesson.knowledge_checks:
        sections.append(_checks(place, lesson, "exit", "What have we learned?"))
    if lesson.materials:
        ticket = lesson.materials.exit_ticket
        sections.append(ExitTicketSection(place.pupil("materials", "exit_ticket", "title"),
                                          _tasks(place, ("materials", "exit_ticket"), ticket.tasks)))
    return Pack(lesson.id, lesson.title, lesson.band is Band.AGES_4_7, tuple(sections))


def help_card(region: Region, band: Band) -> HelpSection:
    """The help card for pupils of `band` in `region`: its routes for them, numbers and addresses unchanged."""
    return HelpSection(f"Where to get help: {region.name}", HELP_CARD_MESSAGE, tuple(help_lines(region, band)))


def _resource(place: Placement, index: int, resource) -> Section:
    base = ("materials", "resources", index)
    title = place.pupil(*base, "title")
    if isinstance(resource, Story):
        return StorySection(title, tuple(
            StoryPageView(place.pupil(*base, "pages", n, "text"), page.picture.icon if page.picture else None,
                          place.pupil(*base, "pages", n, "picture", "alt") if page.picture else None)
            for n, page in enumerate(resource.pages)))
    if isinstance(resource, CardSet):
        return CardsSection(title, place.pupil(*base, "instructions"),
                            tuple(place.pupil(*base, "groups", n) for n in range(len(resource.groups))),
                            tuple(CardView(place.pupil(*base, "cards", n, "text"), None,
                                           card.picture.icon if card.picture else None,
                                           place.pupil(*base, "cards", n, "picture", "alt") if card.picture else None)
                                  for n, card in enumerate(resource.cards)))
    assert isinstance(resource, Worksheet)
    return WorksheetSection(title, place.optional_pupil(*base, "instructions"),
                            _tasks(place, base, resource.tasks))


def _tasks(place: Placement, base: tuple, tasks) -> tuple[TaskView, ...]:
    return tuple(TaskView(place.pupil(*base, "tasks", n, "prompt"), task.space, task.lines,
                          tuple(place.pupil(*base, "tasks", n, "options", k) for k in range(len(task.options))))
                 for n, task in enumerate(tasks))


def _checks(place: Placement, lesson: Lesson, stage: str, title: str) -> CheckSection:
    items = []
    for number, item in enumerate(getattr(lesson.knowledge_checks, stage)):
        base = ("knowledge_checks", stage, number)
        prompt = place.pupil(*base, "statement" if item.kind == "true-false" else "question")
        # Printed for pupils to answer: no feedback and no marked answer on paper.
        shown = tuple(Answer(answer.text.split(" → ")[0], False, "") for answer in placed_answers(place, base, item))
        items.append((prompt, Question(item.kind, shown, tuple(getattr(item, "groups", ())))))
    return CheckSection(title, tuple(items))
