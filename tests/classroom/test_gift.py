"""Knowledge checks exported in Moodle GIFT format, with feedback, special characters escaped."""

from __future__ import annotations

from onlinesafety.classroom.gift import lesson_gift
from tests.classroom.support import library_with_materials
from tests.factories import check_item, knowledge_checks_data


def test_every_item_becomes_a_gift_question_with_its_feedback(tmp_path):
    gift = lesson_gift(library_with_materials(tmp_path).lessons["live-streaming-7-11"])
    assert gift.count("::live-streaming-7-11 baseline") == 3 and gift.count("::live-streaming-7-11 exit") == 3
    assert "~Only my friends#Not always. Others can find it too." in gift
    assert "=Anyone who can find it#Yes. That is why Sam keeps it to people Sam knows." in gift
    assert "{TRUE#You can always end a call. You do not need a reason.#Yes. You never need a reason.}" in gift
    assert "=A film -> Saved" in gift


def test_it_depends_becomes_multiple_choice_and_special_characters_are_escaped(tmp_path):
    items = [check_item("true-false", statement="Likes = friends: true?", answer="it-depends",
                        feedback={"it-depends": "It depends {who} #asks ~you."}), check_item("choice"),
             check_item("sort")]
    lesson = library_with_materials(tmp_path, knowledge_checks=knowledge_checks_data(exit=items))
    gift = lesson_gift(lesson.lessons["live-streaming-7-11"])
    assert r"[plain]Likes \= friends\: true? {" in gift
    assert r"=It depends#It depends \{who\} \#asks \~you." in gift
    assert "~True#" in gift and "~False#" in gift


def test_a_lesson_without_checks_has_no_gift(tmp_path):
    library = library_with_materials(tmp_path, knowledge_checks=None)
    assert lesson_gift(library.lessons["live-streaming-7-11"]) == ""
