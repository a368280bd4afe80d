"""The IT lead's way in (#13 point 6): examples/school.yml and examples/schools.csv hold every profile field,
and the README's newsletter example runs as written on a fresh copy of the repository."""

from __future__ import annotations

import csv
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from onlinesafety.newsletters.profile import FIELDS

ROOT = Path(__file__).resolve().parents[2]
COMMAND = re.compile(r"^\.venv/bin/python build_newsletters\.py --schools? examples/.*$", re.M)


def readme_commands(readme: Path) -> list[str]:
    return COMMAND.findall(readme.read_text(encoding="utf-8"))


def test_the_examples_hold_every_profile_field() -> None:
    profile = yaml.safe_load((ROOT / "examples" / "school.yml").read_text(encoding="utf-8"))
    assert sorted(profile) == sorted(FIELDS)
    with (ROOT / "examples" / "schools.csv").open(encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream))
    assert sorted(header) == sorted(FIELDS)
    guide = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{field}` |" in guide for field in FIELDS), "examples/README.md explains every column"
    commented = (ROOT / "examples" / "school.yml").read_text(encoding="utf-8")
    for field in FIELDS:  # each field has a comment just above it
        assert re.search(rf"^# .*\n{field}:", commented, re.M), field


def test_the_readme_and_the_examples_guide_show_the_same_commands() -> None:
    commands = readme_commands(ROOT / "README.md")
    assert len(commands) == 2 and all("examples/" in command for command in commands)
    assert readme_commands(ROOT / "examples" / "README.md") == commands


def fresh_copy(destination: Path) -> Path:
    """The repository's files as a fresh clone would have them: tracked and new files that git does not ignore
    (so this works before a commit too), without .venv, caches or earlier output."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target)
    return destination


@pytest.fixture(scope="module")
def readme_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Each README command run in a fresh copy, in order, as an IT lead would (with this Python as .venv's)."""
    copy = fresh_copy(tmp_path_factory.mktemp("fresh") / "safe-online-schools")
    assert not (copy / ".venv").exists() and (copy / "examples" / "school.yml").is_file()
    results = []
    snapshots = []
    for command in readme_commands(copy / "README.md"):
        words = shlex.split(command)
        result = subprocess.run([sys.executable, *words[1:]], cwd=copy, capture_output=True, text=True,
                                timeout=600, check=False, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        results.append(result)
        out = copy / "newsletters-out"
        snapshots.append({path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
                          for path in out.rglob("*") if path.is_file()} if out.exists() else {})
    return {"copy": copy, "results": results, "snapshots": snapshots}


def test_the_one_school_example_builds_on_a_fresh_copy(readme_run: dict[str, object]) -> None:
    result = readme_run["results"][0]
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"wrote \d+ files for 1 school to newsletters-out\n", result.stdout)
    files = readme_run["snapshots"][0]
    assert "Hillside Primary School" in files["hillside-primary/index.html"]
    emails = [text for name, text in files.items() if name.endswith("/email.html")]
    assert emails and all("https://www.hillside-primary.example/images/logo.png" in text for text in emails)
    assert all("https://www.hillside-primary.example/online-safety/help/uk/" in text for text in emails)
    assert not [name for name in files if "/11-14" in name or "-14-18/" in name]  # only the bands chosen


def test_the_many_schools_example_with_a_term_builds_on_a_fresh_copy(readme_run: dict[str, object]) -> None:
    result = readme_run["results"][1]
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"wrote \d+ files for 3 schools to newsletters-out\n", result.stdout)
    files = readme_run["snapshots"][1]
    index = files["index.html"]
    for name, folder in (("Hillside Primary School", "hillside-primary"), ("Riverside Academy", "riverside-academy"),
                         ("St Brigid&#39;s National School", "st-brigid-s-national-school")):
        assert name in index and f'href="{folder}/index.html"' in index
    weeks = {name.split("/")[2] for name in files if name.startswith("hillside-primary/term/")}
    assert len(weeks) == 11 and "2027-02-15" not in weeks  # 12 weeks, the half-term week skipped
    irish = [text for name, text in files.items() if name.startswith("st-brigid-s-national-school/")
             and name.endswith("text.txt")]
    assert irish and all("https://st-brigids.example/online-safety/help/ie/" in text for text in irish)
    assert "hillside-primary/index.html" in files  # the second run replaced the first run's output whole
    assert files["hillside-primary/index.html"] != readme_run["snapshots"][0]["hillside-primary/index.html"]


def test_the_output_folder_and_its_store_are_the_only_new_files_and_git_ignores_them(readme_run: dict[str, object]) -> None:
    copy = readme_run["copy"]
    new = sorted(path.name for path in copy.iterdir() if path.name.startswith((".newsletters", "newsletters")))
    assert new == [".newsletters-out.generations", "newsletters-out"]
    ignored = subprocess.run(["git", "check-ignore", "newsletters-out", ".newsletters-out.generations/"], cwd=ROOT,
                             capture_output=True, text=True, check=False)
    assert ignored.stdout.split() == ["newsletters-out", ".newsletters-out.generations/"]
