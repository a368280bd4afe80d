"""Translation files sit beside their English source: `live-streaming.pl.yml`, `start-here.ur.md`."""

from __future__ import annotations

import re
from pathlib import Path

TRANSLATION_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<code>[a-z]{2,3}(?:-[A-Z][a-z]{3})?)\.(?P<ext>yml|md)$")

# The folder under content/ decides what a translation is of; other folders hold nothing we translate.
KINDS = {"parents": "parent_guide", "help": "region", "snippets": "snippet", "pages": "page"}


def is_translation(path: Path) -> bool:
    return TRANSLATION_NAME.match(path.name) is not None


def translation_files(root: Path) -> list[Path]:
    """Every translation file under content/ (the languages folder is the catalogue, not translations)."""
    found = [path for path in root.rglob("*.*.*") if is_translation(path) and path.is_file()]
    return sorted(path for path in found if path.relative_to(root).parts[0] != "languages")


def source_of(path: Path) -> Path:
    """The English file a translation translates."""
    match = TRANSLATION_NAME.match(path.name)
    assert match is not None
    return path.with_name(f"{match['stem']}.{match['ext']}")


def language_of(path: Path) -> str:
    match = TRANSLATION_NAME.match(path.name)
    assert match is not None
    return match["code"]
