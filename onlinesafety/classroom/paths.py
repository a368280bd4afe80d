"""Where each lesson's classroom files live in the site (light: page generation imports it)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..model import Lesson, Region

# Off switch for HTML-only builds (benchmarks, quick previews): ONLINESAFETY_CLASSROOM=0.
SWITCH = "ONLINESAFETY_CLASSROOM"


def classroom_enabled() -> bool:
    return os.environ.get(SWITCH, "1") != "0"


def lesson_folder(lesson: Lesson) -> str:
    return f"lessons/{lesson.band.value}/{lesson.id}"


def deck_path(lesson: Lesson, region: Region) -> str:
    return f"{lesson_folder(lesson)}/{lesson.id}-slides-{region.id}.pptx"


def pack_path(lesson: Lesson, region: Region) -> str:
    return f"{lesson_folder(lesson)}/{lesson.id}-pupil-pack-{region.id}.pdf"


def gift_path(lesson: Lesson) -> str:
    return f"{lesson_folder(lesson)}/{lesson.id}-checks-moodle.gift.txt"


def present_path(lesson: Lesson) -> str:
    return f"{lesson_folder(lesson)}/present/index.html"


def lesson_paths(lesson: Lesson, regions: list[Region]) -> list[str]:
    """Every classroom file of `lesson`, decks and packs in region order."""
    found = [deck_path(lesson, region) for region in regions] + [pack_path(lesson, region) for region in regions]
    found.append(present_path(lesson))
    if lesson.knowledge_checks:
        found.append(gift_path(lesson))
    return found


@dataclass(frozen=True)
class RegionDownloads:
    region: Region
    deck: str
    deck_size: int
    pack: str
    pack_size: int


@dataclass(frozen=True)
class LessonDownloads:
    """What the lesson page links to: Present, the checks file and each region's deck and pack, with sizes."""

    present: str
    gift: str | None
    gift_size: int
    regions: tuple[RegionDownloads, ...]


def lesson_downloads(lesson: Lesson, regions: list[Region], sizes: dict[str, int]) -> LessonDownloads | None:
    """The lesson page's links, or None where the files were not built (HTML-only builds)."""
    if present_path(lesson) not in sizes:
        return None
    gift = gift_path(lesson) if gift_path(lesson) in sizes else None
    return LessonDownloads(
        present_path(lesson), gift, sizes.get(gift or "", 0),
        tuple(RegionDownloads(region, deck_path(lesson, region), sizes.get(deck_path(lesson, region), 0),
                              pack_path(lesson, region), sizes.get(pack_path(lesson, region), 0))
              for region in regions))
