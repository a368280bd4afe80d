"""Everything the site needs from the package: generated pages and data files."""

from __future__ import annotations

import datetime as dt

from ..model import Library
from . import paths
from .exports import lessons_json, lessons_schema
from ..newsletters.exports import atom_feed, json_feed, language_files, snippets_json
from .pages import generate_pages


def site_files(library: Library, *, base_url: str, today: dt.date | None = None,
               classroom_sizes: dict[str, int] | None = None) -> dict[str, str]:
    """{path in the site: text} for every generated page and data file, in sorted order.

    `base_url` is the site's public address, used where links must be absolute (feeds);
    `classroom_sizes` are the classroom files built alongside (see onlinesafety.classroom).
    """
    files = generate_pages(library, today=today, classroom_sizes=classroom_sizes)
    files[paths.LESSONS_JSON] = lessons_json(library)
    files[paths.LESSONS_SCHEMA] = lessons_schema()
    files[paths.SNIPPETS_JSON] = snippets_json(library, base_url)
    files.update(language_files(library))  # api/newsletter-<code>.json: fetched by the builder page on choice
    files[paths.FEED_ATOM] = atom_feed(library, base_url)
    files[paths.FEED_JSON] = json_feed(library, base_url)
    return dict(sorted(files.items()))
