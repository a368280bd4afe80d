"""A dated weekly series for one term: the curriculum's topic order, for the school's bands, skipping holidays.

Week k of the term starts on START + 7k days. A --skip date removes the week it falls in (a
half-term, say); the topic planned for that week moves to the next week that is not skipped, so
no topic is lost. When the term has more weeks than topics, the order starts again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Band, Library, Snippet, Topic
from .errors import UsageError

MAX_WEEKS = 52


@dataclass(frozen=True)
class TermWeek:
    """One week's issue: its date, its topic and the snippets for the school's bands."""

    date: dt.date
    topic: Topic
    snippets: tuple[Snippet, ...]


def term_weeks(start: dt.date, weeks: int, skip: Iterable[dt.date] = ()) -> list[dt.date]:
    """The issue dates of the term: one a week from `start`, without the weeks that hold a skipped date."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(f"--weeks {weeks} is out of range", f"give a number of weeks from 1 to {MAX_WEEKS}")
    try:
        dates = [start + dt.timedelta(weeks=k) for k in range(weeks)]
        end = dates[-1] + dt.timedelta(days=6)
    except OverflowError:
        raise UsageError(f"--term {start.isoformat()} with --weeks {weeks} runs past the last date the calendar "
                         "allows (31 December 9999)", "check the start date: it should be the first day of a "
                         "term, like 2027-01-04") from None
    skipped = set()
    for day in sorted(set(skip)):
        if not start <= day <= end:
            raise UsageError(f"--skip {day.isoformat()} is outside the term ({start.isoformat()} to "
                             f"{end.isoformat()})", "check the date, or leave it out")
        skipped.add(start + dt.timedelta(weeks=(day - start).days // 7))
    return [day for day in dates if day not in skipped]


def plan_term(library: Library, bands: Iterable[Band], start: dt.date, weeks: int,
              skip: Iterable[dt.date] = (), topics: Iterable[str] | None = None) -> list[TermWeek]:
    """The weekly series: topics in curriculum order, each with its snippets for `bands`."""
    bands = list(bands)
    wanted = set(topics) if topics is not None else None
    order = list(Band)
    by_topic: dict[str, list[Snippet]] = {}
    for snippet in library.snippets.values():
        if snippet.band is not None and snippet.band in bands:
            by_topic.setdefault(snippet.topic, []).append(snippet)
    sequence = [
        (topic, tuple(sorted(by_topic[topic.id], key=lambda s: (order.index(s.band), s.id))))
        for topic in library.topics_in_order()
        if topic.id in by_topic and (wanted is None or topic.id in wanted)
    ]
    dates = term_weeks(start, weeks, skip)
    if not sequence:
        return []
    return [TermWeek(day, *sequence[index % len(sequence)]) for index, day in enumerate(dates)]
