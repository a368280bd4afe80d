"""A lesson's knowledge checks in Moodle's GIFT format, for import into a learning platform's question bank.

Choice items become multiple choice, true/false items true/false (or multiple choice where "it
depends" is offered), sort items matching questions; every answer keeps its feedback.
"""

from __future__ import annotations

import re

from ..model import Lesson
from ..newsletters.richtext import parse_markdown
from .deck import placed_answers
from .placement import Placement

_SPECIAL = re.compile(r"([~=#{}:\\])")


def _plain(text: str) -> str:
    """Pupil Markdown as one line of plain text, with GIFT's special characters escaped."""
    flat = " ".join(parse_markdown(text).text("").split())
    return _SPECIAL.sub(r"\\\1", flat)


def lesson_gift(lesson: Lesson) -> str:
    """Every baseline and exit item of `lesson` as GIFT text (empty when it has no checks)."""
    if lesson.knowledge_checks is None:
        return ""
    place = Placement(lesson)
    out = [f"// {lesson.title}: knowledge checks. Safe Online Schools, CC BY 4.0.",
           f"$CATEGORY: Safe Online Schools/{lesson.band.value}/{lesson.id}", ""]
    for stage in ("baseline", "exit"):
        for number, item in enumerate(getattr(lesson.knowledge_checks, stage), start=1):
            base = ("knowledge_checks", stage, number - 1)
            prompt = place.pupil(*base, "statement" if item.kind == "true-false" else "question")
            answers = placed_answers(place, base, item)
            name = f"{lesson.id} {stage} {number}"
            out.append(f"::{_plain(name)}::[plain]{_plain(prompt)} {{")
            if item.kind == "sort":
                for answer in answers:
                    card, group = answer.text.split(" → ", 1)
                    out.append(f"    ={_plain(card)} -> {_plain(group)}")
            elif item.kind == "true-false" and len(answers) == 2:
                right = next(a for a in answers if a.correct)
                wrong = next(a for a in answers if not a.correct)
                out[-1] = out[-1] + ("TRUE" if right.text == "True" else "FALSE") + \
                    f"#{_plain(wrong.feedback)}#{_plain(right.feedback)}}}"
                out.append("")
                continue
            else:
                for answer in answers:
                    out.append(f"    {'=' if answer.correct else '~'}{_plain(answer.text)}#{_plain(answer.feedback)}")
            out.append("}")
            out.append("")
    return "\n".join(out)
