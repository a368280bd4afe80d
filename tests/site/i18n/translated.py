"""The shipped content with a few translations (fixtures/content: Polish and Urdu copies of translators'
files), loaded as `library.languages` and `library.translations` (onlinesafety/translations/)."""

from __future__ import annotations

import shutil
from pathlib import Path

from onlinesafety import load_library
from onlinesafety.translations import is_translation
from tests.conftest import ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"


def only_fixture_translations(content: Path) -> Path:
    """`content` (a copy of the shipped content) with the fixture translations in place of the shipped ones,
    so these tests know exactly which pages exist in which language."""
    for path in list(content.rglob("*.*.*")):
        if is_translation(path):
            path.unlink()
    for path in (content / "languages").glob("*.yml"):
        if path.stem != "en":
            path.unlink()
    shutil.copytree(FIXTURES, content, dirs_exist_ok=True)
    return content


def content_with_translations(target: Path) -> Path:
    """A copy of content/ with the fixture translations beside their sources; returns the copy."""
    content = target / "content"
    shutil.copytree(ROOT / "content", content)
    return only_fixture_translations(content)


def translated_library(target: Path):
    return load_library(content_with_translations(target))
