"""Page weight: what a browser downloads on the first load of a lesson page, gzip-served.

    python benchmarks/page_weight.py

Builds the real site (and a plain Material build of the same pages, from `export-markdown`), serves
each from 127.0.0.1 with gzip (benchmarks/_serve.py), loads lesson pages in Debian's Chromium with an
empty cache, waits until the network is idle (Material's search worker fetches the whole search index on
the first load), and sums the bytes transferred: response headers plus the compressed bodies.
Target: at most 200 KiB for a lesson page's first load, search index included.
Results: benchmarks/results/page_weight.json.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import CHROMIUM, CHROMIUM_ARGS, KIB, ROOT, WORK, copy_parts, env, machine, python, save, snapshot_package
from _serve import GzipServer
from site_build import PLAIN_CONFIG

TARGET_KIB = 200
EXEMPLAR = "lessons/7-11/live-streaming-7-11/"


def build_sites(work: Path) -> dict[str, Path]:
    """Our site and the plain Material site, built from a copy of the project."""
    snapshot_package(work / "snapshot")
    project = copy_parts(work / "project")
    plain = work / "plain"
    if plain.exists():
        shutil.rmtree(plain)
    plain.mkdir(parents=True)
    _run([python(), "-m", "onlinesafety", "--content", str(project / "content"), "export-markdown",
          str(plain / "docs")], project)
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    sites = {}
    for name, folder in (("ours", project), ("plain", plain)):
        out = work / f"site-{name}"
        if out.exists():
            shutil.rmtree(out)
        _run([python(), "-m", "mkdocs", "build", "-f", str(folder / "mkdocs.yml"), "-d", str(out)], folder)
        sites[name] = out
    return sites


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, env=env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def heaviest_lesson(site: Path) -> str:
    pages = sorted(site.glob("lessons/*/*/index.html"), key=lambda page: (-page.stat().st_size, str(page)))
    return pages[0].parent.relative_to(site).as_posix() + "/"


def first_load(browser: Any, url: str, settle_seconds: float = 2.0) -> dict[str, Any]:
    """Load `url` in a fresh context (empty cache) and list every response with its transfer size."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    finished: list[Any] = []
    failed: list[str] = []
    context.on("requestfinished", lambda request: finished.append(request))
    context.on("requestfailed", lambda request: failed.append(request.url))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    time.sleep(settle_seconds)  # the search worker starts after load; give it time to fetch the index
    page.wait_for_load_state("networkidle")
    rows = []
    for request in finished:
        sizes = request.sizes()
        response = request.response()
        headers = response.headers if response is not None else {}
        body = sizes["responseBodySize"]
        rows.append({
            "url": request.url.removeprefix(url.split("/lessons/")[0]),
            "type": request.resource_type,
            "status": response.status if response is not None else None,
            "encoding": headers.get("content-encoding", "identity"),
            "body_bytes": body,
            "header_bytes": sizes["responseHeadersSize"],
            "transferred_bytes": body + sizes["responseHeadersSize"],
        })
    context.close()
    rows.sort(key=lambda row: -row["transferred_bytes"])
    total = sum(row["transferred_bytes"] for row in rows)
    return {
        "url": url,
        "requests": len(rows),
        "failed": failed,
        "transferred_kib": round(total / KIB, 1),
        "bodies_kib": round(sum(row["body_bytes"] for row in rows) / KIB, 1),
        "search_index_fetched": any(row["url"].endswith("search_index.json") for row in rows),
        "third_party": [row["url"] for row in rows if not row["url"].startswith("/")],
        "resources": rows,
    }


def measure(sites: dict[str, Path]) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, site in sites.items():
                pages = {"exemplar": EXEMPLAR, "heaviest": heaviest_lesson(site)}
                with GzipServer(site) as url:
                    results[name] = {label: first_load(browser, url + path) for label, path in pages.items()}
        finally:
            browser.close()
    return results


def report(results: dict[str, Any]) -> str:
    lines = []
    for name, pages in results.items():
        for label, load in pages.items():
            verdict = "MET" if load["transferred_kib"] <= TARGET_KIB else "MISSED"
            lines.append(f"{name:>5} {label:>8} {load['url'].split('/', 3)[3]}: {load['transferred_kib']} KiB "
                         f"transferred in {load['requests']} requests (search index fetched: "
                         f"{load['search_index_fetched']}; third-party requests: {len(load['third_party'])})"
                         + (f" — target <= {TARGET_KIB} KiB: {verdict}" if name == "ours" else ""))
            for row in load["resources"][:8]:
                lines.append(f"        {row['transferred_bytes'] / KIB:7.1f} KiB  {row['encoding']:>8}  {row['url']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=WORK / "page_weight", help="scratch folder")
    parser.add_argument("--output", default="page_weight.json", help="file name under benchmarks/results/")
    args = parser.parse_args(argv)
    info = machine()
    sites = build_sites(args.work.resolve())
    results = measure(sites)
    worst = max(load["transferred_kib"] for load in results["ours"].values())
    path = save(args.output, {
        "command": "python benchmarks/page_weight.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": info, "target_kib": TARGET_KIB, "results": results,
        "verdict": {"value_kib": worst, "target": f"<= {TARGET_KIB} KiB", "met": worst <= TARGET_KIB},
    })
    print(report(results))
    print(f"\nworst lesson first load, ours: {worst} KiB (target <= {TARGET_KIB} KiB): "
          f"{'MET' if worst <= TARGET_KIB else 'MISSED'}")
    print(f"saved {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
