"""Errors for people: what went wrong, where, and how to fix it (the CLI prints these, never a traceback)."""

from __future__ import annotations

from ..loading.errors import ContentProblem


class NewsletterErrors(Exception):
    """Problems in content, a school profile or a school's template (exit code 1)."""

    def __init__(self, problems: list[ContentProblem], kind: str = "newsletter") -> None:
        self.problems = sorted(problems)
        self.kind = kind
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} {self.kind} error{'s' if count != 1 else ''} found; nothing was written.")
        return "\n".join(lines)


class UsageError(Exception):
    """The command was asked for something it cannot do: a bad option, path or folder (exit code 2)."""

    def __init__(self, message: str, fix: str) -> None:
        self.message, self.fix = message.rstrip("."), fix.rstrip(".")
        super().__init__(f"{self.message}. Fix: {self.fix}.")


class OutputError(UsageError):
    """The output folder cannot be written; earlier output is left as it was."""


def problem(path: str, line: int, field: str | None, message: str, fix: str) -> ContentProblem:
    return ContentProblem(path, line, field, message.rstrip("."), fix.rstrip("."))
