"""The factories' content passes every check: each failing test below changes one thing only."""

from __future__ import annotations

from tests.checks.builders import Tree, evidence_data


def test_a_valid_tree_of_every_content_type_has_no_findings(tree: Tree) -> None:
    tree.lesson()
    tree.lesson(tree.lesson_4_7())
    tree.parent_guide()
    tree.snippet()
    tree.write("content/evidence.yml", evidence_data())
    tree.page("staff/guide.md", "# Guide\n\n## Before\n\nTell the [DSL page](dsl.md) first.\n")
    assert tree.check() == []
