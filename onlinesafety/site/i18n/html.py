"""A built page's language and direction. Material writes `<html lang>` and `<body dir>` from its one
`theme.language`; a page's own `lang:` and `dir:` (front matter, from onlinesafety/site/i18n/) replace them."""

from __future__ import annotations

import re

_HTML = re.compile(r"<html\b[^>]*>")
_BODY = re.compile(r"<body\b[^>]*>")
_ATTRIBUTE = r'\s{name}="[^"]*"'
_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def _set(tag: str, name: str, value: str) -> str:
    pattern = re.compile(_ATTRIBUTE.format(name=name))
    if pattern.search(tag):
        return pattern.sub(f' {name}="{value}"', tag, count=1)
    return tag[:-1].rstrip("/") + f' {name}="{value}">'


def set_language(html: str, lang: str, direction: str) -> str:
    """`html` with `lang` and `dir` on its <html> element and `dir` on its <body>."""
    if not _CODE.match(lang):
        raise ValueError(f"'{lang}' is not a language code (BCP 47, e.g. 'pl', 'ur', 'fil')")
    if direction not in ("ltr", "rtl"):
        raise ValueError(f"dir must be 'ltr' or 'rtl', not '{direction}'")
    html = _HTML.sub(lambda match: _set(_set(match.group(0), "lang", lang), "dir", direction), html, count=1)
    return _BODY.sub(lambda match: _set(match.group(0), "dir", direction), html, count=1)


# Material's interface strings ("Search", "Table of contents", "Skip to content") come in its own
# partials/languages/<code>.html. Filipino is written there under Tagalog's code.
THEME_CODES = {"fil": "tl"}


def theme_language(lang: str, available: set[str]) -> str:
    """The theme's language for a page in `lang`: its own when the theme has it, else English."""
    code = THEME_CODES.get(lang, lang)
    return code if code in available else "en"
