"""Jinja2 environment for site pages (Markdown out, so no HTML autoescape; raw HTML uses |e)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from ..model import BAND_LABELS, Band
from . import paths

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "site"


def _cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _markdown_block(value: Any) -> str:
    """Content text as Markdown: a list that follows a sentence directly still renders as a list."""
    lines: list[str] = []
    for line in str(value).split("\n"):
        if _LIST_ITEM.match(line) and lines and lines[-1].strip() and not _LIST_ITEM.match(lines[-1]):
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


def _file_size(size: int) -> str:
    """A file size as people read it: 840 KB, 1.2 MB."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def _front_matter(data: dict[str, Any]) -> str:
    # JSON is valid YAML; keys sorted so output is byte-identical across runs.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


@lru_cache(maxsize=4)
def environment(folder: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = _cell
    env.filters["md"] = _markdown_block
    env.filters["filesize"] = _file_size
    env.policies["json.dumps_function"] = lambda data, **_: _front_matter(data)
    env.globals.update(
        md_link=paths.md_link,
        html_link=paths.html_link,
        lesson_path=paths.lesson_path,
        topic_path=paths.topic_path,
        band_path=paths.band_path,
        parent_path=paths.parent_path,
        help_path=paths.help_path,
        band_label=lambda band: BAND_LABELS[Band(band)]["title"],
        band_labels=BAND_LABELS,
        activity_anchor=lambda index: f"activity-{index}",
    )
    return env


def templates_for(content_root: Path) -> Path:
    """The project's own templates/site beside its content/, else the templates shipped with the package."""
    local = content_root.resolve().parent / "templates" / "site"
    return local if local.is_dir() else TEMPLATES


def render_page(template: str, page_path: str, front_matter: dict[str, Any], *, folder: Path = TEMPLATES,
                **context: Any) -> str:
    """Render one site page to Markdown with its front matter."""
    text = environment(folder).get_template(template).render(
        page_path=page_path, front_matter=front_matter, **context
    )
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"
