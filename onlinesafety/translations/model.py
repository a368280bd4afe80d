"""What exists in one language: translated items (full models) and what is known of each translation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..model import Library, Page, ParentGuide, Region, Snippet
from ..model.language import Language

Kind = Literal["parent_guide", "region", "snippet", "page"]


@dataclass(frozen=True)
class TranslationInfo:
    language: str
    kind: str
    item_id: str
    path: str          # the translation file, e.g. content/parents/live-streaming.pl.yml
    source_path: str   # its English source
    status: str
    reviewer: str | None
    reviewed_on: dt.date | None
    translated: dt.date
    recorded_hash: str
    current_hash: str

    @property
    def out_of_date(self) -> bool:
        return self.recorded_hash != self.current_hash


@dataclass
class TranslatedSet:
    language: Language
    parent_guides: dict[str, ParentGuide] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    snippets: dict[str, Snippet] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    info: dict[tuple[str, str], TranslationInfo] = field(default_factory=dict)

    def items(self, kind: str) -> dict:
        return {"parent_guide": self.parent_guides, "region": self.regions, "snippet": self.snippets,
                "page": self.pages}[kind]


def english_items(library: Library, kind: str) -> dict:
    """The library's English items of one kind, by id (pages by their path under content/pages)."""
    return {"parent_guide": library.parent_guides, "region": library.regions, "snippet": library.snippets,
            "page": library.pages}[kind]
