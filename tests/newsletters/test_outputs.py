"""What a school's folder holds: each piece in each format, social posts, a term series and a preview."""

from __future__ import annotations

import datetime as dt
import re

from onlinesafety.model import Band, Library
from onlinesafety.newsletters.outputs import Selection, school_files, snippets_for
from onlinesafety.newsletters.profile import SchoolProfile
from onlinesafety.newsletters.render import Renderer
from onlinesafety.newsletters.term import plan_term
from onlinesafety.newsletters.writer import check_parts
from tests.newsletters.factory import HOSTILE


def test_a_primary_school_gets_its_bands_and_the_seasonal_pieces(library: Library, profile: SchoolProfile) -> None:
    chosen = [s.id for s in snippets_for(library, profile, Selection())]
    assert chosen == ["live-streaming-4-7", "live-streaming-7-11", "webcams-at-home-4-7", "webcams-at-home-7-11",
                      "new-devices"]


def test_every_format_of_every_length_is_written(library: Library, profile: SchoolProfile,
                                                 renderer: Renderer) -> None:
    files = school_files(library, profile, renderer, Selection())
    for parts in files:
        check_parts(parts)
    piece = ("live-streaming-7-11", "medium")
    for name in ("email.html", "fragment.html", "text.txt", "markdown.md"):
        assert (*piece, name) in files
    assert ("live-streaming-7-11", "social-short.txt") in files
    assert ("index.html",) in files
    assert len(files) == 5 * (3 * 4 + 2) + 1


def test_filters_narrow_what_is_written(library: Library, profile: SchoolProfile, renderer: Renderer) -> None:
    selection = Selection(topics=frozenset({"webcams-at-home"}), bands=frozenset({Band.AGES_7_11}),
                          lengths=("short",), formats=("text", "social"))
    files = school_files(library, profile, renderer, selection)
    assert sorted(files) == [
        ("index.html",), ("new-devices", "short", "text.txt"), ("new-devices", "social-long.txt"),
        ("new-devices", "social-short.txt"), ("webcams-at-home-7-11", "short", "text.txt"),
        ("webcams-at-home-7-11", "social-long.txt"), ("webcams-at-home-7-11", "social-short.txt")]


def test_a_term_series_is_written_in_dated_folders(library: Library, profile: SchoolProfile,
                                                   renderer: Renderer) -> None:
    plan = plan_term(library, profile.bands, dt.date(2027, 1, 4), 3, skip=[dt.date(2027, 1, 12)])
    files = school_files(library, profile, renderer, Selection(lengths=("medium",), formats=("text",)), plan)
    dated = sorted({parts[1] for parts in files if parts[0] == "term"})
    assert dated == ["2027-01-04", "2027-01-18"]
    text = files[("term", "2027-01-18", "webcams-at-home-4-7", "medium", "text.txt")]
    assert "Week of 18 January 2027" in text
    assert "Week of 18 January 2027: Webcams at home" in files[("index.html",)]


def test_the_preview_links_every_file_relatively_and_escapes_the_school(
        library: Library, hostile_profile: SchoolProfile, renderer: Renderer) -> None:
    files = school_files(library, hostile_profile, renderer, Selection())
    index = files[("index.html",)]
    linked = set(re.findall(r'href="([^"]+)"', index))
    written = {"/".join(parts) for parts in files if parts != ("index.html",)}
    assert written <= linked
    assert HOSTILE not in index and "&lt;img src=x onerror=alert(1)&gt;" in index
    assert "<script" not in index
