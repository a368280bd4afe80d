"""The pupil pack as an A4 PDF, laid out by WeasyPrint (HTML and CSS, Debian's Pango) from a Jinja2 template.

WeasyPrint because the pack is a document, not a drawing: it flows text, grids and page breaks from the
same kind of template the site uses, it is maintained (CourtBouillon, releases through 2026), needs only
Pango from Debian, and makes tagged, searchable PDFs whose text pdftotext can read back in tests.
A lesson's pages are laid out once; outputs.py joins that PDF to each region's help card (pypdf), so eight
countries cost one layout of the lesson.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..newsletters.richtext import parse_markdown
from .icons import icon_svg
from .pack import HelpSection, Pack

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "classroom"


@lru_cache(maxsize=1)
def _template() -> tuple[jinja2.Template, str]:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = lambda text: Markup(parse_markdown(text).html(""))
    env.globals["icon"] = lambda name: Markup(icon_svg(name))
    return env.get_template("pack.html.j2"), (TEMPLATES / "pack.css").read_text(encoding="utf-8")


def pack_html(pack: Pack) -> str:
    """The pack as one HTML document (also what the tests and the print preview read)."""
    template, css = _template()
    return template.render(pack=pack, css=Markup(css))


def laid_out(pack: Pack):
    """The pack's pages, laid out once (a weasyprint Document)."""
    from weasyprint import HTML  # imported here: loading Pango is only needed when packs are made

    return HTML(string=pack_html(pack), base_url=str(TEMPLATES)).render()


def help_pages(pack: Pack, card: HelpSection):
    """The help card's page for one region, in the pack's type size."""
    return laid_out(Pack(pack.lesson_id, pack.title, pack.large, (card,)))
