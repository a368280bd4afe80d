"""Synthetic content in our own format, made from the real content as templates.

`make_project(lessons, target)` writes a complete project (mkdocs.yml, hooks, templates, content)
whose content/ holds `lessons` lessons. The real content is set 0, unchanged. Each further set is a
copy of the real topics, lessons, parent guides and newsletter snippets with new ids (suffix
`-sN`), a set label in the titles, the fictional characters renamed and one space doubled on each line
(invisible in Markdown and to the checks), so that no text is a verbatim repeat of set 0: caches keyed
on text would otherwise make the copies look cheaper than new writing would be. The last set is cut
short so the lesson count is exact. Sources, evidence, help routes and handwritten pages are shared.

Every generated file is ordinary content: the loader and the quality gate check it like any other
(`python -m onlinesafety --content target/content check`).
"""

from __future__ import annotations

import copy
import functools
import json
import math
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from _common import copy_parts

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "hooks", "templates")
REAL_LESSONS = 30  # informative; the real count is read from content/

# Fictional characters in the real lessons, guides and snippets (whole words, case-sensitive).
NAMES = ("Aaliyah Aisha Alex Amara Amira Ash Ben Bo Callum Dev Ella Ellie Finn Jade Jaden Jay Jonah Jordan "
         "Kai Kasia Leah Leo Lily Maya Marcus Mia Milo Nia Noah Ollie Omar Pip Polly Priya Ravi Riley Ryan "
         "Sam Taylor Theo Tom Zara").split()
_CONSONANTS = "bdklmnrstvz"
_VOWELS = "aeio"


class _Dumper(yaml.SafeDumper):
    """Never writes anchors or aliases (our loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _syllables(name: str) -> int:
    return max(1, len(re.findall(r"[aeiouy]+", name.lower())))


def _name(rng: random.Random, syllables: int) -> str:
    """A made-up first name with about `syllables` syllables: Kal, Tavi, Romeli."""
    if syllables == 1:
        return (rng.choice(_CONSONANTS) + rng.choice(_VOWELS) + rng.choice("lmnr")).capitalize()
    parts = [rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(min(syllables, 2))]
    return "".join(parts).capitalize()


@functools.lru_cache(maxsize=None)
def name_map(set_number: int) -> dict[str, str]:
    """Each character's new name in one set (deterministic; never a word the quality gate flags)."""
    rng = random.Random(f"onlinesafety-synthetic-{set_number}")
    names = {}
    for name in NAMES:
        candidate = _name(rng, _syllables(name))
        while _flagged(candidate):  # "Momo" is a hoax's name, for one
            candidate = _name(rng, _syllables(name))
        names[name] = candidate
    return names


def _flagged(word: str) -> bool:
    from onlinesafety.checks.wording import load_word_lists

    return any(entry.regex.search(f"{word} {word.lower()}") for word_list in load_word_lists()
               for entry in word_list.entries)


_NAME_RE = re.compile(r"\b(" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")\b")


