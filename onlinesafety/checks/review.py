"""The maintainers' review list: every reviewed item and help route, soonest due first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from ..model import EvidenceSet, Lesson, Library, Page, ParentGuide, Snippet, Topic
from .freshness import help_route_due, reviewed_fields

DUE_SOON_DAYS = 60  # two months' notice: time to re-read sources before the item fails CI
Status = Literal["overdue", "due-soon", "ok"]


@dataclass(frozen=True, order=True)
class ReviewRow:
    due: dt.date
    kind: str
    title: str
    path: str
    reviewed: dt.date
    status: Status


def review_rows(library: Library, today: dt.date) -> list[ReviewRow]:
    """Every item and help route with its review status, sorted soonest due first."""
    rows: list[ReviewRow] = []
    for item in library.items():
        fields = reviewed_fields(item)
        kind, title = describe(item)
        rows.append(ReviewRow(fields.review_due, kind, title, library.origin(item).path, fields.reviewed,
                              review_status(fields.review_due, today)))
    for region in library.regions_in_order():
        path = library.origin(region).path
        for route in region.routes:
            due = help_route_due(route.last_verified)
            rows.append(ReviewRow(due, "help route", f"{route.name} ({region.name})", path, route.last_verified,
                                  review_status(due, today)))
    return sorted(rows, key=lambda row: (row.due, row.path, row.title))


def review_status(due: dt.date, today: dt.date) -> Status:
    if due < today:
        return "overdue"
    if due <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "due-soon"
    return "ok"


def describe(item: Any) -> tuple[str, str]:
    """The kind of item and the title a maintainer knows it by."""
    if isinstance(item, Lesson):
        return "lesson", f"{item.title} (ages {item.band.value})"
    if isinstance(item, Topic):
        return "topic", item.title
    if isinstance(item, ParentGuide):
        return "parent guide", item.title
    if isinstance(item, Snippet):
        scope = f"ages {item.band.value}" if item.band is not None else (item.season or "all ages")
        return "newsletter snippet", f"{item.medium.headline} ({scope})"
    if isinstance(item, Page):
        return "page", item.meta.title
    if isinstance(item, EvidenceSet):
        return "evidence", "Evidence figures"
    return type(item).__name__.lower(), getattr(item, "title", getattr(item, "id", "?"))
