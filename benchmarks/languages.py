"""Languages benchmark: build time against the number of languages, our way and mkdocs-static-i18n's.

    python benchmarks/languages.py                       # 0, 3 and 6 languages, 2 repeats
    python benchmarks/languages.py --languages 0 6 --repeats 1
    python benchmarks/languages.py --static-i18n /tmp/i18nvenv/bin/python   # also mkdocs-static-i18n

For each count N, a copy of the project (mkdocs.yml, hooks, templates, content) gets N languages
(cy, es, fil, pl, ro, ur, in that order): a language file (the English strings under the language's
code, name and direction) and a translation of every parent guide, every help region and the two
translated handwritten pages, written in the translation format (onlinesafety/translations/: the
translatable fields of each English item, with a `translation:` header). The text is the English text:
what a build does with a page does not depend on its words. Every guide, region and page translated in
every language is the most a language can add, so these are upper bounds.

Three builds at each N, as separate processes, interleaved (the order turns each repeat) so drift on a
shared machine hits each:

- **ours**: the whole site as a maintainer builds it (`mkdocs build`, our hook: load, quality gate,
  pages, translated pages at `<code>/...`, Material), HTML only (ONLINESAFETY_CLASSROOM=0);
- **plain**: plain Material on the Markdown `python -m onlinesafety export-markdown` writes for that
  project (the translated pages in `<code>/` folders), as benchmarks/site_build.py's plain build;
- **static-i18n** (with `--static-i18n PYTHON`, a Python that has mkdocs-static-i18n 1.3): the same
  Markdown with each translated page renamed to the plugin's suffix layout (`parents/x.pl.md`) and
  the plugin's `languages:` list, with `fallback_to_default` (its default): the plugin builds the whole
  site once per language, English pages standing in for the untranslated ones.

Reported: median wall and CPU seconds (the build and every process it starts), HTML pages written,
and each build's time at N languages as a ratio to its time with none. The target is growth with the
number of translated pages, not with copies of the whole site. Results: benchmarks/results/languages.json.
Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from _common import ROOT, WORK, copy_parts, env, finish, machine, median, python, snapshot_package, timed_build
from site_build import PLAIN_CONFIG

LANGUAGES = [("cy", "Welsh", "Cymraeg", "ltr"), ("es", "Spanish", "Español", "ltr"),
             ("fil", "Filipino", "Filipino", "ltr"), ("pl", "Polish", "Polski", "ltr"),
             ("ro", "Romanian", "Română", "ltr"), ("ur", "Urdu", "اردو", "rtl")]
PAGES = ("parents/start-here.md", "parents/if-something-has-happened.md")
BUILD_TIMEOUT = 3 * 3600


def _header(code: str) -> dict[str, Any]:
    return {"language": code, "source_hash": "000000000000", "status": "machine-assisted",
            "translated": dt.date(2026, 12, 2)}


def add_languages(content: Path, count: int) -> dict[str, int]:
    """Write `count` languages into `content`: language files and translations of every guide, region and page."""
    from onlinesafety.translations.fields import SHAPES, extract

    english = yaml.safe_load((content / "languages" / "en.yml").read_text(encoding="utf-8"))
    written = {"languages": 0, "translations": 0}
    for code, name, native, direction in LANGUAGES[:count]:
        language = {"code": code, "name": name, "native_name": native, "dir": direction,
                    "why": "Benchmark language.", "status": "machine-assisted", "strings": english["strings"]}
        (content / "languages" / f"{code}.yml").write_text(yaml.safe_dump(language, allow_unicode=True, sort_keys=False),
                                                           encoding="utf-8")
        written["languages"] += 1
        for folder, kind in (("parents", "parent_guide"), ("help", "region")):
            for source in sorted((content / folder).glob("*.yml")):
                if source.stem.count("."):
                    continue  # already a translation
                data = yaml.safe_load(source.read_text(encoding="utf-8"))
                translated = {"translation": _header(code), **extract(SHAPES[kind], data)}
                source.with_name(f"{source.stem}.{code}.yml").write_text(
                    yaml.safe_dump(translated, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
                written["translations"] += 1
        for page in PAGES:
            source = content / "pages" / page
            text = source.read_text(encoding="utf-8")
            _, front, body = text.split("---\n", 2)
            meta = yaml.safe_load(front)
            head = {"title": meta["title"], "description": meta["description"], "translation": _header(code)}
            source.with_name(f"{source.stem}.{code}.md").write_text(
                "---\n" + yaml.safe_dump(head, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")
            written["translations"] += 1
    return written


def prepare(count: int, work: Path, static_python: str | None) -> dict[str, Any]:
    base = work / str(count)
    if base.exists():
        shutil.rmtree(base)
    project = copy_parts(base / "project")
    written = add_languages(project / "content", count)
    plain = base / "plain"
    plain.mkdir()
    result = subprocess.run([python(), "-m", "onlinesafety", "--content", str(project / "content"),
                             "export-markdown", str(plain / "docs")],
                            cwd=project, env=env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"export-markdown failed with {count} languages:\n{result.stdout}\n{result.stderr}")
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    item = {"languages": count, "written": written, "project": project, "plain": plain}
    if static_python:
        item["static"] = static_layout(plain, base / "static", count)
    return item


# mkdocs-static-i18n 1.3 accepts two-letter codes only ("ISO-639-1 lower case"), so it refuses "fil";
# Filipino is built under Tagalog's code, "tl", which costs the same.
STATIC_CODES = {"fil": "tl"}


def static_layout(plain: Path, target: Path, count: int) -> Path:
    """The plain Markdown in mkdocs-static-i18n's suffix layout, with its configuration."""
    shutil.copytree(plain / "docs", target / "docs")
    docs = target / "docs"
    codes = [code for code, *_ in LANGUAGES[:count]]
    for code in codes:
        folder = docs / code
        for page in sorted(folder.rglob("*.md")):
            relative = page.relative_to(folder)
            if relative.as_posix() == "index.md":
                page.unlink()  # the plugin gives each language its own home: the English one stands in
                continue
            moved = docs / relative.with_name(f"{relative.stem}.{STATIC_CODES.get(code, code)}.md")
            moved.parent.mkdir(parents=True, exist_ok=True)
            page.rename(moved)
        shutil.rmtree(folder)
    languages = [{"locale": "en", "default": True, "name": "English", "build": True}]
    languages += [{"locale": STATIC_CODES.get(code, code), "name": native, "build": True}
                  for code, _, native, _ in LANGUAGES[:count]]
    config = PLAIN_CONFIG + yaml.safe_dump({"plugins": ["search", {"i18n": {
        "docs_structure": "suffix", "fallback_to_default": True, "reconfigure_material": False,
        "languages": languages}}]}, allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def build(interpreter: str, project: Path, out: Path) -> tuple[float, float, float | None, int]:
    """One `mkdocs build` in a child process: wall s, CPU s (with its children), s stolen by the host, HTML pages."""
    wall, cpu, stolen = timed_build(interpreter, project, out, BUILD_TIMEOUT)
    return wall, cpu, stolen, len(list(out.rglob("*.html")))


def run(counts: list[int], repeats: int, work: Path, static_python: str | None) -> dict[str, Any]:
    snapshot = snapshot_package(work / "snapshot")
    sys.path.insert(0, str(snapshot))  # add_languages reads the translation shapes from the same code
    prepared = {count: prepare(count, work, static_python) for count in counts}
    kinds = ["ours", "plain"] + (["static-i18n"] if static_python else [])
    times: dict[tuple[int, str], list[tuple[float, float, float | None, int]]] = {}
    for repeat in range(repeats):
        order = kinds if repeat % 2 == 0 else list(reversed(kinds))
        for count in counts:
            for kind in order:
                item = prepared[count]
                project, interpreter = {"ours": (item["project"], python()), "plain": (item["plain"], python()),
                                        "static-i18n": (item.get("static"), static_python)}[kind]
                measured = build(interpreter, project, work / str(count) / f"site-{kind}")
                times.setdefault((count, kind), []).append(measured)
                print(f"  repeat {repeat + 1}/{repeats}: {count} languages, {kind:>11}: {measured[0]:6.1f} s wall, "
                      f"{measured[1]:6.1f} s CPU, {measured[3]} pages", flush=True)
    rows = []
    for count in counts:
        row: dict[str, Any] = {"languages": count, "written": prepared[count]["written"]}
        for kind in kinds:
            runs = times[(count, kind)]
            row[kind] = {"wall_seconds": [round(r[0], 2) for r in runs], "cpu_seconds": [round(r[1], 2) for r in runs],
                         "stolen_seconds": [None if r[2] is None else round(r[2], 2) for r in runs],
                         "wall_median": round(median([r[0] for r in runs]), 2),
                         "cpu_median": round(median([r[1] for r in runs]), 2), "html_pages": runs[-1][3]}
        rows.append(row)
    first = rows[0]
    for row in rows:
        for kind in kinds:
            row[kind]["wall_ratio_to_first"] = round(row[kind]["wall_median"] / first[kind]["wall_median"], 2)
            row[kind]["cpu_ratio_to_first"] = round(row[kind]["cpu_median"] / first[kind]["cpu_median"], 2)
            row[kind]["pages_ratio_to_first"] = round(row[kind]["html_pages"] / first[kind]["html_pages"], 2)
    return {"counts": counts, "repeats": repeats, "kinds": kinds, "rows": rows}


def report(results: dict[str, Any]) -> str:
    lines = ["| languages | build | HTML pages | wall (s) | CPU (s) | wall / first | CPU / first | pages / first |",
             "|---|---|---|---|---|---|---|---|"]
    for row in results["rows"]:
        for kind in results["kinds"]:
            item = row[kind]
            lines.append(f"| {row['languages']} | {kind} | {item['html_pages']} | {item['wall_median']} | "
                         f"{item['cpu_median']} | {item['wall_ratio_to_first']} | {item['cpu_ratio_to_first']} | "
                         f"{item['pages_ratio_to_first']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", type=int, nargs="+", default=[0, 3, 6], help="language counts (0 to 6)")
    parser.add_argument("--repeats", type=int, default=2, help="builds of each kind at each count")
    parser.add_argument("--static-i18n", dest="static_python", default=None,
                        help="a Python with mkdocs-static-i18n installed, to build its way too")
    parser.add_argument("--work", type=Path, default=WORK / "languages", help="scratch folder")
    parser.add_argument("--output", default="languages.json", help="file name under benchmarks/results/")
    args = parser.parse_args(argv)
    counts = sorted(set(args.languages))
    if not counts or counts[0] < 0 or counts[-1] > len(LANGUAGES):
        parser.error(f"--languages takes counts from 0 to {len(LANGUAGES)}")
    info = machine()
    started = time.perf_counter()
    results = run(counts, args.repeats, args.work.resolve(), args.static_python)
    results["machine"] = info
    return finish(args.output, results, "languages.py", argv, started, report)


if __name__ == "__main__":
    sys.exit(main())
