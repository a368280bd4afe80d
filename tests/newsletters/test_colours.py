"""Colours: a school's brand colour is used where it is readable, adjusted where it is not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from onlinesafety.newsletters.colours import AA, colours_for, contrast

hex_colour = st.integers(min_value=0, max_value=0xFFFFFF).map(lambda n: f"#{n:06x}")


def test_a_readable_brand_colour_is_used_as_it_is() -> None:
    colours = colours_for("#1D4F91")
    assert colours.brand == colours.accent == colours.button == "#1d4f91"
    assert colours.on_brand == "#ffffff"


@given(hex_colour)
def test_every_pair_meets_wcag_aa_in_light_and_dark_mode(brand: str) -> None:
    colours = colours_for(brand)
    assert contrast(colours.button, colours.on_brand) >= AA
    assert contrast(colours.accent, colours.background) >= AA
    assert contrast(colours.accent_dark, colours.background_dark) >= AA
    assert contrast(colours.text, colours.background) >= AA
    assert contrast(colours.text_dark, colours.background_dark) >= AA
    assert contrast(colours.muted, colours.background) >= AA
    assert contrast(colours.muted_dark, colours.background_dark) >= AA


def test_contrast_matches_known_values() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48
