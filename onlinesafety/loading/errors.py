"""Errors written for people: file, line, field, what was wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentProblem:
    path: str
    line: int
    field: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        subject = f" field '{self.field}':" if self.field else ""
        return f"{where}:{subject} {self.message}. Fix: {self.fix}."


class ContentError(Exception):
    """One problem in one content file."""

    def __init__(self, path: str, line: int, field: str | None, message: str, fix: str) -> None:
        self.problem = ContentProblem(path, line, field, message.rstrip("."), fix.rstrip("."))
        super().__init__(str(self.problem))


class ContentErrors(Exception):
    """Every problem found in one load, so a maintainer can fix them all in one go."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} content error{'s' if count != 1 else ''} found; nothing was built.")
        return "\n".join(lines)
