"""A lesson: one topic taught to one age band, with its safe-delivery notes."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .common import (
    Band,
    EfcwStrand,
    FieldError,
    PupilLine,
    PupilText,
    Reviewed,
    Slug,
    Strict,
    TeacherLine,
    TeacherText,
)
from .knowledge_checks import KnowledgeChecks
from .materials import Materials


class Stage(str, Enum):
    """Where an activity sits in the lesson."""

    STARTER = "starter"
    MAIN = "main"
    PLENARY = "plenary"


STAGE_ORDER = {Stage.STARTER: 0, Stage.MAIN: 1, Stage.PLENARY: 2}


class SupervisionLevel(int, Enum):
    """Oak National Academy's supervision levels (the lesson takes the highest that applies)."""

    SUGGESTED = 1
    RECOMMENDED = 2
    REQUIRED = 3
    SUPPORT_REQUIRED = 4

    @property
    def label(self) -> str:
        return {
            1: "Adult supervision suggested",
            2: "Adult supervision recommended",
            3: "Adult supervision required",
            4: "Adult support required",
        }[self.value]


class GuidanceArea(str, Enum):
    """Oak's content-guidance areas that apply to online-safety teaching."""

    LANGUAGE = "language-and-discrimination"
    UPSETTING = "upsetting-disturbing-and-sensitive"
    NUDITY_SEX = "nudity-and-sex"


class ContentGuidance(Strict):
    area: GuidanceArea
    label: TeacherLine
    description: TeacherLine


class Keyword(Strict):
    term: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    definition: PupilLine


class Misconception(Strict):
    misconception: TeacherLine
    response: TeacherText


class Activity(Strict):
    stage: Stage
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
    minutes: int = Field(ge=2, le=40)
    teacher_notes: TeacherText
    pupil_material: PupilText
    uses: list[Slug] = Field(default_factory=list, max_length=4,
                             description="ids of the lesson's materials.resources this activity uses")


class Adaptations(Strict):
    """How to adapt the lesson: for younger and older pupils in the band, SEND and EAL (teacher-facing)."""

    younger: TeacherText = Field(description="For the youngest or least confident pupils in the band (e.g. Year 3, Reception).")
    older: TeacherText = Field(description="For the oldest pupils in the band, or to stretch (e.g. Year 6).")
    send: TeacherText = Field(description="Pupils with special educational needs and disabilities.")
    eal: TeacherText = Field(description="Pupils learning English as an additional language.")


class Safeguarding(Strict):
    """CEOP's delivery rules and Oak's content guidance, as required data."""

    supervision_level: SupervisionLevel
    content_guidance: list[ContentGuidance] = Field(min_length=1, max_length=4)
    dsl_prebrief: TeacherText
    dsl_prebrief_required: bool
    ground_rules: list[PupilLine] = Field(min_length=3, max_length=8)  # agreed with the class: on a slide
    distancing: TeacherText
    disclosure_response: TeacherText
    not_for_assemblies: Literal[True] = Field(
        description="CEOP: deliver in a classroom or small group, never in an assembly."
    )
    assume_someone_affected: Literal[True]
    signposting: PupilText


class CurriculumLinks(Strict):
    efcw_strands: list[EfcwStrand] = Field(min_length=1, max_length=4)
    rshe: list[TeacherLine] = Field(min_length=1, max_length=4)
    dfe_teaching_online_safety: list[TeacherLine] = Field(min_length=1, max_length=4)


class Lesson(Reviewed):
    id: Slug
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
    topic: Slug
    band: Band
    duration_minutes: int = Field(ge=30, le=60)
    pupil_outcome: Annotated[
        PupilLine, StringConstraints(max_length=140, pattern=r"^I can\b")
    ]
    objectives: list[TeacherLine] = Field(min_length=2, max_length=5)
    key_learning_points: list[PupilLine] = Field(min_length=3, max_length=5)
    keywords: list[Keyword] = Field(min_length=2, max_length=6)
    misconceptions: list[Misconception] = Field(min_length=1, max_length=3)
    activities: list[Activity] = Field(min_length=3, max_length=8)
    discussion_questions: list[PupilLine] = Field(min_length=2, max_length=6)
    safeguarding: Safeguarding
    # Optional while the bands are being brought up to date (issue #12); required once all 30 have it.
    adaptations: Adaptations | None = None
    # Optional while the classroom materials are being written (issue #11); required once all 30 have them.
    materials: Materials | None = None
    knowledge_checks: KnowledgeChecks | None = None
    curriculum: CurriculumLinks
    sources: list[Slug] = Field(default_factory=list, max_length=12)

    @model_validator(mode="after")
    def _activities_fit_the_lesson(self) -> "Lesson":
        total = sum(activity.minutes for activity in self.activities)
        if total != self.duration_minutes:
            raise FieldError(
                ("activities",), f"activities add up to {total} minutes but duration_minutes is "
                f"{self.duration_minutes}; make them agree"
            )
        stages = [activity.stage for activity in self.activities]
        if stages[0] is not Stage.STARTER or stages[-1] is not Stage.PLENARY:
            raise FieldError(("activities",), "activities must open with a starter and close with a plenary")
        if Stage.MAIN not in stages:
            raise FieldError(("activities",), "activities need at least one main activity")
        orders = [STAGE_ORDER[stage] for stage in stages]
        if orders != sorted(orders):
            raise FieldError(("activities",), "activities must run in order: starter, then main, then plenary")
        return self

    @model_validator(mode="after")
    def _materials_fit_the_lesson(self) -> "Lesson":
        known = {resource.id for resource in self.materials.resources} if self.materials else set()
        for number, activity in enumerate(self.activities, start=1):
            missing = [one for one in activity.uses if one not in known]
            if missing:
                raise FieldError(("activities", number - 1, "uses"),
                                 f"activity {number} ('{activity.title}') uses {', '.join(missing)}, which is not "
                                 "in materials.resources; add it there or correct the id")
        used = {one for activity in self.activities for one in activity.uses}
        unused = sorted(known - used)
        if unused:
            raise FieldError(("materials", "resources"),
                             f"materials.resources {', '.join(unused)} is not used by any activity; add its id to "
                             "that activity's `uses:` list")
        if self.knowledge_checks:
            points = len(self.key_learning_points)
            for stage in ("baseline", "exit"):
                for number, item in enumerate(getattr(self.knowledge_checks, stage), start=1):
                    if item.checks.learning_point and item.checks.learning_point > points:
                        raise FieldError(("knowledge_checks", stage, number - 1, "checks", "learning_point"),
                                         f"knowledge_checks.{stage} item {number} checks learning point "
                                         f"{item.checks.learning_point}, but the lesson has {points}")
        return self

    @property
    def slug(self) -> str:
        return self.id

    @property
    def starter_minutes(self) -> int:
        return sum(a.minutes for a in self.activities if a.stage is Stage.STARTER)
