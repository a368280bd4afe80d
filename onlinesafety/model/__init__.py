"""Typed content model: what a lesson, parent guide, help route or snippet must contain."""

from .common import BAND_LABELS, Audience, AudienceTag, Band, EfcwStrand, Reviewed
from .evidence import EvidenceSet, Figure
from .help_route import Anonymity, Confidence, HelpRoute, Region
from .lesson import Activity, Lesson, Safeguarding, Stage, SupervisionLevel
from .library import Library, Origin, Page
from .page import PageMeta
from .parent_guide import ParentGuide
from .snippet import Piece, SocialPosts, Snippet
from .source import Bibliography, Source
from .topic import Topic

__all__ = [
    "BAND_LABELS", "Activity", "Anonymity", "Audience", "AudienceTag", "Band", "Bibliography",
    "Confidence", "EfcwStrand", "EvidenceSet", "Figure", "HelpRoute", "Lesson", "Library", "Origin",
    "Page", "PageMeta", "ParentGuide", "Piece", "Region", "Reviewed", "Safeguarding", "Snippet",
    "SocialPosts", "Source", "Stage", "SupervisionLevel", "Topic",
]
