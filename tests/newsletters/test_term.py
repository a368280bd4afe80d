"""A term's weekly series: curriculum order, the school's bands, holidays skipped, nothing lost."""

from __future__ import annotations

import datetime as dt

import pytest

from onlinesafety.model import Band, Library
from onlinesafety.newsletters.errors import UsageError
from onlinesafety.newsletters.term import plan_term, term_weeks

START = dt.date(2027, 1, 4)  # a Monday


def test_one_issue_a_week_from_the_start() -> None:
    assert term_weeks(START, 3) == [dt.date(2027, 1, 4), dt.date(2027, 1, 11), dt.date(2027, 1, 18)]


def test_a_holiday_date_removes_the_week_it_falls_in() -> None:
    weeks = term_weeks(START, 6, [dt.date(2027, 1, 20), dt.date(2027, 2, 8)])  # a Wednesday, a Monday
    assert weeks == [dt.date(2027, 1, 4), dt.date(2027, 1, 11), dt.date(2027, 1, 25), dt.date(2027, 2, 1)]


def test_two_holiday_dates_in_one_week_remove_it_once() -> None:
    assert len(term_weeks(START, 4, [dt.date(2027, 1, 12), dt.date(2027, 1, 14)])) == 3


@pytest.mark.parametrize("skip", [dt.date(2027, 1, 3), dt.date(2027, 2, 1)])
def test_a_holiday_outside_the_term_is_a_usage_error(skip: dt.date) -> None:
    with pytest.raises(UsageError, match="outside the term"):
        term_weeks(START, 4, [skip])


@pytest.mark.parametrize("weeks", [0, -1, 53])
def test_the_number_of_weeks_is_checked(weeks: int) -> None:
    with pytest.raises(UsageError):
        term_weeks(START, weeks)


def test_topics_follow_the_curriculum_order_for_the_schools_bands(library: Library) -> None:
    plan = plan_term(library, [Band.AGES_4_7, Band.AGES_7_11], START, 3)
    assert [week.topic.id for week in plan] == ["live-streaming", "webcams-at-home", "live-streaming"]
    assert [s.id for s in plan[0].snippets] == ["live-streaming-4-7", "live-streaming-7-11"]
    assert all(s.band in (Band.AGES_4_7, Band.AGES_7_11) for week in plan for s in week.snippets)


def test_a_secondary_school_gets_secondary_topics_only(library: Library) -> None:
    plan = plan_term(library, [Band.AGES_14_18], START, 2)
    assert [week.topic.id for week in plan] == ["image-based-abuse", "image-based-abuse"]


def test_a_skipped_week_moves_the_topic_on_instead_of_losing_it(library: Library) -> None:
    plan = plan_term(library, [Band.AGES_7_11], START, 3, skip=[dt.date(2027, 1, 4)])
    assert [(week.date, week.topic.id) for week in plan] == [
        (dt.date(2027, 1, 11), "live-streaming"), (dt.date(2027, 1, 18), "webcams-at-home")]


def test_a_topic_filter_narrows_the_series(library: Library) -> None:
    plan = plan_term(library, [Band.AGES_7_11], START, 2, topics=["webcams-at-home"])
    assert {week.topic.id for week in plan} == {"webcams-at-home"}


def test_seasonal_pieces_are_not_part_of_the_weekly_series(library: Library) -> None:
    plan = plan_term(library, list(Band), START, 8)
    assert all(s.band is not None for week in plan for s in week.snippets)
