"""build_newsletters.py --out: refused when it would overwrite the project, its content, its templates or
files we did not write (exit 2, nothing touched); what a school office then finds in --out looks normal."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from onlinesafety.newsletters.cli import main
from onlinesafety.safety import protected_folders
from tests.newsletters.factory import write_content
from tests.robustness.support import snapshot


def run(*args: str | Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main([str(arg) for arg in args], stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's layout (so that a wrong answer cannot damage the real one), used as the root."""
    root = tmp_path / "project"
    write_content(root)  # writes root/content
    (root / "templates" / "newsletter").mkdir(parents=True)
    (root / "templates" / "newsletter" / "README.md").write_text("our templates\n")
    monkeypatch.setattr(protected_folders, "PROJECT_ROOT", root)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("out, says", [
    ("", "--out is empty"),
    (".", "is the project folder"),
    ("content/pages", "lies inside the content folder"),
    ("content", "lies inside the content folder"),
    ("templates", "lies inside the templates folder"),
    ("templates/newsletter/out", "lies inside the templates folder"),
    ("..", "holds the project folder"),
])
def test_an_out_folder_that_would_overwrite_the_project_is_refused(project: Path, profile_file: Path, out: str,
                                                                   says: str) -> None:
    before = snapshot(project)
    code, stdout, stderr = run("--school", profile_file, "--out", out, "--content", "content")
    assert code == 2 and stdout == ""
    assert stderr.startswith("error: ") and says in stderr, stderr
    assert "Fix: choose a new folder" in stderr or "Fix: give the folder" in stderr, stderr
    assert snapshot(project) == before
    assert not [path for path in project.parent.iterdir() if path.name.startswith(".")]


def test_an_out_folder_inside_the_school_templates_is_refused(tmp_path: Path, content_dir: Path,
                                                               profile_file: Path) -> None:
    templates = tmp_path / "school-templates"
    templates.mkdir()
    (templates / "text.txt.j2").write_text("{{ piece.headline }}\n")
    code, _, stderr = run("--school", profile_file, "--out", templates / "out", "--content", content_dir,
                          "--templates", templates)
    assert code == 2 and "lies inside the --templates folder" in stderr
    assert [path.name for path in templates.iterdir()] == ["text.txt.j2"]


def test_a_folder_holding_files_we_did_not_write_is_refused(tmp_path: Path, content_dir: Path,
                                                            profile_file: Path) -> None:
    out = tmp_path / "shared-drive"
    out.mkdir()
    (out / "minutes.docx").write_bytes(b"the governors' minutes")
    code, _, stderr = run("--school", profile_file, "--out", out, "--content", content_dir)
    assert code == 2
    assert f"error: --out {out} already holds files this command did not write" in stderr
    assert snapshot(out) == {"minutes.docx": b"the governors' minutes"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["school.yml", "shared-drive"]


def test_the_office_sees_a_normal_folder_and_a_rebuild_replaces_it_whole(tmp_path: Path, content_dir: Path,
                                                                          profile_file: Path) -> None:
    out = tmp_path / "newsletters-out"
    assert run("--school", profile_file, "--out", out, "--content", content_dir, "--quiet")[0] == 0
    first = snapshot(out)
    assert sorted(path.name for path in out.iterdir()) == ["hillside-primary-school"]
    assert (out / "hillside-primary-school" / "index.html").is_file()
    # --out is a link into the hidden folder beside it, which keeps only the generation shown
    assert out.is_symlink() and not os.path.isabs(os.readlink(out))
    assert sorted(path.name for path in tmp_path.iterdir()) == [".newsletters-out.generations", "newsletters-out",
                                                                 "school.yml"]
    assert run("--school", profile_file, "--out", out, "--content", content_dir, "--quiet", "--length", "short")[0] == 0
    second = snapshot(out)
    assert set(second) < set(first) and not [path for path in second if "/medium/" in path]
    assert len(list((tmp_path / ".newsletters-out.generations").iterdir())) == 2  # the lock and one generation
