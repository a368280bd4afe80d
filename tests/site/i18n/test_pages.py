"""Translated pages: where they are, what they say about themselves, their links, numbers and dates."""

from __future__ import annotations

import json
import posixpath
import re
from types import SimpleNamespace

import pytest
import yaml

from onlinesafety.model import Band
from onlinesafety.site import paths
from onlinesafety.site.export import export_markdown
from onlinesafety.site.help import untapped_numbers
from onlinesafety.site.i18n import strings_for
from onlinesafety.site.i18n.notice import notice
from onlinesafety.site.pages import generate_pages
from tests.site.i18n.translated import translated_library

LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return translated_library(tmp_path_factory.mktemp("translated"))


@pytest.fixture(scope="module")
def pages(library):
    return generate_pages(library)


def front(markdown: str) -> dict:
    return json.loads(markdown.split("\n", 2)[1])


def broken_links(pages: dict[str, str], handwritten: set[str]) -> list[str]:
    """Relative links to Markdown pages that neither the generated pages nor content/pages have."""
    found = []
    for path, markdown in pages.items():
        for match in LINK.finditer(markdown):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), match["target"]))
            if target not in pages and target not in handwritten:
                found.append(f"{path} -> {match['target']}")
    return found


def test_every_translation_has_its_page_at_the_agreed_path(pages):
    expected = {"pl/index.md", "pl/parents/live-streaming.md", "pl/parents/start-here.md", "pl/help/uk.md",
                "ur/index.md", "ur/parents/live-streaming.md", "ur/parents/start-here.md",
                *(f"{code}/parents/ages/{band.value}.md" for code in ("pl", "ur") for band in Band)}
    assert {path for path in pages if path.startswith(("pl/", "ur/"))} == expected


def test_each_page_has_its_language_and_direction(pages):
    assert (front(pages["ur/parents/live-streaming.md"])["lang"], front(pages["ur/parents/live-streaming.md"])["dir"]) == ("ur", "rtl")
    assert (front(pages["pl/help/uk.md"])["lang"], front(pages["pl/help/uk.md"])["dir"]) == ("pl", "ltr")
    assert front(pages["parents/live-streaming.md"])["lang"] == "en"
    assert "lang" not in front(pages["help/us.md"])  # no translation: the theme's language, English, stands


def test_the_english_page_and_its_translations_list_each_other(pages):
    for path in ("parents/live-streaming.md", "pl/parents/live-streaming.md", "ur/parents/live-streaming.md"):
        versions = front(pages[path])["alternates"]
        assert [v["lang"] for v in versions] == ["en", "pl", "ur"], path
        assert [v["current"] for v in versions].count(True) == 1
    assert [v["lang"] for v in front(pages["help/uk.md"])["alternates"]] == ["en", "pl"]


def test_every_link_in_every_page_leads_to_a_page(library, pages):
    assert broken_links(pages, set(library.pages)) == []


def test_a_link_to_a_missing_page_is_caught(library, pages):
    """The check above can fail: a translated page linking to a translation that does not exist."""
    planted = {**pages, "pl/parents/live-streaming.md": pages["pl/parents/live-streaming.md"] + "\n[x](nowhere.md)\n"}
    assert broken_links(planted, set(library.pages)) == ["pl/parents/live-streaming.md -> nowhere.md"]


def test_links_go_to_the_translation_where_there_is_one(pages):
    guide = pages["pl/parents/live-streaming.md"]
    assert "(../help/uk.md)" in guide            # pl/help/uk.md exists
    assert "(../../help/us.md)" in guide         # no Polish US page: the English one
    assert "(ages/4-7.md)" in guide              # the Polish age page
    assert "(../../lessons/" in guide            # lessons are English only
    urdu = pages["ur/parents/live-streaming.md"]
    assert "(../../help/uk.md)" in urdu          # no Urdu help page yet


def test_translated_pages_carry_the_notice_with_a_link_to_the_english(library, pages):
    polish = strings_for(library, "pl")
    for path, english in (("pl/parents/live-streaming.md", "../../parents/live-streaming.md"),
                          ("pl/help/uk.md", "../../help/uk.md"), ("pl/parents/start-here.md", "../../parents/start-here.md")):
        body = pages[path].split("\n---\n", 1)[1]
        assert "translation-notice" in body, path
        assert f"[{polish.t('read_in_english')}]({english})" in body, path
        assert body.index("translation-notice") < body.index("\n## "), f"{path}: the notice is not at the top"


def _info(**changes):
    info = dict(status="machine-assisted", reviewer=None, out_of_date=False)
    return SimpleNamespace(**{**info, **changes})


def test_the_notice_says_the_review_status_in_the_readers_language(library):
    urdu = strings_for(library, "ur")
    machine = notice(urdu, _info(), "ur/parents/x.md", "parents/x.md")
    assert urdu.t("notice_machine") in machine and "status-machine-assisted" in machine
    reviewed = notice(urdu, _info(status="reviewed", reviewer="Amina Khan"), "ur/parents/x.md", "parents/x.md")
    assert urdu.t("notice_reviewed", reviewer="Amina Khan") in reviewed and urdu.t("notice_machine") not in reviewed
    outdated = notice(urdu, _info(out_of_date=True), "ur/parents/x.md", "parents/x.md")
    assert urdu.t("notice_outdated") in outdated and outdated.startswith("!!! warning")
    assert urdu.t("notice_outdated") not in machine


def test_help_pages_keep_every_number_url_and_service_name(library, pages):
    english = library.regions["uk"]
    page = pages["pl/help/uk.md"]
    for route in english.routes:
        if not route.emergency:  # emergency numbers head the page as "call 999", in English too
            assert route.name in page, route.id
        if route.phone:
            assert f"]({route.tel})" in page, route.id
        if route.url:
            assert f"]({route.url})" in page, route.id
    assert untapped_numbers(page, library.translations["pl"].regions["uk"]) == []


def test_a_help_page_with_an_untapped_number_is_caught(library, pages):
    """The check above can fail: a number in the translated text that is not a tel: link."""
    region = library.translations["pl"].regions["uk"]
    planted = pages["pl/help/uk.md"].replace("\n## ", "\nZadzwoń: 999.\n\n## ", 1)
    assert untapped_numbers(planted, region) == ["999"]


def test_dates_are_in_the_readers_language(library, pages):
    checked = library.regions["uk"].routes[0].last_verified
    assert strings_for(library, "pl").date(checked) in pages["pl/help/uk.md"]
    assert "listopada" in strings_for(library, "pl").date(checked) or checked.month != 11
    assert checked.strftime("%-d %B %Y") in pages[paths.help_path("uk")]


def test_export_writes_the_translations_and_never_the_translation_files(library, tmp_path):
    out = tmp_path / "export"
    export_markdown(library, out)
    assert (out / "pl" / "parents" / "start-here.md").is_file()
    assert (out / "ur" / "parents" / "live-streaming.md").is_file()
    assert not list(out.rglob("*.pl.md")) and not list(out.rglob("*.ur.md"))
    start = yaml.safe_load((out / "parents" / "start-here.md").read_text(encoding="utf-8").split("---\n")[1])
    assert start["title"] and [version["lang"] for version in start["alternates"]] == ["en", "pl", "ur"]


def test_a_missing_string_names_the_key_and_the_language(library):
    with pytest.raises(KeyError, match="content/languages/pl.yml has no string 'no_such_key'"):
        strings_for(library, "pl").t("no_such_key")
