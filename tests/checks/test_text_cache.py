"""Each file's text-check findings are kept by the file's bytes and the checks' code: a rebuild reads
them back (the same findings), and a changed file is checked again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from onlinesafety.checks import check_text, run_checks
from onlinesafety.checks.blocks import library_blocks
from onlinesafety.checks.text_cache import cached_text_checks
from onlinesafety.classroom.cache import OutputCache
from onlinesafety.loading import load_library
from tests.checks.builders import Tree

TODAY = dt.date(2026, 12, 2)


def test_cached_findings_equal_fresh_ones_and_only_changed_files_are_checked(tree: Tree, tmp_path: Path) -> None:
    tree.lesson()
    tree.parent_guide()
    tree.page("staff/guide.md", "# Guide\n\nTo read more, [click here](guide.md).\n")
    library = load_library(tree.content)
    project = tree.content.parent
    cache = OutputCache(tmp_path / "cache")
    checked: list[str] = []

    def counting(blocks):
        checked.append(blocks[0].path)
        return check_text(blocks)

    blocks = library_blocks(library)
    fresh = sorted(check_text(blocks))
    assert fresh, "the page should have findings, or the test proves nothing"
    assert sorted(cached_text_checks(blocks, project, cache, counting)) == fresh
    first = len(checked)
    assert first >= 3
    assert sorted(cached_text_checks(blocks, project, cache, counting)) == fresh
    assert len(checked) == first  # all from the cache
    page = tree.content / "pages" / "staff" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8").replace("click here", "read the guide"), encoding="utf-8")
    library = load_library(tree.content)
    blocks = library_blocks(library)
    again = cached_text_checks(blocks, project, cache, counting)
    assert checked[first:] == ["content/pages/staff/guide.md"]
    assert sorted(again) == sorted(check_text(blocks))


def test_run_checks_gives_the_same_findings_with_the_cache(tree: Tree, tmp_path: Path) -> None:
    tree.lesson()
    tree.page("staff/guide.md", "# Guide\n\nPredators are everywhere online.\n")
    library = load_library(tree.content)
    cache = OutputCache(tmp_path / "cache")
    plain = run_checks(library, today=TODAY, ci=True)
    assert run_checks(library, today=TODAY, ci=True, text_cache=cache) == plain
    assert run_checks(library, today=TODAY, ci=True, text_cache=cache) == plain
    assert cache.hits > 0
