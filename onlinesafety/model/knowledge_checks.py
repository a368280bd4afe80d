"""Knowledge checks: a short baseline check at the start of a lesson and an exit check at the end.

Each item says what it checks (a key learning point of the lesson, or an Education for a Connected
World strand), its correct answer, and kind feedback in pupil language for every option.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, model_validator

from .common import EfcwStrand, PupilLine, Strict
from .materials import PupilShort, same_words, tagged_union


class Checks(Strict):
    """What an item checks: one key learning point (1 = the first) or one strand."""

    learning_point: int | None = Field(default=None, ge=1, le=5)
    strand: EfcwStrand | None = None

    @model_validator(mode="after")
    def _one_target(self) -> "Checks":
        if (self.learning_point is None) == (self.strand is None):
            raise ValueError("say what the item checks: give `learning_point` (a number) or `strand`, not both")
        return self


class Option(Strict):
    text: PupilShort
    correct: bool = False
    feedback: PupilLine


@dataclass(frozen=True)
class Answer:
    """One answer a pupil can give, as every output shows it."""

    text: str
    correct: bool
    feedback: str


class ChoiceItem(Strict):
    """Multiple choice with exactly one correct option."""

    KIND: ClassVar[str] = "choice"
    kind: Literal["choice"]
    question: PupilLine
    options: list[Option] = Field(min_length=2, max_length=4)
    checks: Checks

    @model_validator(mode="after")
    def _one_correct(self) -> "ChoiceItem":
        correct = sum(option.correct for option in self.options)
        if correct != 1:
            raise ValueError(f"a choice item needs exactly one option with `correct: true`; this one has {correct}")
        return self

    @property
    def prompt(self) -> str:
        return self.question

    def answers(self) -> list[Answer]:
        return [Answer(option.text, option.correct, option.feedback) for option in self.options]


TRUE_FALSE_LABELS = {"true": "True", "false": "False", "it-depends": "It depends"}


def _yaml_booleans(value: Any) -> Any:
    """YAML reads unquoted true/false as booleans; as answers and feedback keys they mean the words."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return {(("true" if key else "false") if isinstance(key, bool) else key): entry for key, entry in value.items()}
    return value


class TrueFalseFeedback(Strict):
    true: PupilLine
    false: PupilLine
    it_depends: PupilLine | None = Field(default=None, alias="it-depends")

    model_config = Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="before")
    @classmethod
    def _word_keys(cls, value: Any) -> Any:
        return _yaml_booleans(value)


class TrueFalseItem(Strict):
    """A statement pupils judge true, false or (where `it-depends` feedback is given) "it depends"."""

    KIND: ClassVar[str] = "true-false"
    kind: Literal["true-false"]
    statement: PupilLine
    answer: Annotated[Literal["true", "false", "it-depends"], BeforeValidator(_yaml_booleans)]
    feedback: TrueFalseFeedback
    checks: Checks

    @model_validator(mode="after")
    def _answer_offered(self) -> "TrueFalseItem":
        if self.answer == "it-depends" and self.feedback.it_depends is None:
            raise ValueError("the answer is 'it-depends', so give `it-depends:` feedback too")
        return self

    @property
    def prompt(self) -> str:
        return self.statement

    def answers(self) -> list[Answer]:
        feedback = {"true": self.feedback.true, "false": self.feedback.false,
                    "it-depends": self.feedback.it_depends}
        return [Answer(TRUE_FALSE_LABELS[key], key == self.answer, text)
                for key, text in feedback.items() if text is not None]


class SortCard(Strict):
    text: PupilShort
    group: PupilShort
    feedback: PupilLine


class SortItem(Strict):
    """Pupils sort a few cards into two or three groups."""

    KIND: ClassVar[str] = "sort"
    kind: Literal["sort"]
    question: PupilLine
    groups: list[PupilShort] = Field(min_length=2, max_length=3)
    cards: list[SortCard] = Field(min_length=3, max_length=8)
    checks: Checks

    @model_validator(mode="after")
    def _cards_in_groups(self) -> "SortItem":
        groups = [same_words(group) for group in self.groups]
        for number, card in enumerate(self.cards, start=1):
            if same_words(card.group) not in groups:
                raise ValueError(f"card {number} ('{card.text}') is sorted into '{card.group}', which is not one "
                                 f"of the groups {self.groups}")
        return self

    @property
    def prompt(self) -> str:
        return self.question

    def answers(self) -> list[Answer]:
        return [Answer(f"{card.text} → {card.group}", True, card.feedback) for card in self.cards]


CheckItem = tagged_union(ChoiceItem, TrueFalseItem, SortItem)


class KnowledgeChecks(Strict):
    baseline: list[CheckItem] = Field(min_length=3, max_length=6)
    exit: list[CheckItem] = Field(min_length=3, max_length=6)
