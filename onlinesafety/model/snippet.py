"""Newsletter snippets and social posts: parent pieces in three lengths for one topic and band."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .common import Audience, AudienceTag, Band, Reviewed, Slug, Strict

LIMITS = {"short": 60, "medium": 150, "long": 300}
SOCIAL_SHORT_LIMIT = 280
SOCIAL_LONG_LIMIT = 500
# Twitter/X counts every link as 23 characters; we budget the real length of our links instead.
LINK_PLACEHOLDER = "{link}"

ParentPiece = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2400), AudienceTag(Audience.PARENT),
    Field(json_schema_extra={"x-audience": Audience.PARENT.value}),
]
Headline = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=90), AudienceTag(Audience.PARENT)]


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


class Piece(Strict):
    headline: Headline
    body: ParentPiece
    call_to_action: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=120), AudienceTag(Audience.PARENT)]

    def words(self) -> int:
        return word_count(" ".join((self.headline, self.body, self.call_to_action)))


class SocialPosts(Strict):
    short: Annotated[ParentPiece, StringConstraints(max_length=SOCIAL_SHORT_LIMIT)] = Field(
        description="Must contain {link}; fits 280 characters once the link is filled in."
    )
    long: Annotated[ParentPiece, StringConstraints(max_length=SOCIAL_LONG_LIMIT)] = Field(
        description="Reads well without a link; at most 500 characters."
    )

    @model_validator(mode="after")
    def _link_placement(self) -> "SocialPosts":
        if self.short.count(LINK_PLACEHOLDER) != 1:
            raise ValueError("social.short must contain {link} exactly once")
        if LINK_PLACEHOLDER in self.long:
            raise ValueError("social.long must read well without a link: remove {link}")
        return self


class Snippet(Reviewed):
    """Pieces for one topic and band, or a seasonal piece (topic set, band 'all')."""

    id: Slug
    topic: Slug
    band: Band | None = Field(default=None, description="Leave out for seasonal pieces for every age.")
    season: Slug | None = Field(default=None, description="new-devices, summer-holidays, safer-internet-day …")
    short: Piece
    medium: Piece
    long: Piece
    social: SocialPosts
    sources: list[Slug] = Field(default_factory=list, max_length=8)

    @model_validator(mode="after")
    def _lengths(self) -> "Snippet":
        for length, limit in LIMITS.items():
            words = getattr(self, length).words()
            if words > limit:
                raise ValueError(f"{length} piece has {words} words; the limit is {limit}")
        if self.band is None and self.season is None:
            raise ValueError("a snippet needs a band, or a season if it is for every age")
        return self
