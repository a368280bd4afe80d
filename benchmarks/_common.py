"""Shared helpers for the benchmark scripts: paths, the machine description, medians, gzip sizes."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
WORK = BENCHMARKS / "work"
RESULTS = BENCHMARKS / "results"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
KIB = 1024


_SNAPSHOT: Path | None = None


def env() -> dict[str, str]:
    """The environment for child builds: no MkDocs 2 banner, no CI or SITE_URL from the caller, and the
    package snapshot (if one was taken) ahead of the working tree."""
    clean = {key: value for key, value in os.environ.items() if key not in ("CI", "SITE_URL", "PYTHONPATH")}
    clean["NO_MKDOCS_2_WARNING"] = "1"
    # Site builds are measured HTML-only; the classroom files (decks, packs) have their own benchmark.
    clean.setdefault("ONLINESAFETY_CLASSROOM", "0")
    if _SNAPSHOT is not None:
        clean["PYTHONPATH"] = str(_SNAPSHOT)
    return clean


def snapshot_package(folder: Path) -> Path:
    """Copy the onlinesafety package and the templates it reads to `folder`, and use that copy in every
    child process from now on: a long benchmark then measures one version of the code, even while
    other people edit the working tree."""
    global _SNAPSHOT
    folder = folder.resolve()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for part in ("onlinesafety", "templates"):
        shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    _SNAPSHOT = folder
    return folder


def steal_seconds() -> float | None:
    """CPU time the host has taken from this virtual machine since boot (all cores), or None.

    On a shared host this is the noise no interleaving removes: a figure measured while it grew fast
    is slower than the code. /proc/stat's 8th cpu column, in clock ticks.
    """
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    try:
        load = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        load = []
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "load_average_at_start": load,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": _versions("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pyyaml",
                              "pydantic", "textstat"),
        "chromium": chromium_version(),
        "git_commit": _git("rev-parse", "--short", "HEAD"),
        "git_dirty": bool(_git("status", "--porcelain", "--", "onlinesafety", "hooks", "templates", "mkdocs.yml")),
    }


def _versions(*names: str) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def chromium_version() -> str:
    try:
        result = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30, check=False)
        return result.stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def save(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    return path


def python() -> str:
    return sys.executable


SITE_PARTS = ("mkdocs.yml", "hooks", "templates", "content")


def copy_parts(target: Path, parts: tuple[str, ...] = SITE_PARTS, *, source: Path = ROOT) -> Path:
    """The project's files named in `parts` copied into `target` (created; replaced if it exists)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in parts:
        origin = source / part
        if origin.is_dir():
            shutil.copytree(origin, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, target / part)
    return target


def finish(name: str, results: dict[str, Any], script: str, argv: list[str] | None, started: float,
           report: Any) -> int:
    """Save `results` (with the command and elapsed time) and print the report: every benchmark's ending."""
    import time

    results["command"] = f"python benchmarks/{script} " + " ".join(argv if argv is not None else sys.argv[1:])
    results["elapsed_seconds"] = round(time.perf_counter() - started, 1)
    path = save(name, results)
    print()
    print(report(results))
    print(f"\nsaved {path.relative_to(ROOT)}")
    return 0


def timed_build(interpreter: str, project: Path, out: Path, timeout: float) -> tuple[float, float, float | None]:
    """One `mkdocs build` of `project` into `out` (replaced) in a child process: (wall seconds, CPU seconds
    of the child and its workers, seconds the host stole from this machine meanwhile)."""
    import resource
    import time

    if out.exists():
        shutil.rmtree(out)
    stolen = steal_seconds()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([interpreter, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                            cwd=project, env=env(), capture_output=True, text=True, check=False, timeout=timeout)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed ({result.returncode}):\n{result.stdout[-3000:]}\n"
                         f"{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    now = steal_seconds()
    return wall, cpu, None if stolen is None or now is None else now - stolen
