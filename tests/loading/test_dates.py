"""Impossible dates and dates where text is expected give a finding with file, line and field, never a
traceback: from the loader, from `python -m onlinesafety check` and from the strict site build."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onlinesafety.loading import ContentErrors, load_library, parse_yaml
from onlinesafety.loading.errors import ContentError
from tests.conftest import ROOT, build_site, copy_project
from tests.factories import make_content

LESSON = "content/lessons/7-11/live-streaming-7-11.yml"


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new` in `path`; return the 1-based line of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def _problems(content: Path) -> list:
    with pytest.raises(ContentErrors) as caught:
        load_library(content)
    return caught.value.problems


@pytest.mark.parametrize("text, line, field", [
    ("reviewed: 2026-02-30\n", 1, "reviewed"),
    ("a:\n  b: [x, 2025-13-01]\n", 2, "a.b[1]"),
    ("a:\n  2026-02-30: x\n", 2, "a.2026-02-30"),
    ("2026-04-31: x\n", 1, "2026-04-31"),
])
def test_an_impossible_date_is_a_content_error_at_its_line(text: str, line: int, field: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "content/x.yml")
    problem = caught.value.problem
    assert (problem.path, problem.line, problem.field) == ("content/x.yml", line, field)
    assert "is not a real date" in problem.message and "YYYY-MM-DD" in problem.fix


def test_real_dates_and_quoted_impossible_dates_still_load() -> None:
    document = parse_yaml("a: 2024-02-29\nb: '2026-02-30'\n", "content/x.yml")
    assert str(document.data["a"]) == "2024-02-29" and document.data["b"] == "2026-02-30"


def test_an_impossible_review_date_names_file_line_and_field(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    line = _edit(content.parent / LESSON, "reviewed: '2026-11-01'", "reviewed: 2026-02-30")
    [problem] = _problems(content)
    assert (problem.path, problem.line, problem.field) == (LESSON, line, "reviewed")


def test_a_date_as_a_mapping_key_names_file_and_line(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    path = content.parent / LESSON
    path.write_text(path.read_text(encoding="utf-8") + "2026-02-30: extra\n", encoding="utf-8")
    [problem] = _problems(content)
    assert (problem.path, problem.line) == (LESSON, len(path.read_text(encoding="utf-8").splitlines()))
    assert "not a real date" in problem.message


def test_a_date_where_text_is_expected_says_to_quote_it(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    line = _edit(content.parent / LESSON, "title: Going live", "title: 2026-01-01")
    [problem] = _problems(content)
    assert (problem.path, problem.line, problem.field) == (LESSON, line, "title")
    assert "as a date" in problem.message and '"2026-01-01"' in problem.fix


def test_check_reports_an_impossible_date_as_a_finding(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    line = _edit(content.parent / LESSON, "reviewed: '2026-11-01'", "reviewed: 2026-02-30")
    result = subprocess.run([sys.executable, "-m", "onlinesafety", "--content", str(content), "check",
                             "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["line"], f["field"], f["rule"]) for f in findings] == [
        (LESSON, line, "reviewed", "load/error")]


def test_the_strict_build_reports_an_impossible_date_without_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    lesson = project / "content" / "lessons" / "7-11" / "live-streaming-7-11.yml"
    text = lesson.read_text(encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.startswith("reviewed:"))
    lines = text.splitlines(keepends=True)
    lines[line - 1] = "reviewed: 2026-02-30\n"
    lesson.write_text("".join(lines), encoding="utf-8")
    result = build_site(project, tmp_path / "out", env={"PYTHONPATH": str(ROOT)})  # this checkout's package
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"content/lessons/7-11/live-streaming-7-11.yml:{line}: field 'reviewed': '2026-02-30' is not a real date" in output


DAYS_IN_MONTH = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=12),
       st.integers(min_value=1, max_value=31), st.integers(min_value=0, max_value=5))
def test_every_date_either_loads_or_is_a_content_error_at_its_line(year: int, month: int, day: int,
                                                                   padding: int) -> None:
    text = "\n" * padding + f"title: Going live\nreviewed: {year}-{month:02d}-{day:02d}\n"
    try:
        real = dt.date(year, month, day)
    except ValueError:
        real = None
    if real is not None:
        assert parse_yaml(text, "content/x.yml").data["reviewed"] == real
        return
    assert day > 28 and (day > DAYS_IN_MONTH[month] or month == 2)
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "content/x.yml")
    problem = caught.value.problem
    assert (problem.line, problem.field) == (padding + 2, "reviewed")
