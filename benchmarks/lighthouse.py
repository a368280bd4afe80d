"""Lighthouse (mobile preset) on four page types, against Debian's Chromium, gzip-served from 127.0.0.1.

    (cd benchmarks && npm ci)          # once: installs the pinned Lighthouse into benchmarks/node_modules
    python benchmarks/lighthouse.py    # home, a lesson, a parent guide, the newsletter builder; 3 runs each

Builds the real site from a copy of the project, serves it with gzip and the site's `_headers`
(benchmarks/_serve.py), and runs Lighthouse's default (mobile) configuration with CHROME_PATH set to
Debian's Chromium. Performance varies from run to run on a shared machine: each page runs `--runs`
times and the run with the median performance score is kept. Accessibility, best practices and SEO do
not vary. Every audit that keeps a category below 100 is listed with the elements it names.
Targets: performance >= 95, accessibility 100, best practices 100, SEO >= 95.
Results: benchmarks/results/lighthouse.json (summary) and benchmarks/results/lighthouse/<page>.json
(the kept run's full report, screenshots removed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from _common import BENCHMARKS, CHROMIUM, RESULTS, ROOT, WORK, env, machine, save
from _serve import GzipServer
from page_weight import build_sites

PAGES = {
    "home": "",
    "lesson": "lessons/7-11/live-streaming-7-11/",
    "parent-guide": "parents/live-streaming/",
    "newsletter-builder": "newsletters/builder/",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
               "--disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage"
LIGHTHOUSE = BENCHMARKS / "node_modules" / ".bin" / "lighthouse"
SCREENSHOTS = ("screenshot-thumbnails", "final-screenshot", "full-page-screenshot")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index", "interactive")


def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` in benchmarks/ first")
    environment = {**env(), "CHROME_PATH": CHROMIUM}
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}",
               "--only-categories=performance,accessibility,best-practices,seo", "--quiet"]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False, timeout=600)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {name: round((category["score"] or 0) * 100) for name, category in report["categories"].items()}


def failing_audits(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Per category: the audits that cost points, with the elements or resources they name."""
    found: dict[str, list[dict[str, Any]]] = {}
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"].get(ref["id"])
            if audit is None or ref.get("weight", 0) == 0 or audit.get("score") is None or audit["score"] >= 1:
                continue
            found.setdefault(name, []).append({
                "id": ref["id"], "title": audit["title"], "score": audit["score"],
                "display": audit.get("displayValue", ""), "items": _items(audit)})
    return found


def _items(audit: dict[str, Any]) -> list[str]:
    items = []
    for item in (audit.get("details") or {}).get("items", [])[:10]:
        node = item.get("node") or {}
        if node:
            items.append(f"{node.get('selector', '')}: {node.get('snippet', '')[:160]}"
                         + (f" ({node.get('explanation', '')[:200]})" if node.get("explanation") else ""))
        elif item.get("url"):
            extra = {key: value for key, value in item.items() if key in ("wastedBytes", "totalBytes", "wastedMs")}
            items.append(f"{item['url']} {extra}")
        else:
            items.append(json.dumps(item)[:200])
    return items


def metrics(report: dict[str, Any]) -> dict[str, str]:
    return {name: report["audits"][name].get("displayValue", "") for name in METRICS if name in report["audits"]}


def measure(site: Path, runs: int, keep: Path) -> dict[str, Any]:
    keep.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    with GzipServer(site) as base:
        for name, path in PAGES.items():
            reports = []
            for run in range(runs):
                report = run_lighthouse(base + path, WORK / "lighthouse" / f"{name}-{run}.json")
                reports.append(report)
                print(f"  {name} run {run + 1}/{runs}: {scores(report)}", flush=True)
            performance = [scores(report)["performance"] for report in reports]
            median_score = statistics.median_low(performance)
            kept = reports[performance.index(median_score)]
            for audit in SCREENSHOTS:
                kept["audits"].pop(audit, None)
            (keep / f"{name}.json").write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            results[name] = {
                "path": "/" + path, "performance_runs": performance, "scores": scores(kept),
                "metrics": metrics(kept), "failing_audits": failing_audits(kept),
                "lighthouse": kept["lighthouseVersion"], "user_agent": kept["environment"]["hostUserAgent"],
            }
    return results


def verdicts(results: dict[str, Any]) -> dict[str, Any]:
    found = {}
    for name, target in TARGETS.items():
        worst = min(page["scores"][name] for page in results.values())
        found[name] = {"worst": worst, "target": f">= {target}", "met": worst >= target}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median performance kept)")
    parser.add_argument("--work", type=Path, default=WORK / "lighthouse-site", help="scratch folder")
    parser.add_argument("--output", default="lighthouse.json", help="summary file under benchmarks/results/")
    args = parser.parse_args(argv)
    info = machine()
    (WORK / "lighthouse").mkdir(parents=True, exist_ok=True)
    sites = build_sites(args.work.resolve())
    results = measure(sites["ours"], args.runs, RESULTS / "lighthouse")
    summary = {"command": "python benchmarks/lighthouse.py " + " ".join(argv if argv is not None else sys.argv[1:]),
               "machine": info, "preset": "mobile (Lighthouse default)", "targets": TARGETS, "pages": results,
               "verdicts": verdicts(results)}
    path = save(args.output, summary)
    for name, page in results.items():
        print(f"{name:>18} {page['path']}: {page['scores']} (performance runs {page['performance_runs']}) "
              f"{page['metrics']}")
        for category, audits in page["failing_audits"].items():
            for audit in audits:
                print(f"{'':>20}{category}: {audit['id']} ({audit['title']}) {audit['display']}")
                for item in audit["items"]:
                    print(f"{'':>24}{item}")
    for name, verdict in summary["verdicts"].items():
        print(f"{name}: worst {verdict['worst']} (target {verdict['target']}): {'MET' if verdict['met'] else 'MISSED'}")
    print(f"saved {path.relative_to(ROOT)} and benchmarks/results/lighthouse/*.json")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
