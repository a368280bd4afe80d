"""The quality gate reads classroom materials and knowledge checks with the pupil rules of the band."""

from __future__ import annotations

import pytest

from tests.checks.builders import Tree, only, where
from tests.factories import lesson_with_materials


def lesson_4_7_with(tree: Tree, change) -> str:
    lesson = lesson_with_materials(id="live-streaming-4-7", band="4-7")
    change(lesson)
    return tree.lesson(lesson)


def test_materials_and_checks_that_follow_the_rules_pass(tree: Tree) -> None:
    lesson_4_7_with(tree, lambda lesson: None)
    assert [f for f in tree.check() if f.severity == "error"] == []


@pytest.mark.parametrize("place, field", [
    (lambda l, t: l["materials"]["resources"][0]["pages"][1].update(text=t), "materials.resources[0].pages[1].text"),
    (lambda l, t: l["materials"]["resources"][1]["cards"][0].update(text=t), "materials.resources[1].cards[0].text"),
    (lambda l, t: l["materials"]["exit_ticket"]["tasks"][0].update(prompt=t), "materials.exit_ticket.tasks[0].prompt"),
    (lambda l, t: l["knowledge_checks"]["exit"][0]["options"][0].update(feedback=t),
     "knowledge_checks.exit[0].options[0].feedback"),
    (lambda l, t: l["knowledge_checks"]["baseline"][1]["feedback"].update(false=t),
     "knowledge_checks.baseline[1].feedback.false"),
])
def test_fear_language_in_any_pupil_material_fails_at_its_line(tree: Tree, place, field) -> None:
    path = lesson_4_7_with(tree, lambda lesson: place(lesson, "Bad people are watching you."))
    found = only(tree.check(), "wording/fear")
    assert where(found) == [(path, tree.line_of(path, "Bad people are watching"), "wording/fear")]
    assert found[0].field == field
