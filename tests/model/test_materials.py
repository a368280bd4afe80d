"""Classroom materials and knowledge checks load as typed content, and bad ones fail with file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlinesafety.loading import ContentErrors, load_library
from onlinesafety.model.common import Audience
from onlinesafety.model.text_blocks import iter_text_blocks
from tests.factories import check_item, knowledge_checks_data, lesson_with_materials, make_content, materials_data


def load(tmp_path: Path, lesson: dict):
    make_content(tmp_path, lessons=[lesson])
    return load_library(tmp_path / "content").lessons[lesson["id"]]


def problems(tmp_path: Path, lesson: dict) -> list[str]:
    make_content(tmp_path, lessons=[lesson])
    with pytest.raises(ContentErrors) as caught:
        load_library(tmp_path / "content")
    return [str(problem) for problem in caught.value.problems]


def test_a_lesson_with_materials_and_checks_loads(tmp_path):
    lesson = load(tmp_path, lesson_with_materials())
    assert [resource.kind for resource in lesson.materials.resources] == ["story", "cards", "worksheet"]
    assert lesson.activities[1].uses == ["sams-stream", "safe-plan"]
    assert [item.kind for item in lesson.knowledge_checks.exit] == ["choice", "true-false", "sort"]


def test_every_material_and_check_text_is_tagged_for_its_reader(tmp_path):
    lesson = load(tmp_path, lesson_with_materials())
    blocks = {block.loc: block.audience for block in iter_text_blocks(lesson)}
    assert blocks[("materials", "resources", 0, "pages", 1, "text")] is Audience.PUPIL
    assert blocks[("materials", "resources", 1, "cards", 0, "text")] is Audience.PUPIL
    assert blocks[("materials", "exit_ticket", "tasks", 0, "prompt")] is Audience.PUPIL
    assert blocks[("materials", "you_need", 0)] is Audience.TEACHER
    assert blocks[("knowledge_checks", "exit", 1, "feedback", "false")] is Audience.PUPIL
    assert blocks[("knowledge_checks", "baseline", 0, "options", 1, "feedback")] is Audience.PUPIL


def test_true_false_answers_include_it_depends_only_when_given(tmp_path):
    lesson = load(tmp_path, lesson_with_materials(knowledge_checks=knowledge_checks_data(exit=[
        check_item("true-false", answer="it-depends",
                   feedback={"it-depends": "It depends who is watching."}),
        check_item("choice"), check_item("sort")])))
    answers = lesson.knowledge_checks.exit[0].answers()
    assert [(a.text, a.correct) for a in answers] == [("True", False), ("False", False), ("It depends", True)]
    assert [a.text for a in lesson.knowledge_checks.baseline[1].answers()] == ["True", "False"]


@pytest.mark.parametrize("change, expected", [
    (lambda l: l["activities"][1].update(uses=["no-such-thing"]), "no-such-thing, which is not in materials.resources"),
    (lambda l: l["activities"][0].update(uses=[]), "live-or-saved is not used by any activity"),
    (lambda l: l["materials"]["resources"][1]["cards"][0].update(group="Later"), "has group 'Later'"),
    (lambda l: l["materials"]["resources"][1].update(groups=["Live"]), "at least two groups"),
    (lambda l: l["materials"]["resources"][2]["tasks"][1].update(options=["Only one"]), "at least two `options`"),
    (lambda l: l["materials"]["resources"][0].update(kind="poem"), "'kind: poem' is missing or not known"),
    (lambda l: l["materials"]["resources"][0]["pages"][0]["picture"].update(icon="../../etc/passwd"),
     "has the wrong form"),
    (lambda l: l["knowledge_checks"]["exit"][0]["options"][0].update(correct=True), "exactly one option"),
    (lambda l: l["knowledge_checks"]["exit"][1].update(answer="it-depends"), "give `it-depends:` feedback"),
    (lambda l: l["knowledge_checks"]["exit"][2]["cards"][0].update(group="Maybe"), "sorted into 'Maybe'"),
    (lambda l: l["knowledge_checks"]["exit"][0]["checks"].update(learning_point=5), "checks learning point 5"),
    (lambda l: l["knowledge_checks"]["exit"][0].update(checks={}), "say what the item checks"),
    (lambda l: l["knowledge_checks"]["exit"][0]["options"][0].pop("feedback"), "required field is missing"),
    (lambda l: l["knowledge_checks"].update(exit=l["knowledge_checks"]["exit"][:2]), "needs at least 3 items"),
])
def test_bad_materials_fail_with_a_message_a_writer_can_act_on(tmp_path, change, expected):
    lesson = lesson_with_materials()
    change(lesson)
    found = problems(tmp_path, lesson)
    assert any(expected in problem for problem in found), found
    assert all("live-streaming-7-11.yml:" in problem for problem in found)


def test_a_wrong_card_field_is_placed_on_its_line(tmp_path):
    lesson = lesson_with_materials()
    lesson["materials"]["resources"][1]["cards"][1]["txt"] = lesson["materials"]["resources"][1]["cards"][1].pop("text")
    found = problems(tmp_path, lesson)
    path = tmp_path / "content/lessons/7-11/live-streaming-7-11.yml"
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "txt:" in text)
    assert any(f":{line}: field 'materials.resources[1].cards[1].txt': unknown field" in p for p in found), found


def test_materials_data_is_valid_on_its_own():
    from onlinesafety.model.materials import Materials
    assert Materials.model_validate(materials_data()).resource("safe-plan").kind == "worksheet"


def test_an_unknown_resource_id_is_placed_on_the_activity_that_uses_it(tmp_path):
    lesson = lesson_with_materials()
    lesson["activities"][1]["uses"] = ["sams-stream", "safe-plan", "no-such-thing"]
    found = problems(tmp_path, lesson)
    path = tmp_path / "content/lessons/7-11/live-streaming-7-11.yml"
    uses_lines = [n for n, text in enumerate(path.read_text().splitlines(), 1) if text.strip() == "uses:"]
    assert any(f":{uses_lines[1]}: field 'activities[1].uses':" in p for p in found), found


def test_unquoted_yaml_true_and_false_mean_the_words(tmp_path):
    """`answer: true` and `true:` / `false:` keys, as a writer types them, read as the words."""
    lesson = lesson_with_materials()
    lesson["knowledge_checks"]["exit"][1]["answer"] = True
    lesson["knowledge_checks"]["exit"][1]["feedback"] = {True: "Yes. You never need a reason.",
                                                         False: "You can always end a call."}
    item = load(tmp_path, lesson).knowledge_checks.exit[1]
    assert item.answer == "true" and [a.correct for a in item.answers()] == [True, False]


def test_a_group_name_matches_whatever_its_spacing(tmp_path):
    """A sort group wrapped or spaced differently in YAML is still the same group (found by the benchmark's copies)."""
    lesson = lesson_with_materials()
    lesson["materials"]["resources"][1]["cards"][0]["group"] = "Live "
    lesson["knowledge_checks"]["exit"][2]["groups"] = ["Live  now", "Saved"]
    for card in lesson["knowledge_checks"]["exit"][2]["cards"]:
        card["group"] = "Live now" if card["group"] == "Live" else card["group"]
    assert load(tmp_path, lesson).knowledge_checks.exit[2].groups == ["Live  now", "Saved"]
