"""A lesson as a sequence of slides: what pupils see on each, and the teacher's speaker notes.

The slide deck (.pptx) and the Present view are both drawn from this one sequence, so they cannot
disagree. Slide text comes only through `Placement.pupil`; speaker notes through `Placement.teacher`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from ..model import Band, Lesson, Region
from ..model.knowledge_checks import TRUE_FALSE_LABELS, Answer
from ..model.materials import CardSet, Story, Worksheet
from .help_card import HELP_CARD_MESSAGE, HelpLine, help_lines
from .placement import Placement

CREDIT = "Adapted from Safe Online Schools lessons and guidance, licensed under CC BY 4.0."
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Text:
    markdown: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]  # Markdown, one line each
    numbered: bool = False


@dataclass(frozen=True)
class Picture:
    icon: str
    alt: str


@dataclass(frozen=True)
class CardView:
    text: str
    group: str | None = None
    icon: str | None = None
    alt: str | None = None


@dataclass(frozen=True)
class Cards:
    groups: tuple[str, ...]
    cards: tuple[CardView, ...]


@dataclass(frozen=True)
class Question:
    """A knowledge-check item: the answers are shown, the correct one revealed only when the teacher asks."""

    kind: str
    answers: tuple[Answer, ...]
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class HelpList:
    lines: tuple[HelpLine, ...]


Block = Union[Text, Bullets, Picture, Cards, Question, HelpList]


@dataclass(frozen=True)
class Slide:
    kind: str  # title, rules, keywords, check, activity, story, cards, worksheet, discussion, help, credits
    title: str
    blocks: tuple[Block, ...] = ()
    notes: str = ""  # teacher-facing: never shown to pupils


@dataclass(frozen=True)
class Deck:
    lesson_id: str
    title: str
    region: str
    slides: tuple[Slide, ...] = field(default_factory=tuple)


def lesson_deck(lesson: Lesson, region: Region) -> Deck:
    """The slides for teaching `lesson` to pupils in `region` (their help routes on the last slides)."""
    place = Placement(lesson)
    slides: list[Slide] = [_title_slide(lesson, place), _rules_slide(lesson, place), *_keywords_slides(lesson, place)]
    slides.extend(_check_slides(lesson, place, "baseline", "Before we start"))
    # Discussion questions belong to the main activities: they come before the plenary's safe close.
    for number, activity in enumerate(lesson.activities):
        if activity.stage.value == "plenary" and not any(s.kind == "discussion" for s in slides):
            slides.append(_discussion_slide(lesson, place))
        slides.extend(_activity_slides(lesson, place, number))
    slides.extend(_check_slides(lesson, place, "exit", "What have we learned?"))
    slides.append(_signposting_slide(lesson, place))
    slides.append(help_slide(region, lesson.band))
    slides.append(Slide("credits", "Thank you", (Text(f"{CREDIT}\n\n{LICENCE_URL}"),),
                        notes="Licence: content CC BY 4.0. You may adapt and share this deck; keep the credit line."))
    return Deck(lesson.id, lesson.title, region.id, tuple(slides))


def _title_slide(lesson: Lesson, place: Placement) -> Slide:
    s = lesson.safeguarding
    notes = [
        f"Before teaching: {place.teacher('safeguarding', 'dsl_prebrief')}",
        "Teaching this lesson: " + "; ".join(place.teacher("objectives", n) for n in range(len(lesson.objectives))),
        f"Distancing: {place.teacher('safeguarding', 'distancing')}",
        f"If a pupil discloses: {place.teacher('safeguarding', 'disclosure_response')}",
        f"Supervision: {s.supervision_level.label}. Never teach this in an assembly; assume someone in the room "
        "is affected.",
    ]
    return Slide("title", lesson.title, (Text(place.pupil("pupil_outcome")),), notes="\n\n".join(notes))


def _rules_slide(lesson: Lesson, place: Placement) -> Slide:
    rules = tuple(place.pupil("safeguarding", "ground_rules", n) for n in range(len(lesson.safeguarding.ground_rules)))
    return Slide("rules", "Our class rules for this lesson", (Bullets(rules),),
                 notes="Agree these rules with the class before you start, and keep them on show. Remind pupils "
                       "they can pass on any question and can talk to you privately after the lesson.")


def _keywords_slides(lesson: Lesson, place: Placement) -> list[Slide]:
    """Key words, at most four a slide so the type stays large."""
    items = [f"**{keyword.term}**: {place.pupil('keywords', n, 'definition')}" for n, keyword in enumerate(lesson.keywords)]
    parts = [items[start:start + 4] for start in range(0, len(items), 4)]
    return [Slide("keywords", "Key words" + (f" ({n} of {len(parts)})" if len(parts) > 1 else ""), (Bullets(tuple(part)),),
                  notes="Read each word and its meaning with the class; ask pupils to say it back in their own words.")
            for n, part in enumerate(parts, start=1)]


def _check_slides(lesson: Lesson, place: Placement, stage: str, heading: str) -> list[Slide]:
    checks = lesson.knowledge_checks
    if checks is None:
        return []
    slides = []
    items = getattr(checks, stage)
    for number, item in enumerate(items):
        base = ("knowledge_checks", stage, number)
        prompt = place.pupil(*base, "statement" if item.kind == "true-false" else "question")
        answers = tuple(placed_answers(place, base, item))
        correct = "; ".join(answer.text for answer in answers if answer.correct)
        what = (f"key learning point {item.checks.learning_point}" if item.checks.learning_point
                else f"the strand {item.checks.strand.label}")
        slides.append(Slide(
            "check", f"{heading} ({number + 1} of {len(items)})",
            (Text(prompt), Question(item.kind, answers, tuple(getattr(item, "groups", ())))),
            notes=(f"{'Baseline' if stage == 'baseline' else 'Exit'} check, item {number + 1}: checks {what}. "
                   f"Answer: {correct}. Ask pupils to show their answer (fingers, cards or whiteboards), then "
                   "reveal it (press R in Present) and read the feedback. Nothing is recorded.")))
    return slides


def placed_answers(place: Placement, base: tuple, item) -> list[Answer]:
    """The item's answers, each text taken through the placement rules."""
    if item.kind == "choice":
        return [Answer(place.pupil(*base, "options", n, "text"), option.correct,
                       place.pupil(*base, "options", n, "feedback")) for n, option in enumerate(item.options)]
    if item.kind == "sort":
        return [Answer(f'{place.pupil(*base, "cards", n, "text")} → {place.pupil(*base, "cards", n, "group")}', True,
                       place.pupil(*base, "cards", n, "feedback")) for n in range(len(item.cards))]
    keys = {label: key for key, label in TRUE_FALSE_LABELS.items()}  # "It depends" -> "it-depends"
    return [Answer(answer.text, answer.correct, place.pupil(*base, "feedback", keys[answer.text]))
            for answer in item.answers()]


