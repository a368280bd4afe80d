"""Real signals sent to a real `build_newsletters.py --schools` run of 40 schools, at exact steps.

The child process stops at a named step (the test hook in onlinesafety/newsletters/interrupts.py:
it writes a file, then waits for a signal), so the timing is exact, not guessed with sleeps. After
each signal, --out must hold either the earlier set or the new set of 40 schools, whole, with
nothing left over beside or inside it, and the message must say which.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onlinesafety.newsletters.interrupts import PAUSE_FILE_VARIABLE, PAUSE_VARIABLE
from onlinesafety.newsletters.writer import store_for
from tests.newsletters.factory import profile_data, write_content, write_csv
from tests.robustness.support import snapshot

ROOT = Path(__file__).resolve().parents[2]
SCHOOLS = 40
WAIT_SECONDS = 120.0  # a hang guard only (the machine is shared): a paused child is normally ready in seconds


def _csv(path: Path, name: str) -> Path:
    return write_csv(path, [profile_data(id=f"school-{n:02d}", school_name=f"{name} School {n}")
                            for n in range(SCHOOLS)])


def _command(schools: Path, content: Path, out: Path) -> list[str]:
    return [sys.executable, str(ROOT / "build_newsletters.py"), "--schools", str(schools), "--content", str(content),
            "--out", str(out), "--quiet", "--length", "short", "--format", "text"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Content, the earlier and the new list of schools, and the earlier output (built once, copied per test)."""
    root = tmp_path_factory.mktemp("signals")
    content = write_content(root / "project")
    paths = {"content": content, "earlier": _csv(root / "earlier.csv", "Earlier"),
             "new": _csv(root / "new.csv", "Renamed"), "built": root / "built"}
    (paths["built"]).mkdir()
    for name in ("earlier", "new"):
        out = paths["built"] / name / "out"
        out.parent.mkdir()
        result = subprocess.run(_command(paths[name], content, out), capture_output=True, text=True, cwd=ROOT,
                                timeout=WAIT_SECONDS, check=False)
        assert result.returncode == 0, result.stderr
    return paths


def _expected(project: dict[str, Path], name: str) -> dict[str, bytes]:
    files = snapshot(project["built"] / name / "out")
    assert len([path for path in files if path.endswith("/index.html")]) == SCHOOLS
    return files


def _copy_earlier(project: dict[str, Path], where: Path) -> Path:
    """The earlier output in `where`: the link and its store, as a finished run leaves them."""
    source = project["built"] / "earlier"
    for entry in source.iterdir():
        if entry.is_symlink():
            os.symlink(os.readlink(entry), where / entry.name)
        else:
            shutil.copytree(entry, where / entry.name, symlinks=True)
    return where / "out"


