"""A language's interface strings, as the page templates use them: `t(key, **values)`, band names and dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date

from ...model import BAND_LABELS, Band

# The English catalogue shipped with the project, for a content tree without content/languages/en.yml.
SHIPPED_ENGLISH = Path(__file__).resolve().parents[3] / "content" / "languages" / "en.yml"


@dataclass(frozen=True)
class Strings:
    """One language's strings, and how its pages write band names and dates."""

    code: str
    native_name: str
    dir: str
    strings: dict[str, str] = field(repr=False)

    @property
    def english(self) -> bool:
        return self.code == "en"

    def t(self, key: str, **values: Any) -> str:
        """The string with its {placeholders} filled; KeyError names the key and language when missing."""
        try:
            text = self.strings[key]
        except KeyError:
            raise KeyError(f"content/languages/{self.code}.yml has no string '{key}'; add it "
                           f"(content/languages/en.yml has the English)") from None
        return " ".join(text.split()).format(**values) if values else " ".join(text.split())

    def band(self, band: Band | str) -> str:
        """The band's name: the site's own label in English ("Ages 4–7"), the translated one otherwise."""
        band = Band(band)
        return BAND_LABELS[band]["title"] if self.english else self.t(f"band_{band.value}")

    def date(self, day: dt.date) -> str:
        """A day in the reader's language: 1 November 2026, 1 listopada 2026."""
        return day.strftime("%-d %B %Y") if self.english else format_date(day, "long", locale=_locale(self.code))

    def month(self, day: dt.date) -> str:
        """A month and year in the reader's language: November 2026, listopad 2026."""
        return day.strftime("%B %Y") if self.english else format_date(day, "LLLL y", locale=_locale(self.code))


def _locale(code: str) -> str:
    return code.replace("-", "_")


def strings_for(library: Any, code: str = "en") -> Strings:
    """The strings of language `code` from `library.languages`; English falls back to the shipped catalogue."""
    languages = getattr(library, "languages", None) or {}
    language = languages.get(code)
    if language is not None:
        return Strings(language.code, language.native_name, language.dir, dict(language.strings))
    if code != "en":
        raise KeyError(f"no content/languages/{code}.yml")
    local = Path(library.root) / "languages" / "en.yml"
    data = yaml.safe_load((local if local.is_file() else SHIPPED_ENGLISH).read_text(encoding="utf-8"))
    return Strings("en", data.get("native_name", "English"), data.get("dir", "ltr"), dict(data["strings"]))