def _activity_slides(lesson: Lesson, place: Placement, number: int) -> list[Slide]:
    activity = lesson.activities[number]
    notes = (f"{activity.stage.value.capitalize()}, {activity.minutes} minutes.\n\n"
             f"{place.teacher('activities', number, 'teacher_notes')}")
    misconceptions = [f"Misconception: {place.teacher('misconceptions', n, 'misconception')} Response: "
                      f"{place.teacher('misconceptions', n, 'response')}" for n in range(len(lesson.misconceptions))]
    if activity.stage.value == "main" and number == _first_main(lesson):
        notes += "\n\n" + "\n\n".join(misconceptions)
    chunks = split_text(place.pupil("activities", number, "pupil_material"), _text_limit(lesson))
    task = [Slide("activity", activity.title + (f" ({part} of {len(chunks)})" if len(chunks) > 1 else ""),
                  (Text(chunk),), notes=notes) for part, chunk in enumerate(chunks, start=1)]
    # A story is read first and the task follows it; cards and worksheets come after the task that sets them.
    stories, others = [], []
    for resource_id in activity.uses:
        made = _resource_slides(lesson, place, resource_id, activity.title)
        (stories if made and made[0].kind == "story" else others).extend(made)
    if stories:
        stories[0] = Slide(stories[0].kind, stories[0].title, stories[0].blocks, notes=f"{notes}\n\n{stories[0].notes}")
    return [*stories, *task, *others]


def _text_limit(lesson: Lesson) -> int:
    """About how many characters fit on one slide at the deck's type size (larger for ages 4–7)."""
    return 320 if lesson.band.value == "4-7" else 480


