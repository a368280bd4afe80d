"""Finds teacher-only text in what pupils see: the check behind "no pupil ever sees the safeguarding briefing"."""

from __future__ import annotations

import io
import re

from pydantic import BaseModel

from ..model.common import Audience
from ..model.text_blocks import iter_text_blocks
from ..newsletters.richtext import parse_markdown

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_SPACE = re.compile(r"\s+")
MIN_WORDS = 6  # shorter phrases ("Keep a grown-up nearby.") are fairly shared by teacher and pupil text


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def teacher_sentences(item: BaseModel) -> list[str]:
    """Every sentence of at least MIN_WORDS words found only in the item's teacher-facing text (a teacher
    note that quotes the pupils' own words, "How would I feel if it were me?", is not teacher-only)."""
    teacher, pupil = [], []
    for block in iter_text_blocks(item):
        plain = _normal(parse_markdown(block.text).text(""))
        (teacher if block.audience is Audience.TEACHER else pupil).append(plain)
    pupil_text = " ".join(pupil)
    return [sentence for text in teacher for sentence in _SENTENCE.split(text)
            if len(sentence.split()) >= MIN_WORDS and sentence not in pupil_text]


def teacher_text_in(shown: list[str], item: BaseModel) -> list[str]:
    """The teacher-only sentences of `item` that appear in `shown` (what pupils see); empty when clean."""
    seen = _normal(" ".join(parse_markdown(text).text("") for text in shown))
    seen_flat = _SPACE.sub(" ", seen)
    return sorted({sentence for sentence in teacher_sentences(item) if sentence in seen_flat})


def slide_texts(pptx: bytes) -> tuple[list[str], list[str]]:
    """(text on the slides, text in the speaker notes) of a .pptx file."""
    from pptx import Presentation

    slides, notes = [], []
    for slide in Presentation(io.BytesIO(pptx)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                slides.append(shape.text_frame.text)
            descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
            slides.extend(descr)
        if slide.has_notes_slide:
            notes.append(slide.notes_slide.notes_text_frame.text)
    return slides, notes
