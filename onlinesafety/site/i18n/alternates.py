"""Which versions each page has: the English page and its translations, for the language switcher and
`<link rel="alternate" hreflang>` (templates/material/main.html reads them from the page's front matter)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import paths
from .links import translated_path


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str  # the language's own name: Polski, اردو
    path: str  # the page's path in the site


def alternates(english_paths: Mapping[str, Iterable[str]], names: Mapping[str, str]) -> dict[str, list[Alternate]]:
    """{site path: every version of that page, English first} for each page that has a translation.

    `english_paths` is {language code: English paths translated in it}; `names` {code: native name}."""
    versions: dict[str, list[Alternate]] = {}
    for code in sorted(english_paths):
        for english in english_paths[code]:
            found = versions.setdefault(english, [Alternate("en", names.get("en", "English"), english)])
            found.append(Alternate(code, names[code], translated_path(code, english)))
    return {alternate.path: found for found in versions.values() for alternate in found}


def language_meta(page_path: str, found: Mapping[str, list[Alternate]], *, lang: str = "en", dir: str = "ltr",
                  label: str = "This page in other languages") -> dict[str, Any]:
    """Front matter for a page: its `lang` and `dir`, and its other versions as links relative to it."""
    meta: dict[str, Any] = {"lang": lang, "dir": dir}
    others = found.get(page_path, [])
    if others:
        meta["alternates"] = [{"lang": other.lang, "name": other.name, "url": paths.html_link(page_path, other.path),
                               "site": paths.page_url(other.path), "current": other.path == page_path}
                              for other in others]
        meta["alternates_label"] = label
    return meta
