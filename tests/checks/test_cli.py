"""`python -m onlinesafety check`: text or JSON findings, errors exit 1, CI makes overdue an error."""

from __future__ import annotations

import json

import pytest

from onlinesafety.cli.main import main
from tests.checks.builders import Tree
from tests.factories import DELETE, region_data

A_YEAR_ON = "2027-11-22"


def run(tree: Tree, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--content", str(tree.content), "check", "--today", "2026-11-22", *args])
    return code, capsys.readouterr().out


@pytest.fixture(autouse=True)
def not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)


def test_clean_content_passes_with_exit_0(tree: Tree, capsys) -> None:
    tree.lesson()
    code, out = run(tree, capsys)
    assert code == 0 and "Quality gate passed: 0 errors, 0 warnings." in out


def test_an_error_exits_1_and_reads_file_line_rule_message_fix(tree: Tree, capsys) -> None:
    lesson = tree.lesson_4_7()
    lesson["activities"][1]["pupil_material"] = "Bad people are watching you."
    path = tree.lesson(lesson)
    code, out = run(tree, capsys)
    assert code == 1
    assert f"{path}:{tree.line_of(path, 'Bad people')}: wording/fear: 'Bad people'" in out
    assert " — " in out and "Quality gate failed: 1 error" in out


def test_json_output_lists_every_finding(tree: Tree, capsys) -> None:
    lesson = tree.lesson_4_7()
    lesson["activities"][1]["pupil_material"] = "Bad people are watching you."
    path = tree.lesson(lesson)
    code, out = run(tree, capsys, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["errors"] == 1
    assert report["findings"][0] | {"message": "", "fix": ""} == {
        "path": path, "line": tree.line_of(path, "Bad people"), "field": "activities[1].pupil_material",
        "rule": "wording/fear", "severity": "error", "message": "", "fix": "", "excerpt": "Bad people"}


def test_overdue_is_a_listed_warning_locally_and_exit_0(tree: Tree, capsys) -> None:
    tree.lesson()
    route = region_data()["routes"][0] | {"last_verified": "2027-11-01"}  # help routes are always errors
    tree.write("content/help/uk.yml", region_data(routes=[route]))
    code, out = run(tree, capsys, "--today", A_YEAR_ON)
    assert code == 0 and "Warnings" in out and "freshness/overdue" in out


def test_overdue_is_an_error_with_ci_flag(tree: Tree, capsys) -> None:
    tree.lesson()
    code, out = run(tree, capsys, "--today", A_YEAR_ON, "--ci")
    assert code == 1 and "freshness/overdue" in out


def test_overdue_is_an_error_when_the_ci_variable_is_set(tree: Tree, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    tree.lesson()
    code, _ = run(tree, capsys, "--today", A_YEAR_ON)
    assert code == 1


def test_load_errors_come_out_as_json_findings(tree: Tree, capsys) -> None:
    path = tree.lesson(tree.lesson_4_7(reviewed=DELETE))
    code, out = run(tree, capsys, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["loaded"] is False
    assert [(f["path"], f["rule"], f["field"]) for f in report["findings"]] == [
        (path, "freshness/missing-review", "reviewed")]


def test_the_done_means_scenario_gives_five_clear_findings(tree: Tree, capsys) -> None:
    """A 4-7 lesson: fear, long sentences, an uncited statistic in pupil text, no reviewed date: five findings,
    one run (the statistic is both uncited and, for ages 4-7, not allowed at all)."""
    lesson = tree.lesson_4_7(sources=[], reviewed=DELETE)
    lesson["activities"][1]["pupil_material"] = (
        "Bad people are watching you on the camera. "
        "When you use a tablet at home you should always remember that the camera can see you and your room.")
    lesson["key_learning_points"][0] = "9 in 10 children use a tablet at home."
    path = tree.lesson(lesson)
    code, out = run(tree, capsys, "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [(f["path"], f["line"], f["rule"]) for f in findings] == sorted([
        (path, tree.line_of(path, "id:"), "freshness/missing-review"),
        (path, tree.line_of(path, "9 in 10 children"), "evidence/uncited-figure"),
        (path, tree.line_of(path, "9 in 10 children"), "evidence/pupil-statistic"),
        (path, tree.line_of(path, "Bad people are watching"), "wording/fear"),
        (path, tree.line_of(path, "Bad people are watching"), "readability/sentence-too-long"),
    ], key=lambda row: (row[1], row[2]))
    assert all(f["fix"] for f in findings)
    missing = next(f for f in findings if f["rule"] == "freshness/missing-review")
    assert missing["field"] == "reviewed" and "add 'reviewed:'" in missing["fix"]
    # In text form every finding reads file:line: rule: message — fix.
    code, text = run(tree, capsys)
    assert code == 1 and text.count(f"{path}:") == 5


def test_when_one_file_breaks_the_text_of_the_others_is_still_checked(tree: Tree, capsys) -> None:
    tree.lesson(tree.lesson_4_7(reviewed=DELETE))
    guide = tree.parent_guide(summary="Predators are lurking in every game.")
    code, out = run(tree, capsys, "--format", "json")
    rules = {(f["path"], f["rule"]) for f in json.loads(out)["findings"]}
    assert code == 1 and (guide, "wording/fear") in rules
