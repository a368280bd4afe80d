"""Who the site search puts first: page weights and extra words for Material's search.

Material for MkDocs ranks with lunr, on fields set in mkdocs.yml (`plugins: search: fields:`): the
title, the text, the page's tags and, here, `keywords`. A page's front matter `search: boost:`
multiplies every score of that page (https://squidfunk.github.io/mkdocs-material/setup/setting-up-site-search/).

- A parent's words ("worried", "my child", "message", "photo") also appear in teachers' lesson
  plans, which are long, many, and have those words in their titles. The pages written for parents
  and the help pages are weighted far above the rest (PAGE_BOOST), so they come first whenever they
  match. A teacher's own words still find lessons: "lesson" and the age bands are tags, and a tag
  match outweighs any boost.
- School years ("year 4", "grade 7", "KS2") find the age band they belong to through `keywords`,
  which add_keywords() writes into the built index: site search matches words, and "Years 3 to 6"
  has no "4". A few words parents use that our guides do not ("stranger", "blackmail") are synonyms.
- Teacher-only safeguarding text is kept out of the index (`data-search-exclude` in
  templates/site/lesson.md.j2), so it is never a result's preview.

tests/browser/test_search.py runs the built index through the site's own search (Material's lunr
worker, in Chromium) and checks the order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import BAND_LABELS, Band, Library
from . import paths
from .parents_by_age import YEARS, age_page_path

PAGE_BOOST = 10_000.0
# By tag (onlinesafety/site/pages.py TAG_*). A page with none of these keeps Material's default, 1.
BOOST_BY_TAG = {"Parent guide": PAGE_BOOST, "Help": PAGE_BOOST}
# Handwritten pages say who they are for in `audience:` (content/pages/*.md).
BOOST_BY_AUDIENCE = {"parent-facing": PAGE_BOOST}
# A search result shows its page's tags, which say who the page is for. A handwritten page without
# tags of its own gets its audience's tag in the index (the page itself shows the tags it declares).
TAG_BY_AUDIENCE = {"parent-facing": "Parent guide", "teacher-facing": "Staff"}

# Words parents use that the guides do not, by the guide (or handwritten page) that answers them.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "parents/trust-and-tricks.md": ("stranger", "strangers", "grooming"),
    "parents/image-based-abuse.md": ("blackmail", "nudes", "nude selfie"),
    "parents/if-something-has-happened.md": ("stranger", "blackmail", "threat", "threatened", "scared"),
}


# lunr's pipeline functions that break search in other languages: the trimmer strips characters outside
# [A-Za-z0-9_] from both ends of each word (an Urdu word vanishes, "transmisję" becomes "transmisj"),
# and the stemmer is the English Porter stemmer. tests/browser/test_languages.py shows both.
NOT_FOR_OTHER_LANGUAGES = {"trimmer": "strips every letter outside A-Z from the ends of a word (all of an Urdu word)",
                           "stemmer": "stems every word as English"}


def pipeline_problems(pipeline: Iterable[str] | None) -> list[str]:
    """What is wrong with the search plugin's `pipeline` for a site with translated pages (empty when right)."""
    return [f"mkdocs.yml: plugins: search: pipeline has '{name}', which {why}; translated pages would not be "
            "found by their own words. Use `pipeline: [stopWordFilter]`."
            for name, why in NOT_FOR_OTHER_LANGUAGES.items() if name in (pipeline or [])]


def search_meta(tags: Iterable[str]) -> dict[str, Any] | None:
    """The `search:` front matter for a generated page with these tags, or None for Material's default."""
    boosts = [BOOST_BY_TAG[tag] for tag in tags if tag in BOOST_BY_TAG]
    return {"boost": max(boosts)} if boosts else None


def handwritten_tags(library: Library) -> dict[str, list[str]]:
    """{page URL: [tag]} for handwritten pages that declare no tags, from their `audience:`."""
    found: dict[str, list[str]] = {}
    for path, page in library.pages.items():
        tag = TAG_BY_AUDIENCE.get(str(getattr(page.meta.audience, "value", page.meta.audience)))
        if tag and not page.meta.tags:
            found[paths.page_url(path)] = [tag]
    return found


def handwritten_boosts(library: Library) -> dict[str, float]:
    """{page URL: boost} for handwritten pages, from their `audience:`. Their front matter cannot
    carry `search:` (content/pages front matter is checked strictly), so improve_index() sets it."""
    found: dict[str, float] = {}
    for path, page in library.pages.items():
        boost = BOOST_BY_AUDIENCE.get(str(getattr(page.meta.audience, "value", page.meta.audience)))
        if boost:
            found[paths.page_url(path)] = boost
    return found


def band_keywords(band: Band) -> str:
    """Every school year in the band, one by one, with the UK key stage: "Year 3 Year 4 … KS2"."""
    words = [year for years in YEARS[band].values() for year in years]
    uk = BAND_LABELS[band]["uk"]
    stages = [part.strip(" ()") for part in uk.replace(" and ", ",").split("(")[-1].split(",")]
    words += [stage for stage in stages if stage.startswith(("Key Stage", "EYFS", "sixth"))]
    words += [stage.replace("Key Stage ", "KS") for stage in stages if stage.startswith("Key Stage")]
    # No "ages 7 to 11" here: its bare "7" outweighed "Grade 7" on the 11-14 page once lunr's stemmer was
    # left out of the pipeline (translated pages); the page titles name the ages.
    return " ".join(dict.fromkeys(words))


def keywords(library: Library) -> dict[str, str]:
    """{page URL as the search index names it: extra words}."""
    found: dict[str, str] = {}
    for band in Band:
        for page in (paths.band_path(band), age_page_path(band)):
            found[paths.page_url(page)] = band_keywords(band)
    for page, words in SYNONYMS.items():
        found[paths.page_url(page)] = " ".join(words)
    return found


def add_to_index(data: dict[str, Any], words: dict[str, str], boosts: dict[str, float],
                 tags: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The search index (as Material writes it) with `keywords` on the page entries named in `words`
    (not their sections), and `boost` and `tags` on every entry of the pages named in `boosts`, `tags`."""
    for entry in data.get("docs", []):
        location = entry.get("location", "")
        page = location.split("#", 1)[0]
        if location in words:
            entry["keywords"] = words[location]
        if page in boosts and "boost" not in entry:
            entry["boost"] = boosts[page]
        if tags and page in tags and not entry.get("tags"):
            entry["tags"] = list(tags[page])
    return data


def improve_index(index_file: Path, library: Library) -> None:
    """Rewrite a built site's search/search_index.json with keywords and boosts (the field weights
    are set in mkdocs.yml)."""
    data = json.loads(index_file.read_text(encoding="utf-8"))
    data = add_to_index(data, keywords(library), handwritten_boosts(library), handwritten_tags(library))
    index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
