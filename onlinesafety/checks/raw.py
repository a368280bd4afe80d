"""Text blocks read straight from the files, for checking wording even when the content does not load.

When a file breaks the model (say a lesson has no `reviewed:` date), the library does not load and the
typed checks cannot run. The text checks still can: this walks each file's data with the model's field
types to find every tagged text block, so a maintainer sees the load error and the wording problems in
one run instead of one after the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel

from ..loading import ContentError
from ..loading.files import read_text_file
from ..loading.safe_yaml import parse_yaml
from ..model import Audience, Band, EvidenceSet, Lesson, Origin, ParentGuide, Region, Snippet, Topic
from ..model.text_blocks import audience_of
from ..translations.files import is_translation
from .blocks import KINDS, Block, next_line

PATTERNS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("topics/*.yml", Topic), ("lessons/*/*.yml", Lesson), ("parents/*.yml", ParentGuide), ("help/*.yml", Region),
    ("snippets/**/*.yml", Snippet), ("evidence.yml", EvidenceSet))
FENCE = "---"


def raw_blocks(content_root: Path) -> list[Block]:
    """Every tagged text block in every readable content file, without validating the files."""
    blocks: list[Block] = []
    # English text only: the readability and wording rules are English rules (a translation is checked
    # by checks/translations.py against its English, once the library loads).
    for pattern, model in PATTERNS:
        for file in sorted(content_root.glob(pattern)):
            if not is_translation(file):
                blocks.extend(_yaml_blocks(content_root, file, model))
    for file in sorted(content_root.glob("pages/**/*.md")):
        if not is_translation(file):
            blocks.extend(_page_blocks(content_root, file))
    return blocks


def _shown(content_root: Path, file: Path) -> str:
    try:
        return file.relative_to(content_root.parent).as_posix()
    except ValueError:
        return file.as_posix()


def _yaml_blocks(content_root: Path, file: Path, model: type[BaseModel]) -> list[Block]:
    shown = _shown(content_root, file)
    try:
        document = parse_yaml(read_text_file(file, shown), shown)
    except ContentError:
        return []
    data = document.data
    if not isinstance(data, dict):
        return []
    origin = Origin(shown, document.lines)
    starts = sorted(set(document.lines.values()))
    band = _band(data.get("band"))
    sources = tuple(key for key in data.get("sources") or [] if isinstance(key, str))
    taught = frozenset(
        word.lower() for keyword in data.get("keywords") or [] if isinstance(keyword, dict)
        for word in str(keyword.get("term", "")).replace("-", " ").split())
    blocks = []
    for loc, audience, text in walk(model, data, ()):
        line = origin.line_for(loc)
        blocks.append(Block(shown, file, loc, audience, band if model in (Lesson, Snippet) else None,
                            KINDS[model], text, line, next_line(starts, line), False,
                            sources=_block_sources(model, data, loc, sources), taught_words=taught,
                            owner=hash(shown)))
    return blocks


def _block_sources(model: type[BaseModel], data: dict[str, Any], loc: tuple[Any, ...],
                   sources: tuple[str, ...]) -> tuple[str, ...]:
    key = {EvidenceSet: "figures", Region: "routes"}.get(model)
    if key and loc[:1] == (key,) and len(loc) > 1:
        entries = data.get(key) or []
        entry = entries[loc[1]] if isinstance(loc[1], int) and loc[1] < len(entries) else {}
        source = entry.get("source") if isinstance(entry, dict) else None
        return (source,) if isinstance(source, str) else ()
    return sources


def _page_blocks(content_root: Path, file: Path) -> list[Block]:
    shown = _shown(content_root, file)
    try:
        text = read_text_file(file, shown)
    except ContentError:
        return []
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return []
    end = next((index for index in range(1, len(lines)) if lines[index].strip() == FENCE), None)
    if end is None:
        return []
    try:
        front = parse_yaml("\n".join(lines[1:end]), shown).data
    except ContentError:
        return []
    if not isinstance(front, dict):
        return []
    try:
        audience = Audience(front.get("audience"))
    except ValueError:
        return []
    sources = tuple(key for key in front.get("sources") or [] if isinstance(key, str))
    body = "\n".join(lines[end + 1:])
    return [Block(shown, file, ("body",), audience, None, "page", body, end + 2, None, True, sources=sources,
                  owner=hash(shown))]


def walk(model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Audience, str]]:
    """(loc, audience, text) for every tagged text value in raw `data` shaped like `model`."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in data:
            yield from _value(info.annotation, data[key], loc + (key,), audience_of(info.annotation, info.metadata))


def _value(annotation: Any, value: Any, loc: tuple[Any, ...], audience: Audience | None) -> Iterator[
        tuple[tuple[Any, ...], Audience, str]]:
    inner = _model_in(annotation)
    if isinstance(value, str):
        if audience is not None and value.strip():
            yield loc, audience, value.strip()
    elif isinstance(value, dict) and inner is not None:
        yield from walk(inner, value, loc)
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            yield from _value(annotation, entry, loc + (index,), audience)
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield from _value(annotation, entry, loc + (key,), audience)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _band(value: Any) -> Band | None:
    try:
        return Band(str(value))
    except ValueError:
        return None
