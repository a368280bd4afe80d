"""The builder page's Language choice (#14 point 6): English only, one language, or English then the language.

The script's copies must equal the Python twins (builder_plain_text, builder_social_text) in every choice,
right-to-left included. The page embeds English only; a language's pieces are in api/newsletter-<code>.json,
which the script fetches once, when the language is chosen (#14 follow-up: the page stays light).
api/snippets.json still carries every translation (the public export).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest

from onlinesafety.model import Library
from onlinesafety.newsletters.builder import (DATA_ID, builder_data, builder_page, builder_plain_text,
                                               builder_social_text, language_options)
from onlinesafety.newsletters.exports import language_data, language_files, snippets_data, snippets_json
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
    assert language_files(library) == {} and builder_data(library)["languages"] == []


def embedded(page: str) -> dict:
    return json.loads(page.split(f'id="{DATA_ID}">')[1].split("</script>")[0])


def test_the_page_embeds_english_only_and_where_each_language_is(translated: Library) -> None:
    data = embedded(builder_page(translated))
    assert data["languages"] == [
        {"code": "pl", "name": "Polish", "native_name": "Polski", "dir": "ltr", "data_url": "api/newsletter-pl.json"},
        {"code": "ur", "name": "Urdu", "native_name": "اردو", "dir": "rtl", "data_url": "api/newsletter-ur.json"}]
    assert all("translations" not in item for item in data["snippets"] + data["regions"])
    full = snippets_data(translated, markdown=False)
    assert data["snippets"] == [{k: v for k, v in s.items() if k != "translations"} for s in full["snippets"]]
    text = json.dumps(data, ensure_ascii=False)
    for code in ("pl", "ur"):
        for length in ("short", "medium", "long"):
            assert PIECES[code][length][0] not in text
        assert PIECES[code]["social"][1] not in text
    assert "مدد کہاں سے ملے" not in text and "Anglia" not in text  # strings and regions' names too


def test_each_language_file_holds_what_the_script_reads_for_it(translated: Library) -> None:
    files = language_files(translated)
    assert sorted(files) == ["api/newsletter-pl.json", "api/newsletter-ur.json"]
    everything = snippets_data(translated, markdown=False)
    for code in ("pl", "ur"):
        data = json.loads(files[f"api/newsletter-{code}.json"])
        assert data == language_data(translated, code)
        assert (data["code"], data["dir"]) == (code, "rtl" if code == "ur" else "ltr")
        assert data["strings"] == next(l["strings"] for l in everything["languages"] if l["code"] == code)
        # The same pieces, posts, links and kickers as api/snippets.json carries for the language.
        assert data["snippets"] == {s["id"]: s["translations"][code] for s in everything["snippets"]
                                    if code in s["translations"]}
        assert data["regions"] == {r["id"]: r["translations"][code] for r in everything["regions"]
                                   if code in r["translations"]}
    urdu = json.loads(files["api/newsletter-ur.json"])
    assert sorted(urdu["snippets"]) == sorted(translated.snippets)
    assert urdu["snippets"][SNIPPET]["guide_url"] == "ur/parents/live-streaming/#ages-7-11"  # a site path
    assert urdu["regions"]["england"]["help_url"] == "ur/help/england/"
    assert list(json.loads(files["api/newsletter-pl.json"])["snippets"]) == [SNIPPET]


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
    for path, text in language_files(translated).items():  # as the site build writes them
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    server, url = serve(folder)
    yield url
    server.shutdown()


def data_requests(page) -> list[str]:
    """The page's requests for data files (anything under api/)."""
    return [url for url in page.requests if "/api/" in url]


def choose(page, language: str) -> None:
    page.get_by_label("Language", exact=True).select_option(language)


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
        page.get_by_text("has not been translated into Polish yet").wait_for()  # once Polish has loaded
        assert page.get_by_role("button", name="Copy plain text").is_disabled()
    finally:
        page.context.close()


