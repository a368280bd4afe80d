"""Safeguarding completeness: each lesson's delivery notes say what CEOP's rules and its content need."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Audience, Lesson, Library
from ..model.lesson import GuidanceArea, SupervisionLevel
from .blocks import Block
from .findings import ERROR, WARNING, Finding
from .markdown import plain_inline

IMAGE_BASED_ABUSE_TOPIC = "image-based-abuse"
DSL_NAMES = [r"\bDSL\b", r"designated\s+safeguarding\s+lead", r"safeguarding\s+lead", r"designated\s+liaison\s+person",
             r"child\s+protection\s+(?:lead|officer|coordinator|co-ordinator|liaison)", r"designated\s+teacher"]
NO_SECRECY = re.compile(
    r"(?:\bnot|\bnever|n't|\bcannot|\bcan\s*not|\bunable)\b[^.!?]{0,60}\b(?:secret|secrets|secrecy|confidential|"
    r"confidentiality)\b|\b(?:secret|secrecy|confidential)\b[^.!?]{0,40}\b(?:cannot|can't|can\s*not|not\s+possible)\b",
    re.IGNORECASE)
FICTIONAL = re.compile(r"\b(?:fictional|fictitious|character|characters|story|stories|scenario|scenarios|made-up|"
                       r"imaginary|puppet|invented)\b|\b(?:never|not)\s+(?:about|on|from)\s+(?:pupils'|children's|their|"
                       r"your)\s+own\b", re.IGNORECASE)
TRUSTED_ADULT = re.compile(r"\btrusted\s+(?:adult|grown[\s-]?up|person)s?\b|\btell\s+(?:an?\s+)?(?:adult|grown[\s-]?up|"
                           r"teacher|someone\s+you\s+trust)\b", re.IGNORECASE)
NOT_YOUR_FAULT = re.compile(
    r"\b(?:never|not|isn't|is\s+not|wasn't|was\s+not)\s+(?:ever\s+)?(?:your|their|his|her)\s+fault\b"
    r"|\b(?:not|never)\s+to\s+blame\b|\b(?:do\s+not|don't|does\s+not|doesn't|will\s+not|won't|never)\s+blame\s+you\b"
    r"|\b(?:will\s+not|won't|are\s+not|aren't|never)\s+(?:be\s+)?in\s+trouble\b", re.IGNORECASE)


def check_safeguarding(library: Library, blocks: Iterable[Block]) -> list[Finding]:
    """Every lesson's safeguarding block is complete and consistent with its topic and content guidance."""
    pupil_text: dict[int, list[str]] = {}
    for block in blocks:
        if block.audience is Audience.PUPIL:
            pupil_text.setdefault(block.owner, []).append(plain_inline(block.text))
    dsl_names = re.compile("|".join(DSL_NAMES + _region_terms(library)), re.IGNORECASE)
    findings: list[Finding] = []
    for lesson in library.lessons.values():
        findings.extend(_lesson(library, lesson, dsl_names, " ".join(pupil_text.get(id(lesson), []))))
    return findings


def _region_terms(library: Library) -> list[str]:
    terms = set()
    for region in library.regions.values():
        terms.update({region.terms.safeguarding_lead, region.terms.safeguarding_lead_short})
    return [r"\b" + r"\s+".join(map(re.escape, term.split())) + r"\b" for term in sorted(terms)]


def _lesson(library: Library, lesson: Lesson, dsl_names: re.Pattern[str], pupil_text: str) -> list[Finding]:
    origin = library.origin(lesson)
    guard = lesson.safeguarding
    prebrief, disclosure = plain_inline(guard.dsl_prebrief), plain_inline(guard.disclosure_response)
    findings: list[Finding] = []

    def report(field: str, rule: str, message: str, fix: str, severity: str = ERROR) -> None:
        loc = tuple(int(part) if part.isdigit() else part for part in re.split(r"[.\[\]]+", field) if part)
        findings.append(Finding(origin.path, origin.line_for(loc), rule, severity, message, fix, field))

    if not dsl_names.search(prebrief):
        report("safeguarding.dsl_prebrief", "safeguarding/prebrief-names-dsl",
               "the DSL pre-brief does not say who to tell",
               "start it with \"Tell the Designated Safeguarding Lead (DSL) …\" and say what to share")
    if not NO_SECRECY.search(disclosure):
        report("safeguarding.disclosure_response", "safeguarding/no-secrecy-promise",
               "the disclosure response does not say that the teacher must not promise to keep it secret",
               "add \"Do not promise to keep it secret; explain who you will tell and why.\"")
    if not dsl_names.search(disclosure):
        report("safeguarding.disclosure_response", "safeguarding/disclosure-to-dsl",
               "the disclosure response does not say to pass the disclosure to the DSL",
               "add \"Pass it to the Designated Safeguarding Lead straight away, following your school's procedures.\"")
    if not FICTIONAL.search(plain_inline(guard.distancing)):
        report("safeguarding.distancing", "safeguarding/distancing",
               "the distancing note does not mention a fictional character, story or scenario",
               "base discussion on a fictional character (\"What could Mia do?\"), never on pupils' own experience",
               WARNING)
    if not TRUSTED_ADULT.search(plain_inline(guard.signposting)):
        report("safeguarding.signposting", "safeguarding/signposting",
               "the pupil signposting does not tell pupils to tell a trusted adult",
               "add \"Tell a trusted adult\" (ages 4-7: \"a trusted grown-up\") before any helpline")
    if not NOT_YOUR_FAULT.search(pupil_text):
        report("safeguarding.signposting", "safeguarding/never-your-fault",
               "no pupil-facing text in this lesson says it is never their fault or that they will not be in trouble",
               "add \"It is never your fault, and you will not be in trouble for telling.\" to the plenary or signposting")

    areas = {guidance.area for guidance in guard.content_guidance}
    image_based = lesson.topic == IMAGE_BASED_ABUSE_TOPIC
    sexual = GuidanceArea.NUDITY_SEX in areas
    reason = ("the topic is image-based abuse" if image_based else "its content guidance includes nudity and sex")
    if (image_based or sexual) and guard.supervision_level < SupervisionLevel.REQUIRED:
        report("safeguarding.supervision_level", "safeguarding/supervision-level",
               f"supervision level {guard.supervision_level.value} is too low: {reason}",
               "set supervision_level to 3 (adult supervision required) or 4 (adult support required)")
    if (image_based or sexual) and not guard.dsl_prebrief_required:
        report("safeguarding.dsl_prebrief_required", "safeguarding/prebrief-required",
               f"the DSL pre-brief must be required: {reason}",
               "set dsl_prebrief_required: true")
    return findings
