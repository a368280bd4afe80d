"""Only regular files in content/ are read: a folder named like a YAML file, a named pipe, a socket or a
symbolic link gets a clear error with its path, from the loader and from the quality gate, and never hangs."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from onlinesafety.checks.raw import raw_blocks
from onlinesafety.loading import ContentErrors, load_library
from tests.conftest import ROOT, copy_project
from tests.factories import make_content, topic_data, write_yaml
from tests.robustness.support import within

HANG_GUARD = 30.0  # seconds; a pipe opened for reading without O_NONBLOCK would block for ever


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("not content", encoding="utf-8")


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays behind


def _link_to_file(path: Path) -> None:
    target = path.parent.parent / "elsewhere.yml"
    write_yaml(target, topic_data(id=path.stem))
    path.symlink_to(target)


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere.yml")


ODD: dict[str, tuple[Callable[[Path], None], str]] = {
    "folder": (_folder, "a folder"),
    "named pipe": (_pipe, "a named pipe"),
    "socket": (_socket, "a socket"),
    "link to a file": (_link_to_file, "a symbolic link"),
    "dangling link": (_dangling_link, "a symbolic link"),
}
PLACES = ["topics/odd.yml", "lessons/7-11/odd.yml", "snippets/odd.yml", "pages/odd.md"]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", list(ODD))
def test_an_odd_file_is_an_error_naming_its_path(tmp_path: Path, kind: str, place: str) -> None:
    content = make_content(tmp_path)
    make, described = ODD[kind]
    target = content / place
    target.parent.mkdir(parents=True, exist_ok=True)
    make(target)

    def load() -> list:
        with pytest.raises(ContentErrors) as caught:
            load_library(content)
        return caught.value.problems

    [problem] = within(HANG_GUARD, load)
    assert problem.path == f"content/{place}"
    assert f"this is {described}, not a regular file" in problem.message


@pytest.mark.parametrize("kind", ["named pipe", "folder", "socket"])
def test_the_raw_text_checks_skip_odd_files_without_hanging(tmp_path: Path, kind: str) -> None:
    content = make_content(tmp_path)
    ODD[kind][0](content / "lessons" / "7-11" / "odd.yml")
    ODD[kind][0](content / "pages" / "odd.md")
    blocks = within(HANG_GUARD, lambda: raw_blocks(content))
    assert blocks and not [block for block in blocks if "odd" in block.path]


def test_a_linked_folder_is_reported_once_and_not_read(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    real = tmp_path / "elsewhere"
    real.mkdir()
    write_yaml(real / "extra.yml", topic_data(id="extra"))
    write_yaml(real / "more.yml", topic_data(id="more"))
    (content / "lessons" / "14-18").symlink_to(real, target_is_directory=True)
    with pytest.raises(ContentErrors) as caught:
        load_library(content)
    [problem] = caught.value.problems
    assert problem.path == "content/lessons/14-18" and "symbolic link" in problem.message


def test_check_names_the_pipe_and_exits_1_without_hanging(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    os.mkfifo(content / "topics" / "pipe.yml")
    result = subprocess.run([sys.executable, "-m", "onlinesafety", "--content", str(content), "check",
                             "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=False,
                            timeout=HANG_GUARD * 4)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["path"] == "content/topics/pipe.yml" and "named pipe" in finding["message"]


def test_the_strict_build_names_a_pipe_in_content_and_stops(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    os.mkfifo(project / "content" / "lessons" / "7-11" / "pipe.yml")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
               "-d", str(tmp_path / "out")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}  # this checkout's package
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False,
                            timeout=HANG_GUARD * 8)  # before the fix the build blocked on the pipe for ever
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "content/lessons/7-11/pipe.yml:1: this is a named pipe, not a regular file" in output
