"""The home page's "Browse by age" serves parents as well as teachers (issue #13)."""

from __future__ import annotations

from pathlib import Path

from onlinesafety.loading import load_library
from onlinesafety.model import Band
from onlinesafety.site.pages import generate_pages

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_every_age_links_to_the_parents_page_and_the_lessons() -> None:
    home = generate_pages(load_library(CONTENT))["index.md"]
    section = home[home.index("## Browse by age"):home.index("## Browse by topic")]
    for band in Band:
        assert f"(parents/ages/{band.value}.md)" in section, band
        assert f"(ages/{band.value}.md)" in section, band
    assert "advice for parents" in section
