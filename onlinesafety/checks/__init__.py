"""The quality gate: age-appropriateness, tone, evidence, freshness, safeguarding and accessibility checks.

`run_checks` returns every finding for a loaded library; errors fail the build, warnings are listed.
`review_rows` lists every reviewed item and help route for the maintainers' page. Limits live in
`data/thresholds.yml`, word lists in `data/wording/`, exceptions in `content/allow.yml`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import Library
from .accessibility import check_accessibility
from .allow import apply_allowances
from .blocks import Block, clear_file_cache, library_blocks
from .evidence import check_evidence, check_figures_against_evidence, check_pupil_statistics, check_uncited_figures
from .findings import ERROR, WARNING, Finding
from .freshness import check_freshness
from .markdown import clear_caches
from .raw import raw_blocks
from .readability import check_readability
from .review import ReviewRow, review_rows
from .rules import RULES, Rule
from .text_cache import cached_text_checks
from ..classroom.cache import OutputCache
from .pictograms import check_pictograms
from .safeguarding import check_safeguarding
from .template_figures import check_template_figures
from .translations import check_translations
from .wording import check_wording

__all__ = ["ERROR", "RULES", "WARNING", "Finding", "ReviewRow", "Rule", "check_text", "review_rows", "run_checks",
           "run_text_checks"]


def run_checks(library: Library, *, today: dt.date, ci: bool, text_cache: OutputCache | None = None) -> list[Finding]:
    """Every finding for `library`, sorted by file and line; overdue reviews are errors when `ci` is true.

    `text_cache`: keep each file's text-check findings there (text_cache.py), for site rebuilds."""
    clear_file_cache()
    clear_caches()
    try:
        blocks = library_blocks(library)
        findings = [
            *(check_text(blocks) if text_cache is None
              else cached_text_checks(blocks, library.root.resolve().parent, text_cache, check_text)),
            *check_evidence(library),
            *check_figures_against_evidence(library, blocks),
            *check_template_figures(library),
            *check_freshness(library, today=today, ci=ci),
            *check_safeguarding(library, blocks),
            *check_pictograms(library),
            *check_translations(library),
        ]
        return sorted(set(apply_allowances(findings, library.root)))
    finally:
        clear_caches()


def check_text(blocks: list[Block]) -> list[Finding]:
    """The checks that need only the text: readability, wording, uncited figures and accessibility."""
    return [*check_readability(blocks), *check_wording(blocks), *check_uncited_figures(blocks),
            *check_pupil_statistics(blocks), *check_accessibility(blocks)]


def run_text_checks(content_root: Path) -> list[Finding]:
    """Text checks on the raw files, for when the library does not load (allow entries still apply)."""
    clear_file_cache()
    clear_caches()
    try:
        findings = check_text(raw_blocks(content_root))
        return sorted(set(apply_allowances(findings, content_root, report_unused=False)))
    finally:
        clear_caches()
