"""`python -m onlinesafety translations stamp`: record, in each translation file, the hash of the English
it now translates. Run it after updating a translation to match a changed English source."""

from __future__ import annotations

import re
from pathlib import Path

from ..loading.files import read_text_file
from ..model import Library
from .files import KINDS, source_of, translation_files
from .hashing import source_hash
from .model import english_items

_HASH_LINE = re.compile(r"^(?P<lead>\s*source_hash:[ \t]*)(?P<value>\"[^\"\n]*\"|'[^'\n]*'|[^\s#]*)", re.MULTILINE)


def english_item(library: Library, path: Path):
    """The English item a translation file translates, or None."""
    root = library.root.resolve()
    kind = KINDS.get(path.resolve().relative_to(root).parts[0])
    source = source_of(path.resolve())
    if kind == "page":
        return kind, library.pages.get(source.relative_to(root / "pages").as_posix())
    return kind, (english_items(library, kind).get(source.stem) if kind else None)


def stamp(library: Library, paths: list[Path] | None = None) -> list[str]:
    """Write the current hash into each file; returns one line per file for the user."""
    report: list[str] = []
    for path in paths or translation_files(library.root):
        path = path.resolve()
        kind, english = english_item(library, path)
        shown = path.relative_to(library.root.resolve().parent).as_posix()
        if english is None:
            report.append(f"{shown}: skipped: no English source {source_of(path).name} to stamp against")
            continue
        text = read_text_file(path, shown)
        value = source_hash(kind, english)
        match = _HASH_LINE.search(text)
        if match is None:
            report.append(f"{shown}: skipped: no 'source_hash:' line in its translation: block; add one")
            continue
        if match["value"].strip("\"'") == value:
            report.append(f"{shown}: up to date ({value})")
            continue
        path.write_text(text[:match.start("value")] + f'"{value}"' + text[match.end("value"):], encoding="utf-8")
        report.append(f"{shown}: stamped {value}")
    return report
