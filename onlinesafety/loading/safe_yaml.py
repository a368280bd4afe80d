"""Safe YAML: plain data only, with the line of every value kept for error messages.

Refuses custom tags (no code execution), anchors and aliases (no YAML bombs),
duplicate keys (the second silently wins in PyYAML), oversized files and deep nesting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import ContentError

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32
Loc = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@dataclass
class YamlDocument:
    """Parsed data plus the line (1-based) where each value starts."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_for(self, loc: Loc) -> int:
        """The line of the deepest part of `loc` present in the file (the parent for a missing field)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1


# libyaml (PyYAML's C parser) when it is there: the same events and nodes, about ten times faster.
# It places some syntax errors a line later than the pure-Python parser, so a file that fails is
# read again by the Python parser, whose line numbers the error messages use.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str, path: str, loader: type[yaml.SafeLoader]) -> yaml.Node | None:
    _refuse_anchors(text, path, loader)
    composer = loader(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse one YAML document from `text` (read from `path`) into plain data with lines."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise ContentError(
            path, 1, None,
            f"file is {size // 1024} KiB; the limit is {MAX_BYTES // 1024} KiB",
            "split it into smaller files",
        )
    try:
        try:
            node = _compose(text, path, _FAST)
        except yaml.YAMLError:
            node = _compose(text, path, yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or "could not be read"
        raise ContentError(
            path, line, None, f"YAML syntax error: {problem}",
            "check indentation and quoting on this line; put text containing ': ' in quotes",
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(path, 1, None, f"YAML error: {error}", "fix the YAML syntax") from None
    except RecursionError:
        raise ContentError(
            path, 1, None, "YAML is nested too deeply", f"content needs at most {MAX_DEPTH} levels"
        ) from None
    document = YamlDocument(data=None)
    if node is None:
        raise ContentError(path, 1, None, "file is empty", "add the fields this kind of file needs")
    document.data = _build(node, (), document, path)
    return document


def _refuse_anchors(text: str, path: str, loader: type[yaml.SafeLoader]) -> None:
    """Stream the events once: refuse anchors, aliases and deep nesting before building anything."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor is not None:
            raise ContentError(
                path, event.start_mark.line + 1, None,
                "YAML anchors and aliases (& and *) are not allowed",
                "write the value out in full; anchors can be used to build YAML bombs",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ContentError(
                    path, event.start_mark.line + 1, None,
                    "YAML is nested too deeply", f"content needs at most {MAX_DEPTH} levels",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _build(node: yaml.Node, loc: Loc, document: YamlDocument, path: str) -> Any:
    if len(loc) > MAX_DEPTH:
        raise ContentError(
            path, node.start_mark.line + 1, dotted(loc),
            "YAML is nested too deeply", f"content needs at most {MAX_DEPTH} levels",
        )
    document.lines.setdefault(loc, node.start_mark.line + 1)
    if node.tag not in _PLAIN_TAGS:
        raise ContentError(
            path, node.start_mark.line + 1, dotted(loc) or None,
            f"the YAML tag '{node.tag}' is not allowed",
            "remove the tag; content files hold plain text, numbers, dates, lists and mappings",
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ContentError(path, key_node.start_mark.line + 1, dotted(loc) or None,
                                   "a mapping key must be plain text", "use a simple name as the key")
            key = _scalar(key_node, path, dotted(loc + (key_node.value,)))
            key = key if isinstance(key, (str, int)) else str(key)
            if key in result:
                raise ContentError(
                    path, key_node.start_mark.line + 1, dotted(loc + (key,)),
                    f"the field '{key}' appears twice", "keep one of them",
                )
            document.lines[loc + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, loc + (key,), document, path)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loc + (index,), document, path) for index, item in enumerate(node.value)]
    return _scalar(node, path, dotted(loc) or None)


def _scalar(node: yaml.ScalarNode, path: str, field: str | None) -> Any:
    """The value of one scalar; a value YAML reads as an impossible date (2026-02-30) is a ContentError."""
    try:
        return yaml.SafeLoader.construct_object(_CONSTRUCTOR, node, deep=True)
    except (ValueError, OverflowError, yaml.YAMLError) as error:
        if node.tag == "tag:yaml.org,2002:timestamp":
            raise ContentError(
                path, node.start_mark.line + 1, field, f"'{node.value}' is not a real date ({error})",
                "give a date that exists, as YYYY-MM-DD (for example 2026-02-28); "
                "if it is meant as text, put it in quotes") from None
        raise ContentError(path, node.start_mark.line + 1, field, f"'{node.value}' cannot be read ({error})",
                           "correct the value, or put it in quotes if it is text") from None


_CONSTRUCTOR = yaml.SafeLoader("")


def dotted(loc: Loc) -> str:
    """`('activities', 2, 'minutes')` as `activities[2].minutes`."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)

