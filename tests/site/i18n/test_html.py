"""Each built page says its own language and direction, whatever the theme's one language is."""

from __future__ import annotations

import pytest

from onlinesafety.site.i18n.html import set_language

PAGE = '<!doctype html><html lang="en" class="no-js"><head></head><body dir="ltr" data-md-color-scheme="default"><p>x</p></body></html>'


def test_an_urdu_page_is_right_to_left():
    html = set_language(PAGE, "ur", "rtl")
    assert '<html lang="ur" class="no-js" dir="rtl">' in html
    assert '<body dir="rtl" data-md-color-scheme="default">' in html


def test_an_english_page_stays_english():
    assert set_language(PAGE, "en", "ltr") == PAGE.replace('class="no-js">', 'class="no-js" dir="ltr">')


@pytest.mark.parametrize("lang, direction", [("Polish", "ltr"), ("pl", "right"), ("", "ltr")])
def test_a_wrong_language_or_direction_is_refused(lang, direction):
    with pytest.raises(ValueError, match="language code|dir must be"):
        set_language(PAGE, lang, direction)


def test_the_theme_speaks_the_pages_language_where_it_can():
    from onlinesafety.site.i18n.html import theme_language

    available = {"en", "pl", "ur", "tl", "cy"}
    assert [theme_language(code, available) for code in ("pl", "ur", "fil", "en")] == ["pl", "ur", "tl", "en"]
    assert theme_language("xx", available) == "en"  # a language the theme lacks: its English words
