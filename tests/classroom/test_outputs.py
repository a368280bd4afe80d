"""Classroom files are cached by content hash: an unchanged library makes nothing, one edited lesson only itself."""

from __future__ import annotations

import subprocess

import pytest

from onlinesafety.classroom import outputs
from onlinesafety.classroom.cache import OutputCache, key_for
from onlinesafety.classroom.paths import deck_path, gift_path, lesson_paths, pack_path, present_path
from onlinesafety.loading import load_library
from tests.factories import lesson_with_materials, make_content


@pytest.fixture
def two_lessons(tmp_path):
    lessons = [lesson_with_materials(), lesson_with_materials(id="live-streaming-11-14", band="11-14")]
    make_content(tmp_path, lessons=lessons)
    return tmp_path / "content"


def counting(monkeypatch) -> list[str]:
    made: list[str] = []
    real = outputs.lesson_files

    def spy(lesson, regions):
        made.append(lesson.id)
        return real(lesson, regions)

    monkeypatch.setattr(outputs, "lesson_files", spy)
    return made


def test_a_warm_build_makes_nothing_and_an_edit_remakes_only_its_lesson(two_lessons, tmp_path, monkeypatch):
    made = counting(monkeypatch)
    cache = OutputCache(tmp_path / "cache")
    library = load_library(two_lessons)
    first = outputs.classroom_files(library, cache=cache, workers=0)
    assert sorted(made) == ["live-streaming-11-14", "live-streaming-7-11"]
    assert set(first) == {path for lesson in library.lessons.values()
                          for path in lesson_paths(lesson, library.regions_in_order())}
    made.clear()
    assert outputs.classroom_files(load_library(two_lessons), cache=cache, workers=0) == first
    assert made == []
    edited = two_lessons / "lessons/11-14/live-streaming-11-14.yml"
    edited.write_text(edited.read_text().replace("Sam goes live to show a new dance.",
                                                 "Sam goes live to show a new song."))
    again = outputs.classroom_files(load_library(two_lessons), cache=cache, workers=0)
    assert made == ["live-streaming-11-14"]
    lesson = load_library(two_lessons).lessons["live-streaming-11-14"]
    region = library.regions["uk"]
    assert again[deck_path(lesson, region)] != first[deck_path(lesson, region)]
    assert again[present_path(library.lessons["live-streaming-7-11"])] == \
        first[present_path(library.lessons["live-streaming-7-11"])]


def test_a_damaged_cache_entry_is_made_again(two_lessons, tmp_path, monkeypatch):
    cache = OutputCache(tmp_path / "cache")
    library = load_library(two_lessons)
    outputs.classroom_files(library, cache=cache, workers=0)
    lesson = library.lessons["live-streaming-7-11"]
    inputs = outputs._inputs(lesson, library.regions_in_order())
    entry = cache._path(key_for(gift_path(lesson), *inputs))
    entry.unlink()
    made = counting(monkeypatch)
    files = outputs.classroom_files(library, cache=cache, workers=0)
    assert made == ["live-streaming-7-11"] and files[gift_path(lesson)].startswith(b"// Going live")


def test_forked_workers_make_the_same_files(two_lessons, tmp_path):
    library = load_library(two_lessons)
    alone = outputs.classroom_files(library, cache=OutputCache(None), workers=0)
    forked = outputs.classroom_files(library, cache=OutputCache(None), workers=2)
    assert forked == alone


def test_a_deck_opens_in_libreoffice(two_lessons, tmp_path):
    """LibreOffice Impress (headless) converts a deck to PDF without error: the file is sound."""
    library = load_library(two_lessons)
    lesson = library.lessons["live-streaming-7-11"]
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(outputs.lesson_files(lesson, library.regions_in_order())[deck_path(lesson, library.regions["uk"])])
    profile = tmp_path / "lo-profile"
    result = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(deck)], capture_output=True, text=True, timeout=240)
    converted = tmp_path / "deck.pdf"
    assert result.returncode == 0 and converted.exists(), result.stderr
    pages = subprocess.run(["pdfinfo", str(converted)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")))
    assert count >= 20  # every slide rendered, answers included
    text = subprocess.run(["pdftotext", str(converted), "-"], capture_output=True, text=True, check=True).stdout
    assert "Sam goes live to show a new dance." in text and "Where to get help: United Kingdom" in text


def test_a_broken_deck_fails_to_convert(tmp_path):
    """The LibreOffice check can fail: a truncated file is not converted."""
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"PK\x03\x04 not a presentation")
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(bad)], capture_output=True, text=True, timeout=240)
    assert not (tmp_path / "bad.pdf").exists()
