"""The text checks' findings for each content file, kept by the hash of the file and of the code that
checks it, so a site rebuild re-reads only the files that changed.

Readability and wording are most of the gate's time (about 20 of 33 CPU seconds at 400 lessons) and each
file's findings depend only on that file, the checks' code and their data (thresholds, word lists): the
key covers all three. Allowances (content/allow.yml) are applied afterwards, to every finding, so editing
them needs no new key. Used by the site build (hooks/onlinesafety_hook.py); `python -m onlinesafety check`
always checks everything.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..classroom.cache import OutputCache, cache_folder
from .blocks import Block
from .findings import Finding

PACKAGE = Path(__file__).resolve().parents[1]
CODE_INPUTS = (PACKAGE / "checks", PACKAGE / "model")


def gate_cache() -> OutputCache:
    """The output cache's folder ($ONLINESAFETY_CACHE, or .cache/classroom; 'off': none): keys differ by kind."""
    return OutputCache(cache_folder())


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha256(b"text-checks-1\0")
    for folder in CODE_INPUTS:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cached_text_checks(blocks: list[Block], project: Path, cache: OutputCache,
                       check: Callable[[list[Block]], list[Finding]]) -> list[Finding]:
    """`check` on each file's blocks, or that file's findings from `cache` when nothing they depend on changed."""
    by_file: dict[str, list[Block]] = {}
    for block in blocks:
        by_file.setdefault(block.path, []).append(block)
    findings: list[Finding] = []
    for shown, group in by_file.items():
        try:
            data = (project / shown).read_bytes()
        except OSError:
            findings += check(group)
            continue
        key = hashlib.sha256(b"\0".join((b"text-checks", _code_version().encode(), shown.encode(), data))).hexdigest()
        stored = cache.get(key)
        if stored is not None:
            try:
                findings += [Finding(**item) for item in json.loads(stored)]
                continue
            except (ValueError, TypeError):
                pass  # a damaged entry: checked again below
        found = check(group)
        cache.put(key, json.dumps([dataclasses.asdict(item) for item in found], ensure_ascii=False).encode("utf-8"))
        findings += found
    return findings
