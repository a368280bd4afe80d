"""Freshness: items past their review date, dates in the future, and help routes not verified for a year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Library, Page
from ..model.common import add_months
from .findings import ERROR, WARNING, Finding

HELP_ROUTE_MONTHS = 12  # the rule: a help route not verified for 12 months fails the build


def reviewed_fields(item: Any) -> Any:
    """The object that carries `reviewed` and `review_interval_months` (a page's front matter)."""
    return item.meta if isinstance(item, Page) else item


def check_freshness(library: Library, *, today: dt.date, ci: bool) -> list[Finding]:
    """Overdue reviews (errors when `ci`, else warnings), future dates, and stale help routes (errors)."""
    findings: list[Finding] = []
    for item in library.items():
        fields = reviewed_fields(item)
        origin = library.origin(item)
        line = origin.line_for(("reviewed",))
        due = fields.review_due
        if fields.reviewed > today:
            findings.append(Finding(
                origin.path, line, "freshness/future-date", ERROR,
                f"reviewed date {fields.reviewed.isoformat()} is after today ({today.isoformat()})",
                "give the date the item was actually reviewed (YYYY-MM-DD)", "reviewed"))
        elif due < today:
            findings.append(Finding(
                origin.path, line, "freshness/overdue", ERROR if ci else WARNING,
                f"review was due on {due.isoformat()} (reviewed {fields.reviewed.isoformat()}, every "
                f"{fields.review_interval_months} months)",
                "read the item against its sources, correct it, and set `reviewed:` to today's date", "reviewed"))
    for region in library.regions.values():
        origin = library.origin(region)
        for index, route in enumerate(region.routes):
            loc = ("routes", index, "last_verified")
            line = origin.line_for(loc)
            field = f"routes[{index}].last_verified"
            if route.last_verified > today:
                findings.append(Finding(
                    origin.path, line, "freshness/future-date", ERROR,
                    f"help route '{route.id}' last_verified {route.last_verified.isoformat()} is after today",
                    "give the date the route was actually checked (YYYY-MM-DD)", field))
            elif help_route_due(route.last_verified) < today:
                findings.append(Finding(
                    origin.path, line, "freshness/help-route-stale", ERROR,
                    f"help route '{route.id}' was last verified on {route.last_verified.isoformat()}, more than "
                    f"{HELP_ROUTE_MONTHS} months ago",
                    "check the number, link and hours on the service's own website, then set `last_verified:` "
                    "to today's date (or remove the route)", field))
    return findings


def help_route_due(last_verified: dt.date) -> dt.date:
    return add_months(last_verified, HELP_ROUTE_MONTHS)
