"""The pupil's help card: their own country's services for children, taken from content/help/.

Which services a pupil sees is decided by each route's `needs`: the emergency number and services a
child can talk to, for every age; from 11, also where to report abuse and how to get an image removed.
Names, numbers, text lines and addresses are the help data's own, unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Band, Region
from ..model.help_route import HelpRoute, Need

# Printed on every help card, for every age: the promise every lesson makes.
HELP_CARD_MESSAGE = ("It is never your fault. You can always tell a trusted adult, like a parent, carer or "
                     "teacher. These services are there for children and young people too.")

PRIMARY = frozenset({Band.AGES_4_7, Band.AGES_7_11})
NEEDS_FOR_PUPILS = {True: (Need.EMERGENCY, Need.CHILD_TALK),
                    False: (Need.EMERGENCY, Need.CHILD_TALK, Need.REPORT_ABUSE, Need.REMOVE_IMAGE)}
# What each kind of service is for, in pupil words (the help data's own descriptions are for adults).
PUPIL_WORDS = {
    Need.EMERGENCY: "If you or someone else is in danger right now",
    Need.CHILD_TALK: "Talk to someone about anything that worries you",
    Need.REPORT_ABUSE: "Report someone who asks for pictures or tries to meet you",
    Need.REMOVE_IMAGE: "Get a nude image of you taken down",
}


@dataclass(frozen=True)
class HelpLine:
    """One service as a pupil sees it: what it is for, its name and how to reach it."""

    name: str
    what: str | None
    phone: str | None
    sms: str | None
    url: str | None


def pupil_routes(region: Region, band: Band) -> list[tuple[Need, HelpRoute]]:
    """The region's routes a pupil of `band` can use, by need in the card's order, each route once."""
    chosen: list[tuple[Need, HelpRoute]] = []
    for need in NEEDS_FOR_PUPILS[band in PRIMARY]:
        for route in region.routes:
            if need in route.needs and all(route is not seen for _, seen in chosen):
                chosen.append((need, route))
    return chosen


def help_lines(region: Region, band: Band) -> list[HelpLine]:
    """The help card's lines for `region`, numbers and addresses unchanged from the help data."""
    lines = []
    for need, route in pupil_routes(region, band):
        texts = [f"{line.keyword} to {line.number}" if line.keyword else line.number for line in route.texts]
        lines.append(HelpLine(route.name, PUPIL_WORDS[need], route.phone, "; ".join(texts) or None,
                              str(route.url) if route.url else None))
    return lines
