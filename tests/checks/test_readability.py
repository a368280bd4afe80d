"""Reading level, sentence length and long words, per audience and band (limits in thresholds.yml)."""

from __future__ import annotations

from onlinesafety.checks.readability import grade, load_thresholds
from tests.checks.builders import Tree, only, parent_guide_data, where

LESSON_4_7 = "content/lessons/4-7/live-streaming-4-7.yml"
LESSON_7_11 = "content/lessons/7-11/live-streaming-7-11.yml"
FIFTEEN_WORDS = "Sam sits on the big red sofa and talks to his grandma on the tablet."
TEN_WORDS = "Sam sits on the sofa. He talks to his grandma."
HARD = ("Considering the considerable variety of interactive communication technologies available, "
        "participants should evaluate the appropriateness of broadcasting personal information "
        "publicly, recognising that unintended audiences may subsequently redistribute recordings. ")
EASY = "Mia is ten. She likes to sing. She goes live with her friends. A grown-up is close by. "


def test_thresholds_are_documented_with_a_reason_for_every_audience() -> None:
    thresholds = load_thresholds()
    assert {"pupil-4-7", "pupil-7-11", "pupil-11-14", "pupil-14-18", "parent", "newsletter", "teacher"} <= set(
        thresholds.audiences)
    assert all(len(limits.reason) > 40 for limits in thresholds.audiences.values())


def test_a_long_sentence_for_ages_4_7_fails_at_its_line(tree: Tree) -> None:
    lesson = tree.lesson_4_7()
    lesson["activities"][1]["pupil_material"] = FIFTEEN_WORDS
    tree.lesson(lesson)
    found = only(tree.check(), "readability/sentence-too-long")
    assert where(found) == [(LESSON_4_7, tree.line_of(LESSON_4_7, "Sam sits on the big red sofa"),
                             "readability/sentence-too-long")]
    assert found[0].severity == "error" and found[0].field == "activities[1].pupil_material"
    assert "15 words" in found[0].message and "at most 12" in found[0].message


def test_the_same_sentence_passes_for_ages_7_11_and_short_ones_pass_for_4_7(tree: Tree) -> None:
    seven_eleven = tree.lesson_4_7(id="live-streaming-7-11", band="7-11")
    seven_eleven["activities"][1]["pupil_material"] = FIFTEEN_WORDS
    four_seven = tree.lesson_4_7()
    four_seven["activities"][1]["pupil_material"] = TEN_WORDS
    tree.lesson(seven_eleven)
    tree.lesson(four_seven)
    assert only(tree.check(), "readability/sentence-too-long") == []


def test_a_long_teacher_sentence_is_a_warning(tree: Tree) -> None:
    lesson = tree.lesson_4_7()
    lesson["activities"][0]["teacher_notes"] = " ".join(["word"] * 41) + "."
    tree.lesson(lesson)
    found = only(tree.check(), "readability/sentence-too-long")
    assert [(f.line, f.severity) for f in found] == [(tree.line_of(LESSON_4_7, "word word"), "warning")]


def test_parent_sentences_warn_over_25_words_and_fail_over_28(tree: Tree) -> None:
    path = tree.parent_guide(summary=" ".join(["talk"] * 26) + ". " + " ".join(["listen"] * 29) + ".")
    found = only(tree.check(), "readability/sentence-too-long")
    assert [(f.path, f.severity, f.excerpt.split()[0]) for f in found] == [
        (path, "warning", "talk"), (path, "error", "listen")]


def test_a_long_hard_block_is_measured_alone_and_fails_at_its_line(tree: Tree) -> None:
    path = tree.parent_guide(summary=HARD * 5)
    found = only(tree.check(), "readability/reading-level")
    assert where(found) == [(path, tree.line_of(path, "summary:"), "readability/reading-level")]
    assert found[0].field == "summary"
    assert "parent text" in found[0].message and "limit" in found[0].message


def test_a_plain_block_of_the_same_length_passes(tree: Tree) -> None:
    tree.parent_guide(summary=EASY * 12)
    assert grade(EASY * 12) < 3
    assert only(tree.check(), "readability/reading-level") == []


def test_short_pupil_blocks_are_measured_together_per_item_and_audience(tree: Tree) -> None:
    lesson = tree.lesson_4_7(id="live-streaming-7-11", band="7-11")
    for activity in lesson["activities"]:
        activity["pupil_material"] = HARD * 2
    tree.lesson(lesson)
    found = only(tree.check(), "readability/reading-level")
    assert [(f.path, f.line, f.field) for f in found] == [
        (LESSON_7_11, tree.line_of(LESSON_7_11, "pupil_outcome:"), "pupil-facing")]
    assert "taken together" in found[0].message and "ages 7-11 pupil text" in found[0].message


def test_the_same_short_blocks_in_plain_words_pass(tree: Tree) -> None:
    lesson = tree.lesson_4_7(id="live-streaming-7-11", band="7-11")
    for activity in lesson["activities"]:
        activity["pupil_material"] = EASY * 5
    tree.lesson(lesson)
    assert only(tree.check(), "readability/reading-level") == []


def test_long_words_for_ages_4_7_are_a_warning_but_keywords_and_everyday_words_are_not(tree: Tree) -> None:
    lesson = tree.lesson_4_7()
    lesson["keywords"][0] = {"term": "information", "definition": "Things about you."}
    lesson["activities"][1]["pupil_material"] = ("Sam has a responsibility. Sam sees information on the "
                                                 "television.")
    tree.lesson(lesson)
    found = only(tree.check(), "readability/long-words")
    assert [(f.line, f.severity, f.excerpt) for f in found] == [
        (tree.line_of(LESSON_4_7, "Sam has a responsibility"), "warning", "responsibility")]
    assert "'information'" not in found[0].message and "'television'" not in found[0].message


def test_long_words_are_not_flagged_for_ages_11_14(tree: Tree) -> None:
    lesson = tree.lesson_4_7(id="live-streaming-11-14", band="11-14")
    lesson["activities"][1]["pupil_material"] = "Sam has a responsibility."
    tree.lesson(lesson)
    assert only(tree.check(), "readability/long-words") == []


def test_a_page_body_finding_names_the_exact_line_in_the_page(tree: Tree) -> None:
    body = "# Help\n\nShort first paragraph.\n\n" + " ".join(["parents"] * 30) + ".\n"
    path = tree.page("parents/help.md", body, audience="parent-facing")
    found = only(tree.check(), "readability/sentence-too-long")
    assert where(found) == [(path, tree.line_of(path, "parents parents"), "readability/sentence-too-long")]
    assert found[0].field == "body"


def test_the_parent_guide_factory_text_is_plain_english() -> None:
    assert grade(parent_guide_data()["summary"]) <= load_thresholds().audiences["parent"].max_grade
