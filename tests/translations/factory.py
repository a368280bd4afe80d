"""A copy of the shipped content with a made-up language ('pl', or 'ur' right to left) and translation
files whose text is the English with a marker in front: enough to test loading, hashes and the gate
without depending on the real translations."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Callable

import yaml

from onlinesafety.loading import load_library
from onlinesafety.translations.fields import SHAPES, TEXT, AllKeys, ById, extract
from onlinesafety.translations.hashing import english_data, source_hash
from tests.conftest import ROOT

GUIDE, SNIPPET, REGION, PAGE = ("content/parents/live-streaming.yml",
                                "content/snippets/live-streaming/live-streaming-7-11.yml",
                                "content/help/uk.yml", "content/pages/parents/start-here.md")
MARK = {"pl": "Po polsku: ", "ur": "اردو میں: "}


def mark(code: str) -> Callable[[str], str]:
    """Marks each text; short terms (a 12-character abbreviation such as 'DSL') are left as they are."""
    return lambda text: MARK[code] + text if len(text) > 12 else text


def translate(shape: Any, data: Any, words: Callable[[str], str]) -> Any:
    """The English translatable data with every string passed through `words`."""
    if shape == TEXT:
        return words(data)
    if isinstance(shape, (AllKeys, ById)):
        return {key: translate(shape.shape, value, words) for key, value in data.items()}
    if isinstance(shape, list):
        return [translate(shape[0], item, words) for item in data]
    return {key: translate(shape[key], value, words) for key, value in data.items()}


def language_data(code: str) -> dict[str, Any]:
    english = yaml.safe_load((ROOT / "content/languages/en.yml").read_text(encoding="utf-8"))
    return {"code": code, "name": {"pl": "Polish", "ur": "Urdu"}[code],
            "native_name": {"pl": "Polski", "ur": "اردو"}[code], "dir": "rtl" if code == "ur" else "ltr",
            "strings": {key: MARK[code] + text for key, text in english["strings"].items()},
            "terminology": [{"avoid": "pornografia dziecięca", "use": "materiały przedstawiające seksualne "
                             "wykorzystywanie dzieci", "why": "the accepted term"}] if code == "pl" else []}


def header(code: str, value: str) -> dict[str, Any]:
    return {"language": code, "source_hash": value, "status": "machine-assisted", "translated": "2026-12-02"}


def translation_text(content: Path, kind: str, source: str, code: str,
                     change: Callable[[dict[str, Any]], None] | None = None) -> str:
    """The text of a stamped translation of `source` (relative to the project), after `change`."""
    library = load_library(content, translations=False)
    relative = Path(source).relative_to("content")
    item = {"parent_guide": lambda: library.parent_guides[relative.stem],
            "snippet": lambda: library.snippets[relative.stem], "region": lambda: library.regions[relative.stem],
            "page": lambda: library.pages[relative.relative_to("pages").as_posix()]}[kind]()
    data = translate(SHAPES[kind], extract(SHAPES[kind], english_data(kind, item)), mark(code))
    if change is not None:
        change(data)
    top = {"translation": header(code, source_hash(kind, item))}
    if kind == "page":
        body = data.pop("body")
        return "---\n" + yaml.safe_dump({**data, **top}, sort_keys=False, allow_unicode=True) + "---\n" + body
    return yaml.safe_dump({**top, **data}, sort_keys=False, allow_unicode=True, width=100)


def target(content: Path, source: str, code: str) -> Path:
    path = content.parent / source
    return path.with_name(f"{path.stem}.{code}{path.suffix}")


def translated_content(tmp: Path, code: str = "pl", kinds: tuple[str, ...] = ("parent_guide", "snippet", "region", "page"),
                       **changes: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of content/ with the language and one translation of each kind (`changes` by kind)."""
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content,
                    ignore=lambda folder, names: [name for name in names if name.count(".") == 2])
    (content / "languages" / f"{code}.yml").write_text(
        yaml.safe_dump(language_data(code), sort_keys=False, allow_unicode=True), encoding="utf-8")
    sources = {"parent_guide": GUIDE, "snippet": SNIPPET, "region": REGION, "page": PAGE}
    for kind in kinds:
        target(content, sources[kind], code).write_text(
            translation_text(content, kind, sources[kind], code, changes.get(kind)), encoding="utf-8")
    return content
