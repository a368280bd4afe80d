"""The builder page stays light with every language (#14 follow-up to #13): a translation is fetched from
api/newsletter-<code>.json when it is chosen, never embedded, so the page with six languages is within 10 %
of the English-only page, raw and gzipped.

The real content is used (its six languages are the point: school offices download this page on ordinary
laptops and phones). Must-fail fixture: the page as it was, every language's pieces embedded in its data.
"""

from __future__ import annotations

import dataclasses
import gzip

import pytest

from onlinesafety.loading import load_library
from onlinesafety.model import Library
from onlinesafety.newsletters.builder import DATA_ID, _script_json, builder_data, builder_page
from onlinesafety.newsletters.exports import newsletter_languages, snippets_data
from tests.conftest import ROOT

LIMIT = 0.10
LANGUAGES = 6  # the translations in content/ (cy, es, fil, pl, ro, ur)


def sizes(html: str) -> tuple[int, int]:
    """The page's size in bytes, raw and gzipped (as a web server sends it)."""
    data = html.encode("utf-8")
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def growth_problems(english_only: str, page: str, limit: float = LIMIT) -> list[str]:
    """How the page with its languages outgrows the English-only page by more than `limit`, if it does."""
    problems = []
    for what, base, size in zip(("bytes", "bytes gzipped"), sizes(english_only), sizes(page)):
        if size > base * (1 + limit):
            problems.append(
                f"the newsletter builder page is {size:,} {what} with its languages, {size / base - 1:.0%} more than "
                f"the English-only page ({base:,}); the limit is {limit:.0%}. Keep each language's pieces in its "
                "own file (exports.language_files), fetched when the language is chosen, not in the page's data.")
    return problems


def english_only(library: Library) -> Library:
    return dataclasses.replace(library, translations={})


def with_languages_embedded(library: Library) -> str:
    """The page as it was before this fix: every language's pieces, strings and regions in its data block."""
    page = builder_page(library)
    head, rest = page.split(f'id="{DATA_ID}">', 1)
    everything = {**builder_data(library), **snippets_data(library, markdown=False)}
    return f'{head}id="{DATA_ID}">{_script_json(everything)}</script>{rest.split("</script>", 1)[1]}'


@pytest.fixture(scope="module")
def real() -> Library:
    library = load_library(ROOT / "content")
    assert len(newsletter_languages(library)) >= LANGUAGES, "the size check needs the six translations in content/"
    return library


def test_the_page_with_every_language_stays_within_10_percent_of_english_only(real: Library) -> None:
    english, page = builder_page(english_only(real)), builder_page(real)
    assert 'value="en+ur"' in page and 'value="en+ur"' not in english  # the languages are offered …
    assert growth_problems(english, page) == []  # … for a few hundred bytes


def test_a_page_with_the_languages_embedded_fails(real: Library) -> None:
    problems = growth_problems(builder_page(english_only(real)), with_languages_embedded(real))
    assert len(problems) == 2 and "the limit is 10%" in problems[0] and "gzipped" in problems[1]
