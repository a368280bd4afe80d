"""Translation files load into full items, merged over the English; every mistake is placed by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlinesafety.loading import ContentErrors, load_library
from tests.translations.factory import GUIDE, PAGE, REGION, SNIPPET, target, translated_content


def _problems(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_library(content)
    return [str(problem) for problem in caught.value.problems]


def test_translations_load_merged_over_the_english(tmp_path: Path) -> None:
    library = load_library(translated_content(tmp_path))
    polish = library.translations["pl"]
    guide = polish.parent_guides["live-streaming"]
    english = library.parent_guides["live-streaming"]
    assert guide.title == "Po polsku: " + english.title
    assert guide.sources == english.sources and guide.reviewed == english.reviewed
    region = polish.regions["uk"]
    assert [route.phone for route in region.routes] == [route.phone for route in library.regions["uk"].routes]
    assert [route.name for route in region.routes] == [route.name for route in library.regions["uk"].routes]
    assert region.routes[0].for_.startswith("Po polsku: ")
    assert polish.snippets["live-streaming-7-11"].social.short.count("{link}") == 1
    assert polish.pages["parents/start-here.md"].body.startswith("Po polsku: ")
    info = polish.info[("parent_guide", "live-streaming")]
    assert info.path == "content/parents/live-streaming.pl.yml" and not info.out_of_date
    assert library.languages["pl"].t("help_title", region="UK") == "Po polsku: Get help: UK"


def test_a_changed_english_sentence_makes_the_translation_out_of_date(tmp_path: Path) -> None:
    content = translated_content(tmp_path)
    guide = content / "parents" / "live-streaming.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("Keep it simple.", "Keep it short."), encoding="utf-8")
    info = load_library(content).translations["pl"].info
    assert info[("parent_guide", "live-streaming")].out_of_date
    assert not info[("snippet", "live-streaming-7-11")].out_of_date


def test_a_new_review_date_does_not(tmp_path: Path) -> None:
    content = translated_content(tmp_path)
    guide = content / "parents" / "live-streaming.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("reviewed: 2026-", "reviewed: 2025-"), encoding="utf-8")
    assert not load_library(content).translations["pl"].info[("parent_guide", "live-streaming")].out_of_date


@pytest.mark.parametrize(("kind", "change", "expected"), [
    ("parent_guide", lambda data: data.pop("summary"), "field 'summary': the English field 'summary' is not translated"),
    ("parent_guide", lambda data: data["warning_signs"].pop(), "items; the English has"),
    ("parent_guide", lambda data: data.update(sources=["x"]), "'sources' is not translated (it comes from the English file)"),
    ("parent_guide", lambda data: data["by_age"].pop("4-7"), "field 'by_age.4-7': the English field '4-7' is not translated"),
    ("region", lambda data: data["routes"]["childline-uk"].update(phone="0800 0000"),
     "field 'routes.childline-uk.phone': 'phone' is not translated (it comes from the English file)"),
    ("region", lambda data: data["routes"].pop("childline-uk"), "the English route 'childline-uk' is not translated"),
    ("snippet", lambda data: data["social"].update(short="Bez linku"), "social.short must contain {link}"),
    ("snippet", lambda data: data["short"].update(body=""), "expected translated text here"),
])
def test_shape_mistakes_name_file_line_and_field(tmp_path: Path, kind, change, expected) -> None:
    content = translated_content(tmp_path, kinds=(kind,), **{kind: change})
    problems = _problems(content)
    assert any(expected in problem for problem in problems), problems
    assert all(".pl.yml:" in problem for problem in problems), problems


def test_unknown_language_and_missing_source_and_untranslatable_folder(tmp_path: Path) -> None:
    content = translated_content(tmp_path, kinds=())
    (content / "parents" / "live-streaming.de.yml").write_text("translation: {}\n", encoding="utf-8")
    (content / "parents" / "no-such-guide.pl.yml").write_text("translation: {}\n", encoding="utf-8")
    lesson = next((content / "lessons").rglob("*.yml"))
    lesson.with_name(lesson.stem + ".pl.yml").write_text("title: x\n", encoding="utf-8")
    problems = "\n".join(_problems(content))
    assert "live-streaming.de.yml:1: 'de' is not a language we publish in" in problems
    assert "no-such-guide.pl.yml:1: there is no English no-such-guide.yml beside this translation" in problems
    assert f"{lesson.stem}.pl.yml:1: files in content/lessons/ are not translated" in problems


def test_header_must_match_the_file_name_and_name_a_reviewer(tmp_path: Path) -> None:
    content = translated_content(tmp_path, kinds=("parent_guide",))
    path = target(content, GUIDE, "pl")
    path.write_text(path.read_text(encoding="utf-8").replace("language: pl", "language: ur")
                    .replace("status: machine-assisted", "status: reviewed"), encoding="utf-8")
    problems = "\n".join(_problems(content))
    assert "translation.reviewer" in problems and "no reviewer is named" in problems


def test_a_language_lacking_an_interface_string_is_refused(tmp_path: Path) -> None:
    content = translated_content(tmp_path, kinds=())
    path = content / "languages" / "pl.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("  help_title:")), encoding="utf-8")
    problems = "\n".join(_problems(content))
    assert "content/languages/pl.yml" in problems and "not translated: help_title" in problems


def test_translation_files_are_not_read_as_english_items(tmp_path: Path) -> None:
    library = load_library(translated_content(tmp_path))
    assert "live-streaming.pl" not in library.parent_guides
    assert all(".pl" not in path for path in library.pages)


@pytest.mark.parametrize("source", [PAGE, REGION, SNIPPET])
def test_every_kind_round_trips(tmp_path: Path, source: str) -> None:
    kind = {PAGE: "page", REGION: "region", SNIPPET: "snippet"}[source]
    library = load_library(translated_content(tmp_path, kinds=(kind,)))
    assert len(library.translations["pl"].info) == 1
