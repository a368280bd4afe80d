"""Helpers for the robustness tests: a hang guard, file-tree snapshots and small valid projects."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# Hang guards only: these bounds catch runaway work (a YAML bomb expanding, a regex backtracking for
# minutes), not slowness. The machine is shared, so they are deliberately generous.
HANG_SECONDS = 60.0


def within(seconds: float, action: Callable[[], T]) -> T:
    """Run `action` in a thread; fail the test if it has not finished after `seconds` (a hang guard)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise AssertionError(f"still running after {seconds:g} s: treated as a hang")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` (hidden files included) with its bytes."""
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def all_paths(root: Path) -> set[str]:
    """Every file, folder and link under `root`, relative."""
    return {path.relative_to(root).as_posix() for path in root.rglob("*")}


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """Paths missing from one side or whose bytes differ."""
    return sorted(path for path in first.keys() | second.keys() if first.get(path) != second.get(path))


class Sink:
    """A text stream that keeps what is written (the newsletter command prints for people)."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def __str__(self) -> str:
        return self.text
