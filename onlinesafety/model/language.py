"""A language we publish parent material in: its names, direction, interface strings and terminology."""

from __future__ import annotations

import datetime as dt
import string
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .common import FieldError, Strict

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?$")]
Status = Literal["machine-assisted", "reviewed"]
ShortLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def _credited(item):
    """A translation marked reviewed names who reviewed it (the page credits them)."""
    if item.status == "reviewed" and item.reviewer is None:
        raise FieldError(("reviewer",), "status is 'reviewed' but no reviewer is named: add "
                         "reviewer: {name: ..., date: YYYY-MM-DD}, or set status: machine-assisted")
    return item


class Reviewer(Strict):
    """Who checked a translation as a native speaker, and when: credited on every page it covers."""

    name: ShortLine
    date: dt.date


class Terminology(Strict):
    """A word the gate refuses in this language, and the word to use instead."""

    avoid: ShortLine
    use: ShortLine
    why: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=400)]


class Language(Strict):
    code: LanguageCode
    name: ShortLine = Field(description="The language's name in English, e.g. Polish.")
    native_name: ShortLine = Field(description="The language's name in itself, e.g. Polski.")
    dir: Literal["ltr", "rtl"] = "ltr"
    why: Annotated[str, StringConstraints(strip_whitespace=True, max_length=600)] | None = Field(
        default=None, description="The evidence that families need this language.")
    source: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] | None = None
    status: Status = "machine-assisted"
    reviewer: Reviewer | None = None
    terminology: list[Terminology] = Field(default_factory=list, max_length=40)
    strings: dict[str, Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]]

    _reviewed_has_reviewer = model_validator(mode="after")(lambda self: _credited(self))

    @property
    def rtl(self) -> bool:
        return self.dir == "rtl"

    def t(self, key: str, **values: object) -> str:
        """The interface string `key`, with its {placeholders} filled in from `values`."""
        text = self.strings[key]
        return text.format(**values) if values else text


def placeholders(text: str) -> list[str]:
    """The {names} in an interface string or piece, in order (e.g. ['region'])."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["<unbalanced brace>"]


class TranslationHeader(Strict):
    """The `translation:` block at the top of every translation file."""

    language: LanguageCode
    source_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] = Field(
        description="Written by `python -m onlinesafety translations stamp`: the English text it translates.")
    status: Status = "machine-assisted"
    translated: dt.date
    reviewer: Reviewer | None = None

    _reviewed_has_reviewer = model_validator(mode="after")(lambda self: _credited(self))
