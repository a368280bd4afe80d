"""Site build benchmark: our full `mkdocs build` against plain Material on the same pages.

    python benchmarks/site_build.py                      # 100, 400 and 1,600 lessons, 3 repeats
    python benchmarks/site_build.py --quick              # 100 and 400 lessons, 1 repeat
    python benchmarks/site_build.py --sizes 400 --repeats 5
    python benchmarks/site_build.py --sizes 400 --phases # also time each phase of our build once

For each size, synthetic content in our format (benchmarks/synthetic.py: the real content as templates,
new ids, renamed characters) goes into a throwaway project under benchmarks/work/site_build/. Our build
is the whole thing a maintainer runs: load and check every file, run the quality gate, generate the
pages, build with Material, add the Content-Security-Policy. It is the HTML-only build
(ONLINESAFETY_CLASSROOM=0): slide decks and pupil packs are measured by benchmarks/classroom.py. The plain build is Material with its
default configuration plus `navigation.sections` (no pruning, `font: false`, the search plugin and the
same Markdown extensions), building the Markdown that `python -m onlinesafety export-markdown` writes
for the same synthetic project, with MkDocs' default navigation (every page, by folder).

The onlinesafety package and templates are copied to benchmarks/work/site_build/snapshot/ at the start
and every child process imports that copy, so one run measures one version of the code. Builds run as
separate processes, interleaved (ours and plain alternate, and swap order each repeat), so
drift on a shared machine hits both. Reported: median wall time and median CPU time (user + system of
the build process, less sensitive to other load), their ratios, and the size of lesson pages.
Results: benchmarks/results/site_build.json. Nothing here is a pass/fail test: targets are reported.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import KIB, ROOT, WORK, env, finish, gzip_size, machine, median, python, snapshot_package, timed_build
import synthetic

TARGETS = {
    "ratio_at_400": 0.6,  # ours / plain, wall time
    "seconds_at_1600": 90.0,
    "growth_400_to_1600": 4.5,
    "lesson_html_kib": 60.0,
}
PLAIN_CONFIG = """\
# Plain Material for comparison: default configuration, navigation.sections, no pruning.
site_name: Plain Material
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  font: false
  features:
    - navigation.sections
markdown_extensions:
  - admonition
  - attr_list
  - def_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
