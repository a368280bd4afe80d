"""Every block of text in the library, with its audience, age band, sources and place in its file."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

from ..loading.errors import ContentError
from ..loading.files import read_text_file
from ..loading.safe_yaml import dotted
from ..model import Audience, Band, EvidenceSet, Lesson, Library, Origin, Page, ParentGuide, Region, Snippet, Topic
from ..model.text_blocks import TextBlock, iter_text_blocks

KINDS: dict[type, str] = {Topic: "topic", Lesson: "lesson", ParentGuide: "parent guide", Snippet: "newsletter snippet",
                          Region: "help routes", Page: "page", EvidenceSet: "evidence"}
MAX_PHRASE_WORDS = 6


@dataclass(frozen=True)
class Block:
    """One text block: what it says, who reads it, and where it is."""

    path: str  # as shown in findings, e.g. "content/lessons/4-7/x.yml"
    file: Path | None  # the file on disk, to find the exact line of a phrase
    loc: tuple[Any, ...]
    audience: Audience
    band: Band | None
    kind: str
    text: str
    line: int  # where the block starts
    end_line: int | None  # first line after the block; None: the end of the file
    exact: bool  # lines in `text` are lines in the file (page bodies)
    sources: tuple[str, ...] = ()
    taught_words: frozenset[str] = frozenset()  # lesson keywords: exempt from long-word warnings
    owner: int = 0  # identifies the item the block belongs to
    item: Any = dataclass_field(default=None, compare=False, repr=False)
    is_name: bool = False  # a title, name or keyword term: checked for wording, not reading level

    @property
    def field(self) -> str:
        return dotted(self.loc)

    @property
    def category(self) -> str:
        """The row of thresholds.yml that applies: pupil-<band>, parent, newsletter or teacher."""
        if self.audience is Audience.TEACHER:
            return "teacher"
        if self.audience is Audience.PARENT:
            return "newsletter" if self.kind == "newsletter snippet" else "parent"
        return f"pupil-{self.band.value}" if self.band is not None else "pupil"

    def line_of(self, phrase: str, offset: int = 0) -> int:
        """The file line where `phrase` appears in this block (`offset`: its unit's line in the block)."""
        start = self.line + offset if self.exact else self.line
        if self.file is None:
            return start
        found = find_line(self.file, phrase, start, self.end_line)
        return found if found is not None else start


def library_blocks(library: Library) -> list[Block]:
    """Every text block of every item, region and page in `library`, in file order."""
    items: list[Any] = [*library.items(), *library.regions.values()]
    blocks: list[Block] = []
    for item in items:
        origin = library.origin(item)
        file = library.root.parent / origin.path
        starts = sorted(set(origin.lines.values()))
        for text_block in iter_text_blocks(item):
            blocks.append(make_block(item, origin, file, text_block.loc, text_block.audience, text_block.text,
                                     starts))
        for text_block in untagged_text(item):
            blocks.append(replace(make_block(item, origin, file, text_block.loc, text_block.audience,
                                             text_block.text, starts), is_name=True))
    return blocks


def untagged_text(item: Any) -> list[TextBlock]:
    """Titles, names and keyword terms, which the model does not tag, with the audience that sees them.

    Lesson, activity and keyword titles are shown to pupils; topic, guide, region and route names to
    parents (and teachers); a page's title and description to the page's audience.
    """
    found: list[TextBlock] = []
    if isinstance(item, Lesson):
        found.append(TextBlock(("title",), Audience.PUPIL, item.title))
        found += [TextBlock(("activities", index, "title"), Audience.PUPIL, activity.title)
                  for index, activity in enumerate(item.activities)]
        found += [TextBlock(("keywords", index, "term"), Audience.PUPIL, keyword.term)
                  for index, keyword in enumerate(item.keywords)]
    elif isinstance(item, (Topic, ParentGuide)):
        found.append(TextBlock(("title",), Audience.PARENT, item.title))
    elif isinstance(item, Region):
        found.append(TextBlock(("name",), Audience.PARENT, item.name))
        found += [TextBlock(("routes", index, "name"), Audience.PARENT, route.name)
                  for index, route in enumerate(item.routes)]
    elif isinstance(item, Page):
        found += [TextBlock(("title",), item.meta.audience, item.meta.title),
                  TextBlock(("description",), item.meta.audience, item.meta.description)]
    return found


def make_block(item: Any, origin: Origin, file: Path | None, loc: tuple[Any, ...], audience: Audience,
               text: str, starts: list[int]) -> Block:
    """A Block for the text at `loc` in `item`; `starts` are the sorted lines where the file records values."""
    kind = KINDS.get(type(item), type(item).__name__.lower())
    if isinstance(item, Page) and loc == ("body",):
        line, end, exact = origin.first_body_line, None, True
    else:
        line = origin.line_for(loc)
        end, exact = next_line(starts, line), False
    return Block(origin.path, file, loc, audience, band_of(item, loc), kind, text, line, end, exact,
                 sources=tuple(sources_of(item, loc)), taught_words=taught_words_of(item), owner=id(item),
                 item=item)


def band_of(item: Any, loc: tuple[Any, ...]) -> Band | None:
    if isinstance(item, (Lesson, Snippet)):
        return item.band
    if isinstance(item, ParentGuide) and loc[:1] == ("by_age",) and len(loc) > 1:
        return Band(loc[1])
    return None


def sources_of(item: Any, loc: tuple[Any, ...]) -> list[str]:
    """The source keys that cover the text at `loc`: the item's list, or the figure's or route's own key."""
    if isinstance(item, Page):
        return list(item.meta.sources)
    if isinstance(item, EvidenceSet) and loc[:1] == ("figures",) and len(loc) > 1:
        return [item.figures[loc[1]].source]
    if isinstance(item, Region) and loc[:1] == ("routes",) and len(loc) > 1:
        return [item.routes[loc[1]].source]
    return list(getattr(item, "sources", []) or [])


def taught_words_of(item: Any) -> frozenset[str]:
    if isinstance(item, Lesson):
        return frozenset(word.lower() for keyword in item.keywords for word in re.findall(r"[\w'-]+", keyword.term))
    return frozenset()


def next_line(starts: list[int], line: int) -> int | None:
    """The first line after `line` where the file records another value (so the block ends before it)."""
    index = bisect.bisect_right(starts, line)
    return starts[index] if index < len(starts) else None


def find_line(file: Path, phrase: str, start: int, end: int | None) -> int | None:
    """The line (1-based) in [start, end) where `phrase` begins, ignoring case, markup and line breaks."""
    tokens = re.findall(r"[A-Za-z0-9À-ÖØ-öø-ÿ]+", phrase)[:MAX_PHRASE_WORDS]
    if not tokens:
        return None
    text, line_starts = _file_text(file)
    if not text:
        return None
    begin = line_starts[min(max(start, 1), len(line_starts)) - 1]
    stop = line_starts[end - 1] if end is not None and 0 < end <= len(line_starts) else len(text)
    pattern = re.compile(r"(?<![A-Za-z0-9])" + r"[^A-Za-z0-9]+".join(map(re.escape, tokens)), re.IGNORECASE)
    match = pattern.search(text, begin, stop)
    if match is None:
        return None
    return bisect.bisect_right(line_starts, match.start())


@functools.lru_cache(maxsize=256)
def _file_text(file: Path) -> tuple[str, tuple[int, ...]]:
    try:
        text = read_text_file(file, file.name)
    except ContentError:
        return "", (0,)
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    return text, tuple(starts)


def clear_file_cache() -> None:
    """Forget file contents read so far (a long-running process re-reads edited files)."""
    _file_text.cache_clear()


def group_by_owner(blocks: Iterable[Block]) -> dict[int, list[Block]]:
    grouped: dict[int, list[Block]] = {}
    for block in blocks:
        grouped.setdefault(block.owner, []).append(block)
    return grouped
