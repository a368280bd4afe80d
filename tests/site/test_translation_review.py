"""The reviewers' side-by-side pages: every translated field beside its English, with status, the
out-of-date flag, what is not translated yet, and right-to-left cells for right-to-left languages."""

from __future__ import annotations

from pathlib import Path

from onlinesafety.loading import load_library
from onlinesafety.site.pages import generate_pages
from tests.translations.factory import translated_content


def test_each_field_sits_beside_its_english(tmp_path: Path) -> None:
    content = translated_content(tmp_path)
    guide = content / "parents" / "live-streaming.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("Keep it simple.", "Keep it short."), encoding="utf-8")
    library = load_library(content)
    pages = generate_pages(library)
    page = pages["translations/pl.md"]
    english = library.parent_guides["live-streaming"].conversation_starters[0]
    assert f'<td lang="en" dir="ltr">{english}</td><td lang="pl" dir="ltr">Po polsku: {english}</td>' in page.replace("&#39;", "'")
    assert "## Help page: United Kingdom" in page and "## Newsletter piece:" in page
    assert "**out of date**: the English (content/parents/live-streaming.yml) has changed" in page
    assert page.count("**out of date**") == 1
    assert "Not translated yet" in page and "permanent-records" in page
    index = pages["translations/index.md"]
    assert "| [Polish (Polski)](pl.md) | 4 | 0 | 1 |" in index


def test_right_to_left_cells(tmp_path: Path) -> None:
    pages = generate_pages(load_library(translated_content(tmp_path, code="ur", kinds=("parent_guide",))))
    assert '<td lang="ur" dir="rtl">' in pages["translations/ur.md"]


def test_no_languages_no_pages(tmp_path: Path) -> None:
    content = translated_content(tmp_path, kinds=())
    (content / "languages" / "pl.yml").unlink()
    assert not any(path.startswith("translations/") for path in generate_pages(load_library(content)))
