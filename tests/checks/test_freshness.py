"""Freshness: overdue reviews (errors in CI, warnings locally), future dates, stale help routes, review list."""

from __future__ import annotations

import datetime as dt

from onlinesafety.checks import review_rows
from tests.checks.builders import TODAY, Tree, only, where
from tests.factories import region_data

HELP = "content/help/uk.yml"
A_YEAR_ON = dt.date(2027, 11, 22)  # REVIEWED 2026-11-01 + 12 months = 2027-11-01: overdue


def test_an_overdue_item_is_a_warning_locally(tree: Tree) -> None:
    path = tree.lesson()
    found = only(tree.check(today=A_YEAR_ON, ci=False), "freshness/overdue")
    assert (path, tree.line_of(path, "reviewed:"), "freshness/overdue") in where(found)
    assert {finding.severity for finding in found} == {"warning"}
    assert all("2027-11-01" in finding.message for finding in found)


def test_an_overdue_item_is_an_error_in_ci(tree: Tree) -> None:
    path = tree.lesson()
    found = [f for f in only(tree.check(today=A_YEAR_ON, ci=True), "freshness/overdue") if f.path == path]
    assert [(f.line, f.severity) for f in found] == [(tree.line_of(path, "reviewed:"), "error")]


def test_an_item_due_today_is_not_overdue(tree: Tree) -> None:
    tree.lesson()
    assert only(tree.check(today=dt.date(2027, 11, 1), ci=True), "freshness/overdue") == []


def test_an_overdue_page_names_the_line_in_its_front_matter(tree: Tree) -> None:
    path = tree.page("staff/old.md", "# Old\n", reviewed=dt.date(2024, 1, 1))
    found = [f for f in only(tree.check(ci=True), "freshness/overdue") if f.path == path]
    assert [(f.line, f.severity) for f in found] == [(tree.line_of(path, "reviewed:"), "error")]


def test_a_reviewed_date_in_the_future_fails(tree: Tree) -> None:
    path = tree.lesson(reviewed="2026-12-25")
    assert where(only(tree.check(), "freshness/future-date")) == [
        (path, tree.line_of(path, "reviewed:"), "freshness/future-date")]


def test_a_help_route_verified_over_a_year_ago_fails_even_locally(tree: Tree) -> None:
    route = region_data()["routes"][0] | {"last_verified": "2025-11-01"}
    tree.write(HELP, region_data(routes=[route]))
    found = only(tree.check(ci=False), "freshness/help-route-stale")
    assert where(found) == [(HELP, tree.line_of(HELP, "last_verified:"), "freshness/help-route-stale")]
    assert found[0].severity == "error" and found[0].field == "routes[0].last_verified"


def test_a_help_route_verified_this_year_passes(tree: Tree) -> None:
    route = region_data()["routes"][0] | {"last_verified": "2025-11-22"}
    tree.write(HELP, region_data(routes=[route]))
    assert only(tree.check(), "freshness/help-route-stale") == []


def test_the_review_list_has_every_item_and_route_soonest_due_first(tree: Tree) -> None:
    tree.lesson(reviewed="2026-01-10")
    tree.parent_guide(reviewed="2025-11-01", review_interval_months=12)
    rows = review_rows(tree.load(), TODAY)
    assert [row.kind for row in rows][:2] == ["parent guide", "lesson"]
    assert [row.status for row in rows][:2] == ["overdue", "due-soon"]
    assert [row.due for row in rows][:2] == [dt.date(2026, 11, 1), dt.date(2027, 1, 10)]
    assert {"topic", "page", "help route"} <= {row.kind for row in rows}
    assert [row.due for row in rows] == sorted(row.due for row in rows)
    assert all(row.status == "ok" for row in rows[2:])
    route = next(row for row in rows if row.kind == "help route")
    assert route.title == "Childline (United Kingdom)" and route.path == HELP
