"""The whole checked content library, cross-referenced, with where each item came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .common import Band
from .evidence import EvidenceSet
from .help_route import Region
from .language import Language
from .lesson import Lesson
from .page import PageMeta
from .parent_guide import ParentGuide
from .snippet import Snippet
from .source import Source
from .topic import Topic


@dataclass(frozen=True)
class Origin:
    """The file an item came from and the line of each of its values."""

    path: str
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    first_body_line: int = 1

    def line_for(self, loc: tuple[Any, ...]) -> int:
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1


@dataclass(frozen=True)
class Page:
    """A handwritten Markdown page: validated front matter and its body."""

    path: str  # relative to content/pages, with forward slashes
    meta: PageMeta
    body: str


@dataclass
class Library:
    root: Path
    topics: dict[str, Topic] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    parent_guides: dict[str, ParentGuide] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    snippets: dict[str, Snippet] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    evidence: EvidenceSet | None = None
    languages: dict[str, Language] = field(default_factory=dict)  # content/languages/, English included
    translations: dict[str, Any] = field(default_factory=dict)  # code -> translations.TranslatedSet
    origins: dict[int, Origin] = field(default_factory=dict)

    def origin(self, item: BaseModel | Page) -> Origin:
        """Where `item` was read from."""
        return self.origins[id(item)]

    def remember(self, item: Any, origin: Origin) -> None:
        self.origins[id(item)] = origin

    def topics_in_order(self) -> list[Topic]:
        return sorted(self.topics.values(), key=lambda topic: (topic.order, topic.id))

    def regions_in_order(self) -> list[Region]:
        return sorted(self.regions.values(), key=lambda region: (region.order, region.id))

    def lessons_for(self, *, band: Band | None = None, topic: str | None = None) -> list[Lesson]:
        """Lessons in teaching order: by band, then by topic order."""
        order = {topic_id: t.order for topic_id, t in self.topics.items()}
        bands = list(Band)
        chosen = [
            lesson for lesson in self.lessons.values()
            if (band is None or lesson.band is band) and (topic is None or lesson.topic == topic)
        ]
        return sorted(chosen, key=lambda l: (bands.index(l.band), order.get(l.topic, 99), l.id))

    def parent_guide_for(self, topic: str) -> ParentGuide | None:
        return next((guide for guide in self.parent_guides.values() if guide.topic == topic), None)

    def items(self) -> list[Any]:
        """Every reviewed item, for freshness and text checks."""
        result: list[Any] = [*self.topics.values(), *self.lessons.values(), *self.parent_guides.values(),
                             *self.snippets.values(), *self.pages.values()]
        if self.evidence is not None:
            result.append(self.evidence)
        return result
