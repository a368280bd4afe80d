"""Turn pydantic validation errors into problems that name file, line and field."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ContentProblem
from .safe_yaml import YamlDocument, dotted

M = TypeVar("M", bound=BaseModel)

FIELD_HELP = "see content/README.md for every field"


def validate_document(
    model: type[M], document: YamlDocument, path: str
) -> tuple[M | None, list[ContentProblem]]:
    """Validate `document` as `model`; on failure return every problem found in it."""
    if not isinstance(document.data, dict):
        return None, [ContentProblem(path, 1, None, "expected a mapping of fields at the top of the file",
                                     f"start the file with 'field: value' lines; {FIELD_HELP}")]
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        return None, [_problem(model, document, path, detail) for detail in error.errors()]


def _problem(model: type[BaseModel], document: YamlDocument, path: str, detail: dict[str, Any]) -> ContentProblem:
    kind = detail["type"]
    context = detail.get("ctx") or {}
    # A model-level check that names its field (model.common.FieldError) is placed on that field's line.
    loc = _clean_loc(detail["loc"]) + tuple(getattr(context.get("error"), "loc", ()))
    field = dotted(loc) or None
    line = document.line_for(loc)
    given = detail.get("input")
    if kind == "missing":
        return ContentProblem(path, line, field, "this required field is missing",
                              f"add '{loc[-1]}:' here; {FIELD_HELP}")
    if kind == "extra_forbidden":
        known = _known_fields(model, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"known fields here: {', '.join(sorted(known)) or 'none'}"
        return ContentProblem(path, line, field, "unknown field", f"remove it or correct its name ({hint})")
    if kind in ("enum", "literal_error"):
        expected = context.get("expected", "one of the allowed values")
        return ContentProblem(path, line, field, f"'{_short(given)}' is not allowed here",
                              f"use {expected}")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tags = str(context.get("expected_tags", "")).replace("kind:", "")
        return ContentProblem(path, line, field, f"'kind: {_short(str(context.get('tag', '')).removeprefix('kind:'))}' is missing or not known",
                              f"give 'kind:' one of {tags}".rstrip(" of") if tags else "give 'kind:'")
    if kind == "string_too_long":
        return ContentProblem(path, line, field,
                              f"text is {len(str(given))} characters; the limit is {context.get('max_length')}",
                              "shorten it")
    if kind == "string_too_short":
        return ContentProblem(path, line, field, "text is empty or too short", "write the text this field needs")
    if kind == "too_short":
        return ContentProblem(path, line, field,
                              f"needs at least {context.get('min_length')} items, has {context.get('actual_length')}",
                              "add more items")
    if kind == "too_long":
        return ContentProblem(path, line, field,
                              f"has {context.get('actual_length')} items; at most {context.get('max_length')} allowed",
                              "remove or merge items")
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern", "")
        fix = ("use lower-case letters, digits and hyphens only, like 'live-streaming'"
               if "a-z0-9" in pattern else f"match the pattern {pattern}")
        if pattern.startswith("^I can"):
            fix = "start the pupil outcome with 'I can'"
        return ContentProblem(path, line, field, f"'{_short(given)}' has the wrong form", fix)
    if kind == "string_type" and isinstance(given, (dt.date, bool, int, float)):
        kind_read = {dt.date: "a date", dt.datetime: "a date and time", bool: "yes/no (true or false)"}.get(
            type(given), "a number")
        return ContentProblem(path, line, field, f"YAML reads '{_short(given)}' as {kind_read}, but text is expected here",
                              f"put it in quotes: \"{_short(given)}\"")
    if kind.startswith(("int_", "float_", "bool_", "date_", "string_type", "list_type", "dict_type",
                        "model_type", "url_", "greater_than", "less_than")):
        return ContentProblem(path, line, field, f"{detail['msg'].rstrip('.').lower()}, got '{_short(given)}'",
                              "give a value of the expected kind")
    message = str(detail["msg"]).removeprefix("Value error, ").rstrip(".")
    return ContentProblem(path, line, field, message, "correct the value")


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the validator and union-member names pydantic adds to a location."""
    return tuple(part for part in loc
                 if not (isinstance(part, str) and (part.startswith(("function-", "kind:")) or part.endswith("-str"))))


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = getattr(current, "model_fields", {}).get(part)
        if field_info is None:
            return []
        current = _inner_model(field_info.annotation)
        if current is None:
            return []
    return [info.alias or name for name, info in getattr(current, "model_fields", {}).items()]


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None
