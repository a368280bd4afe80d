"""Figures written straight into templates (the home page's summary, say) are held to the same rule as
content: each must be one that content/evidence.yml holds, or the build fails at the template's line.

Only the words a reader sees are searched: Jinja tags and comments, HTML tags with their attributes,
and <style> and <script> blocks are blanked out first (keeping line breaks), so "width: 100%" in a
style or a format string in a tag is not a figure. Stylesheets and scripts are not searched.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..loading.errors import ContentError
from ..loading.files import read_text_file
from ..model import Library
from .evidence import EVIDENCE_FILE, matches_evidence, usable_figures
from .figures import find_figures
from .findings import Finding

TEMPLATE_SUFFIXES = (".md.j2", ".txt.j2", ".html.j2", ".md", ".html", ".txt")
MAINTAINERS_NOTES = "README.md"  # documentation of a templates folder, never shown to readers
_HIDDEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<(style|script)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


def check_template_figures(library: Library) -> list[Finding]:
    """A finding for each figure in a template's visible text that evidence.yml does not hold."""
    templates = library.root.parent / "templates"
    if not templates.is_dir():
        return []
    figures = usable_figures(library)
    findings: list[Finding] = []
    for path in sorted(templates.rglob("*")):
        if (not path.name.endswith(TEMPLATE_SUFFIXES) or path.name == MAINTAINERS_NOTES or path.is_symlink()
                or not path.is_file()):
            continue
        shown = path.relative_to(library.root.parent).as_posix()
        try:
            text = visible_text(read_text_file(path, shown))
        except ContentError:
            continue
        for found in find_figures(text):
            if matches_evidence(found, figures):
                continue
            line = text.count("\n", 0, found.start) + 1
            findings.append(Finding(
                shown, line, "evidence/figure-not-in-evidence", "error",
                f"the figure '{found.text}' in this template is not in {EVIDENCE_FILE}: no entry's source_quote "
                f"contains '{found.core}'",
                f"add it to {EVIDENCE_FILE} with the source's exact words, or take the figure out of the template "
                "(better: render it from the evidence entry)", excerpt=found.text, context=found.text))
    return findings


def visible_text(template: str) -> str:
    """`template` with Jinja, HTML tags, styles and scripts blanked out, line breaks kept."""
    return _HIDDEN.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), template)
