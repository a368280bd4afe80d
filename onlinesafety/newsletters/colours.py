"""Colours for a school's pieces: its brand colour where it is readable, safe fallbacks where not.

Every colour is given for light and dark mode, and every pair meets WCAG AA (4.5:1) contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

AA = 4.5
TEXT, BACKGROUND, PAGE, MUTED, BORDER = "#1f2328", "#fdfdfc", "#eef1f4", "#4a5560", "#d5dbe1"
TEXT_DARK, BACKGROUND_DARK, PAGE_DARK, MUTED_DARK, BORDER_DARK = "#e8eaed", "#1e2227", "#121417", "#b5bcc4", "#3a424b"


@dataclass(frozen=True)
class Colours:
    """Every colour an email or fragment uses, light and dark."""

    brand: str
    button: str  # the brand colour, adjusted so that on_brand text on it is readable
    on_brand: str
    accent: str  # headlines and links on the light background
    accent_dark: str  # the same on the dark background
    text: str = TEXT
    background: str = BACKGROUND
    page: str = PAGE
    muted: str = MUTED
    border: str = BORDER
    text_dark: str = TEXT_DARK
    background_dark: str = BACKGROUND_DARK
    page_dark: str = PAGE_DARK
    muted_dark: str = MUTED_DARK
    border_dark: str = BORDER_DARK


def colours_for(brand: str) -> Colours:
    """Colours built around `brand` (#rrggbb), adjusted until each pair is readable."""
    brand = brand.lower()
    on_brand = "#ffffff" if contrast(brand, "#ffffff") >= contrast(brand, "#111111") else "#111111"
    button = _readable(brand, on_brand, towards="#000000" if on_brand == "#ffffff" else "#ffffff")
    accent = _readable(brand, BACKGROUND, towards="#000000")
    accent_dark = _readable(brand, BACKGROUND_DARK, towards="#ffffff")
    return Colours(brand=brand, button=button, on_brand=on_brand, accent=accent, accent_dark=accent_dark)


def _readable(colour: str, background: str, towards: str) -> str:
    """`colour` mixed step by step towards `towards` until it reaches AA contrast on `background`."""
    for step in range(0, 21):
        mixed = mix(colour, towards, step / 20)
        if contrast(mixed, background) >= AA:
            return mixed
    return towards


def mix(a: str, b: str, amount: float) -> str:
    ra, ga, ba = _rgb(a)
    rb, gb, bb = _rgb(b)
    return "#{:02x}{:02x}{:02x}".format(*(round(x + (y - x) * amount) for x, y in ((ra, rb), (ga, gb), (ba, bb))))


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
