"""The shipped content with a few translations (fixtures/content: Polish and Urdu copies of translators'
files), loaded as `library.languages` and `library.translations` (onlinesafety/translations/)."""

from __future__ import annotations

import shutil
from pathlib import Path

from onlinesafety import load_library
from tests.conftest import ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"


def content_with_translations(target: Path) -> Path:
    """A copy of content/ with the fixture translations beside their sources; returns the copy."""
    content = target / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES, content, dirs_exist_ok=True)
    return content


def translated_library(target: Path):
    return load_library(content_with_translations(target))
