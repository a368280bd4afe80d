"""Classroom files benchmark: slide decks, pupil packs, Present pages and checks, cold and warm.

    python benchmarks/classroom.py                    # the shipped lessons, then 400 synthetic lessons
    python benchmarks/classroom.py --sizes 30         # the shipped lessons only (a few minutes)

For each size a project is written (benchmarks/synthetic.py) and its classroom files are made three
ways, each in a fresh process on every core: cold (empty cache), warm (nothing changed) and after one
lesson's pupil material is edited. The target: the rebuild after one edit takes at most 10% of the
cold build. Then, in one process without workers, a sample of lessons is timed per output kind (one
country's deck, the pack layout, one country's pack) and every file's size is summarised.
Results: results/classroom.json; the figures and the machine are in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from _common import ROOT, env, machine, python, save, snapshot_package, steal_seconds
from synthetic import make_project

WORK = ROOT / "benchmarks" / "work" / "classroom"

BUILD = """
import json, sys, time
from pathlib import Path
from onlinesafety.loading import load_library
from onlinesafety.classroom.cache import OutputCache
from onlinesafety.classroom.outputs import classroom_files
started = time.perf_counter()
library = load_library(Path(sys.argv[1]))
loaded = time.perf_counter()
cache = OutputCache(Path(sys.argv[2]))
files = classroom_files(library, cache=cache)
done = time.perf_counter()
print(json.dumps({"load_s": loaded - started, "files_s": done - loaded, "files": len(files),
                  "bytes": sum(map(len, files.values())), "hits": cache.hits, "misses": cache.misses,
                  "sizes": {path: len(data) for path, data in files.items()}}))
"""

PER_KIND = """
import json, sys, time
from pathlib import Path
from onlinesafety.loading import load_library
from onlinesafety.classroom.deck import lesson_deck
from onlinesafety.classroom.pptx_file import deck_pptx, regional_pptx
from onlinesafety.classroom.pack import lesson_pack
from onlinesafety.classroom.pack_pdf import laid_out
from onlinesafety.classroom.outputs import lesson_files
library = load_library(Path(sys.argv[1]))
regions = library.regions_in_order()
lessons = sorted(library.lessons.values(), key=lambda l: l.id)[:int(sys.argv[2])]
rows = []
lesson_files(lessons[0], regions)  # fonts, templates and help cards loaded once, as in a build
for lesson in lessons:
    t0 = time.perf_counter(); deck = deck_pptx(lesson_deck(lesson, regions[0])); t1 = time.perf_counter()
    regional_pptx(lesson_deck(lesson, regions[0]), regions, lesson.band); t2 = time.perf_counter()
    pages = laid_out(lesson_pack(lesson)); t3 = time.perf_counter(); pages.write_pdf(); t4 = time.perf_counter()
    lesson_files(lesson, regions); t5 = time.perf_counter()
    rows.append({"lesson": lesson.id, "deck_one_country_s": t1 - t0, "decks_all_countries_s": t2 - t1,
                 "pack_layout_s": t3 - t2, "pack_write_s": t4 - t3, "all_files_s": t5 - t4})
print(json.dumps(rows))
"""


def run(script: str, *args: str) -> dict:
    before = steal_seconds()
    result = subprocess.run([python(), "-c", script, *args], cwd=ROOT, env=env(), capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{result.stderr[-4000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    after = steal_seconds()
    if isinstance(data, dict) and before is not None and after is not None:
        data["stolen_s"] = round(after - before, 2)
    return data


def edit_one_lesson(content: Path) -> str:
    path = sorted((content / "lessons").rglob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    marker = "pupil_material: "
    at = text.index(marker) + len(marker)
    # A doubled space after the first full stop of the pupil material: a real edit to the text, still valid YAML.
    path.write_text(text[:at] + text[at:].replace(". ", ".  ", 1), encoding="utf-8")
    return path.relative_to(content).as_posix()


def summary(sizes: dict[str, int], suffix: str) -> dict:
    chosen = [size for path, size in sizes.items() if path.endswith(suffix)]
    return {"count": len(chosen), "median_kib": round(statistics.median(chosen) / 1024, 1),
            "max_kib": round(max(chosen) / 1024, 1)} if chosen else {"count": 0}


def measure(size: int, sample: int) -> dict:
    project = WORK / f"lessons-{size}"
    if project.exists():
        shutil.rmtree(project)
    if size <= 30:
        project.mkdir(parents=True)
        shutil.copytree(ROOT / "content", project / "content")
    else:
        make_project(size, project)
    content = project / "content"
    cache = WORK / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    cold = run(BUILD, str(content), str(cache))
    warm = run(BUILD, str(content), str(cache))
    edited = edit_one_lesson(content)
    one = run(BUILD, str(content), str(cache))
    per_kind = run(PER_KIND, str(content), str(sample))
    sizes = cold.pop("sizes")
    for result in (warm, one):
        result.pop("sizes")

    def med(key: str) -> float:
        return round(statistics.median(row[key] for row in per_kind), 3)

    return {
        "lessons": size, "edited": edited, "cold": cold, "warm_unchanged": warm, "warm_one_edited": one,
        "one_edited_over_cold": round(one["files_s"] / cold["files_s"], 3),
        "target_one_edited_over_cold": 0.10,
        "per_lesson_median_s": {key: med(key) for key in ("deck_one_country_s", "decks_all_countries_s",
                                                          "pack_layout_s", "pack_write_s", "all_files_s")},
        "sample_lessons": len(per_kind),
        "sizes": {"deck": summary(sizes, ".pptx"), "pack": summary(sizes, ".pdf"),
                  "present": summary(sizes, "index.html"), "gift": summary(sizes, ".gift.txt")},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 400])
    parser.add_argument("--sample", type=int, default=10, help="lessons timed per output kind")
    parser.add_argument("--output", default="classroom.json",
                        help="file name under benchmarks/results/ (e.g. classroom-400.json for a run of one size)")
    args = parser.parse_args(argv)
    snapshot_package(WORK / "snapshot")
    started = time.time()
    results = {"machine": machine(), "runs": [measure(size, args.sample) for size in args.sizes]}
    results["wall_s"] = round(time.time() - started, 1)
    print(json.dumps(results["runs"], indent=2))
    print("saved", save(args.output, results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
