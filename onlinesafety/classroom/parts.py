"""Parts every lesson shares (a country's help slide, its help card page), made once and kept.

They are the same in every lesson of a band, so a build lays each out once: kept in memory for the
process, and in the output cache's folder so that a rebuild after one lesson edit (whose worker
process starts with empty memory) reads them instead of laying out every country's again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .cache import OutputCache, key_for

_memory: dict[str, bytes] = {}
_disk = OutputCache(None)


def use_folder(folder: Path | None) -> None:
    """Keep parts in `folder` (the output cache's), or only in memory with None."""
    global _disk
    if _disk.folder != folder:
        _disk = OutputCache(folder)


def shared_part(kind: str, inputs: tuple[str, ...], make: Callable[[], bytes]) -> bytes:
    key = key_for(kind, *inputs)
    found = _memory.get(key)
    if found is None:
        found = _memory[key] = _disk.get_or_make(key, make)
    return found


def pack_pair(first: bytes, second: bytes) -> bytes:
    """Two byte strings as one stored part: the first's length, then both."""
    return len(first).to_bytes(8, "big") + first + second


def unpack_pair(data: bytes) -> tuple[bytes, bytes]:
    size = int.from_bytes(data[:8], "big")
    return data[8:8 + size], data[8 + size:]
