"""Pathological Markdown is bounded by the model's length caps.

Python-Markdown (and the checks' regular expressions) slow down faster than the text grows on runs of
'[': measured here, 2,500 '[' take about 2 s to check and render, and 10,000 take over two minutes.
Every text field in a content file has a maximum length in the model (at most 2,500 characters), so a
10,000-'[' field is refused before anything parses it, and a field at its cap renders within the hang
guard. Handwritten pages (content/pages/*.md) have a 64 KiB body cap and refuse runs of more than 64
identical Markdown punctuation characters, so a 10,000-'[' page is refused with its file and line.
"""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path
from typing import Any

import markdown
import pytest
from pydantic import BaseModel

from onlinesafety.checks import run_checks
from onlinesafety.loading import ContentErrors, load_library
from onlinesafety.model import EvidenceSet, Lesson, ParentGuide, Region, Snippet, Topic
from onlinesafety.model.common import AudienceTag
from onlinesafety.newsletters.outputs import Selection, school_files
from onlinesafety.newsletters.profile import load_profile
from onlinesafety.newsletters.render import make_renderer
from onlinesafety.site import site_files
from tests.factories import lesson_data, make_content, page_text
from tests.newsletters.factory import snippet, write_content, write_profile
from tests.robustness.support import HANG_SECONDS, within

TODAY = dt.date(2026, 11, 22)
LARGEST_CAP = 2500
EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.details",
              "pymdownx.superfences"]
PATHOLOGICAL = {
    "open brackets": "[",
    "backticks": "`",
    "stars": "*",
    "underscores": "_",
    "angle brackets": "<",
    "empty links": "[](",
    "nested brackets": None,  # "[" * half + "]" * half
    "blockquote markers": "> ",
    "list markers": "- ",
    "pipes": "|",
    "entities": "&#",
    "backslashes": "\\",
    "fences": "```\n",
}


def _text(name: str, length: int) -> str:
    unit = PATHOLOGICAL[name]
    if unit is None:
        return "[" * (length // 2) + "]" * (length // 2)
    return (unit * (length // len(unit) + 1))[:length]


def _caps(model: type[BaseModel], seen: set[type] | None = None) -> list[tuple[str, int | None]]:
    """(Model.field, max_length) for every audience-tagged text field, nested models included."""
    seen = seen if seen is not None else {model}
    found: list[tuple[str, int | None]] = []
    for name, info in model.model_fields.items():
        for annotation in _flatten(info.annotation):
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                if annotation not in seen:
                    seen.add(annotation)
                    found += _caps(annotation, seen)
                continue
            metadata = list(typing.get_args(annotation)[1:]) if typing.get_origin(annotation) is typing.Annotated else []
            if annotation is info.annotation:
                metadata += info.metadata  # pydantic moves a field's own constraints here
            if any(isinstance(entry, AudienceTag) for entry in metadata):
                lengths = [entry.max_length for entry in metadata if getattr(entry, "max_length", None)]
                found.append((f"{model.__name__}.{name}", min(lengths) if lengths else None))
    return found


def _flatten(annotation: Any) -> list[Any]:
    """The annotation and, through lists, dicts and unions (not into Annotated), what it contains."""
    result = [annotation]
    if typing.get_origin(annotation) is typing.Annotated:
        return result
    for argument in typing.get_args(annotation):
        result += _flatten(argument)
    return result


@pytest.mark.parametrize("model", [Lesson, Topic, ParentGuide, Snippet, Region, EvidenceSet])
def test_every_text_field_has_a_length_cap(model: type[BaseModel]) -> None:
    caps = _caps(model)
    assert caps, f"no text fields found in {model.__name__}"
    uncapped = [field for field, cap in caps if cap is None or cap > LARGEST_CAP]
    assert not uncapped, f"text fields without a cap of at most {LARGEST_CAP}: {uncapped}"


@pytest.mark.parametrize("name", ["open brackets", "backticks", "nested brackets"])
def test_a_10000_character_field_is_refused_before_anything_parses_it(tmp_path: Path, name: str) -> None:
    data = lesson_data()
    data["activities"][1]["teacher_notes"] = _text(name, 10_000)
    content = make_content(tmp_path, lessons=[data])
    with pytest.raises(ContentErrors) as raised:
        within(HANG_SECONDS, lambda: load_library(content))
    problem = raised.value.problems[0]
    assert problem.field == "activities[1].teacher_notes"
    assert f"the limit is {LARGEST_CAP}" in problem.message


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_a_field_at_its_cap_is_checked_and_rendered_within_the_hang_guard(tmp_path: Path, name: str) -> None:
    data = lesson_data()
    data["activities"][1]["teacher_notes"] = _text(name, LARGEST_CAP)
    content = make_content(tmp_path, lessons=[data])

    def pipeline() -> int:
        try:
            library = load_library(content)
        except ContentErrors:
            return 0  # refused: also bounded
        run_checks(library, today=TODAY, ci=False)
        converter = markdown.Markdown(extensions=EXTENSIONS)
        pages = site_files(library, base_url="https://school.example/", today=TODAY)
        for text in pages.values():
            converter.reset().convert(text)
        return len(pages)

    within(HANG_SECONDS, pipeline)


@pytest.mark.parametrize("name", ["open brackets", "nested brackets", "backticks", "empty links"])
def test_a_newsletter_piece_at_its_cap_renders_within_the_hang_guard(tmp_path: Path, name: str) -> None:
    body = _text(name, 2400)
    content = write_content(tmp_path, snippets=[("live-streaming", snippet("live-streaming", "7-11", long={
        "headline": "A long piece", "body": body, "call_to_action": "Read our guide for parents"}))])
    library = load_library(content)
    profile = load_profile(write_profile(tmp_path / "school.yml"), library)
    files = within(HANG_SECONDS, lambda: school_files(library, profile, make_renderer(), Selection()))
    assert files


def test_a_handwritten_page_of_10000_open_brackets_is_refused(tmp_path: Path) -> None:
    content = make_content(tmp_path, pages={"about.md": page_text(body="[" * 10_000 + "\n")})
    with pytest.raises(ContentErrors):
        load_library(content)
