"""content/allow.yml: an exception at one exact place, with a written justification."""

from __future__ import annotations

from typing import Any

from tests.checks.builders import Tree, only, where

ALLOW = "content/allow.yml"
NAME = "The Inter-Agency Council Against Child Pornography"
JUSTIFICATION = "Official name of a government body; quoted as its name, not our wording."


def guide_naming_the_council(tree: Tree) -> str:
    return tree.parent_guide(summary=f"{NAME} takes reports. Talk calmly with your child.")


def entry(path: str, **overrides: Any) -> dict[str, Any]:
    return {"path": path, "field": "summary", "rule": "wording/terminology", "phrase": NAME,
            "justification": JUSTIFICATION, **overrides}


def test_without_an_entry_the_official_name_is_flagged(tree: Tree) -> None:
    path = guide_naming_the_council(tree)
    assert where(only(tree.check(), "wording/terminology")) == [
        (path, tree.line_of(path, "summary:"), "wording/terminology")]


def test_a_justified_entry_allows_exactly_that_phrase(tree: Tree) -> None:
    path = guide_naming_the_council(tree)
    tree.allow(entry(path))
    assert tree.check() == []


def test_the_entry_does_not_allow_the_same_term_used_as_our_own_words(tree: Tree) -> None:
    path = tree.parent_guide(summary=f"{NAME} takes reports. Child pornography is a crime.")
    tree.allow(entry(path))
    found = only(tree.check(), "wording/terminology")
    assert [(f.path, f.excerpt) for f in found] == [(path, "Child pornography")]


def test_the_entry_does_not_allow_another_field(tree: Tree) -> None:
    path = tree.parent_guide(summary=f"{NAME} takes reports.", home_checklist=[
        f"{NAME} takes reports.", "Keep cameras in shared rooms.", "Know how to end a call."])
    tree.allow(entry(path))
    assert [f.field for f in only(tree.check(), "wording/terminology")] == ["home_checklist[0]"]


def test_an_entry_without_a_justification_is_an_error_and_allows_nothing(tree: Tree) -> None:
    path = guide_naming_the_council(tree)
    tree.allow(entry(path, justification="ok"))
    found = tree.check()
    assert (ALLOW, tree.line_of(ALLOW, "- path:"), "allow/missing-justification") in where(found)
    assert len(only(found, "wording/terminology")) == 1


def test_an_entry_that_matches_nothing_is_an_error(tree: Tree) -> None:
    path = tree.parent_guide()
    tree.allow(entry(path))
    assert where(tree.check()) == [(ALLOW, tree.line_of(ALLOW, "- path:"), "allow/unused")]


def test_an_unknown_rule_a_missing_file_and_freshness_rules_are_invalid(tree: Tree) -> None:
    path = guide_naming_the_council(tree)
    tree.allow(entry(path, rule="wording/nonsense"), entry("content/parents/nope.yml"),
               entry(path, rule="freshness/overdue"))
    invalid = only(tree.check(), "allow/invalid")
    assert [f.field for f in invalid] == ["allow[0]", "allow[1]", "allow[2]"]
    assert "cannot be allowed" in invalid[2].message


def test_a_malformed_allow_file_is_reported_with_its_line(tree: Tree) -> None:
    tree.write_text(ALLOW, "allow:\n  - path: x\n    colour: red\n")
    found = only(tree.check(), "allow/invalid")
    assert [(f.path, f.line) for f in found][:1] == [(ALLOW, 2)]
