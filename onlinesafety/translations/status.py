"""Each language: how many items are translated, which are out of date, which are not translated yet."""

from __future__ import annotations

from ..model import Library

# What each language should have: parent guides, parent pages, newsletter pieces; help pages are
# translated for the countries where that language's readers live, so they are counted, not required.
PARENT_PAGES = ("parents/start-here.md", "parents/if-something-has-happened.md")


def expected(library: Library) -> dict[str, list[str]]:
    return {"parent_guide": sorted(library.parent_guides), "snippet": sorted(library.snippets),
            "page": [path for path in PARENT_PAGES if path in library.pages]}


def untranslated(library: Library, code: str) -> list[tuple[str, str]]:
    translated = library.translations.get(code)
    done = set(translated.info) if translated else set()
    return [(kind, item) for kind, items in expected(library).items() for item in items if (kind, item) not in done]


def status_lines(library: Library) -> list[str]:
    lines: list[str] = []
    for code, language in sorted(library.languages.items()):
        if code == "en":
            continue
        translated = library.translations.get(code)
        infos = list(translated.info.values()) if translated else []
        stale = [info for info in infos if info.out_of_date]
        reviewed = [info for info in infos if info.status == "reviewed"]
        missing = untranslated(library, code)
        lines.append(f"{code} {language.name} ({language.native_name}): {len(infos)} translated, "
                     f"{len(reviewed)} reviewed, {len(stale)} out of date, {len(missing)} not translated")
        lines += [f"  out of date: {info.path} (English changed: {info.source_path})" for info in stale]
        lines += [f"  not translated: {kind} {item}" for kind, item in missing]
    return lines or ["no languages other than English in content/languages/"]
