"""Pieces in a parent's language (#14 point 6): one language, or English then the language, in every format."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from onlinesafety.model import Library
from onlinesafety.newsletters import email as email_module
from onlinesafety.newsletters.email import EMAIL_LIMIT, email_html, fragment_html, markdown_text, plain_text
from onlinesafety.newsletters.errors import NewsletterErrors
from onlinesafety.newsletters.languages import (
    LRM, RLM, RTL_CLOSE, RTL_OPEN, Choice, mark_rtl_lines, parts_for,
)
from onlinesafety.newsletters.outputs import Selection, school_files
from onlinesafety.newsletters.profile import SchoolProfile, load_profile
from onlinesafety.newsletters.render import (
    Renderer, colours_for, context, make_renderer, piece_view, school_view, social_posts,
)
from tests.newsletters.factory import AMPERSANDS, HOSTILE, library_at, write_profile
from tests.newsletters.translated import PIECES, translate

SNIPPET = "live-streaming-7-11"
BASE = "https://hillside.example/online-safety"


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Urdu for every piece, with the live-streaming guide and England's help page; Polish for one piece."""
    library = library_at(tmp_path_factory.mktemp("translated"))
    translate(library, "ur", guides=("live-streaming",), regions=("england",))
    translate(library, "pl", snippets=[SNIPPET])
    return library


@pytest.fixture
def school(tmp_path: Path, translated: Library) -> SchoolProfile:
    return load_profile(write_profile(tmp_path / "school.yml"), translated)


def values(library: Library, profile: SchoolProfile, choice: Choice, length: str = "long",
           snippet_id: str = SNIPPET) -> dict:
    snippet = library.snippets[snippet_id]
    region = library.regions[profile.region]
    view = school_view(profile, region)
    piece = piece_view(library, snippet, length, profile.base_url)
    social = social_posts(snippet, profile.base_url)
    parts = parts_for(library, choice, view, region, snippet, length, None, piece, social)
    return context(view, piece, colours_for(profile.brand_colour), social, parts)


# --- which text, which links ----------------------------------------------------------------------

def test_one_language_has_only_the_translation(translated: Library, school: SchoolProfile,
                                                renderer: Renderer) -> None:
    text = plain_text(renderer, values(translated, school, Choice("pl")))
    assert "Transmisje na żywo i twoje dziecko" in text
    assert "Live streaming and your child" not in text
    assert "Gdzie szukać pomocy (England):" in text  # England's page is not in Polish: its English name
    assert "To jest tłumaczenie tekstu angielskiego." in text
    assert f"{BASE}/parents/live-streaming/#ages-7-11" in text  # the English guide, with the notice


def test_bilingual_is_english_first_then_the_language(translated: Library, school: SchoolProfile,
                                                      renderer: Renderer) -> None:
    for kind in (plain_text, markdown_text, fragment_html):
        text = kind(renderer, values(translated, school, Choice("pl", bilingual=True)))
        english, polish = text.index("Live streaming and your child"), text.index("Transmisje na żywo i twoje")
        assert english < polish, kind.__name__
        assert text.count("Hillside Primary School") == 1, "the school signs off once, at the end"
        assert text.index("To jest tłumaczenie") > english, "the notice is on the translated part only"


def test_links_go_to_the_translated_guide_and_help_page_where_they_exist(
        translated: Library, school: SchoolProfile, renderer: Renderer) -> None:
    urdu = plain_text(renderer, values(translated, school, Choice("ur", bilingual=True)))
    assert f"{BASE}/ur/parents/live-streaming/#ages-7-11\n" in urdu
    assert f"{BASE}/ur/help/england/\n" in urdu
    assert f"{BASE}/help/england/\n" in urdu  # the English part keeps the English page
    polish = plain_text(renderer, values(translated, school, Choice("pl")))  # no Polish guide or help page yet
    assert "/pl/" not in polish


def test_the_translated_part_uses_the_regions_words_in_the_language(translated: Library, school: SchoolProfile,
                                                                   renderer: Renderer) -> None:
    text = plain_text(renderer, values(translated, school, Choice("ur")))
    flat = " ".join(text.replace(RLM, "").split())
    assert "اسکول میں بچوں کے تحفظ کے ذمہ دار (Designated Safeguarding Lead)، Ms A. Patel" in flat
    assert "مدد کہاں سے ملے (انگلینڈ):" in flat


