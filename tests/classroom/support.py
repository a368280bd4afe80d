"""Lessons for the classroom tests: the shipped library, and a factory lesson with every kind of material."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from onlinesafety.loading import load_library
from onlinesafety.model import Library
from tests.factories import lesson_with_materials, make_content

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def shipped() -> Library:
    return load_library(ROOT / "content")


def library_with_materials(tmp_path: Path, **overrides) -> Library:
    """A one-lesson library whose lesson uses a story, a card sort and a worksheet, with checks."""
    make_content(tmp_path, lessons=[lesson_with_materials(**overrides)])
    return load_library(tmp_path / "content")
