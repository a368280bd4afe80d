"""Safeguarding completeness: each rule has a lesson that fails it and one that passes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checks.builders import Tree, only, where
from tests.factories import topic_data

LESSON = "content/lessons/14-18/image-based-abuse-14-18.yml"


def secondary_lesson(tree: Tree, topic: str = "live-streaming", **safeguarding: Any) -> str:
    lesson = tree.lesson_4_7(id=f"{topic}-14-18", band="14-18", topic=topic)
    lesson["safeguarding"].update(safeguarding)
    return tree.lesson(lesson)


def image_based_abuse_topic(tree: Tree) -> None:
    tree.write("content/topics/image-based-abuse.yml",
               topic_data(id="image-based-abuse", title="Image-based abuse", order=2, bands=["11-14", "14-18"]))


@pytest.mark.parametrize("field, text, rule", [
    ("dsl_prebrief", "Tell the head of year the date of the lesson.", "safeguarding/prebrief-names-dsl"),
    ("disclosure_response", "Listen calmly and tell the DSL straight away.", "safeguarding/no-secrecy-promise"),
    ("disclosure_response", "Listen calmly. Do not promise to keep it secret.", "safeguarding/disclosure-to-dsl"),
    ("distancing", "Ask pupils to share what has happened to them.", "safeguarding/distancing"),
    ("signposting", "Call Childline on 0800 1111.", "safeguarding/signposting"),
])
def test_an_incomplete_safeguarding_field_fails_at_its_line(tree: Tree, field: str, text: str, rule: str) -> None:
    path = secondary_lesson(tree, **{field: text})
    found = only(tree.check(), rule)
    assert where(found) == [(path, tree.line_of(path, f"{field}:"), rule)]
    assert found[0].field == f"safeguarding.{field}"


@pytest.mark.parametrize("field, text", [
    ("dsl_prebrief", "Talk to your Designated Safeguarding Lead first."),
    ("disclosure_response", "Never promise confidentiality; pass it to the DSL."),
    ("distancing", "All discussion is about Mia, a fictional character."),
    ("signposting", "Tell a trusted adult, or call Childline."),
])
def test_a_complete_safeguarding_field_passes(tree: Tree, field: str, text: str) -> None:
    secondary_lesson(tree, **{field: text})
    assert [f for f in tree.check() if f.rule.startswith("safeguarding/")] == []


def test_a_lesson_that_never_says_it_is_not_their_fault_fails(tree: Tree) -> None:
    lesson = tree.lesson_4_7()
    lesson["key_learning_points"][2] = "Tell a trusted adult."
    path = tree.lesson(lesson)
    assert where(only(tree.check(), "safeguarding/never-your-fault")) == [
        (path, tree.line_of(path, "signposting:"), "safeguarding/never-your-fault")]


def test_saying_you_will_not_be_in_trouble_passes(tree: Tree) -> None:
    lesson = tree.lesson_4_7()
    lesson["key_learning_points"][2] = "You will not be in trouble for telling."
    tree.lesson(lesson)
    assert only(tree.check(), "safeguarding/never-your-fault") == []


def test_nudity_and_sex_guidance_needs_supervision_level_3_and_a_required_prebrief(tree: Tree) -> None:
    guidance = [{"area": "nudity-and-sex", "label": "Nude images", "description": "Discusses pressure to send."}]
    path = secondary_lesson(tree, content_guidance=guidance, supervision_level=2, dsl_prebrief_required=False)
    found = tree.check()
    assert where(only(found, "safeguarding/supervision-level")) == [
        (path, tree.line_of(path, "supervision_level:"), "safeguarding/supervision-level")]
    assert where(only(found, "safeguarding/prebrief-required")) == [
        (path, tree.line_of(path, "dsl_prebrief_required:"), "safeguarding/prebrief-required")]


def test_an_image_based_abuse_lesson_needs_level_3_and_a_required_prebrief(tree: Tree) -> None:
    image_based_abuse_topic(tree)
    secondary_lesson(tree, topic="image-based-abuse", supervision_level=2, dsl_prebrief_required=False)
    found = tree.check()
    assert [(f.path, f.rule) for f in found if f.rule.startswith("safeguarding/")] == [
        (LESSON, "safeguarding/supervision-level"), (LESSON, "safeguarding/prebrief-required")]


def test_an_image_based_abuse_lesson_at_level_3_with_a_required_prebrief_passes(tree: Tree) -> None:
    image_based_abuse_topic(tree)
    secondary_lesson(tree, topic="image-based-abuse", supervision_level=3, dsl_prebrief_required=True)
    assert [f for f in tree.check() if f.rule.startswith("safeguarding/")] == []
