"""Output: whitelisted names, paths inside --out, atomic files and folders, earlier output kept on failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onlinesafety.newsletters import writer
from onlinesafety.newsletters.errors import OutputError
from onlinesafety.newsletters.writer import Staging, check_name, check_parts, inside, store_for, write_file


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (hidden ones included) with its bytes."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def leftovers(root: Path) -> list[str]:
    """Hidden files inside --out, and anything in its store but the lock and generations."""
    store = store_for(root)
    stray = [p.name for p in store.iterdir() if p.name != ".lock" and not p.name.startswith("g-")] \
        if store.is_dir() else []
    return sorted([p.name for p in root.rglob(".*")] + stray)


def generations(out: Path) -> list[str]:
    return sorted(p.name for p in store_for(out).iterdir() if p.name.startswith("g-"))


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


def test_staging_refuses_an_out_folder_holding_files_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "school").symlink_to(tmp_path / "elsewhere")
    (out / "notes.txt").write_text("the office's own notes")
    with pytest.raises(OutputError, match="already holds files this command did not write"):
        Staging(out)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "school"]
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert not store_for(out).exists()


def test_staging_refuses_an_out_link_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OutputError, match="symbolic link to .*elsewhere, which this command did not make"):
        Staging(tmp_path / "out")
    assert os.readlink(tmp_path / "out") == str(tmp_path / "elsewhere")


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
    assert tree(out) == {"a-school/index.html": b"first", "a-school/old-only/text.txt": b"gone later"}
    second.commit()
    assert tree(out) == {"a-school/index.html": b"second"}
    assert out.is_symlink() and generations(out) == [os.readlink(out).split("/")[1]]
    assert leftovers(out) == []


def test_a_failure_while_building_leaves_earlier_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    staging = Staging(out)
    staging.stage("a-school", {("index.html",): "earlier"})
    staging.commit()
    before, link = tree(out), os.readlink(out)
    failing = Staging(out)
    failing.stage("a-school", {("index.html",): "new"})
    with pytest.raises(OutputError):
        failing.stage("b-school", {("../escape.html",): "x"})
    failing.discard()
    assert tree(out) == before and os.readlink(out) == link
    assert generations(out) == [link.split("/")[1]]
    assert leftovers(out) == []


@pytest.mark.parametrize("failing", ["rename", "symlink", "replace"])
def test_a_failed_switch_keeps_the_earlier_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  failing: str) -> None:
    out = tmp_path / "out"
    staging = Staging(out)
    staging.stage("a-school", {("index.html",): "a1"})
    staging.stage("b-school", {("index.html",): "b1"})
    staging.commit()
    before, link = tree(out), os.readlink(out)
    staging = Staging(out)
    staging.stage("a-school", {("index.html",): "a2"})
    staging.stage("b-school", {("index.html",): "b2"})

    def refused(source: object, destination: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(destination))

    monkeypatch.setattr(os, failing, refused)
    with pytest.raises(OutputError, match="earlier output was left as it was"):
        staging.commit()
    monkeypatch.undo()
    assert tree(out) == before and os.readlink(out) == link
    assert generations(out) == [link.split("/")[1]] and leftovers(out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.generations", "out"]


def test_an_out_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="is a file"):
        Staging(blocker)
    with pytest.raises(OutputError, match="cannot write"):
        Staging(blocker / "inside")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_unwritable_out_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"

    def refuse(path: os.PathLike[str], *args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)  # as if the folder were read-only (tests run as root)
    with pytest.raises(OutputError) as error:
        Staging(out)
    assert "Permission denied" in str(error.value) and "write permission" in error.value.fix
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_what_an_interrupted_run_left_is_removed_next_time(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = Staging(out)
    first.stage("a-school", {("index.html",): "kept"})
    first.commit()
    store = store_for(out)
    (store / ".tmp-123456" / "a-school").mkdir(parents=True)  # killed while building
    (store / "g-abcdef").mkdir()  # killed after the switch, before the earlier generation was removed
    (tmp_path / ".out.link-fedcba").symlink_to(".out.generations/g-abcdef")  # killed just before the switch
    Staging(out).discard()
    assert tree(out) == {"a-school/index.html": b"kept"}
    assert sorted(p.name for p in store.iterdir()) == [".lock", os.readlink(out).split("/")[1]]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.generations", "out"]


def test_a_second_run_into_the_same_out_is_refused_while_the_first_is_writing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = Staging(out)
    first.stage("a-school", {("index.html",): "first"})
    with pytest.raises(OutputError, match="another run is writing to .* right now; this run wrote nothing"):
        Staging(out)
    first.commit()  # the refused run removed nothing of the first one's
    assert tree(out) == {"a-school/index.html": b"first"}
    second = Staging(out)  # free again once the first has finished
    second.discard()


def test_temporary_names_cannot_collide_with_school_folders() -> None:
    assert writer.TEMP_MARK.startswith(".") and writer.LINK_MARK.startswith(".")
    with pytest.raises(OutputError):
        check_name(".a-school.tmp-1")
    with pytest.raises(OutputError):
        check_name(".lock")


def _earlier_layout(out: Path) -> dict[str, bytes]:
    """--out as versions before December 2026 left it: school folders straight inside, and a stopped swap."""
    files = {"index.html": b"<p>schools</p>", "a-school/index.html": b"a0", "a-school/live-streaming-7-11/short/text.txt":
             b"old text", "b-school/index.html": b"b0"}
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    (out / ".b-school.old-0123456789ab").mkdir()
    return files


@pytest.mark.parametrize("can_exchange", [True, False])
def test_output_in_the_earlier_layout_is_replaced_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        can_exchange: bool) -> None:
    out = tmp_path / "out"
    _earlier_layout(out)
    if not can_exchange:
        monkeypatch.setattr(writer, "exchange", lambda first, second: False)
    staging = Staging(out)
    assert staging.previous == writer.LEGACY and staging.outcome() == "earlier"
    staging.stage("a-school", {("index.html",): "a1"})
    staging.commit()
    assert out.is_symlink() and tree(out) == {"a-school/index.html": b"a1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.generations", "out"]
    assert leftovers(out) == []


def test_a_failed_switch_from_the_earlier_layout_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    before = _earlier_layout(out)
    monkeypatch.setattr(writer, "exchange", lambda first, second: False)
    staging = Staging(out)
    staging.stage("a-school", {("index.html",): "a1"})

    def refused(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied", str(destination))

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OutputError, match="earlier output was left as it was"):
        staging.commit()
    monkeypatch.undo()
    assert not out.is_symlink() and tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("extra", ["notes.docx", "a-school/notes.docx", "Photos/index.html"])
def test_a_folder_like_the_earlier_layout_but_with_other_files_is_refused(tmp_path: Path, extra: str) -> None:
    out = tmp_path / "out"
    _earlier_layout(out)
    (out / extra).parent.mkdir(parents=True, exist_ok=True)
    (out / extra).write_text("someone else's")
    with pytest.raises(OutputError, match="already holds files this command did not write"):
        Staging(out)
    assert (out / extra).read_text() == "someone else's"
