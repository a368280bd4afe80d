"""A finding reads `path:line: rule-id: message — fix` and sorts by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

import onlinesafety.checks
from onlinesafety.checks import RULES, Finding


def test_a_finding_reads_file_line_rule_message_and_fix() -> None:
    finding = Finding("content/lessons/4-7/x.yml", 12, "wording/fear", "error", "'bad people' frightens",
                      "say what to do instead")
    assert str(finding) == "content/lessons/4-7/x.yml:12: wording/fear: 'bad people' frightens — say what to do instead"
    assert finding.is_error


def test_findings_sort_by_path_then_line() -> None:
    later = Finding("b.yml", 1, "wording/fear", "error", "m", "f")
    first = Finding("a.yml", 9, "wording/fear", "error", "m", "f")
    second = Finding("a.yml", 10, "a11y/bare-url", "warning", "m", "f")
    assert sorted([later, second, first]) == [first, second, later]


def test_severity_is_error_or_warning() -> None:
    with pytest.raises(ValueError, match="severity"):
        Finding("a.yml", 1, "wording/fear", "fatal", "m", "f")


def test_every_rule_id_is_a_group_and_a_name() -> None:
    for rule_id in RULES:
        group, _, name = rule_id.partition("/")
        assert group in {"readability", "wording", "evidence", "freshness", "safeguarding", "a11y", "allow", "load", "translation",
                         "materials"}
        assert name and name == name.lower()


def test_the_checks_readme_documents_every_rule() -> None:
    readme = (Path(onlinesafety.checks.__file__).with_name("README.md")).read_text(encoding="utf-8")
    missing = [rule_id for rule_id in RULES if f"`{rule_id}`" not in readme]
    assert not missing, f"add these rules to onlinesafety/checks/README.md: {missing}"