def split_text(markdown: str, limit: int) -> list[str]:
    """Markdown cut into parts that each fit on a slide: between paragraphs, or between sentences of a
    paragraph that is longer than a slide on its own."""
    pieces: list[str] = []
    for paragraph in (part.strip() for part in markdown.split("\n\n")):
        if not paragraph:
            continue
        if len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        sentence_parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“'‘(*])", paragraph)
        current = ""
        for sentence in sentence_parts:
            if current and len(current) + 1 + len(sentence) > limit:
                pieces.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            pieces.append(current)
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + 2 + len(piece) <= limit:
            chunks[-1] = f"{chunks[-1]}\n\n{piece}"
        else:
            chunks.append(piece)
    return chunks or [markdown]


def _first_main(lesson: Lesson) -> int:
    return next(n for n, activity in enumerate(lesson.activities) if activity.stage.value == "main")


def _resource_slides(lesson: Lesson, place: Placement, resource_id: str, activity: str) -> list[Slide]:
    assert lesson.materials is not None
    index = next(n for n, resource in enumerate(lesson.materials.resources) if resource.id == resource_id)
    resource = lesson.materials.resources[index]
    base = ("materials", "resources", index)
    title = place.pupil(*base, "title")
    note = f"Part of '{activity}'. The same material is in the pupil pack."
    if isinstance(resource, Story):
        slides = []
        for page_number, page in enumerate(resource.pages):
            blocks: list[Block] = [Text(place.pupil(*base, "pages", page_number, "text"))]
            if page.picture is not None:
                blocks.append(Picture(page.picture.icon, place.pupil(*base, "pages", page_number, "picture", "alt")))
            slides.append(Slide("story", f"{title} ({page_number + 1} of {len(resource.pages)})", tuple(blocks),
                                notes=note))
        return slides
    if isinstance(resource, CardSet):
        cards = tuple(CardView(place.pupil(*base, "cards", n, "text"),
                               place.pupil(*base, "cards", n, "group") if card.group else None,
                               card.picture.icon if card.picture else None,
                               place.pupil(*base, "cards", n, "picture", "alt") if card.picture else None)
                      for n, card in enumerate(resource.cards))
        groups = tuple(place.pupil(*base, "groups", n) for n in range(len(resource.groups)))
        # On the slide the cards are shown unsorted: the sort is the pupils' task.
        shown = Cards(groups, tuple(CardView(c.text, None, c.icon, c.alt) for c in cards))
        answer = "; ".join(f"{c.text} → {c.group}" for c in cards if c.group)
        return [Slide("cards", title, (Text(place.pupil(*base, "instructions")), shown),
                      notes=note + (f"\n\nWhere each card goes: {answer}." if answer else ""))]
    assert isinstance(resource, Worksheet)
    blocks = []
    if resource.instructions:
        blocks.append(Text(place.pupil(*base, "instructions")))
    blocks.append(Bullets(tuple(place.pupil(*base, "tasks", n, "prompt") for n in range(len(resource.tasks))),
                          numbered=True))
    return [Slide("worksheet", title, tuple(blocks), notes=note)]


def _discussion_slide(lesson: Lesson, place: Placement) -> Slide:
    items = tuple(place.pupil("discussion_questions", n) for n in range(len(lesson.discussion_questions)))
    return Slide("discussion", "Let's talk", (Bullets(items),),
                 notes="Keep discussion about the characters, never about pupils' own experiences.")


def _signposting_slide(lesson: Lesson, place: Placement) -> Slide:
    return Slide("signposting", "If something worries you", (Text(place.pupil("safeguarding", "signposting")),),
                 notes="Name the trusted adults in school, and stay in the room for a few minutes at the end so "
                       "pupils can talk to you privately.")


def help_slide(region: Region, band: Band) -> Slide:
    """The region's help slide for pupils of `band`: the same in every lesson of the band, so decks for each
    country differ only here."""
    return Slide("help", f"Where to get help: {region.name}",
                 (Text(HELP_CARD_MESSAGE), HelpList(tuple(help_lines(region, band)))),
                 notes=f"Help routes for pupils in {region.name}, from this site's help pages.")
