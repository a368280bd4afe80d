"""Pictograms for pupil materials, from the icon sets shipped inside mkdocs-material (nothing fetched).

Licences (see ICONS.md): Material Design Icons (Pictogrammers) Apache 2.0; Octicons MIT; Font Awesome
Free icons CC BY 4.0. Every deck and pack that uses an icon says so on its credits.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

LICENCES = {
    "material": "Material Design Icons by Pictogrammers, Apache License 2.0",
    "octicons": "Octicons by GitHub, MIT License",
    "fontawesome": "Font Awesome Free icons by Fonticons, CC BY 4.0",
}


class UnknownIcon(LookupError):
    pass


def icons_root() -> Path:
    return Path(str(files("material") / "templates" / ".icons"))


def icon_path(icon: str) -> Path:
    """The SVG file of `icon` ("set/name"), or UnknownIcon with what to do."""
    path = icons_root() / f"{icon}.svg"
    if ".." in icon or not path.is_file():
        raise UnknownIcon(f"no icon '{icon}' in mkdocs-material's icon sets; pick a name from "
                          f"{icons_root()}/<set>/ (for example material/tablet)")
    return path


def licence_of(icon: str) -> str:
    return LICENCES[icon.split("/", 1)[0]]


@lru_cache(maxsize=512)
def icon_svg(icon: str) -> str:
    """The icon's SVG markup, sized by CSS, drawn in the current text colour, hidden from screen readers."""
    svg = icon_path(icon).read_text(encoding="utf-8")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" fill="currentColor" ', 1)


@lru_cache(maxsize=512)
def icon_png(icon: str, size: int = 256) -> bytes:
    """The icon as a black PNG for slide decks (python-pptx takes raster images only)."""
    import cairosvg  # imported here: only decks need it

    return cairosvg.svg2png(bytestring=icon_path(icon).read_bytes(), output_width=size, output_height=size)
