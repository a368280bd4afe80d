"""Links in a translated page go to the translation where one exists, else to the English page."""

from __future__ import annotations

from onlinesafety.site.i18n.links import relink

HERE = {"pl/parents/start-here.md", "pl/help/uk.md", "pl/index.md"}


def test_a_link_to_a_translated_page_stays_in_the_language():
    text = relink("See [help](../help/uk.md#need-child-talk).", "parents/start-here.md", "pl", HERE)
    assert text == "See [help](../help/uk.md#need-child-talk)."  # pl/parents -> pl/help: the same relative link


def test_a_link_to_an_untranslated_page_goes_to_the_english_page():
    text = relink("See [the index](../help/index.md) and [a guide](live-streaming.md#ages-4-7).",
                  "parents/start-here.md", "pl", HERE)
    assert text == "See [the index](../../help/index.md) and [a guide](../../parents/live-streaming.md#ages-4-7)."


def test_anchors_and_outside_links_are_left_alone():
    text = '[top](#top) [web](https://example.org/a.md) [tel](tel:999) [titled](../help/uk.md "UK")'
    assert relink(text, "parents/start-here.md", "pl", HERE) == text


def test_images_and_downloads_are_the_english_sites():
    text = relink("![logo](../assets/x.png) [slides](../lessons/a.pptx)", "parents/start-here.md", "pl", HERE)
    assert text == "![logo](../../assets/x.png) [slides](../../lessons/a.pptx)"


def test_an_untranslated_link_left_as_written_would_be_caught():
    """The check above can fail: written for the English page, the link points into pl/, where no page is."""
    english = "[a guide](live-streaming.md)"
    assert relink(english, "parents/start-here.md", "pl", HERE) != english