def test_pieces_without_a_translation_are_left_out(translated: Library, school: SchoolProfile,
                                                   renderer: Renderer) -> None:
    files = school_files(translated, school, renderer, Selection(language=Choice("pl")))
    assert {key[0] for key in files if len(key) > 1} == {SNIPPET}
    files = school_files(translated, school, renderer, Selection(language=Choice("ur")))
    assert {key[0] for key in files if len(key) > 1} == set(
        s.id for s in translated.snippets.values() if s.band is None or s.band.value in ("4-7", "7-11"))


# --- language attributes and right-to-left --------------------------------------------------------

class Blocks(HTMLParser):
    """Every element's attributes, and the language and direction the text inside it inherits."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict[str, str]] = []
        self.runs: list[tuple[str, str, str]] = []  # (text, lang, dir)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        inherited = dict(self.stack[-1]) if self.stack else {"lang": "", "dir": "ltr", "align": ""}
        found = dict(attrs)
        style = found.get("style", "")
        if tag == "title" or "display: none" in style:  # not shown
            inherited = {**inherited, "hidden": "yes"}
        for name in ("lang", "dir"):
            if name in found:
                inherited[name] = found[name]
        if "align" in found or "text-align" in style:
            inherited["align"] = found.get("align", "") + ("|" + style if "text-align" in style else "")
        if tag not in ("br", "img", "meta", "link", "hr", "input"):
            self.stack.append(inherited)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag not in ("br", "img", "meta", "link", "hr", "input"):
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack and "hidden" not in self.stack[-1]:
            top = self.stack[-1]
            self.runs.append((data.strip(), top["lang"], top["dir"] + ":" + top["align"]))


def misplaced_urdu(html: str) -> list[str]:
    """Runs of Urdu text not inside lang="ur", dir="rtl", align="right" and text-align: right."""
    parser = Blocks()
    parser.feed(html)
    wrong = []
    for text, lang, where in parser.runs:
        if any(unicodedata.bidirectional(c) == "AL" for c in text):
            if lang != "ur" or not where.startswith("rtl:right") or "text-align: right" not in where:
                wrong.append(f"{text[:30]!r} lang={lang} {where[:40]}")
    return wrong


def test_the_urdu_part_is_right_to_left_in_the_email_and_the_fragment(translated: Library, school: SchoolProfile,
                                                                       renderer: Renderer) -> None:
    data = values(translated, school, Choice("ur", bilingual=True))
    email = email_html(renderer, data, "x")
    fragment = fragment_html(renderer, data)
    for html in (email, fragment):
        assert misplaced_urdu(html) == []
        english = [lang for text, lang, _ in _runs(html) if "Live streaming and your child" in text]
        assert english and "ur" not in english
    assert email.startswith("<!DOCTYPE html><html lang=\"en\" ")
    only = email_html(renderer, values(translated, school, Choice("ur")), "x")
    assert '<html lang="ur" dir="rtl" ' in only
    assert misplaced_urdu(only) == []


def test_urdu_outside_a_right_to_left_block_is_found() -> None:
    assert misplaced_urdu('<div lang="ur" dir="rtl" align="right" style="text-align: right"><p>اردو</p></div>') == []
    assert misplaced_urdu('<div lang="ur" dir="rtl"><p>اردو</p></div>')  # no align: Outlook aligns left
    assert misplaced_urdu('<div lang="ur" align="right" style="text-align: right"><p>اردو</p></div>')
    assert misplaced_urdu("<p>اردو</p>")


def _runs(html: str) -> list[tuple[str, str, str]]:
    parser = Blocks()
    parser.feed(html)
    return parser.runs


def test_a_polish_part_declares_its_language_and_stays_left_to_right(translated: Library, school: SchoolProfile,
                                                                      renderer: Renderer) -> None:
    html = email_html(renderer, values(translated, school, Choice("pl", bilingual=True)), "x")
    langs = {lang for text, lang, _ in _runs(html) if "Transmisje" in text}
    assert langs == {"pl"}
    assert 'dir="rtl"' not in html
    assert '<div lang="pl" dir="ltr" markdown="1">' in markdown_text(
        renderer, values(translated, school, Choice("pl", bilingual=True)))


def unmarked_rtl_lines(text: str) -> list[str]:
    """Lines with Urdu that do not start with RIGHT-TO-LEFT MARK, or with a web address not closed by LEFT-TO-RIGHT
    MARK; and web-address lines that carry a mark (it would be copied into the link)."""
    wrong = []
    for line in text.split("\n"):
        if re.fullmatch(r"https://\S+", line):
            if RLM in line or LRM in line:
                wrong.append(line)
            continue
        if any(unicodedata.bidirectional(c) == "AL" for c in line):
            if not line.startswith(RLM):
                wrong.append(line)
            for match in re.finditer(r"https://[^\s()\u200e]+", line):
                if not line.startswith(LRM, match.end()):
                    wrong.append(line)
    return wrong


def test_right_to_left_plain_text_lines_are_marked(translated: Library, school: SchoolProfile,
                                                   renderer: Renderer) -> None:
    for length in ("short", "medium", "long"):
        text = plain_text(renderer, values(translated, school, Choice("ur", bilingual=True), length))
        assert RTL_OPEN not in text and RTL_CLOSE not in text
        assert unmarked_rtl_lines(text) == [], length
    assert f"\n{RLM}1. اکثر بات کریں\n" in text, "a line that starts with a digit is right-to-left too"
    polish = plain_text(renderer, values(translated, school, Choice("pl", bilingual=True)))
    assert RLM not in polish and LRM not in polish


def test_unmarked_right_to_left_text_is_found(translated: Library, school: SchoolProfile, renderer: Renderer) -> None:
    text = plain_text(renderer, values(translated, school, Choice("ur", bilingual=True), "medium"))
    assert unmarked_rtl_lines(text.replace(RLM, ""))
    assert unmarked_rtl_lines(text.replace(LRM, ""))  # the body's inline link, without its closing mark
    assert unmarked_rtl_lines(mark_rtl_lines(f"{RTL_OPEN}\nhttps://example.org/ اردو\n{RTL_CLOSE}").replace(RLM, ""))
    assert unmarked_rtl_lines(f"https://example.org/{LRM}")  # a mark in a link line is copied with the link


def test_web_address_lines_are_left_alone() -> None:
    marked = mark_rtl_lines(f"{RTL_OPEN}\nاردو (https://a.example/b/) اردو\nhttps://a.example/c/\n{RTL_CLOSE}\nEnglish")
    assert marked == f"{RLM}اردو (https://a.example/b/{LRM}) اردو\nhttps://a.example/c/\nEnglish"


# --- escaping, sizes, reruns ----------------------------------------------------------------------

def test_hostile_translations_and_schools_are_escaped_in_every_format(tmp_path: Path) -> None:
    library = library_at(tmp_path)
    hostile = (f"{HOSTILE} اردو {AMPERSANDS}", f"اردو {HOSTILE} **bold** [x](javascript:alert(1)) {AMPERSANDS}",
               f"{HOSTILE} {AMPERSANDS}")
    translate(library, "ur", pieces={"short": hostile, "medium": hostile, "long": hostile},
              newsletter_in_language=f"{{language}} {HOSTILE}")
    profile = load_profile(write_profile(tmp_path / "s.yml", school_name=HOSTILE + " " + AMPERSANDS,
                                         safeguarding_lead_name=AMPERSANDS + " Lead"), library)
    renderer = make_renderer()
    data = values(library, profile, Choice("ur", bilingual=True), "short")
    for html in (email_html(renderer, data, "x"), fragment_html(renderer, data)):
        assert "<img" not in html and "javascript:" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    text = plain_text(renderer, data)
    assert HOSTILE in text and "&lt;" not in text and "&amp;" not in text
    markdown = markdown_text(renderer, data)
    assert "<img" not in markdown and "javascript:" not in markdown


def test_a_bilingual_email_at_the_word_limit_stays_under_the_size_limit(tmp_path: Path) -> None:
    library = library_at(tmp_path)
    sentence = "اپنے بچے سے پرسکون انداز میں بات کریں اور اس کی بات غور سے سنیں۔ "  # 14 words
    words = (sentence * 22).split()[:296]
    body = "\n\n".join(" ".join(words[i:i + 29]) for i in range(0, len(words), 29))
    long = ("لائیو اسٹریمنگ", body, "گائیڈ پڑھیں")
    translate(library, "ur", pieces={"long": long}, guides=("live-streaming",), regions=("england",))
    assert translated_words(library, "ur") >= 299
    profile = load_profile(write_profile(tmp_path / "s.yml", logo_url="https://hillside.example/logo.png"), library)
    email = email_html(make_renderer(), values(library, profile, Choice("ur", bilingual=True)), "x")
    size = len(email.encode("utf-8"))
    assert size < EMAIL_LIMIT, size
    assert " ".join(words[-29:]) in email.replace("\n", " ")  # the whole Urdu piece is in it


def translated_words(library: Library, code: str) -> int:
    return library.translations[code].snippets[SNIPPET].long.words()


def test_a_bilingual_email_over_the_limit_is_refused(translated: Library, school: SchoolProfile,
                                                     renderer: Renderer, monkeypatch: pytest.MonkeyPatch) -> None:
    data = values(translated, school, Choice("ur", bilingual=True))
    english = len(email_html(renderer, values(translated, school, Choice()), "x").encode("utf-8"))
    monkeypatch.setattr(email_module, "EMAIL_LIMIT", english + 100)  # room for the English, not for both
    with pytest.raises(NewsletterErrors, match="the limit is"):
        email_html(renderer, data, "content/snippets/live-streaming/live-streaming-7-11.ur.yml")


def test_reruns_are_byte_identical_with_and_without_shared_shapes(translated: Library, tmp_path: Path) -> None:
    """Two schools that share shapes (stand_ins.py) get exactly what each would get alone."""
    profiles = [load_profile(write_profile(tmp_path / f"{n}.yml", id=n, school_name=f"School {n}",
                                           safeguarding_lead_name=f"Lead {n}"), translated) for n in ("a", "b", "c")]
    for choice in (Choice("ur", bilingual=True), Choice("ur"), Choice("pl", bilingual=True)):
        selection = Selection(language=choice)
        shared: dict = {}
        together = [school_files(translated, p, make_renderer(), selection, None, shared) for p in profiles]
        alone = [school_files(translated, p, make_renderer(), selection) for p in profiles]
        assert together == alone
        assert together[2] == school_files(translated, profiles[2], make_renderer(), selection, None, shared)


# --- social posts ----------------------------------------------------------------------------------

def test_bilingual_social_posts_are_english_then_the_language(translated: Library, school: SchoolProfile,
                                                              renderer: Renderer) -> None:
    files = school_files(translated, school, renderer, Selection(language=Choice("ur", bilingual=True)))
    short = files[(SNIPPET, "social-short.txt")]
    english, urdu = short.rstrip("\n").split("\n\n")
    assert english.startswith("Live streams can be recorded")
    assert urdu == PIECES["ur"]["social"][0].replace("{link}", f"{BASE}/ur/parents/live-streaming/#ages-7-11{LRM}")
    long = files[(SNIPPET, "social-long.txt")]
    assert long.rstrip("\n").split("\n\n")[1] == PIECES["ur"]["social"][1]


def test_a_translated_post_over_the_limit_names_the_translation_file(tmp_path: Path, renderer: Renderer) -> None:
    library = library_at(tmp_path)
    translate(library, "pl", pieces={"social": ("Słowo " * 44 + "{link}", "Krótko.")})
    profile = load_profile(write_profile(tmp_path / "s.yml"), library)
    with pytest.raises(NewsletterErrors) as caught:
        school_files(library, profile, renderer, Selection(language=Choice("pl", bilingual=True)))
    assert "live-streaming-4-7.pl.yml" in caught.value.report()
    assert "social.short" in caught.value.report()


def test_out_of_date_translations_are_listed(tmp_path: Path) -> None:
    from onlinesafety.newsletters.languages import out_of_date

    library = library_at(tmp_path)
    translate(library, "pl", out_of_date=("live-streaming-4-7",))
    assert out_of_date(library, Choice("pl")) == ["content/snippets/live-streaming/live-streaming-4-7.pl.yml"]
    translate(library, "ur")
    assert out_of_date(library, Choice("ur")) == [] and out_of_date(library, Choice()) == []
