"""The generated pages can be written as plain Markdown and built by plain Material, without our hook."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from onlinesafety import load_library
from onlinesafety.safety.output_dirs import MANIFEST, UnsafeOutput
from onlinesafety.site import export_markdown, site_files
from tests.conftest import ROOT, build_site
from tests.factories import make_content, page_text
from tests.robustness.support import snapshot


def test_export_builds_with_plain_material(tmp_path):
    library = load_library(ROOT / "content")
    out = tmp_path / "docs"
    count = export_markdown(library, out)
    assert count == len(list(out.rglob("*.*")))
    assert (out / "lessons" / "index.md").is_file() and (out / "about" / "licence.md").is_file()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme: {name: material, font: false}\n"
        "markdown_extensions: [admonition, attr_list, def_list, md_in_html, tables, toc]\n", encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "out", strict=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "lessons" / "7-11" / "live-streaming-7-11" / "index.html").is_file()


def test_export_replaces_its_own_earlier_export_whole(tmp_path):
    library = load_library(ROOT / "content")
    out = tmp_path / "docs"
    export_markdown(library, out)
    stale = out / "lessons" / "stale.md"  # as if an earlier export had written a page that is gone now
    stale.write_text("old", encoding="utf-8")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["lessons/stale.md"] = hashlib.sha256(b"old").hexdigest()
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    export_markdown(library, out)
    assert not stale.exists()
    assert sorted(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]) == sorted(
        path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file() and path.name != MANIFEST)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".docs")]


def test_generation_is_deterministic():
    library = load_library(ROOT / "content")
    assert site_files(library, base_url="https://x.test/") == site_files(load_library(ROOT / "content"), base_url="https://x.test/")


def test_export_command(tmp_path):
    result = subprocess.run([sys.executable, "-m", "onlinesafety", "export-markdown", str(tmp_path / "md")],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "md" / "index.md").is_file()


# --- Which folders the export refuses (#15 point 2) ------------------------------------------------


def _project(tmp_path: Path) -> Path:
    """A small project: content/, templates/ and a file at the top, like a checkout."""
    project = tmp_path / "project"
    make_content(project)
    shutil.copytree(ROOT / "templates", project / "templates")
    (project / "README.md").write_text("# A project\n", encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return project


def _export_command(project: Path, out: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "onlinesafety", "export-markdown", out], cwd=project,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          check=False, timeout=300)


def _own_export_with(extra: str) -> Callable[[Path], str]:
    def prepare(project: Path) -> str:
        assert _export_command(project, "md").returncode == 0
        if extra == "added":
            (project / "md" / "notes.md").write_text("a teacher's notes\n", encoding="utf-8")
        elif extra == "changed":
            (project / "md" / "index.md").write_text("edited by hand\n", encoding="utf-8")
        elif extra == "pipe":
            os.mkfifo(project / "md" / "lessons" / "pipe")
        elif extra == "link":
            (project / "md" / "elsewhere").symlink_to(project / "content", target_is_directory=True)
        elif extra == "forged manifest":
            (project / "md" / MANIFEST).write_text('{"format": 1, "files": {}}', encoding="utf-8")
        return "md"
    return prepare


def _folder_with_a_file(project: Path) -> str:
    (project / "notes").mkdir()
    (project / "notes" / "plan.txt").write_text("mine\n", encoding="utf-8")
    return "notes"


def _link_to_content(project: Path) -> str:
    (project / "out").symlink_to(project / "content", target_is_directory=True)
    return "out"


def _a_file(project: Path) -> str:
    (project / "out.md").write_text("mine\n", encoding="utf-8")
    return "out.md"


REFUSED: dict[str, tuple[Callable[[Path], str], str]] = {
    "content": (lambda project: "content", "it is the project's content folder"),
    "content, absolute": (lambda project: str(project / "content"), "it is the project's content folder"),
    "inside content": (lambda project: "content/pages", "it lies inside the project's content folder"),
    "new folder inside content": (lambda project: "content/md", "it lies inside the project's content folder"),
    "templates": (lambda project: "templates", "it is the project's templates folder"),
    "inside templates": (lambda project: "templates/site", "it lies inside the project's templates folder"),
    "project root": (lambda project: ".", "it contains the project's content folder"),
    "project root, dotted": (lambda project: "content/..", "it contains the project's content folder"),
    "above the project": (lambda project: "..", "it contains the project's content folder"),
    "inside .git": (lambda project: ".git/md", "it lies inside the project's git folder"),
    "empty name": (lambda project: "", "no folder name was given"),
    "someone's folder": (_folder_with_a_file, "did not write"),
    "link to content": (_link_to_content, "it is a symbolic link"),
    "a file": (_a_file, "it is a file, not a folder"),
    "export plus a file": (_own_export_with("added"), "did not write, or that were changed since (notes.md)"),
    "export with a file changed": (_own_export_with("changed"), "were changed since (index.md)"),
    "export plus a pipe": (_own_export_with("pipe"), "(lessons/pipe)"),
    "export plus a link": (_own_export_with("link"), "(elsewhere)"),
    "export with a forged manifest": (_own_export_with("forged manifest"), "did not write"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_an_unsafe_output_folder_is_refused_with_exit_2_and_nothing_changes(tmp_path: Path, case: str) -> None:
    project = _project(tmp_path)
    prepare, reason = REFUSED[case]
    out = prepare(project)
    before = {path: (path.is_symlink(), path.read_bytes() if path.is_file() and not path.is_symlink() else None)
              for path in project.rglob("*") if not path.is_fifo()}
    result = _export_command(project, out)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"export-markdown: refusing to write to '{out}': ")
    assert reason in result.stderr and "Fix: " in result.stderr
    after = {path: (path.is_symlink(), path.read_bytes() if path.is_file() and not path.is_symlink() else None)
             for path in project.rglob("*") if not path.is_fifo()}
    assert after == before


@pytest.mark.parametrize("out", ["md", "md/", "build/md", "empty"])
def test_a_new_or_empty_folder_or_our_own_export_is_written(tmp_path: Path, out: str) -> None:
    project = _project(tmp_path)
    (project / "empty").mkdir()
    for _ in range(2):  # the second run replaces the first run's export
        result = _export_command(project, out)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("wrote ") and (project / out / "index.md").is_file()
    assert (project / "content" / "pages" / "about.md").is_file()
    assert not [path for path in (project / out).parent.iterdir() if ".export-" in path.name]


def test_a_second_export_at_the_same_time_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    library = load_library(project / "content")
    handle = os.open(project, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)  # as a running export holds it
        with pytest.raises(UnsafeOutput, match="another export is writing"):
            export_markdown(library, project / "md")
    finally:
        os.close(handle)
    assert not (project / "md").exists()


def test_staging_folders_left_by_a_killed_export_are_removed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    library = load_library(project / "content")
    export_markdown(library, project / "md")
    leftover = project / ".md.export-k1ll3d00"
    (leftover / "lessons").mkdir(parents=True)
    (leftover / "lessons" / "half.md").write_text("half a pa", encoding="utf-8")
    kept = project / ".md.notes"  # not our naming: left alone
    kept.mkdir()
    export_markdown(library, project / "md")
    assert not leftover.exists() and kept.is_dir()


def test_a_generated_page_clashing_with_a_handwritten_one_changes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    library = load_library(project / "content")
    export_markdown(library, project / "md")
    before = snapshot(project / "md")
    page = project / "content" / "pages" / "index.md"  # the generated home page has this path
    page.write_text(page_text(), encoding="utf-8")
    result = _export_command(project, "md")
    assert result.returncode == 1 and "would overwrite content/pages/index.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "md") == before