"""
BUILD_TIMEOUT = 3 * 3600


def prepare(size: int, work: Path) -> dict[str, Any]:
    """Write the synthetic project and the plain Material project for `size` lessons."""
    base = work / str(size)
    project = base / "project"
    started = time.perf_counter()
    counts = synthetic.make_project(size, project)
    plain = base / "plain"
    if plain.exists():
        shutil.rmtree(plain)
    plain.mkdir(parents=True)
    result = subprocess.run([python(), "-m", "onlinesafety", "--content", str(project / "content"),
                             "export-markdown", str(plain / "docs")],
                            cwd=project, env=env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"export-markdown failed for {size} lessons:\n{result.stdout}\n{result.stderr}")
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    pages = len(list((plain / "docs").rglob("*.md")))
    return {"size": size, "project": project, "plain": plain, "counts": counts, "markdown_pages": pages,
            "prepare_seconds": round(time.perf_counter() - started, 1)}


def build(project: Path, out: Path) -> tuple[float, float, float | None]:
    """One `mkdocs build` in a child process: (wall seconds, CPU seconds of the child and its workers,
    seconds the host stole from this machine meanwhile)."""
    return timed_build(python(), project, out, BUILD_TIMEOUT)


def lesson_pages(site: Path) -> dict[str, Any]:
    """Raw and gzip sizes of every lesson page (site/lessons/<band>/<id>/index.html)."""
    pages = sorted(site.glob("lessons/*/*/index.html"))
    raw = [page.stat().st_size for page in pages]
    gz = [gzip_size(page.read_bytes()) for page in pages]
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    index = site / "search" / "search_index.json"
    return {
        "lesson_pages": len(pages),
        "lesson_html_kib_median": round(median(raw) / KIB, 1) if raw else None,
        "lesson_html_kib_max": round(max(raw) / KIB, 1) if raw else None,
        "lesson_html_gzip_kib_median": round(median(gz) / KIB, 1) if gz else None,
        "html_pages": len(list(site.rglob("*.html"))),
        "site_mib": round(total / KIB / KIB, 1),
        "search_index_kib": round(index.stat().st_size / KIB, 1) if index.exists() else None,
        "search_index_gzip_kib": round(gzip_size(index.read_bytes()) / KIB, 1) if index.exists() else None,
    }


def run(sizes: list[int], repeats: int, work: Path, plain_max: int | None, phases: bool) -> dict[str, Any]:
    snapshot_package(work / "snapshot")
    prepared = {}
    for size in sizes:
        print(f"preparing {size} lessons …", flush=True)
        prepared[size] = prepare(size, work)
        print(f"  {prepared[size]['counts']}, {prepared[size]['markdown_pages']} Markdown pages "
              f"({prepared[size]['prepare_seconds']} s)", flush=True)
    times: dict[tuple[int, str], list[tuple[float, float, float | None]]] = {}
    for repeat in range(repeats):
        for size in sizes:
            kinds = ["ours", "plain"] if repeat % 2 == 0 else ["plain", "ours"]
            if plain_max is not None and size > plain_max:
                kinds = ["ours"]
            for kind in kinds:
                item = prepared[size]
                project = item["project"] if kind == "ours" else item["plain"]
                wall, cpu, stolen = build(project, work / str(size) / f"site-{kind}")
                times.setdefault((size, kind), []).append((wall, cpu, stolen))
                print(f"  repeat {repeat + 1}/{repeats}: {size:>5} lessons, {kind:>5}: {wall:7.1f} s wall, "
                      f"{cpu:7.1f} s CPU, {stolen if stolen is not None else float('nan'):5.1f} s stolen by the host",
                      flush=True)
    rows = []
    for size in sizes:
        row: dict[str, Any] = {"lessons": size, "counts": prepared[size]["counts"],
                               "markdown_pages": prepared[size]["markdown_pages"]}
        for kind in ("ours", "plain"):
            runs = times.get((size, kind))
            if not runs:
                continue
            row[kind] = {
                "wall_seconds": [round(wall, 2) for wall, _, _ in runs],
                "cpu_seconds": [round(cpu, 2) for _, cpu, _ in runs],
                "stolen_seconds": [None if stolen is None else round(stolen, 2) for _, _, stolen in runs],
                "wall_median": round(median([wall for wall, _, _ in runs]), 2),
                "cpu_median": round(median([cpu for _, cpu, _ in runs]), 2),
                **lesson_pages(work / str(size) / f"site-{kind}"),
            }
        if "plain" in row:
            row["ratio_wall"] = round(row["ours"]["wall_median"] / row["plain"]["wall_median"], 3)
            row["ratio_cpu"] = round(row["ours"]["cpu_median"] / row["plain"]["cpu_median"], 3)
        if phases:  # with --repeats 0, only the phases are measured
            row["ours_phases"] = measure_phases(prepared[size]["project"], work / str(size) / "site-phases")
            if plain_max is None or size <= plain_max:
                row["plain_phases"] = measure_phases(prepared[size]["plain"], work / str(size) / "site-phases-plain")
        rows.append(row)
    return {"sizes": sizes, "repeats": repeats, "rows": rows, "targets": TARGETS,
            "verdicts": verdicts(rows)}


def verdicts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    rows = [row for row in rows if "ours" in row]
    by_size = {row["lessons"]: row for row in rows}
    found: dict[str, Any] = {}
    if 400 in by_size and "ratio_wall" in by_size[400]:
        ratio = by_size[400]["ratio_wall"]
        found["ratio_at_400"] = {"value": ratio, "cpu_ratio": by_size[400]["ratio_cpu"],
                                 "target": f"<= {TARGETS['ratio_at_400']}", "met": ratio <= TARGETS["ratio_at_400"]}
    if 1600 in by_size:
        seconds = by_size[1600]["ours"]["wall_median"]
        found["seconds_at_1600"] = {"value": seconds, "target": f"<= {TARGETS['seconds_at_1600']:g} s",
                                    "met": seconds <= TARGETS["seconds_at_1600"]}
    if 400 in by_size and 1600 in by_size:
        growth = by_size[1600]["ours"]["wall_median"] / by_size[400]["ours"]["wall_median"]
        growth_cpu = by_size[1600]["ours"]["cpu_median"] / by_size[400]["ours"]["cpu_median"]
        found["growth_400_to_1600"] = {"value": round(growth, 2), "cpu_value": round(growth_cpu, 2),
                                       "target": f"<= {TARGETS['growth_400_to_1600']}",
                                       "met": growth <= TARGETS["growth_400_to_1600"]}
    largest = max((row["ours"]["lesson_html_kib_max"] for row in rows if row["ours"].get("lesson_html_kib_max")),
                  default=None)
    if largest is not None:
        found["lesson_html_kib"] = {"value": largest, "target": f"<= {TARGETS['lesson_html_kib']:g} KiB (largest "
                                    "lesson page at any size)", "met": largest <= TARGETS["lesson_html_kib"]}
    return found


# --- phases of our build (one in-process build, timers around the main steps) ------------------------

PHASES_SCRIPT = r"""
import json, os, sys, time
from pathlib import Path
os.environ["NO_MKDOCS_2_WARNING"] = "1"
spent = {}
stack = []  # time spent in timed calls nested inside the running one (exclusive timing)

def timed(owner, name, label):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        started = time.process_time()
        stack.append(0.0)
        try:
            return original(*args, **kwargs)
        finally:
            elapsed = time.process_time() - started
            nested = stack.pop()
            spent[label] = spent.get(label, 0.0) + elapsed - nested
            if stack:
                stack[-1] += elapsed
    setattr(owner, name, wrapper)

