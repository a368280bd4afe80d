"""The Present view: a lesson's slides as one HTML page for projecting from the browser.

Only what is on the slides goes into the page (no speaker notes: the screen is what pupils see). The
help slide carries every region's routes; the page shows the one the teacher chose (kept in this
browser only). Scripts and styles are files, so the site's Content-Security-Policy holds.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..model import Lesson, Region
from ..newsletters.richtext import Paragraph, parse_markdown
from .deck import lesson_deck
from .help_card import help_lines
from ..site.whitespace import collapse
from .icons import icon_svg

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "classroom"


def _inline(text: str) -> Markup:
    """One line of Markdown as inline HTML (no wrapping paragraph)."""
    parsed = parse_markdown(text)
    html = str(parsed.html(""))
    if len(parsed.blocks) == 1 and isinstance(parsed.blocks[0], Paragraph):
        html = html.removeprefix("<p>").removesuffix("</p>")
    return Markup(html)


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = lambda text: Markup(parse_markdown(text).html(""))
    env.filters["md_inline"] = _inline
    env.globals["icon"] = lambda name: Markup(icon_svg(name))
    return env.get_template("present.html.j2")


def present_html(lesson: Lesson, regions: list[Region], *, assets: str, lesson_url: str) -> str:
    """The Present page; `assets` is the relative path to the site's assets/ folder, ending in '/'."""
    deck = lesson_deck(lesson, regions[0])
    help_regions = [(region.id, region.name, help_lines(region, lesson.band)) for region in regions]
    # The same whitespace treatment as every built page (a test checks every index.html in the site).
    return collapse(_template().render(deck=deck, help_regions=help_regions, assets=assets, lesson_url=lesson_url))
