"""Output folders that would overwrite the project are refused, links included."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlinesafety.safety.protected_folders import UnsafeOutputFolder, check_outside_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name in ("content/pages", "templates/newsletter", "onlinesafety", "hooks", ".git"):
        (root / name).mkdir(parents=True)
    return root


@pytest.mark.parametrize("out, says", [
    ("", "is empty"),
    ("  ", "is empty"),
    (".", "is the project folder"),
    ("..", "holds the project folder"),
    ("content", "lies inside the content folder"),
    ("content/pages", "lies inside the content folder"),
    ("content/pages/new-folder", "lies inside the content folder"),
    ("templates/newsletter", "lies inside the templates folder"),
    ("onlinesafety/out", "lies inside the onlinesafety folder"),
    (".git/out", "lies inside the .git folder"),
])
def test_the_project_and_its_folders_are_refused(project: Path, monkeypatch: pytest.MonkeyPatch, out: str,
                                                 says: str) -> None:
    monkeypatch.chdir(project)
    with pytest.raises(UnsafeOutputFolder, match=says) as error:
        check_outside_project(out, root=project)
    assert error.value.fix.startswith("give the folder") or "outside the project's own files" in error.value.fix


def test_a_folder_given_on_the_command_line_is_protected_too(tmp_path: Path, project: Path) -> None:
    school = tmp_path / "school" / "content"
    (school / "pages").mkdir(parents=True)
    with pytest.raises(UnsafeOutputFolder, match="lies inside the --content folder"):
        check_outside_project(school / "pages", root=project, protected=[("--content", school)])
    with pytest.raises(UnsafeOutputFolder, match="holds the --content folder"):
        check_outside_project(tmp_path / "school", root=project, protected=[("--content", school)])


def test_a_link_into_the_project_is_refused(tmp_path: Path, project: Path) -> None:
    (tmp_path / "innocent").symlink_to(project / "content")
    with pytest.raises(UnsafeOutputFolder, match="content folder"):
        check_outside_project(tmp_path / "innocent" / "out", root=project)


@pytest.mark.parametrize("out", ["newsletters-out", "site-copy/newsletters"])
def test_new_folders_in_the_project_or_elsewhere_are_allowed(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                             out: str, tmp_path: Path) -> None:
    monkeypatch.chdir(project)
    assert check_outside_project(out, root=project) == project / out
    assert check_outside_project(tmp_path / "elsewhere", root=project) == tmp_path / "elsewhere"
