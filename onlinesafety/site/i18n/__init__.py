"""The site in other languages: translated pages at `<code>/...`, each page's language and direction,
the links between the versions of a page, and the notice on every translated page.

Everything here works from `library.translations` (onlinesafety/translations/) and the English pages'
templates, so `python -m onlinesafety export-markdown` writes the translated pages too; only
onlinesafety/site/i18n/html.py touches built HTML (the `lang` and `dir` a theme writes for its one language).
"""

from .alternates import Alternate, alternates
from .pages import translated_pages
from .strings import Strings, strings_for

__all__ = ["Alternate", "Strings", "alternates", "strings_for", "translated_pages"]
