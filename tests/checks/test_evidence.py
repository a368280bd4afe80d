"""Evidence: figures cite sources that exist, and evidence.yml matches its sources word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onlinesafety.checks import run_checks
from onlinesafety.checks.evidence import figures_in, normalise, quote_contains
from onlinesafety.loading import load_library
from tests.checks.builders import TODAY, Tree, evidence_data, figure, only, where

ROOT = Path(__file__).resolve().parents[2]
SHARED_SOURCES = ROOT.parent / "shared" / "sources"
# Source key -> the local text of that source (see the header of content/evidence.yml).
SOURCE_FILES = {
    "iwf-2018-schools-article": "iwf-live-streaming-study-schools-article-2018.txt",
    "iwf-2018-live-streaming": "iwf-live-streaming-study-schools-article-2018.txt",
    "aic-live-streaming-chat-logs": "aic-offender-chat-logs-live-streaming.txt",
    "ijm-2024-submission": "ijm-submission-livestreamed-abuse-2024.txt",
    "ijm-lessons-from-lockdown": "ijm-lessons-from-lockdown.txt",
    "us-state-dept-osec-factsheet": "us-state-dept-osec-factsheet.txt",
}


@pytest.mark.parametrize("text, expected", [
    ("98% of them", ["98%"]), ("9 in 10 children", ["9 in 10"]), ("one in five parents", ["one in five"]),
    ("it found 2,082 images", ["2,082"]), ("nearly 85 million files", ["85 million"]),
    ("half of all children", ["half of all children"]), ("12.5 per cent", ["12.5 per cent"]),
])
def test_figures_are_recognised(text: str, expected: list[str]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize("text", [
    "Call Childline on 0800 1111.", "Ages 7-11, Year 6.", "Take 10 minutes.", "In 2017 the IWF looked.",
    "Aged 13 in 2018.", "Open 24/7.", "Visit https://example.org/100%25 now.", "Half the class stood up."])
def test_times_ages_years_and_phone_numbers_are_not_figures(text: str) -> None:
    assert figures_in(text) == []


def test_a_figure_in_an_item_that_cites_no_source_fails_at_its_line(tree: Tree) -> None:
    lesson = tree.lesson_4_7(sources=[])
    lesson["activities"][1]["pupil_material"] = "9 in 10 children have a tablet."
    path = tree.lesson(lesson)
    found = only(tree.check(), "evidence/uncited-figure")
    assert where(found) == [(path, tree.line_of(path, "9 in 10 children"), "evidence/uncited-figure")]
    assert found[0].field == "activities[1].pupil_material" and "sources" in found[0].fix


def test_the_same_figure_with_a_source_passes(tree: Tree) -> None:
    lesson = tree.lesson_4_7(sources=["test-source"])
    lesson["activities"][1]["pupil_material"] = "9 in 10 children have a tablet."
    tree.lesson(lesson)
    assert only(tree.check(), "evidence/uncited-figure") == []


def test_a_figure_on_a_page_without_sources_fails_at_the_exact_line(tree: Tree) -> None:
    path = tree.page("staff/evidence.md", "# Evidence\n\nIntro.\n\nIn the study, 98% were 13 or under.\n")
    assert where(only(tree.check(), "evidence/uncited-figure")) == [
        (path, tree.line_of(path, "98%"), "evidence/uncited-figure")]


def test_a_key_missing_from_the_bibliography_is_reported(tree: Tree) -> None:
    # The loader refuses unknown keys; a library built or changed in code is still checked.
    path = tree.lesson()
    library = tree.load()
    library.sources.pop("test-source")
    found = only(run_checks(library, today=TODAY, ci=False), "evidence/unknown-source")
    assert (path, tree.line_of(path, "sources:") + 1, "evidence/unknown-source") in where(found)


def test_a_known_key_passes(tree: Tree) -> None:
    tree.lesson()
    assert only(tree.check(), "evidence/unknown-source") == []


def test_an_evidence_value_missing_from_its_quote_fails_at_the_value_line(tree: Tree) -> None:
    path = tree.write("content/evidence.yml", evidence_data(figure(value="95%")))
    found = only(tree.check(), "evidence/figure-mismatch")
    assert where(found) == [(path, tree.line_of(path, "value:"), "evidence/figure-mismatch")]
    assert found[0].field == "figures[0].value"


def test_verbatim_values_pass_and_number_words_match_digits(tree: Tree) -> None:
    tree.write("content/evidence.yml", evidence_data(
        figure(), figure(id="offenders", value="7", statement="Seven offenders.",
                         source_quote="This study analysed chat logs from seven offenders")))
    assert only(tree.check(), "evidence/figure-mismatch") == []


def test_quote_matching_is_word_for_word() -> None:
    assert quote_contains("98% of images found", "98%")
    assert not quote_contains("198% of images", "98%")
    assert quote_contains("Experts believe tens of thousands", "Tens of thousands")
    assert not quote_contains("The majority of children", "Most")


def source_text(key: str) -> str:
    name = SOURCE_FILES.get(key)
    files = [SHARED_SOURCES / name] if name else sorted(SHARED_SOURCES.glob("*.txt"))
    return "\n".join(file.read_text(encoding="utf-8") for file in files if file.exists())


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the shared source texts are not beside the repository")
def test_every_evidence_quote_occurs_in_its_source_text() -> None:
    library = load_library(ROOT / "content")
    if library.evidence is None:
        pytest.skip("content/evidence.yml is not written yet")
    missing = []
    for figure_ in library.evidence.figures:
        text = normalise(re.sub(r"\s+", " ", source_text(figure_.source)))
        if normalise(figure_.source_quote) not in text:
            missing.append(f"{figure_.id} ({figure_.source}): {figure_.source_quote!r}")
    assert not missing, "source_quote not found word for word in the source text:\n" + "\n".join(missing)
