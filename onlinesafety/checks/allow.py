"""Exceptions at one exact place (content/allow.yml), each with a written justification."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..loading import ContentError
from ..loading.files import read_text_file
from ..loading.safe_yaml import parse_yaml
from ..loading.validate import validate_document
from .findings import ERROR, Finding
from .rules import RULES

ALLOW_FILE = "allow.yml"
MIN_JUSTIFICATION = 20
NOT_ALLOWABLE = ("freshness/", "allow/", "load/")


class AllowEntry(BaseModel):
    """One exception: this rule does not apply to this phrase in this field of this file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    field: str
    rule: str
    phrase: str | None = None
    justification: str | None = None


class AllowFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    allow: list[AllowEntry] = []


@dataclass(frozen=True)
class Allowance:
    entry: AllowEntry
    line: int

    def covers(self, finding: Finding) -> bool:
        entry = self.entry
        if (finding.path, finding.field, finding.rule) != (entry.path, entry.field, entry.rule):
            return False
        if entry.phrase is None:
            return True
        phrase = entry.phrase.casefold()
        context, excerpt = finding.context.casefold(), finding.excerpt.casefold()
        return phrase in context and (excerpt in phrase or phrase in excerpt)


def load_allowances(content_root: Path) -> tuple[list[Allowance], list[Finding]]:
    """The usable entries of content/allow.yml, and findings for entries that are malformed or unjustified."""
    file = content_root / ALLOW_FILE
    shown = _shown(content_root, file)
    if not file.exists() and not file.is_symlink():
        return [], []
    try:
        document = parse_yaml(read_text_file(file, shown), shown)
    except ContentError as error:
        problem = error.problem
        return [], [Finding(shown, problem.line, "allow/invalid", ERROR, problem.message, problem.fix)]
    parsed, problems = validate_document(AllowFile, document, shown)
    if parsed is None:
        return [], [Finding(p.path, p.line, "allow/invalid", ERROR, p.message, p.fix, p.field or "") for p in problems]
    allowances: list[Allowance] = []
    findings: list[Finding] = []
    for index, entry in enumerate(parsed.allow):
        line = document.line_for(("allow", index))
        field = f"allow[{index}]"
        problem = _entry_problem(entry, content_root)
        if problem:
            findings.append(Finding(shown, line, "allow/invalid", ERROR, problem,
                                    "name a file as shown in the finding, its dotted field and a rule id from "
                                    "onlinesafety/checks/rules.py", field))
            continue
        if len((entry.justification or "").strip()) < MIN_JUSTIFICATION:
            findings.append(Finding(
                shown, line, "allow/missing-justification", ERROR,
                f"allow entry for {entry.rule} in {entry.path} has no justification (at least "
                f"{MIN_JUSTIFICATION} characters)",
                "write why this exact use is right here, e.g. \"Official name of the Philippine council; "
                "quoted, not our wording\"", field))
            continue
        allowances.append(Allowance(entry, line))
    return allowances, findings


def _entry_problem(entry: AllowEntry, content_root: Path) -> str:
    if entry.rule not in RULES:
        return f"unknown rule '{entry.rule}'"
    if entry.rule.startswith(NOT_ALLOWABLE):
        return f"rule '{entry.rule}' cannot be allowed: fix the content instead"
    if not (content_root.parent / entry.path).is_file():
        return f"no file '{entry.path}' (paths start with the content folder, as in the findings)"
    if entry.phrase is not None and not entry.phrase.strip():
        return "phrase is empty; leave it out to allow the whole field"
    return ""


def apply_allowances(findings: list[Finding], content_root: Path, *, report_unused: bool = True) -> list[Finding]:
    """`findings` without those an allow entry covers, plus findings about the allow entries themselves."""
    allowances, problems = load_allowances(content_root)
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        covering = [index for index, allowance in enumerate(allowances) if allowance.covers(finding)]
        used.update(covering)
        if not covering:
            kept.append(finding)
    if report_unused:
        shown = _shown(content_root, content_root / ALLOW_FILE)
        for index, allowance in enumerate(allowances):
            if index not in used:
                entry = allowance.entry
                problems.append(Finding(
                    shown, allowance.line, "allow/unused", ERROR,
                    f"allow entry for {entry.rule} at {entry.path} {entry.field} matches no finding",
                    "remove the entry, or correct its path, field, rule or phrase", f"allow[{index}]"))
    return kept + problems


def _shown(content_root: Path, file: Path) -> str:
    try:
        return file.relative_to(content_root.parent).as_posix()
    except ValueError:
        return file.as_posix()
