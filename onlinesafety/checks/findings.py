"""One problem the quality gate found: where it is, which rule, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)


@dataclass(frozen=True, order=True)
class Finding:
    """A finding reads `path:line: rule-id: message — fix`; errors fail the build, warnings are listed."""

    path: str
    line: int
    rule: str
    severity: str
    message: str
    fix: str
    field: str = ""  # dotted place in the file, e.g. "activities[1].pupil_material"; "" for the whole item
    excerpt: str = dataclass_field(default="", compare=False)  # the exact words that triggered the rule
    context: str = dataclass_field(default="", compare=False)  # the sentence they sit in (allow entries match it)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be 'error' or 'warning', not {self.severity!r}")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message} — {self.fix}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict[str, Any]:
        """Plain data for `--format json`."""
        return {"path": self.path, "line": self.line, "field": self.field, "rule": self.rule,
                "severity": self.severity, "message": self.message, "fix": self.fix, "excerpt": self.excerpt}


def shorten(text: str, limit: int = 60) -> str:
    """`text` cut to `limit` characters at a word boundary, for messages."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
