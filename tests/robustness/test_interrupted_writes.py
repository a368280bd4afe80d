"""A write interrupted half-way leaves the earlier output whole and no temporary files behind:
the newsletter command (end to end) and the Markdown export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onlinesafety.loading import load_library
from onlinesafety.newsletters import cli, writer
from onlinesafety.site import export
from onlinesafety.site import export_markdown
from tests.factories import make_content
from tests.newsletters.factory import write_content, write_profile
from tests.robustness.support import Sink, all_paths, snapshot


@pytest.fixture
def newsletter_run(tmp_path: Path):
    """A function that runs the newsletter command into tmp_path/out; the first run's output is there."""
    content = write_content(tmp_path / "project")
    profile = write_profile(tmp_path / "school.yml", id="hillside-primary")
    out = tmp_path / "out"

    def run() -> tuple[int, str]:
        stderr = Sink()
        code = cli.main(["--school", str(profile), "--out", str(out), "--content", str(content), "--quiet"],
                        stdout=Sink(), stderr=stderr)
        return code, stderr.text

    code, errors = run()
    assert code == cli.EXIT_OK, errors
    return run, out


def _temporary(root: Path) -> list[str]:
    return sorted(path for path in all_paths(root)
                  if writer.TEMP_MARK in path or writer.OLD_MARK in path or "/." in f"/{path}")


@pytest.mark.parametrize("failure, code", [(KeyboardInterrupt, cli.EXIT_INTERRUPTED),
                                           (OSError(28, "No space left on device"), cli.EXIT_USAGE)])
@pytest.mark.parametrize("after", [1, 40])
def test_a_newsletter_run_interrupted_while_writing_keeps_the_earlier_output(
        newsletter_run, monkeypatch: pytest.MonkeyPatch, failure: BaseException, code: int, after: int) -> None:
    run, out = newsletter_run
    before = snapshot(out)
    calls = {"n": 0}

    def interrupting(real):
        def half_way(path: str | Path, text: str) -> None:
            calls["n"] += 1
            if calls["n"] == after:
                Path(path).write_text(text[: len(text) // 2], encoding="utf-8")  # half a file, where it is built
                raise failure
            real(path, text.replace("Hillside", "Changed"))
        return half_way

    # Every file the command writes goes through one of these (the second writes inside a new staging folder);
    # `calls` below proves the failure was injected.
    for name in ("write_file", "_write_new"):
        if hasattr(writer, name):
            monkeypatch.setattr(writer, name, interrupting(getattr(writer, name)))
    result, errors = run()
    assert result == code, errors
    assert calls["n"] == after
    assert snapshot(out) == before
    assert _temporary(out) == []


@pytest.mark.parametrize("step", ["rename", "symlink", "replace"])
def test_a_newsletter_run_interrupted_while_swapping_folders_keeps_the_earlier_output(
        newsletter_run, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    run, out = newsletter_run
    before = snapshot(out)
    real = getattr(os, step)
    calls = {"n": 0}

    def interrupted(source: os.PathLike[str], destination: os.PathLike[str]) -> None:
        # rename: the new generation is finished; symlink: the new link is made; replace: the switch itself
        calls["n"] += 1
        raise KeyboardInterrupt

    monkeypatch.setattr(os, step, interrupted)
    result, errors = run()
    monkeypatch.setattr(os, step, real)
    assert result == cli.EXIT_INTERRUPTED, errors
    assert calls["n"] == 1 and "still holds the earlier output, whole" in errors
    assert snapshot(out) == before
    assert _temporary(out) == []
    assert sorted(path.name for path in out.parent.iterdir() if path.name.startswith(".")) == [".out.generations"]


def test_a_single_file_write_interrupted_before_the_rename_keeps_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "index.html"
    writer.write_file(target, "old and complete")

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writer.write_file(target, "new " * 10_000)
    assert target.read_text(encoding="utf-8") == "old and complete"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["index.html"]


@pytest.fixture
def exported(tmp_path: Path):
    library = load_library(make_content(tmp_path / "project"))
    out = tmp_path / "export" / "docs"
    export_markdown(library, out)
    return library, out


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError(28, "No space left on device")])
@pytest.mark.parametrize("after", [1, 5])
def test_an_export_interrupted_while_writing_keeps_the_earlier_export(
        exported, monkeypatch: pytest.MonkeyPatch, failure: BaseException, after: int) -> None:
    library, out = exported
    before = snapshot(out)
    real_write_bytes = Path.write_bytes  # the export writes every file as bytes (pages and classroom files)
    calls = {"n": 0}

    def half_way(self: Path, data: bytes, *args, **kwargs) -> int:
        calls["n"] += 1
        if calls["n"] == after:
            real_write_bytes(self, data[: len(data) // 2], *args, **kwargs)
            raise failure
        return real_write_bytes(self, data + b"changed", *args, **kwargs)

    monkeypatch.setattr(Path, "write_bytes", half_way)
    with pytest.raises(failure if isinstance(failure, type) else type(failure)):
        export_markdown(library, out)
    monkeypatch.setattr(Path, "write_bytes", real_write_bytes)
    assert snapshot(out) == before
    assert sorted(all_paths(out.parent)) == sorted({"docs", *("docs/" + path for path in all_paths(out))})


@pytest.mark.parametrize("failing_call", [1, 2])
def test_an_export_interrupted_while_swapping_folders_keeps_the_earlier_export(
        exported, monkeypatch: pytest.MonkeyPatch, failing_call: int) -> None:
    """Where folders cannot be exchanged atomically: the two-move fallback, failing at either move."""
    library, out = exported
    before = snapshot(out)
    real_replace = os.replace
    calls = {"n": 0}

    def interrupted(source: os.PathLike[str], destination: os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == failing_call:  # 1: moving the old export aside; 2: moving the new one in
            raise KeyboardInterrupt
        real_replace(source, destination)

    monkeypatch.setattr(export, "_exchange", lambda first, second: False)
    monkeypatch.setattr(export.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_markdown(library, out)
    monkeypatch.setattr(export.os, "replace", real_replace)
    assert calls["n"] >= failing_call
    assert snapshot(out) == before
    assert all_paths(out.parent) == {"docs", *("docs/" + path for path in all_paths(out))}


def test_an_export_whose_atomic_exchange_fails_keeps_the_earlier_export(
        exported, monkeypatch: pytest.MonkeyPatch) -> None:
    library, out = exported
    before = snapshot(out)

    def failing(first: Path, second: Path) -> bool:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(export, "_exchange", failing)
    with pytest.raises(OSError):
        export_markdown(library, out)
    assert snapshot(out) == before
    assert all_paths(out.parent) == {"docs", *("docs/" + path for path in all_paths(out))}
