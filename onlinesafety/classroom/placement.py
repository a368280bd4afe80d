"""Audience decides placement: pupil-facing text may go on slides and into packs, teacher text only into notes.

Every renderer takes lesson text through `Placement`, never from the model directly, so a teacher-only
block cannot reach a slide or a pupil pack by a slip in one renderer.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..model.common import Audience
from ..model.text_blocks import iter_text_blocks


class PlacementError(LookupError):
    """Text asked for in a place its audience may not go."""


class Placement:
    """The text blocks of one item, handed out only to the places their audience allows."""

    def __init__(self, item: BaseModel) -> None:
        self._blocks = {block.loc: block for block in iter_text_blocks(item)}

    def pupil(self, *loc: Any) -> str:
        """Text for a slide or the pupil pack: only pupil-facing blocks."""
        return self._take(loc, Audience.PUPIL, "a slide or the pupil pack")

    def teacher(self, *loc: Any) -> str:
        """Text for speaker notes or the plan: teacher-facing blocks (pupil text may be quoted there too)."""
        block = self._block(loc)
        return block.text

    def optional_pupil(self, *loc: Any) -> str | None:
        return self.pupil(*loc) if loc in self._blocks else None

    def _block(self, loc: tuple[Any, ...]):
        try:
            return self._blocks[loc]
        except KeyError:
            raise PlacementError(f"no text block at {loc}") from None

    def _take(self, loc: tuple[Any, ...], audience: Audience, place: str) -> str:
        block = self._block(loc)
        if block.audience is not audience:
            raise PlacementError(f"{'.'.join(map(str, loc))} is {block.audience.value} and may not go on {place}")
        return block.text
