"""The builder page's Language choice (#14 point 6): English only, one language, or English then the language.

The script's copies must equal the Python twins (builder_plain_text, builder_social_text) in every choice,
right-to-left included; api/snippets.json carries the translations the script reads.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest

from onlinesafety.model import Library
from onlinesafety.newsletters.builder import builder_page, builder_plain_text, builder_social_text, language_options
from onlinesafety.newsletters.exports import snippets_data, snippets_json
from onlinesafety.newsletters.languages import LRM, RLM
from tests.conftest import new_page, serve
from tests.newsletters.factory import HOSTILE, library_at
from tests.newsletters.test_builder_page import RESULTS, SCRIPT, clipboard_html, clipboard_text, open_builder
from tests.newsletters.test_languages import misplaced_urdu, unmarked_rtl_lines
from tests.newsletters.translated import PIECES, translate

SNIPPET = "live-streaming-7-11"


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = library_at(tmp_path_factory.mktemp("builder-translated"))
    translate(library, "ur", guides=("live-streaming",), regions=("england",))
    translate(library, "pl", snippets=[SNIPPET])
    return library


# --- data and twins --------------------------------------------------------------------------------

def test_snippets_json_carries_the_translations(translated: Library) -> None:
    data = json.loads(snippets_json(translated, "https://s.example/"))
    assert [(l["code"], l["dir"]) for l in data["languages"]] == [("pl", "ltr"), ("ur", "rtl")]
    assert data["languages"][1]["strings"]["newsletter_where_help"] == "مدد کہاں سے ملے ({region})"
    assert data["languages"][1]["strings"]["newsletter_masthead"] == "Online safety at home"  # English fills gaps
    piece = next(s for s in data["snippets"] if s["id"] == SNIPPET)
    assert sorted(piece["translations"]) == ["pl", "ur"]
    urdu = piece["translations"]["ur"]
    assert urdu["pieces"]["long"]["headline"] == PIECES["ur"]["long"][0]
    assert urdu["pieces"]["long"]["body_markdown"] == PIECES["ur"]["long"][1]
    assert urdu["guide_url"] == "https://s.example/ur/parents/live-streaming/#ages-7-11"
    assert piece["translations"]["pl"]["guide_url"] == "https://s.example/parents/live-streaming/#ages-7-11"
    assert urdu["audience_label"] == "اردو میں · 7 سے 11 سال کی عمر"
    england = next(r for r in data["regions"] if r["id"] == "england")
    assert england["translations"]["ur"]["help_url"] == "https://s.example/ur/help/england/"
    assert next(s for s in data["snippets"] if s["id"] == "live-streaming-4-7")["translations"].keys() == {"ur"}


def test_without_translations_the_data_has_no_languages(library: Library) -> None:
    data = snippets_data(library)
    assert data["languages"] == [] and all(s["translations"] == {} for s in data["snippets"])
    assert language_options(library) == [("", "English only")]


def test_the_language_choice_lists_each_language_alone_and_after_english(translated: Library) -> None:
    assert language_options(translated) == [
        ("", "English only"), ("pl", "Polish (Polski) only"), ("en+pl", "English, then Polish (Polski)"),
        ("ur", "Urdu (اردو) only"), ("en+ur", "English, then Urdu (اردو)")]
    page = builder_page(translated)
    assert '<label for="nl-language">Language</label>' in page and 'value="en+ur"' in page


def test_the_plain_text_twin_in_urdu_then_english_order_and_marks(translated: Library) -> None:
    text = builder_plain_text(translated, snippet_id=SNIPPET, length="medium", region_id="england",
                              site_root="http://127.0.0.1:8000/", school="Hillside", lead="Ms Lead",
                              contact="0123 456789", language="en+ur")
    english, urdu = text.split("\n\n----------------------------------------\n\n")
    assert english.startswith("Going live: what families can do\n")
    assert urdu.startswith(RLM + "یہ انگریزی متن کا ترجمہ ہے۔")
    assert "http://127.0.0.1:8000/ur/parents/live-streaming/#ages-7-11\n" in urdu
    assert "http://127.0.0.1:8000/ur/help/england/\n" in urdu
    assert "Ms Lead (0123 456789)" in urdu and urdu.endswith("\n\nHillside\n")
    assert unmarked_rtl_lines(text) == []
    assert unmarked_rtl_lines(text.replace(RLM, ""))  # the check sees marks that are missing


def test_a_blank_lead_or_contact_is_left_out_in_the_language_too(translated: Library) -> None:
    text = builder_plain_text(translated, snippet_id=SNIPPET, length="short", region_id="england",
                              site_root="https://s.example/", language="pl")
    worried = next(line for line in text.split("\n") if line.startswith("Jeśli martwisz"))
    assert worried == ("Jeśli martwisz się o dziecko, porozmawiaj z naszą osobą odpowiedzialną za ochronę dzieci "
                       "(Designated Safeguarding Lead).")
    assert "{" not in text


def test_the_social_twin_joins_the_posts_english_first(translated: Library) -> None:
    short = builder_social_text(translated, snippet_id=SNIPPET, site_root="https://s.example/", language="en+ur")
    english, urdu = short.split("\n\n")
    assert english.endswith("https://s.example/parents/live-streaming/#ages-7-11")
    assert urdu.endswith(f"https://s.example/ur/parents/live-streaming/#ages-7-11{LRM}")
    assert builder_social_text(translated, snippet_id=SNIPPET, site_root="https://s.example/", language="pl",
                               long=True) == PIECES["pl"]["social"][1]


# --- the script, in Chromium ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, translated: Library) -> Iterator[str]:
    from tests.newsletters.test_builder_page import standalone_page

    folder = tmp_path_factory.mktemp("builder-languages")
    (folder / "newsletters" / "builder").mkdir(parents=True)
    (folder / "newsletters" / "builder" / "index.html").write_text(standalone_page(translated), encoding="utf-8")
    (folder / "assets" / "javascripts").mkdir(parents=True)
    shutil.copy(SCRIPT, folder / "assets" / "javascripts" / SCRIPT.name)
    server, url = serve(folder)
    yield url
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en+ur", "ur", "en+pl", "pl"])
def test_the_scripts_copies_match_the_python_twins(browser, site: str, translated: Library, language: str) -> None:
    page = new_page(browser, viewport={"width": 1024, "height": 900})
    try:
        open_builder(page, site)
        page.get_by_label("Topic").select_option("live-streaming")
        page.get_by_label("Age of the children").select_option("7-11")
        page.get_by_label("Length").select_option("long")
        page.get_by_label("Country or region").select_option("england")
        page.get_by_label("Language", exact=True).select_option(language)
        page.get_by_label("School name").fill(HOSTILE)
        page.get_by_label("Safeguarding lead's name").fill('"&<> Lead')
        assert page.errors == []  # (copying HTML makes Chromium parse its style attributes: CSP reports those)
        expected = builder_plain_text(translated, snippet_id=SNIPPET, length="long", region_id="england",
                                      site_root=site, school=HOSTILE, lead='"&<> Lead', language=language)
        page.get_by_role("button", name="Copy plain text").click()
        page.get_by_text("Copied as plain text.").wait_for()
        assert clipboard_text(page) == expected
        page.get_by_role("button", name="Copy for email").click()
        page.get_by_text("Copied, with its formatting").wait_for()
        html = clipboard_html(page)
        assert "<img" not in html and "&lt;img" in html
        assert misplaced_urdu(html) == []
        code = language.split("+")[-1]
        assert f'lang="{code}"' in html
        for long in (False, True):
            name = "Copy long social post" if long else "Copy short social post"
            page.get_by_role("button", name=name).click()
            page.get_by_text("Copied the long social post." if long else "Copied the short social post.").wait_for()
            assert clipboard_text(page) == builder_social_text(translated, snippet_id=SNIPPET, site_root=site,
                                                               language=language, long=long)
        RESULTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(RESULTS / f"builder-{language}.png"), full_page=True)
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_piece_not_translated_says_so(browser, site: str) -> None:
    page = new_page(browser)
    try:
        open_builder(page, site)
        page.get_by_label("Topic").select_option("webcams-at-home")
        page.get_by_label("Age of the children").select_option("7-11")
        page.get_by_label("Language", exact=True).select_option("en+pl")
        assert "has not been translated into Polish yet" in page.locator("#nl-preview").inner_text()
        assert page.get_by_role("button", name="Copy plain text").is_disabled()
    finally:
        page.context.close()