@pytest.mark.browser
def test_choosing_a_language_fetches_its_file_once_and_nothing_else(browser, site: str) -> None:
    page = new_page(browser)
    try:
        held = []
        page.route("**/api/newsletter-pl.json", lambda route: held.append(route))  # answered below, to see the page waiting
        open_builder(page, site)
        page.get_by_label("Topic").select_option("live-streaming")
        page.get_by_label("Age of the children").select_option("7-11")
        page.get_by_label("Length").select_option("medium")
        assert data_requests(page) == []  # English only: nothing is fetched
        with page.expect_request("**/api/newsletter-pl.json"):
            choose(page, "pl")
        page.get_by_text("Loading the Polish pieces …").wait_for()
        assert page.locator("#nl-preview").get_attribute("aria-busy") == "true"
        assert page.get_by_role("button", name="Copy plain text").is_disabled()
        for _ in range(250):
            if held:
                break
            page.wait_for_timeout(20)
        held[0].continue_()
        page.unroute("**/api/newsletter-pl.json")
        page.get_by_role("heading", name=PIECES["pl"]["medium"][0]).wait_for()
        assert page.locator("#nl-preview").get_attribute("aria-busy") is None
        assert page.get_by_role("button", name="Copy plain text").is_enabled()
        for language in ("en+pl", "", "pl", "en+pl"):  # kept: chosen again, it is not fetched again
            choose(page, language)
        page.get_by_role("heading", name=PIECES["pl"]["medium"][0]).wait_for()
        choose(page, "en+ur")
        page.get_by_role("heading", name=PIECES["ur"]["medium"][0]).wait_for()
        choose(page, "ur")
        page.get_by_role("heading", name=PIECES["ur"]["medium"][0]).wait_for()
        assert data_requests(page) == [site + "api/newsletter-pl.json", site + "api/newsletter-ur.json"]
        assert [url for url in page.requests if not url.startswith(site)] == []
        assert page.errors == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_language_that_cannot_be_loaded_says_so_and_english_still_works(
        browser, site: str, translated: Library) -> None:
    page = new_page(browser)
    try:
        open_builder(page, site)
        page.get_by_label("Topic").select_option("live-streaming")
        page.get_by_label("Age of the children").select_option("7-11")
        page.get_by_label("Length").select_option("medium")
        page.get_by_label("Country or region").select_option("england")
        page.context.set_offline(True)
        choose(page, "en+ur")
        status = page.locator("#nl-status")
        page.get_by_text("The Urdu pieces could not be loaded").wait_for()
        assert "may be offline" in status.inner_text() and "choose Urdu again" in status.inner_text()
        assert page.get_by_label("Language", exact=True).input_value() == ""  # back to English only …
        page.get_by_role("heading", name="Going live: what families can do").wait_for()
        page.get_by_role("button", name="Copy plain text").click()  # … which works as before
        page.get_by_text("Copied as plain text.").wait_for()
        assert clipboard_text(page) == builder_plain_text(translated, snippet_id=SNIPPET, length="medium",
                                                          region_id="england", site_root=site)
        assert data_requests(page) == [site + "api/newsletter-ur.json"]
        page.context.set_offline(False)  # a failure is not kept: choosing the language again tries again
        choose(page, "en+ur")
        page.get_by_role("heading", name=PIECES["ur"]["medium"][0]).wait_for()
        assert data_requests(page) == [site + "api/newsletter-ur.json"] * 2
        # The saved choice comes back on the next visit, and its file is fetched again (a new page, no cache kept).
        page.reload()
        page.get_by_role("heading", name=PIECES["ur"]["medium"][0]).wait_for()
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_broken_or_missing_language_file_says_so_too(browser, site: str) -> None:
    page = new_page(browser)
    try:
        open_builder(page, site)
        page.route("**/api/newsletter-pl.json", lambda route: route.fulfill(status=404, body="not here"))
        with page.expect_response("**/api/newsletter-pl.json"):
            choose(page, "pl")
        page.get_by_text("The Polish pieces could not be loaded").wait_for()
        page.unroute("**/api/newsletter-pl.json")
        page.route("**/api/newsletter-pl.json", lambda route: route.fulfill(
            status=200, content_type="application/json", body='{"code": "ur", "snippets": {}, "strings": {}}'))
        with page.expect_response("**/api/newsletter-pl.json"):
            choose(page, "pl")  # the wrong language's file is refused as well (trying again clears the message)
        page.get_by_text("The Polish pieces could not be loaded").wait_for()
        assert len(data_requests(page)) == 2
        assert page.get_by_label("Language", exact=True).input_value() == ""
    finally:
        page.context.close()


# --- the real site ------------------------------------------------------------------------------------

@pytest.mark.browser
def test_the_built_site_publishes_each_language_file_and_the_page_fetches_it(built_site, site_url, browser) -> None:
    from onlinesafety.loading import load_library
    from tests.conftest import ROOT
    from tests.newsletters.test_builder_page import builder_path

    library = load_library(ROOT / "content")
    path = builder_path(built_site)
    data = embedded((built_site / path / "index.html").read_text(encoding="utf-8"))
    assert all("translations" not in item for item in data["snippets"] + data["regions"])
    codes = [language["code"] for language in data["languages"]]
    assert "ur" in codes and len(codes) >= 6
    for language in data["languages"]:  # where the page looks is where the build wrote it
        written = json.loads((built_site / language["data_url"]).read_text(encoding="utf-8"))
        assert written == language_data(library, language["code"])
    urdu = language_data(library, "ur")
    snippet = next(s for s in data["snippets"] if s["band"] and s["id"] in urdu["snippets"])
    page = new_page(browser, viewport={"width": 1024, "height": 900})
    try:  # under the site's own Content-Security-Policy (connect-src 'self')
        open_builder(page, site_url, path)
        page.get_by_label("Topic").select_option(snippet["topic"])
        page.get_by_label("Age of the children").select_option(snippet["band"])
        page.get_by_label("Length").select_option("medium")
        region = data["regions"][0]["id"]
        page.get_by_label("Country or region").select_option(region)
        assert data_requests(page) == []
        choose(page, "en+ur")
        page.get_by_role("heading", name=urdu["snippets"][snippet["id"]]["pieces"]["medium"]["headline"]).wait_for()
        page.get_by_role("button", name="Copy plain text").click()
        page.get_by_text("Copied as plain text.").wait_for()
        assert clipboard_text(page) == builder_plain_text(library, snippet_id=snippet["id"], length="medium",
                                                          region_id=region, site_root=site_url, language="en+ur")
        assert data_requests(page) == [site_url + "api/newsletter-ur.json"]
        assert page.errors == []  # a Content-Security-Policy refusal would be reported here
    finally:
        page.context.close()