import onlinesafety.loading, onlinesafety.checks, onlinesafety.site, onlinesafety.site.nav
timed(onlinesafety.loading, "load_library", "load content (YAML + model)")
timed(onlinesafety.checks, "run_checks", "quality gate (checks)")
waited = []
try:  # the gate runs in a child process on the other core; time how long the build waits for it
    from onlinesafety.checks.background import GateRun
    _findings = GateRun.findings
    def _waiting(self):
        started = time.perf_counter()
        try:
            return _findings(self)
        finally:
            waited.append(time.perf_counter() - started)
    GateRun.findings = _waiting
except ImportError:
    pass
timed(onlinesafety.site, "site_files", "generate pages (Jinja2)")
try:
    import onlinesafety.site.csp
    timed(onlinesafety.site.csp, "apply_policy", "Content-Security-Policy pass")
except ImportError:
    pass
import mkdocs.commands.build as b
timed(b, "_populate_page", "Markdown to HTML (pages)")
timed(b, "_build_page", "theme templates (pages, nav), page writes")
import material.plugins.search.plugin as search
timed(search.SearchPlugin, "on_page_context", "search index (per page)")
timed(search.SearchPlugin, "on_post_build", "search index (write)")
from mkdocs.config import load_config
project, out = Path(sys.argv[1]), sys.argv[2]
os.chdir(project)
started = time.process_time()
config = load_config(str(project / "mkdocs.yml"), site_dir=out)
b.build(config)
total = time.process_time() - started
spent = {key: round(value, 2) for key, value in spent.items()}
spent["everything else (MkDocs start-up, files, static copy, plugins)"] = round(total - sum(spent.values()), 2)
spent["total CPU"] = round(total, 2)
if waited:
    spent["waiting for the quality gate on the other core (wall)"] = round(sum(waited), 2)
import onlinesafety
spent["package"] = onlinesafety.__file__
print(json.dumps(spent))
"""


def measure_phases(project: Path, out: Path) -> dict[str, float]:
    """CPU seconds of each step of our build (one in-process build; the timers cost almost nothing)."""
    result = subprocess.run([python(), "-c", PHASES_SCRIPT, str(project), str(out)], cwd=project, env=env(),
                            capture_output=True, text=True, check=False, timeout=BUILD_TIMEOUT)
    if result.returncode != 0:
        raise SystemExit(f"phase build failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(results: dict[str, Any]) -> str:
    lines = ["| lessons | pages | ours wall (s) | plain wall (s) | ratio wall | ours CPU (s) | plain CPU (s) "
             "| ratio CPU | lesson page, ours (KiB raw / gz, max) | lesson page, plain (KiB raw / gz) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for row in results["rows"]:
        if "ours" not in row:  # --repeats 0: phases only
            continue
        ours, plain = row["ours"], row.get("plain", {})
        lines.append(
            f"| {row['lessons']} | {ours['html_pages']} | {ours['wall_median']} | {plain.get('wall_median', '–')} "
            f"| {row.get('ratio_wall', '–')} | {ours['cpu_median']} | {plain.get('cpu_median', '–')} "
            f"| {row.get('ratio_cpu', '–')} | {ours['lesson_html_kib_median']} / {ours['lesson_html_gzip_kib_median']}"
            f" ({ours['lesson_html_kib_max']}) | {plain.get('lesson_html_kib_median', '–')} / "
            f"{plain.get('lesson_html_gzip_kib_median', '–')} |")
    lines.append("")
    for name, verdict in results["verdicts"].items():
        extra = {key: value for key, value in verdict.items() if key not in ("value", "target", "met")}
        lines.append(f"- {name}: {verdict['value']} (target {verdict['target']}): "
                     f"{'MET' if verdict['met'] else 'MISSED'}" + (f" {extra}" if extra else ""))
    for row in results["rows"]:
        for kind in ("ours", "plain"):
            if f"{kind}_phases" in row:
                lines.append(f"\nPhases of the {kind} build at {row['lessons']} lessons (CPU seconds, one build):")
                lines.extend(f"  {name}: {value}" for name, value in row[f"{kind}_phases"].items())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600], help="lesson counts")
    parser.add_argument("--repeats", type=int, default=3, help="builds of each kind at each size")
    parser.add_argument("--quick", action="store_true", help="100 and 400 lessons, one repeat")
    parser.add_argument("--plain-max", type=int, default=None,
                        help="build plain Material only up to this many lessons (it grows with the square)")
    parser.add_argument("--phases", action="store_true", help="also time each phase of both builds (one build each)")
    parser.add_argument("--work", type=Path, default=WORK / "site_build", help="scratch folder")
    parser.add_argument("--output", default="site_build.json", help="file name under benchmarks/results/")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = [100, 400], 1
    args.work = args.work.resolve()
    info = machine()
    started = time.perf_counter()
    results = run(sorted(set(args.sizes)), args.repeats, args.work, args.plain_max, args.phases)
    results["machine"] = info
    return finish(args.output, results, "site_build.py", argv, started, report)


if __name__ == "__main__":
    sys.exit(main())