def _rename(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return _NAME_RE.sub(lambda match: names[match.group(1)], value)
    if isinstance(value, list):
        return [_rename(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _rename(item, names) for key, item in value.items()}
    return value


_GAP = re.compile(r"(?<=\w) (?=\w)")


_ONE_LINE_VALUE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+\S")


def vary_spacing(text: str, set_number: int) -> str:
    """Make one space between two words on each line a thin space (U+2009; which one depends on the set
    and the line).

    Markdown, the search index and every check read the thin space as a space between words, so the
    content means and checks the same, and no text gets longer (fields have length limits); but each
    copy's text is then a different string, as new writing would be, so caches keyed on the text (the
    checks' Markdown cache, textstat's) do not make the copies look cheaper than they are. Only spaces
    between two word characters change: never indentation, a key's colon, a list marker or a line end;
    and never on a one-line `key: value` field or in a flow mapping (a card's group must read the same
    as its heading).
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _ONE_LINE_VALUE.match(line) or "{" in line:
            continue
        # Not the gap in a leading "I can" (pupil outcomes must start with exactly that).
        gaps = [match.start() for match in _GAP.finditer(line)
                if not re.search(r"(?:^|[:\-\"'>|] ?|^\s*)I$", line[:match.start()])]
        if gaps:
            at = gaps[(set_number * 7 + index) % len(gaps)]
            lines[index] = line[:at] + "\u2009" + line[at + 1:]
    return "\n".join(lines)


def _read(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110),
                    encoding="utf-8")


def _titled(title: str, set_number: int) -> str:
    suffix = f" (set {set_number})"
    return title[:80 - len(suffix)].rstrip() + suffix


def _top_value(text: str, key: str) -> str | None:
    match = re.search(rf"^{key}:[ ]*(.*)$", text, re.MULTILINE)
    return match.group(1) if match else None


def copy_item(text: str, set_number: int, *, topic: bool = False, title: bool = True) -> str:
    """The YAML text of one item, for set `set_number`: the file is edited as text, so the copy keeps the
    real file's YAML style (block scalars, quoting), which is what the loader parses in real projects."""
    names = name_map(set_number)
    suffix = f"-s{set_number}"
    text = _NAME_RE.sub(lambda match: names[match.group(1)], text)
    text = vary_spacing(text, set_number)
    text = re.sub(r"^id: ([a-z0-9-]+)[ ]*$", rf"id: \g<1>{suffix}", text, count=1, flags=re.MULTILINE)
    if topic:
        text = re.sub(r"^topic: ([a-z0-9-]+)[ ]*$", rf"topic: \g<1>{suffix}", text, count=1, flags=re.MULTILINE)
    if title:
        raw = _top_value(text, "title")
        value = yaml.safe_load("title: " + raw)["title"] if raw else None
        if not isinstance(value, str):
            raise ValueError("expected a one-line title")
        new = json.dumps(_titled(value, set_number), ensure_ascii=False)
        text = re.sub(r"^title:.*$", lambda _: "title: " + new, text, count=1, flags=re.MULTILINE)
    return text


def is_translation(path: Path) -> bool:
    """X.pl.yml beside X.yml (the rule in onlinesafety/translations/files.py)."""
    return re.match(r"^[^.]+\.[a-z]{2,3}(?:-[A-Z][a-z]{3})?\.(?:yml|md)$", path.name) is not None


def make_project(lessons: int, target: Path, *, source: Path = ROOT) -> dict[str, int]:
    """Write a project with exactly `lessons` lessons to `target` (replaced); return item counts."""
    if lessons < 1:
        raise ValueError("need at least one lesson")
    copy_parts(target, PROJECT_PARTS, source=source)
    real = source / "content"
    shutil.copytree(real, target / "content", ignore=shutil.ignore_patterns("__pycache__"))
    content = target / "content"
    real_lessons = sorted(real.glob("lessons/*/*.yml"))
    # Set 0 is the real content; trim it if fewer lessons were asked for.
    for path in real_lessons[lessons:]:
        (content / path.relative_to(real)).unlink()
    topics = sorted(real.glob("topics/*.yml"))
    # Translations (X.<code>.yml) stay with the real content (set 0) only: copies are English.
    guides = [path for path in sorted(real.glob("parents/*.yml")) if not is_translation(path)]
    every_snippet = [path for path in sorted(real.glob("snippets/*/*.yml")) if not is_translation(path)]
    snippets = [path for path in every_snippet if path.parent.name != "seasonal"]
    counts = {"lessons": min(lessons, len(real_lessons)), "topics": len(topics), "parent_guides": len(guides),
              "snippets": len(every_snippet)}
    sets = math.ceil(lessons / len(real_lessons))
    remaining = lessons - counts["lessons"]

    def write(folder: str, text: str) -> None:
        item_id = _top_value(text, "id")
        path = content / folder / f"{item_id}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    for set_number in range(1, sets):
        suffix = f"-s{set_number}"
        for path in topics:
            write("topics", copy_item(path.read_text(encoding="utf-8"), set_number))
            counts["topics"] += 1
        for path in guides:
            write("parents", copy_item(path.read_text(encoding="utf-8"), set_number, topic=True))
            counts["parent_guides"] += 1
        for path in snippets:
            write(f"snippets/{path.parent.name}{suffix}",
                  copy_item(path.read_text(encoding="utf-8"), set_number, topic=True, title=False))
            counts["snippets"] += 1
        for path in real_lessons[:remaining]:
            write(f"lessons/{path.parent.name}", copy_item(path.read_text(encoding="utf-8"), set_number, topic=True))
            counts["lessons"] += 1
        remaining -= min(remaining, len(real_lessons))
    _copy_allowances(content, sets)
    return counts


def _copy_allowances(content: Path, sets: int) -> None:
    """Repeat content/allow.yml entries for the copies of the files they name (if the file exists)."""
    allow = content / "allow.yml"
    if not allow.exists():
        return
    data = _read(allow) or {}
    entries = list(data.get("allow") or [])
    extra = []
    for entry in entries:
        match = re.fullmatch(r"content/(lessons/[^/]+|topics|parents|snippets/[^/]+)/([a-z0-9-]+)\.yml",
                             entry.get("path", ""))
        if not match or match.group(1) == "snippets/seasonal":
            continue
        for set_number in range(1, sets):
            folder, stem = match.group(1), match.group(2)
            if folder.startswith("snippets/"):
                folder = f"{folder}-s{set_number}"
            path = content.parent / "content" / folder / f"{stem}-s{set_number}.yml"
            if path.exists():
                copied = copy.deepcopy(entry)
                copied["path"] = f"content/{folder}/{stem}-s{set_number}.yml"
                if copied.get("phrase"):
                    copied["phrase"] = _rename(copied["phrase"], name_map(set_number))
                extra.append(copied)
    data["allow"] = entries + extra
    _write(allow, data)
