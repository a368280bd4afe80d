"""The pupil's help card: their own country's services for children, taken from content/help/."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Region
from ..model.help_route import HelpRoute


# Printed on every help card, for every age: the promise every lesson makes.
HELP_CARD_MESSAGE = ("It is never your fault. You can always tell a trusted adult, like a parent, carer or "
                     "teacher. These services are there for children and young people too.")


@dataclass(frozen=True)
class HelpLine:
    """One service as a pupil sees it: its name and how to reach it, exactly as in content/help/."""

    name: str
    what: str | None
    phone: str | None
    sms: str | None
    url: str | None


def pupil_routes(region: Region) -> list[HelpRoute]:
    """The region's routes a child can use themselves: emergency first, then services for children."""
    chosen = [route for route in region.routes if _for_children(route)]
    return sorted(chosen, key=lambda route: not route.emergency)


def _for_children(route: HelpRoute) -> bool:
    if route.emergency:
        return True
    limits = (route.age_limits or "").lower()
    return any(word in limits for word in ("under 19", "under 18", "under 25", "children", "young people", "ages 5"))


def help_lines(region: Region) -> list[HelpLine]:
    """The help card's lines for `region`, numbers and addresses unchanged from the help data."""
    return [HelpLine(route.name, None, route.phone, None, str(route.url) if route.url else None)
            for route in pupil_routes(region)]
