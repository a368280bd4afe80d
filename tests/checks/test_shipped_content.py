"""The shipped content passes the quality gate with zero errors (warnings are listed, not failed)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from onlinesafety.checks import run_checks
from onlinesafety.loading import load_library

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_shipped_content_has_no_errors() -> None:
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    findings = run_checks(load_library(CONTENT), today=dt.date.today(), ci=ci)
    errors = [str(finding) for finding in findings if finding.is_error]
    assert not errors, f"{len(errors)} errors in content/:\n" + "\n".join(errors)


def test_every_shipped_lesson_is_classroom_ready() -> None:
    """Issue #11: no lesson ships without its materials, knowledge checks and adaptation notes."""
    library = load_library(CONTENT)
    missing = [f"{lesson.id}: {field}" for lesson in library.lessons.values()
               for field in ("materials", "knowledge_checks", "adaptations") if getattr(lesson, field) is None]
    assert not missing, "lessons without classroom materials:\n" + "\n".join(missing)
