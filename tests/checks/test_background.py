"""The quality gate on a second core gives exactly the findings of the gate run in this process."""

from __future__ import annotations

import os
import time

import pytest

from onlinesafety.checks import background
from onlinesafety.checks.background import GateFailed, can_fork, start_gate
from tests.checks.builders import TODAY, Tree

needs_fork = pytest.mark.skipif(not can_fork(), reason="fork needs Linux (or another Unix) and two cores")


def _tree_with_findings(tree: Tree) -> Tree:
    lesson = tree.lesson_4_7()
    lesson["activities"][1]["pupil_material"] = "Bad people are watching you on the camera."
    tree.lesson(lesson)
    return tree


@needs_fork
def test_the_background_gate_finds_what_the_gate_here_finds(tree: Tree) -> None:
    library = _tree_with_findings(tree).load()
    here = start_gate(library, today=TODAY, ci=False, background=False)
    there = start_gate(library, today=TODAY, ci=False, background=True)
    assert there.in_background and not here.in_background
    found = there.findings()
    assert found == here.findings() == tree.check()
    assert any(finding.rule == "wording/fear" for finding in found)
    assert there.findings() is found  # asking again does not wait again


def _gate_whose_checks_are(replacement, tree: Tree, monkeypatch) -> background.GateRun:
    """A background gate whose child runs `replacement` instead of the checks (the fork copies the patch)."""
    import onlinesafety.checks as checks

    monkeypatch.setattr(checks, "run_checks", replacement)
    return start_gate(tree.load(), today=TODAY, ci=False, background=True)


def _raise(*args, **kwargs):
    raise ValueError("planted failure")


@needs_fork
def test_an_exception_in_the_child_is_raised_here_with_its_traceback(tree: Tree, monkeypatch) -> None:
    gate = _gate_whose_checks_are(_raise, tree, monkeypatch)
    with pytest.raises(GateFailed, match="planted failure"):
        gate.findings()


@needs_fork
def test_a_child_that_dies_is_reported_not_waited_for(tree: Tree, monkeypatch) -> None:
    gate = _gate_whose_checks_are(lambda *args, **kwargs: os._exit(3), tree, monkeypatch)
    with pytest.raises(GateFailed, match="exit code 3"):
        gate.findings()


@needs_fork
def test_a_cancelled_gate_leaves_no_process_behind(tree: Tree, monkeypatch) -> None:
    gate = _gate_whose_checks_are(lambda *args, **kwargs: time.sleep(60), tree, monkeypatch)
    gate.cancel()
    assert not gate._process.is_alive()


def test_without_fork_the_gate_runs_here(tree: Tree, monkeypatch) -> None:
    monkeypatch.setattr(background, "can_fork", lambda: False)
    gate = start_gate(_tree_with_findings(tree).load(), today=TODAY, ci=False)
    assert not gate.in_background
    assert gate.findings() == tree.check()
