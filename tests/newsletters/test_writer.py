"""Output: whitelisted names, paths inside --out, atomic files and folders, earlier output kept on failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onlinesafety.newsletters import writer
from onlinesafety.newsletters.errors import OutputError
from onlinesafety.newsletters.writer import Staging, check_name, check_parts, inside, recover, write_file


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (hidden ones included) with its bytes."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob(".*"))


@pytest.mark.parametrize("name", ["..", ".", "../etc", "a/b", "a\\b", ".hidden", "-dash", "UPPER", "", "a b",
                                  "x" * 65, "café", "name\x00", "con.txt", "/abs"])
def test_hostile_folder_names_are_refused(name: str) -> None:
    with pytest.raises(OutputError):
        check_name(name)


@pytest.mark.parametrize("name", ["email.exe", "email.html/..", "../email.html", "Email.html", "email",
                                  ".email.html", "email.html\n"])
def test_hostile_file_names_are_refused(name: str) -> None:
    with pytest.raises(OutputError):
        check_name(name, file=True)


def test_good_names_pass() -> None:
    assert check_parts(("hillside-primary", "live-streaming-7-11", "medium", "email.html"))
    assert check_parts(("term", "2027-01-04", "index.html"))


def test_a_path_through_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "school").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OutputError, match="outside"):
        inside(out, out / "school" / "index.html")


def test_staging_refuses_a_school_folder_that_is_a_link_elsewhere(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "school").symlink_to(tmp_path / "elsewhere")
    staging = Staging(out)
    with pytest.raises(OutputError):
        staging.stage("school", {("index.html",): "x"})
    staging.discard()
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_write_file_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    write_file(target, "old")
    write_file(target, "new")
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_an_interrupted_write_leaves_the_old_file_whole_and_no_temporary_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: type[BaseException]) -> None:
    target = tmp_path / "index.html"
    write_file(target, "the old, complete file")

    def interrupted(source: str, destination: str) -> None:
        assert Path(source).read_text() == "half"  # the new text was written to the temporary file only
        raise failure("interrupted")

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(failure):
        write_file(target, "half")
    assert target.read_text() == "the old, complete file"
    assert leftovers(tmp_path) == []


def test_staged_folders_replace_old_ones_only_on_commit(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = Staging(out)
    first.stage("a-school", {("index.html",): "first", ("old-only", "text.txt"): "gone later"})
    first.commit()
    second = Staging(out)
    second.stage("a-school", {("index.html",): "second"})
    assert tree(out) == {"a-school/index.html": b"first", "a-school/old-only/text.txt": b"gone later"} | {
        k: v for k, v in tree(out).items() if k.startswith(".a-school.tmp-")}
    second.commit()
    assert tree(out) == {"a-school/index.html": b"second"}
    assert leftovers(out) == []


def test_a_failure_while_building_leaves_earlier_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    staging = Staging(out)
    staging.stage("a-school", {("index.html",): "earlier"})
    staging.commit()
    before = tree(out)
    failing = Staging(out)
    failing.stage("a-school", {("index.html",): "new"})
    with pytest.raises(OutputError):
        failing.stage("b-school", {("../escape.html",): "x"})
    failing.discard()
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_failed_swap_puts_every_folder_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    staging = Staging(out)
    staging.stage("a-school", {("index.html",): "a1"})
    staging.stage("b-school", {("index.html",): "b1"})
    staging.commit()
    before = tree(out)
    staging = Staging(out)
    staging.stage("a-school", {("index.html",): "a2"})
    staging.stage("b-school", {("index.html",): "b2"})
    real_rename = os.rename
    calls = {"n": 0}

    def flaky(source: os.PathLike[str], destination: os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == 4:  # a-school swapped (2 renames), b-school moved aside (3), then b2 fails (4)
            raise PermissionError(13, "Permission denied", str(destination))
        real_rename(source, destination)

    monkeypatch.setattr(os, "rename", flaky)
    with pytest.raises(OutputError, match="earlier output was left as it was"):
        staging.commit()
    monkeypatch.setattr(os, "rename", real_rename)
    assert tree(out) == before
    assert leftovers(out) == []


def test_an_out_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="is a file"):
        Staging(blocker)
    with pytest.raises(OutputError, match="cannot write"):
        Staging(blocker / "inside")


def test_an_unwritable_out_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("earlier")

    def refuse(path: os.PathLike[str], *args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)  # as if the folder were read-only (tests run as root)
    with pytest.raises(OutputError) as error:
        Staging(out)
    assert "Permission denied" in str(error.value) and "write permission" in error.value.fix
    monkeypatch.undo()
    assert tree(out) == {"index.html": b"earlier"}


def test_a_run_killed_mid_swap_is_recovered_next_time(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".a-school.old-123456").mkdir(parents=True)
    (out / ".a-school.old-123456" / "index.html").write_text("kept")
    (out / ".a-school.tmp-abcdef").mkdir()
    recover(out, "a-school")
    assert tree(out) == {"a-school/index.html": b"kept"}


def test_temporary_names_cannot_collide_with_school_folders() -> None:
    assert writer.TEMP_MARK.startswith(".") and writer.OLD_MARK.startswith(".")
    with pytest.raises(OutputError):
        check_name(".a-school.tmp-1")
