"""Links inside a translated page: to the translation where one exists, else to the English page.

A translated page is written at `<code>/<English path>`, so each relative link in it is resolved
against the English page it was made from, then pointed at `<code>/<target>` when that page exists
in the language, or back at the English page when it does not.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Container

from .. import paths

# [text](target), [text](target "title") and images; a file that is not a page (an image, a download) is
# always the English site's.
_LINK = re.compile(r"(\]\()(?P<target>[^)\s]+)(?P<rest>(?:\s+\"[^\"]*\")?\))")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def translated_path(code: str, english_path: str) -> str:
    """Where the `code` translation of an English page lives in the site."""
    return f"{code}/{english_path}"


def relink(markdown: str, english_path: str, code: str, translated: Container[str]) -> str:
    """`markdown` (written for `english_path`) with its relative links right from `<code>/<english_path>`;
    `translated` holds the site paths that exist in the language (e.g. "pl/parents/start-here.md")."""
    here = translated_path(code, english_path)

    def fix(match: re.Match[str]) -> str:
        target = match.group("target")
        if target.startswith(("#", "/")) or _SCHEME.match(target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        english = posixpath.normpath(posixpath.join(posixpath.dirname(english_path), path))
        local = translated_path(code, english)
        goal = local if path.endswith(".md") and local in translated else english
        return f"{match.group(1)}{paths.md_link(here, goal)}{hash_}{anchor}{match.group('rest')}"

    return _LINK.sub(fix, markdown)