def _start(project: dict[str, Path], out: Path, point: str, ready: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, PAUSE_VARIABLE: point, PAUSE_FILE_VARIABLE: str(ready)}
    return subprocess.Popen(_command(project["new"], project["content"], out), cwd=ROOT, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until_paused(child: subprocess.Popen[str], ready: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not ready.exists():
        if child.poll() is not None:
            raise AssertionError(f"the run ended before reaching the pause point: {child.communicate()}")
        if time.monotonic() > deadline:
            child.kill()
            raise AssertionError("the run did not reach the pause point")
        time.sleep(0.02)


def _no_leftovers(where: Path, out: Path) -> None:
    """Beside --out only its store; in the store only the lock and the one generation --out shows."""
    store = store_for(out)
    assert sorted(path.name for path in where.iterdir()) == sorted(["out", store.name, "ready"])
    assert sorted(path.name for path in store.iterdir()) == [".lock", os.readlink(out).split("/")[1]]
    assert not [path for path in out.rglob(".*")]


POINTS = {  # where the run is stopped → which output --out must hold afterwards
    "staged:1": "earlier",  # after the first school is built
    "staged:25": "earlier",  # part-way through the schools
    "before-swap": "earlier",  # every school built, the new generation finished, not switched yet
    "swap": "new",  # the signal arrives during the switch: it waits until the switch is whole
    "after-swap": "new",  # switched; the earlier generation not removed yet
}
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
@pytest.mark.parametrize("point", list(POINTS))
def test_a_signal_at_any_step_leaves_the_earlier_or_the_new_output_whole(
        project: dict[str, Path], tmp_path: Path, point: str, signum: int) -> None:
    out = _copy_earlier(project, tmp_path)
    ready = tmp_path / "ready"
    child = _start(project, out, point, ready)
    _wait_until_paused(child, ready)
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=WAIT_SECONDS)
    name = signal.Signals(signum).name
    assert child.returncode == 128 + signum, stderr
    assert "Traceback" not in stderr
    expected = POINTS[point]
    assert snapshot(out) == _expected(project, expected), f"--out does not hold the {expected} output, whole"
    if expected == "new":
        assert stderr == f"interrupted ({name}) just after the new output was put in place: {out} holds this " \
                         "run's output, whole\n"
    else:
        assert stderr == f"interrupted ({name}) before the new output was put in place: {out} still holds the " \
                         "earlier output, whole; nothing of this run was kept\n"
    _no_leftovers(tmp_path, out)


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_first_run_stopped_part_way_leaves_nothing(project: dict[str, Path], tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out"
    ready = tmp_path / "ready"
    child = _start(project, out, "staged:10", ready)
    _wait_until_paused(child, ready)
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=WAIT_SECONDS)
    assert child.returncode == 128 + signum, stderr
    assert stderr == f"interrupted ({signal.Signals(signum).name}); nothing was written to {out}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "ready"]
    assert list(out.iterdir()) == []


def test_a_second_run_into_the_same_out_is_refused_while_the_first_is_writing(
        project: dict[str, Path], tmp_path: Path) -> None:
    out = _copy_earlier(project, tmp_path)
    ready = tmp_path / "ready"
    first = _start(project, out, "staged:5", ready)
    _wait_until_paused(first, ready)
    second = subprocess.run(_command(project["new"], project["content"], out), capture_output=True, text=True,
                            cwd=ROOT, timeout=WAIT_SECONDS, check=False)
    assert second.returncode == 2
    assert second.stderr == (f"error: another run is writing to {out} right now; this run wrote nothing. "
                             "Fix: wait for it to finish, then run again (or choose another --out folder).\n")
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=WAIT_SECONDS)
    assert first.returncode == 128 + signal.SIGTERM
    assert snapshot(out) == _expected(project, "earlier")
    _no_leftovers(tmp_path, out)


def test_what_a_killed_run_left_is_tidied_by_the_next_run(project: dict[str, Path], tmp_path: Path) -> None:
    """SIGKILL cannot be handled: the earlier output is still whole, and the next run removes the rest."""
    out = _copy_earlier(project, tmp_path)
    ready = tmp_path / "ready"
    child = _start(project, out, "before-swap", ready)
    _wait_until_paused(child, ready)
    child.kill()
    child.communicate(timeout=WAIT_SECONDS)
    assert snapshot(out) == _expected(project, "earlier")
    assert len(list(store_for(out).iterdir())) == 3  # the lock, the earlier generation, the unswitched new one
    ready.unlink()
    result = subprocess.run(_command(project["new"], project["content"], out), capture_output=True, text=True,
                            cwd=ROOT, timeout=WAIT_SECONDS, check=False)
    assert result.returncode == 0, result.stderr
    assert snapshot(out) == _expected(project, "new")
    ready.write_text("")
    _no_leftovers(tmp_path, out)


@pytest.mark.parametrize("point, expected", [("before-swap", "earlier"), ("swap", "new")])
def test_output_in_the_earlier_layout_is_kept_or_replaced_whole_when_stopped(
        project: dict[str, Path], tmp_path: Path, point: str, expected: str) -> None:
    """--out as a real folder written by versions before December 2026 (no link, no store)."""
    out = tmp_path / "out"
    shutil.copytree(project["built"] / "earlier" / "out", out)  # the files themselves, not the link
    assert not out.is_symlink()
    ready = tmp_path / "ready"
    child = _start(project, out, point, ready)
    _wait_until_paused(child, ready)
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=WAIT_SECONDS)
    assert child.returncode == 128 + signal.SIGTERM, stderr
    assert snapshot(out) == _expected(project, expected)
    if expected == "new":
        assert "just after the new output was put in place" in stderr
        _no_leftovers(tmp_path, out)
    else:
        assert "still holds the earlier output, whole" in stderr
        assert not out.is_symlink() and sorted(path.name for path in tmp_path.iterdir()) == ["out", "ready"]
