"""Shared parts (help slides, help cards) are made once: from memory in the process, from the cache
folder in a fresh process, and made again when that folder has none."""

from __future__ import annotations

from pathlib import Path

from onlinesafety.classroom import parts


def test_a_part_is_made_once_then_read_from_memory_and_from_the_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(parts, "_memory", {})
    parts.use_folder(tmp_path)
    made: list[int] = []

    def make() -> bytes:
        made.append(1)
        return parts.pack_pair(b"slide", b"notes")

    assert parts.unpack_pair(parts.shared_part("test-part", ("a",), make)) == (b"slide", b"notes")
    parts.shared_part("test-part", ("a",), make)
    assert made == [1]
    monkeypatch.setattr(parts, "_memory", {})  # a new worker process: memory empty, folder kept
    assert parts.unpack_pair(parts.shared_part("test-part", ("a",), make)) == (b"slide", b"notes")
    assert made == [1]
    parts.shared_part("test-part", ("b",), make)  # other inputs: made
    assert made == [1, 1]


def test_without_a_folder_a_fresh_process_makes_it_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(parts, "_memory", {})
    parts.use_folder(None)
    made: list[int] = []
    parts.shared_part("test-part", ("a",), lambda: made.append(1) or b"x")
    monkeypatch.setattr(parts, "_memory", {})
    parts.shared_part("test-part", ("a",), lambda: made.append(1) or b"x")
    assert made == [1, 1]
    assert not any(tmp_path.iterdir())
