"""Where each generated page lives, and links between pages."""

from __future__ import annotations

import posixpath

from ..model import Band, Lesson, ParentGuide, Region, Topic

HOME = "index.md"
FINDER = "lessons/index.md"
TOPICS = "topics/index.md"
AGES = "ages/index.md"
PARENTS = "parents/index.md"
HELP = "help/index.md"
EVIDENCE = "staff/why-this-matters.md"
CURRICULUM_MAP = "staff/curriculum-map.md"
REVIEW_STATUS = "maintainers/review-status.md"
BUILDER = "newsletters/builder.md"
LICENCE = "about/licence.md"
LESSONS_JSON = "api/lessons.json"
SNIPPETS_JSON = "api/snippets.json"
FEED_ATOM = "feeds/parents.xml"
FEED_JSON = "feeds/parents.json"
LESSONS_SCHEMA = "api/lessons.schema.json"


def lesson_path(lesson: Lesson) -> str:
    return f"lessons/{lesson.band.value}/{lesson.id}.md"


def topic_path(topic: Topic | str) -> str:
    return f"topics/{getattr(topic, 'id', topic)}.md"


def band_path(band: Band) -> str:
    return f"ages/{band.value}.md"


def parent_path(guide: ParentGuide) -> str:
    return f"parents/{guide.id}.md"


def help_path(region: Region | str) -> str:
    return f"help/{getattr(region, 'id', region)}.md"


def md_link(from_page: str, to_page: str) -> str:
    """A relative link between two Markdown sources, which MkDocs turns into the right URL."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def page_url(page: str) -> str:
    """The site-relative URL of a Markdown source with directory URLs (`a/b.md` → `a/b/`)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def html_link(from_page: str, to_page: str) -> str:
    """A relative URL for raw HTML in a page, which MkDocs does not rewrite."""
    here = page_url(from_page) or "."
    target = page_url(to_page) or "."
    link = posixpath.relpath(target, here.rstrip("/") or ".")
    return link if link.endswith("/") or link == "." else link + "/"
