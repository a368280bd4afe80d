"""Read content/ into a checked, cross-referenced Library, reporting every problem at once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..model import (
    Bibliography, EvidenceSet, Lesson, Library, Origin, Page, PageMeta, ParentGuide, Region, Snippet, Topic,
)
from .errors import ContentError, ContentErrors, ContentProblem
from .files import linked_folder, read_text_file
from .references import check_references
from .safe_yaml import YamlDocument, parse_yaml
from .validate import validate_document
from ..translations.files import is_translation
from ..translations.loader import TranslationLoader

M = TypeVar("M", bound=BaseModel)

FRONT_MATTER_FENCE = "---"


def load_library(root: Path | str, *, translations: bool = True) -> Library:
    """Load and check everything under `root` (the content/ folder); raise ContentErrors listing all problems.

    translations=False reads the English only (and the languages): `translations stamp` needs the English
    even while a translation file has problems."""
    root = Path(root)
    library = Library(root=root)
    problems: list[ContentProblem] = []
    if not root.is_dir():
        raise ContentErrors([ContentProblem(str(root), 1, None, "content folder not found",
                                            "run from the project folder or pass --content PATH")])
    loader = _Loader(root, library, problems)
    loader.load_each("topics/*.yml", Topic, library.topics, key="id")
    loader.load_each("lessons/*/*.yml", Lesson, library.lessons, key="id")
    loader.load_each("parents/*.yml", ParentGuide, library.parent_guides, key="id")
    loader.load_each("help/*.yml", Region, library.regions, key="id")
    loader.load_each("snippets/**/*.yml", Snippet, library.snippets, key="id")
    loader.load_sources("sources.yml")
    library.evidence = loader.load_one("evidence.yml", EvidenceSet, required=False)
    loader.load_pages("pages")
    translating = TranslationLoader(loader)
    translating.load_languages()
    if translations:
        translating.load_translations()
    if not problems:
        problems.extend(check_references(library))
    if problems:
        raise ContentErrors(problems)
    return library


class _Loader:
    def __init__(self, root: Path, library: Library, problems: list[ContentProblem]) -> None:
        self.root, self.library, self.problems = root, library, problems
        self.linked: set[Path] = set()

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def files(self, pattern: str) -> Iterator[Path]:
        """Paths matching `pattern`, except those reached through a linked folder (reported once)."""
        for path in sorted(self.root.glob(pattern)):
            if is_translation(path):
                continue  # read by translations.loader, after the English it translates
            link = linked_folder(self.root, path)
            if link is None:
                yield path
            elif link not in self.linked:
                self.linked.add(link)
                self.problems.append(ContentProblem(
                    self.relative(link), 1, None, "this folder is a symbolic link, so nothing in it was read",
                    "replace the link with a real folder holding the files"))

    def parse(self, path: Path, text: str | None = None, line_offset: int = 0) -> YamlDocument | None:
        shown = self.relative(path)
        try:
            if text is None:
                text = _read_text(path, shown)
            document = parse_yaml(text, shown)
        except ContentError as error:
            problem = error.problem
            self.problems.append(ContentProblem(problem.path, problem.line + line_offset, problem.field,
                                                problem.message, problem.fix))
            return None
        if line_offset:
            document.lines = {loc: line + line_offset for loc, line in document.lines.items()}
        return document

    def validate(self, model: type[M], path: Path, document: YamlDocument) -> M | None:
        item, problems = validate_document(model, document, self.relative(path))
        self.problems.extend(problems)
        if item is not None:
            self.library.remember(item, Origin(self.relative(path), document.lines))
        return item

    def load_one(self, name: str, model: type[M], *, required: bool = True) -> M | None:
        path = self.root / name
        if not path.exists() and not path.is_symlink():
            if required:
                self.problems.append(ContentProblem(self.relative(path), 1, None, "file not found",
                                                    f"create {name}; see content/README.md"))
            return None
        document = self.parse(path)
        return self.validate(model, path, document) if document else None

    def load_each(self, pattern: str, model: type[M], into: dict[str, M], *, key: str) -> None:
        for path in self.files(pattern):
            document = self.parse(path)
            if document is None:
                continue
            item = self.validate(model, path, document)
            if item is None:
                continue
            item_id = getattr(item, key)
            if path.stem != item_id:
                self.problems.append(ContentProblem(
                    self.relative(path), document.line_for((key,)), key,
                    f"id '{item_id}' does not match the file name '{path.name}'",
                    f"rename the file to {item_id}.yml or change the id to '{path.stem}'"))
                continue
            if item_id in into:
                self.problems.append(ContentProblem(
                    self.relative(path), document.line_for((key,)), key,
                    f"id '{item_id}' is already used by {self.library.origin(into[item_id]).path}",
                    "choose a different id"))
                continue
            into[item_id] = item

    def load_sources(self, name: str) -> None:
        bibliography = self.load_one(name, Bibliography)
        if bibliography is None:
            return
        origin = self.library.origin(bibliography)
        for index, source in enumerate(bibliography.sources):
            if source.key in self.library.sources:
                self.problems.append(ContentProblem(origin.path, origin.line_for(("sources", index, "key")),
                                                    f"sources[{index}].key", f"key '{source.key}' appears twice",
                                                    "give each source its own key"))
            self.library.sources[source.key] = source
            self.library.remember(source, Origin(origin.path, {
                loc[2:]: line for loc, line in origin.lines.items() if loc[:2] == ("sources", index)}))

    def load_pages(self, folder: str) -> None:
        for path in self.files(f"{folder}/**/*.md"):
            shown = self.relative(path)
            try:
                text = _read_text(path, shown)
            except ContentError as error:
                self.problems.append(error.problem)
                continue
            front, body, body_line = _split_front_matter(text)
            if front is None:
                self.problems.append(ContentProblem(
                    shown, 1, None, "page has no front matter",
                    "start the page with '---', then title, description, audience, reviewed and "
                    "review_interval_months, then '---'"))
                continue
            problem = _pathological_markdown(body, shown, body_line)
            if problem is not None:
                self.problems.append(problem)
                continue
            document = self.parse(path, front, line_offset=1)
            if document is None:
                continue
            meta = self.validate(PageMeta, path, document)
            if meta is not None:
                page = Page(path.relative_to(self.root / folder).as_posix(), meta, body)
                self.library.pages[page.path] = page
                self.library.remember(page, Origin(shown, document.lines, body_line))


def _read_text(path: Path, shown: str) -> str:
    return read_text_file(path, shown)


# Python-Markdown slows down with the square of long runs of brackets or backticks (10,000 '[' take
# minutes). No real page needs more than a few in a row, so long runs are refused before rendering.
MAX_MARKDOWN_RUN = 64
MAX_PAGE_BODY = 64 * 1024
_MARKDOWN_RUN = re.compile(r"([\[\]`*_<>(){}\\|!])\1{%d,}" % MAX_MARKDOWN_RUN)


def _pathological_markdown(body: str, shown: str, first_line: int) -> ContentProblem | None:
    size = len(body.encode("utf-8"))
    if size > MAX_PAGE_BODY:
        return ContentProblem(shown, first_line, None, f"page text is {size // 1024} KiB; the limit is "
                              f"{MAX_PAGE_BODY // 1024} KiB", "split it into several pages")
    match = _MARKDOWN_RUN.search(body)
    if match is None:
        return None
    line = first_line + body.count("\n", 0, match.start())
    return ContentProblem(shown, line, None,
                          f"{len(match.group(0))} '{match.group(1)}' characters in a row; at most "
                          f"{MAX_MARKDOWN_RUN} are allowed", "remove the run (it makes the page very slow to build)")


def _split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Front matter text, body, and the body's first line; front matter is None when absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return None, text, 1


def load_yaml_model(path: Path, model: type[M], shown: str | None = None) -> tuple[M, YamlDocument]:
    """Load one YAML file as `model` (used for school profiles); raise ContentErrors on any problem."""
    shown = shown or path.as_posix()
    try:
        document = parse_yaml(read_text_file(path, shown, follow_links=True), shown)
    except ContentError as error:
        raise ContentErrors([error.problem]) from None
    item, problems = validate_document(model, document, shown)
    if problems or item is None:
        raise ContentErrors(problems)
    return item, document

