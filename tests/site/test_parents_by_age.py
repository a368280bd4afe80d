"""Parents by child's age: the school years agree with the band labels, every page gathers every
guide's advice for its band and links into the guide's section for that band, and the "Lesson plan"
tag is only on lesson pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from onlinesafety import load_library
from onlinesafety.model import BAND_LABELS, Band
from onlinesafety.site.parents_by_age import YEARS, age_page_path, school_years
from onlinesafety.site.paths import page_url
from onlinesafety.site.search import band_keywords
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "content")


def numbers(label: str) -> tuple[int, int] | None:
    found = [int(n) for n in re.findall(r"\d+", label.split("(")[0])]
    return (found[0], found[-1]) if found else None


@pytest.mark.parametrize("band", list(Band))
def test_school_years_agree_with_the_band_labels(band):
    for system in ("uk", "us", "au"):
        label_range = numbers(BAND_LABELS[band][system])
        years = [int(n) for year in YEARS[band][system] for n in re.findall(r"\d+", year)]
        if years:
            assert label_range is not None and label_range[1] == years[-1], (system, BAND_LABELS[band][system])
    assert all(year in band_keywords(band) for years in YEARS[band].values() for year in years)
    assert len(school_years(band)) == 3


def broken_links(site: Path, page: str) -> list[str]:
    """Links from a built page to another page's section that does not exist there."""
    here = site / page_url(page)
    problems = []
    for link in LexborHTMLParser((here / "index.html").read_text(encoding="utf-8")).css("article a[href*='#']"):
        href = link.attributes.get("href") or ""
        target, _, anchor = href.partition("#")
        if not target or "://" in target:
            continue
        html = (here / target / "index.html").resolve()
        if not html.exists() or f'id="{anchor}"' not in html.read_text(encoding="utf-8"):
            problems.append(href)
    return problems


@pytest.mark.parametrize("band", list(Band))
def test_each_age_page_gathers_every_guide_and_links_to_its_section(built_site, library, band):
    page = age_page_path(band)
    html = (built_site / page_url(page) / "index.html").read_text(encoding="utf-8")
    for guide in library.parent_guides.values():
        assert f'href="../../{guide.id}/#ages-{band.value}"' in html, guide.id
        first_words = " ".join(guide.by_age[band].split()[:8])
        assert first_words in " ".join(LexborHTMLParser(html).body.text().split())
    assert broken_links(built_site, page) == []


def test_a_link_to_a_missing_section_is_caught(built_site, tmp_path):
    import shutil
    site = tmp_path / "site"
    shutil.copytree(built_site / "parents", site / "parents")
    page = site / "parents" / "ages" / "7-11" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("#ages-7-11", "#ages-7-12", 1), encoding="utf-8")
    found = broken_links(site, age_page_path(Band.AGES_7_11))
    assert len(found) == 1 and found[0].endswith("/#ages-7-12"), found


def tagged(site: Path, tag: str) -> list[str]:
    pages = []
    for html in sorted(site.rglob("index.html")):
        tags = [node.text().strip() for node in LexborHTMLParser(html.read_text(encoding="utf-8")).css(".md-tags .md-tag")]
        if tag in tags:
            pages.append(html.parent.relative_to(site).as_posix() + "/")
    return pages


def not_lessons(pages: list[str]) -> list[str]:
    return [page for page in pages if not re.fullmatch(r"lessons/[0-9]+-[0-9]+/[^/]+/", page)]


def test_the_lesson_plan_tag_is_only_on_lesson_pages(built_site, library):
    pages = tagged(built_site, "Lesson plan")
    assert len(pages) == len(library.lessons)
    assert not_lessons(pages) == []
    assert not_lessons(["lessons/7-11/live-streaming-7-11/", "topics/live-streaming/", "lessons/"]) == [
        "topics/live-streaming/", "lessons/"]
