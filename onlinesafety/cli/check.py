"""`python -m onlinesafety check`: run the quality gate and print what to fix; errors exit 1."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from ..checks import Finding, run_checks, run_text_checks
from ..loading import ContentErrors, ContentProblem
from ..model import Library

EXIT_OK, EXIT_FINDINGS = 0, 1
REVIEW_FIELDS = {"reviewed", "review_interval_months"}


def running_in_ci() -> bool:
    """The CI environment variable is set to anything but empty, 0, false or no."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def in_ci(args: argparse.Namespace) -> bool:
    """`--ci`, or running in CI."""
    return bool(getattr(args, "ci", False)) or running_in_ci()


def today_for(args: argparse.Namespace) -> dt.date:
    return getattr(args, "today", None) or dt.date.today()


def run_check(library: Library, args: argparse.Namespace) -> int:
    """Run every check on `library`, print the findings, and return 1 if any is an error."""
    findings = run_checks(library, today=today_for(args), ci=in_ci(args))
    return report(findings, args, out=sys.stdout)


def report_load_errors(errors: ContentErrors, args: argparse.Namespace) -> int:
    """Print load errors as findings, with the text checks run on the raw files, and return 1."""
    content = Path(getattr(args, "content", "content"))
    findings = [finding_for(problem) for problem in errors.problems]
    if content.is_dir():
        findings.extend(run_text_checks(content))
    return report(sorted(set(findings)), args, out=sys.stdout, loaded=False)


def finding_for(problem: ContentProblem) -> Finding:
    """A load problem as a finding; a missing review date gets the freshness rule id."""
    field = problem.field or ""
    missing_review = field.split(".")[-1] in REVIEW_FIELDS and "missing" in problem.message
    rule = "freshness/missing-review" if missing_review else "load/error"
    subject = f"field '{field}': " if field else ""
    return Finding(problem.path, problem.line, rule, "error", subject + problem.message, problem.fix, field)


def report(findings: list[Finding], args: argparse.Namespace, *, out: TextIO, loaded: bool = True) -> int:
    errors = [finding for finding in findings if finding.is_error]
    warnings = [finding for finding in findings if not finding.is_error]
    if getattr(args, "format", "text") == "json":
        json.dump({"ok": not errors, "loaded": loaded, "errors": len(errors), "warnings": len(warnings),
                   "findings": [finding.as_dict() for finding in findings]}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for finding in errors:
            print(finding, file=out)
        if warnings:
            if errors:
                print(file=out)
            print("Warnings (listed, do not fail the build):", file=out)
            for finding in warnings:
                print(f"  {finding}", file=out)
        print(summary(errors, warnings, loaded), file=out)
    return EXIT_FINDINGS if errors else EXIT_OK


def summary(errors: list[Finding], warnings: list[Finding], loaded: bool) -> str:
    counts = f"{len(errors)} error{'s' * (len(errors) != 1)}, {len(warnings)} warning{'s' * (len(warnings) != 1)}"
    if not errors:
        return f"Quality gate passed: {counts}."
    tail = ("" if loaded else " The content did not load, so only the text checks ran; fix the load errors and "
            "run the check again.")
    return (f"Quality gate failed: {counts}. Fix each error as its line says; where a rule is wrong for one "
            f"exact place, add an entry with a justification to content/allow.yml.{tail}")
