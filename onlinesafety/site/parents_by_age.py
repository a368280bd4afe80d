"""Parents by child's age: one page per age band that gathers, across every topic, what to say at
that age, what to set up at home and what to watch for, each linking into the band's section of the
topic's parent guide.

The school years each band covers are spelt out one by one ("Year 3, Year 4, Year 5, Year 6") so a
parent who searches for their child's year ("year 4", "grade 7") finds the right page: site search
matches whole words, and "Years 3 to 6" holds no "4".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import BAND_LABELS, Band, Library, ParentGuide
from ..newsletters.render import band_anchor  # newsletter pieces link to the same sections
from . import paths

# The first and last school year of each band in each system, as BAND_LABELS names them
# (onlinesafety/model/common.py; tests/site/test_parents_by_age.py checks the two agree).
# Checked against: Wikipedia, "Year 4" (https://en.wikipedia.org/wiki/Year_4): in England "children
# being aged between eight and nine. It is also the second year of Key Stage 2"; in Australia "most
# children in Year 4 are aged between nine and ten"; South Tyneside Council, "School years and key
# stages" (https://southtyneside.gov.uk/article/5553/School-years-and-key-stages): "Juniors 8 - 11
# Years 3 to 6 Key Stage 2 / Secondary 11 to 14 Years 7 to 9 Key Stage 3"; for US Grade 7, "usually
# for students aged 12 to 13" (https://void.ai/wiki/Seventh+Grade). School starting ages differ by
# country and birthday, so the bands are a guide, as the pages say.
YEARS: dict[Band, dict[str, tuple[str, ...]]] = {
    Band.AGES_4_7: {"uk": ("Reception", "Year 1", "Year 2"), "us": ("Pre-K", "Kindergarten", "Grade 1"),
                    "au": ("Foundation", "Year 1")},
    Band.AGES_7_11: {"uk": tuple(f"Year {n}" for n in range(3, 7)), "us": tuple(f"Grade {n}" for n in range(2, 6)),
                     "au": tuple(f"Year {n}" for n in range(2, 6))},
    Band.AGES_11_14: {"uk": tuple(f"Year {n}" for n in range(7, 10)), "us": tuple(f"Grade {n}" for n in range(6, 9)),
                      "au": tuple(f"Year {n}" for n in range(6, 9))},
    Band.AGES_14_18: {"uk": tuple(f"Year {n}" for n in range(10, 14)), "us": tuple(f"Grade {n}" for n in range(9, 13)),
                      "au": tuple(f"Year {n}" for n in range(9, 13))},
}
SYSTEMS = {"uk": "UK", "us": "US", "au": "Australia"}


def age_page_path(band: Band) -> str:
    return f"parents/ages/{band.value}.md"


def school_years(band: Band) -> list[tuple[str, str]]:
    """[(system, "Year 3, Year 4, Year 5 or Year 6"), ...] for one band."""
    def spoken(years: tuple[str, ...]) -> str:
        return years[0] if len(years) == 1 else ", ".join(years[:-1]) + " or " + years[-1]
    return [(SYSTEMS[system], spoken(years)) for system, years in YEARS[band].items()]


@dataclass(frozen=True)
class TopicAdvice:
    """One topic's advice for parents of one age band."""

    topic_id: str
    title: str
    guide: ParentGuide
    say: str
    set_up: tuple[str, ...]
    watch_for: tuple[str, ...]


YOUNGER_ONLY = "(Younger children)"


def advice_for(library: Library, band: Band, guides: dict[str, ParentGuide] | None = None) -> list[TopicAdvice]:
    """Every parent guide's advice for `band`, in teaching order (guides without a topic last);
    `guides` (default: the library's) are translated guides on a page in another language, titled by
    their own title, as the topics are not translated."""
    order = {topic.id: topic.order for topic in library.topics.values()}
    chosen = library.parent_guides if guides is None else guides
    ordered = sorted(chosen.values(), key=lambda guide: (order.get(guide.topic, 99), guide.id))
    titles = {topic.id: topic.title for topic in library.topics.values()} if guides is None else {}
    return [TopicAdvice(topic_id=guide.topic, title=titles.get(guide.topic, guide.title), guide=guide,
                        say=guide.by_age[band], set_up=tuple(guide.home_checklist),
                        watch_for=tuple(guide.warning_signs))
            for guide in ordered]


def parents_by_age_pages(library: Library, render: Callable[..., str],
                         front: Callable[..., dict[str, Any]], tags: list[str], *, lang: Any,
                         guides: dict[str, ParentGuide] | None = None,
                         regions: list[Any] | None = None) -> dict[str, str]:
    """{path: Markdown} for the four pages; `render` and `front` are the site's page renderer and
    front-matter builder (onlinesafety/site/pages.py), `tags` the page's tags, `lang` the page's
    language strings (onlinesafety/site/i18n/strings.py). For a translation, `guides` and `regions`
    are the ones in that language; the paths are the English pages' (onlinesafety/site/i18n/ moves them)."""
    pages: dict[str, str] = {}
    bands = list(Band)
    chosen = library.parent_guides if guides is None else guides
    newest = max((guide.reviewed for guide in chosen.values()), default=None)
    for band in bands:
        path = age_page_path(band)
        name = lang.band(band)
        title = f"Your child at {name.lower()}" if lang.english else lang.t("parents_by_age_title", band=name)
        description = (f"What to say, what to set up at home and what to watch for, for parents of children "
                       f"{name.lower()}." if lang.english else lang.t("ages_brings_together"))
        years = school_years(band) if lang.english else [
            (system, ", ".join(years)) for system, years in ((SYSTEMS[s], y) for s, y in YEARS[band].items())]
        pages[path] = render(
            "parents_age.md.j2", path,
            front(title, description, reviewed=newest, tags=[*tags, BAND_LABELS[band]["title"]]),
            band=band, title=title, labels=BAND_LABELS[band], years=years,
            years_text="; ".join(f"{system} {spoken}" for system, spoken in years),
            topics=advice_for(library, band, guides), anchor=band_anchor(band),
            others=[other for other in bands if other != band],
            regions=library.regions_in_order() if regions is None else regions,
            age_page_path=age_page_path, help_index=paths.HELP, cited=[], lang=lang,
        )
    return pages


def ages_index_page(render: Callable[..., str], front_matter: dict[str, Any]) -> str:
    """ages/index.md: each band with its school years, its page for parents and its lessons."""
    return render("ages_index.md.j2", paths.AGES, front_matter,
                  bands=[(band, school_years(band)) for band in Band], age_page_path=age_page_path, cited=[])
