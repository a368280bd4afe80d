"""The lesson page shows its pupil materials (stories, cards, worksheets) and the checks with answers."""

from __future__ import annotations

from onlinesafety.loading import load_library
from onlinesafety.site.pages import generate_pages
from tests.factories import lesson_with_materials, make_content


def test_the_plan_shows_every_story_page_card_and_task_and_the_answers(tmp_path):
    make_content(tmp_path, lessons=[lesson_with_materials()])
    page = generate_pages(load_library(tmp_path / "content"))["lessons/7-11/live-streaming-7-11.md"]
    materials = page[page.index("## Pupil materials"):page.index("## Knowledge checks")]
    for text in ("Sam goes live to show a new dance.", "Sam ends the stream and tells Dad.",
                 "| A video call with Gran | Live |", "1. Who could Sam go live with?",
                 "Where should Sam be? (Kitchen / Bedroom with the door shut)"):
        assert text in materials, text
    checks = page[page.index("## Knowledge checks"):]
    assert "**Anyone who can find it** (correct): Yes. That is why Sam keeps it to people Sam knows." in checks


def test_a_lesson_without_materials_has_no_materials_section(tmp_path):
    make_content(tmp_path)
    page = generate_pages(load_library(tmp_path / "content"))["lessons/7-11/live-streaming-7-11.md"]
    assert "## Pupil materials" not in page and "## Knowledge checks" not in page
