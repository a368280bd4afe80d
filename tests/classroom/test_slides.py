"""Slide decks: editable .pptx per country, pupil material on slides, teacher text only in speaker notes."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation

from onlinesafety.classroom.audit import slide_texts, teacher_text_in
from onlinesafety.classroom.deck import Slide, Text, lesson_deck
from onlinesafety.classroom.placement import Placement, PlacementError
from onlinesafety.classroom.pptx_file import deck_pptx, regional_pptx
from tests.classroom.support import library_with_materials, shipped


@pytest.fixture
def lesson(tmp_path):
    return library_with_materials(tmp_path).lessons["live-streaming-7-11"]


def uk():
    return shipped().regions["uk"]


def test_a_deck_opens_with_the_title_the_pupil_material_and_the_help_routes(lesson):
    slides, notes = slide_texts(deck_pptx(lesson_deck(lesson, uk())))
    text = "\n".join(slides)
    assert lesson.title in text and lesson.pupil_outcome in text
    for expected in ("Sam goes live to show a new dance.", "Sam ends the stream and tells Dad.",
                     "A video call with Gran", "Who could Sam go live with?", "Who could Sam tell?",
                     "Childline", "0800 1111", "CC BY 4.0", "A phone"):  # "A phone": the picture's alt text
        assert expected in text, expected
    assert any("Read the story about Sam" in note for note in notes)  # teacher notes are in the notes
    assert any("Tell the Designated Safeguarding Lead" in note for note in notes)


def test_no_teacher_only_text_reaches_a_slide_in_any_shipped_lesson():
    library = shipped()
    for lesson in library.lessons.values():
        slides, notes = slide_texts(deck_pptx(lesson_deck(lesson, library.regions["uk"])))
        assert teacher_text_in(slides, lesson) == [], lesson.id
        assert teacher_text_in(notes, lesson), f"{lesson.id}: the briefing should be in the speaker notes"


def test_the_audit_finds_teacher_text_put_on_a_slide(lesson):
    """The check above must be able to fail: a deck with the DSL briefing on a slide is caught."""
    deck = lesson_deck(lesson, uk())
    leaked = Slide("leak", "Notes", (Text(lesson.safeguarding.disclosure_response),))
    bad = type(deck)(deck.lesson_id, deck.title, deck.region, deck.slides + (leaked,))
    slides, _ = slide_texts(deck_pptx(bad))
    assert teacher_text_in(slides, lesson)


def test_placement_refuses_teacher_text_for_a_slide(lesson):
    place = Placement(lesson)
    with pytest.raises(PlacementError, match="teacher-facing and may not go on a slide"):
        place.pupil("safeguarding", "dsl_prebrief")
    assert place.pupil("activities", 1, "pupil_material")


def test_every_country_gets_its_own_help_slide_and_the_same_bytes_as_a_deck_made_alone(lesson):
    regions = shipped().regions_in_order()
    decks = regional_pptx(lesson_deck(lesson, regions[0]), regions, lesson.band)
    for region in regions:
        assert decks[region.id] == deck_pptx(lesson_deck(lesson, region)), region.id
        slides, _ = slide_texts(decks[region.id])
        assert f"Where to get help: {region.name}" in slides
    us_slides = "\n".join(slide_texts(decks["us"])[0])
    assert "911" in us_slides and "Childline" not in us_slides


def test_decks_are_the_same_bytes_every_run_and_open_with_python_pptx(lesson):
    first, second = deck_pptx(lesson_deck(lesson, uk())), deck_pptx(lesson_deck(lesson, uk()))
    assert first == second
    presentation = Presentation(io.BytesIO(first))
    assert presentation.slide_width > presentation.slide_height  # 16:9
    titles = [slide.shapes.title.text for slide in presentation.slides]
    assert titles[0] == lesson.title and titles[-1] == "Thank you"
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_large_type_for_ages_4_to_7(tmp_path):
    lesson = library_with_materials(tmp_path, id="live-streaming-4-7", band="4-7").lessons["live-streaming-4-7"]
    presentation = Presentation(io.BytesIO(deck_pptx(lesson_deck(lesson, uk()), large=True)))
    sizes = {run.font.size.pt for slide in presentation.slides for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.font.size}
    assert min(sizes) >= 24 and 32 in sizes


def test_knowledge_check_answers_come_on_the_slide_after_the_question(lesson):
    presentation = Presentation(io.BytesIO(deck_pptx(lesson_deck(lesson, uk()))))
    titles = [slide.shapes.title.text for slide in presentation.slides]
    question = titles.index("Before we start (1 of 3)")
    assert titles[question + 1] == "Answers: Before we start (1 of 3)"
    answer_text = "\n".join(shape.text_frame.text for shape in presentation.slides[question + 1].shapes
                            if shape.has_text_frame)
    assert "✔ Anyone who can find it" in answer_text and "Not always." in answer_text
    question_text = "\n".join(shape.text_frame.text for shape in presentation.slides[question].shapes
                              if shape.has_text_frame)
    assert "✔" not in question_text and "Not always." not in question_text


def test_characters_xml_cannot_hold_are_dropped_not_a_crash(tmp_path):
    """A title with a control character (the loader lets it through) still gives a deck (found by hypothesis)."""
    lesson = library_with_materials(tmp_path, title="Going\x1f live").lessons["live-streaming-7-11"]
    slides, _ = slide_texts(deck_pptx(lesson_deck(lesson, uk())))
    assert "Going live" in slides
