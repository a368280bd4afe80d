"""Factories for the content types tests/factories.py does not cover, and a content tree to check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from onlinesafety.checks import Finding, run_checks
from onlinesafety.loading import load_library
from onlinesafety.model import Library
from tests.factories import REVIEWED, _merge, lesson_data, make_content, page_text, write_yaml

TODAY = dt.date(2026, 11, 22)  # REVIEWED (2026-11-01) is three weeks earlier: nothing is due


def parent_guide_data(**overrides: Any) -> dict[str, Any]:
    by_age = {band: "Ask your child who they talk to on calls." for band in ("4-7", "7-11", "11-14", "14-18")}
    return _merge({
        "id": "live-streaming", "topic": "live-streaming", "title": "Live streaming: a guide for parents",
        "summary": "Live streams can be fun. Talk with your child about who can watch.",
        "by_age": by_age,
        "conversation_starters": ["Who do you like to call?", "What would you do if a call felt wrong?",
                                  "Who could you tell?"],
        "home_checklist": ["Keep cameras in shared rooms.", "Agree who your child can call.",
                           "Know how to end a call."],
        "warning_signs": ["Your child hides the screen.", "Your child seems upset after a call.",
                          "New gifts from someone online."],
        "if_something_happens": ["Stay calm.", "Thank your child for telling you.", "Tell the school."],
        "sources": ["test-source"],
        "reviewed": REVIEWED, "review_interval_months": 12,
    }, overrides)


def piece(headline: str = "Who can see a live stream?", body: str = "Talk with your child about who can watch.",
          action: str = "Read our guide for parents.") -> dict[str, str]:
    return {"headline": headline, "body": body, "call_to_action": action}


def snippet_data(**overrides: Any) -> dict[str, Any]:
    return _merge({
        "id": "live-streaming-7-11", "topic": "live-streaming", "band": "7-11",
        "short": piece(), "medium": piece(), "long": piece(),
        "social": {"short": "Who can see your child's live stream? {link}",
                   "long": "Who can see your child's live stream? Talk about it together."},
        "sources": ["test-source"],
        "reviewed": REVIEWED, "review_interval_months": 12,
    }, overrides)


def figure(**overrides: Any) -> dict[str, Any]:
    return {"id": "aged-13-or-under", "value": "98%",
            "statement": "98% showed children aged 13 or under.", "source": "test-source",
            "source_quote": "98% of images found were of children aged 13 and under", **overrides}


def evidence_data(*figures: dict[str, Any]) -> dict[str, Any]:
    return {"reviewed": REVIEWED, "review_interval_months": 12, "figures": list(figures) or [figure()]}


class Tree:
    """A small valid content folder in a temporary directory, and ways to change and check it."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.content = make_content(base, lessons=[])

    def path(self, relative: str) -> Path:
        return self.base / relative

    def write(self, relative: str, data: Any) -> str:
        write_yaml(self.path(relative), data)
        return relative

    def write_text(self, relative: str, text: str) -> str:
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return relative

    def lesson(self, data: dict[str, Any] | None = None, **overrides: Any) -> str:
        data = data if data is not None else lesson_data(**overrides)
        return self.write(f"content/lessons/{data['band']}/{data['id']}.yml", data)

    def lesson_4_7(self, **overrides: Any) -> dict[str, Any]:
        return lesson_data(**{"id": "live-streaming-4-7", "band": "4-7", **overrides})

    def parent_guide(self, **overrides: Any) -> str:
        data = parent_guide_data(**overrides)
        return self.write(f"content/parents/{data['id']}.yml", data)

    def snippet(self, **overrides: Any) -> str:
        data = snippet_data(**overrides)
        return self.write(f"content/snippets/{data['topic']}/{data['id']}.yml", data)

    def page(self, name: str, body: str, **front: Any) -> str:
        return self.write_text(f"content/pages/{name}", page_text(front, body))

    def allow(self, *entries: dict[str, Any]) -> str:
        return self.write("content/allow.yml", {"allow": list(entries)})

    def load(self) -> Library:
        return load_library(self.content)

    def check(self, *, today: dt.date = TODAY, ci: bool = False) -> list[Finding]:
        return run_checks(self.load(), today=today, ci=ci)

    def line_of(self, relative: str, needle: str) -> int:
        """The first line of the file that contains `needle`."""
        for number, line in enumerate(self.path(relative).read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {relative}")


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [finding for finding in findings if finding.rule == rule]


def where(findings: list[Finding]) -> list[tuple[str, int, str]]:
    """(path, line, rule) of each finding: what a test about place and rule asserts."""
    return [(finding.path, finding.line, finding.rule) for finding in findings]


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
