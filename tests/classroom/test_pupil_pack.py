"""Pupil packs: A4 PDFs with only pupil material (read back with pdftotext) and the country's help card."""

from __future__ import annotations

import io
import subprocess

import pytest
from pypdf import PdfReader

from onlinesafety.classroom.audit import teacher_text_in
from onlinesafety.classroom.outputs import lesson_files
from onlinesafety.classroom.pack import Cover, lesson_pack
from onlinesafety.classroom.pack_pdf import laid_out, pack_html
from onlinesafety.classroom.paths import pack_path
from tests.classroom.support import library_with_materials, shipped


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    library = library_with_materials(tmp_path_factory.mktemp("pack"))
    lesson = library.lessons["live-streaming-7-11"]
    regions = [shipped().regions["uk"], shipped().regions["us"]]
    return lesson, regions, lesson_files(lesson, regions)


def test_the_pack_holds_every_pupil_material_and_the_country_help_card(made):
    lesson, regions, files = made
    text = pdf_text(files[pack_path(lesson, regions[0])])
    for expected in (lesson.title, lesson.pupil_outcome, "Sam goes live to show a new dance.",
                     "Sam ends the stream and tells Dad. Dad says thank you.", "Live", "Saved",
                     "A video call with Gran", "Who could Sam go live with?", "Bedroom with the door shut",
                     "Exit ticket", "Who can watch a live stream?", "Where to get help: United Kingdom",
                     "0800 1111", "CC BY 4.0"):
        assert expected in text, expected
    us = pdf_text(files[pack_path(lesson, regions[1])])
    assert "Where to get help: United States" in us and "0800 1111" not in us


def test_no_teacher_only_text_is_printed_for_pupils(made):
    lesson, regions, files = made
    assert teacher_text_in([pdf_text(files[pack_path(lesson, regions[0])])], lesson) == []
    assert "Read the story about Sam" not in pdf_text(files[pack_path(lesson, regions[0])])


def test_no_teacher_only_text_in_any_shipped_lesson_pack():
    for lesson in shipped().lessons.values():
        text = pdf_text(laid_out(lesson_pack(lesson)).write_pdf())
        assert teacher_text_in([text], lesson) == [], lesson.id


def test_the_pack_check_finds_teacher_text_printed_by_mistake(made):
    """The check must be able to fail: a pack whose cover carries the DSL briefing is caught."""
    lesson, _, _ = made
    pack = lesson_pack(lesson)
    leaked = Cover(pack.title, lesson.safeguarding.dsl_prebrief, ())
    bad = type(pack)(pack.lesson_id, pack.title, pack.large, (leaked, *pack.sections[1:]))
    assert teacher_text_in([pdf_text(laid_out(bad).write_pdf())], lesson)


def test_checks_are_printed_without_their_answers(made):
    lesson, regions, files = made
    text = pdf_text(files[pack_path(lesson, regions[0])])
    assert "Not always. Others can find it too." not in text  # feedback is for the board, not the sheet
    assert "A video call → Live" not in text


def test_a4_pages_same_bytes_every_run_and_titled(made):
    lesson, regions, files = made
    data = files[pack_path(lesson, regions[0])]
    reader = PdfReader(io.BytesIO(data))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert reader.metadata.title == f"{lesson.title}: pupil pack"
    again = lesson_files(lesson, regions)
    assert again[pack_path(lesson, regions[0])] == data


def test_large_type_for_ages_4_to_7(tmp_path):
    lesson = library_with_materials(tmp_path, id="live-streaming-4-7", band="4-7").lessons["live-streaming-4-7"]
    assert '<body class="large">' in pack_html(lesson_pack(lesson))
    assert "body.large { font-size: 20pt" in pack_html(lesson_pack(lesson))


def test_cards_have_cut_lines_and_worksheets_writing_space(made):
    lesson, _, _ = made
    html = pack_html(lesson_pack(lesson))
    assert html.count('<div class="card">') == 2 and "Cut along the dashed lines" in html
    assert html.count('<div class="line"></div>') >= 2 and 'class="draw"' in html and 'class="box"' in html
