"""Every version of a page links to every other, English first; the page itself is marked."""

from __future__ import annotations

from onlinesafety.site.i18n.alternates import alternates, language_meta
from onlinesafety.site.i18n.pages import is_translation_file

NAMES = {"en": "English", "pl": "Polski", "ur": "اردو"}


def test_each_version_lists_all_versions():
    found = alternates({"pl": ["parents/live-streaming.md"], "ur": ["parents/live-streaming.md", "help/uk.md"]}, NAMES)
    assert [a.lang for a in found["parents/live-streaming.md"]] == ["en", "pl", "ur"]
    assert [a.path for a in found["ur/help/uk.md"]] == ["help/uk.md", "ur/help/uk.md"]
    assert "help/index.md" not in found


def test_front_matter_links_are_relative_and_mark_the_page():
    found = alternates({"ur": ["parents/live-streaming.md"]}, NAMES)
    meta = language_meta("ur/parents/live-streaming.md", found, lang="ur", dir="rtl", label="x")
    assert meta["lang"] == "ur" and meta["dir"] == "rtl"
    assert [(a["url"], a["current"]) for a in meta["alternates"]] == [
        ("../../../parents/live-streaming/", False), (".", True)]
    assert meta["alternates"][0]["site"] == "parents/live-streaming/"


def test_a_page_without_translations_has_no_switcher():
    assert "alternates" not in language_meta("help/index.md", {})


def test_translation_files_are_known_by_their_language_code():
    codes = {"en", "pl", "ur", "fil"}
    assert is_translation_file("parents/start-here.pl.md", codes)
    assert is_translation_file("parents/start-here.fil.md", codes)
    assert not is_translation_file("parents/start-here.md", codes)
    assert not is_translation_file("about/v1.2.md", codes)  # "2" is no language: the page is its own
