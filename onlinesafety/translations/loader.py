"""Read content/languages/ and every translation file into TranslatedSets, reporting problems by line.

A translation holds only the translatable fields (fields.SHAPES), in its source's shape; it is merged
over the English item and validated by the same model, so a translated guide obeys every rule an
English one does (lengths, word limits, {link} placement).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..loading.errors import ContentProblem
from ..loading.safe_yaml import YamlDocument, dotted
from ..model import Library, Origin, Page, PageMeta, ParentGuide, Region, Snippet
from ..model.language import Language, TranslationHeader
from .fields import TEXT, SHAPES, AllKeys, ById, extract, merge
from .files import KINDS, language_of, source_of, translation_files
from .hashing import english_data, source_hash
from .model import TranslatedSet, TranslationInfo, english_items

MODELS = {"parent_guide": ParentGuide, "region": Region, "snippet": Snippet}
HEADER = "translation"


class TranslationLoader:
    """Used by loading.loader: `parse`, `validate` and `relative` are the main loader's."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.root: Path = loader.root
        self.library: Library = loader.library
        self.problems: list[ContentProblem] = loader.problems

    def problem(self, path: Path, line: int, field: str | None, message: str, fix: str) -> None:
        self.problems.append(ContentProblem(self.loader.relative(path), line, field, message, fix))

    # -- languages -----------------------------------------------------------------------------------
    def load_languages(self) -> None:
        for path in self.loader.files("languages/*.yml"):
            document = self.loader.parse(path)
            language = self.loader.validate(Language, path, document) if document else None
            if language is None:
                continue
            if path.stem != language.code:
                self.problem(path, document.line_for(("code",)), "code",
                             f"code '{language.code}' does not match the file name '{path.name}'",
                             f"rename the file to {language.code}.yml or change the code to '{path.stem}'")
                continue
            self.library.languages[language.code] = language
        english = self.library.languages.get("en")
        if english is None:
            return
        for code, language in self.library.languages.items():
            missing = [key for key in english.strings if key not in language.strings]
            extra = [key for key in language.strings if key not in english.strings]
            origin = self.library.origin(language)
            if missing:
                self.problems.append(ContentProblem(
                    origin.path, origin.line_for(("strings",)), "strings",
                    f"{len(missing)} interface string(s) not translated: {', '.join(missing[:8])}",
                    "translate each key of content/languages/en.yml"))
            if extra:
                self.problems.append(ContentProblem(
                    origin.path, origin.line_for(("strings", extra[0])), f"strings.{extra[0]}",
                    f"key(s) not in content/languages/en.yml: {', '.join(extra[:8])}",
                    "remove them, or add the English to content/languages/en.yml first"))

    # -- translation files ---------------------------------------------------------------------------
    def load_translations(self) -> None:
        for path in translation_files(self.root):
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        code = language_of(path)
        folder = path.relative_to(self.root).parts[0]
        kind = KINDS.get(folder)
        if kind is None:
            self.problem(path, 1, None, f"files in content/{folder}/ are not translated",
                         "translate parent guides, help pages, newsletter pieces and parent pages only")
            return
        language = self.library.languages.get(code)
        if language is None or code == "en":
            self.problem(path, 1, None, f"'{code}' is not a language we publish in",
                         f"add content/languages/{code}.yml (copy content/languages/en.yml and translate its "
                         "strings), or fix the language code in the file name")
            return
        source = source_of(path)
        english = self._english(kind, source)
        if english is None:
            self.problem(path, 1, None, f"there is no English {source.name} beside this translation",
                         f"name the file after its English source ({source.name} with .{code} before the extension)")
            return
        if kind == "page":
            document, body, body_line = self._page_document(path)
        else:
            document, body, body_line = self.loader.parse(path), None, 1
        if document is None:
            return
        if not isinstance(document.data, dict):
            self.problem(path, 1, None, "expected a mapping of fields", "see content/README.md, 'Translations'")
            return
        data = dict(document.data)
        header = self._header(path, document, data.pop(HEADER, None), code)
        if body is not None:
            data["body"] = body
        shape = SHAPES[kind]
        wanted = extract(shape, english_data(kind, english))
        before = len(self.problems)
        self._check_shape(path, document, shape, wanted, data, ())
        if header is None or len(self.problems) > before:
            return
        translated_set = self.library.translations.setdefault(code, TranslatedSet(language))
        item_id = english.path if kind == "page" else english.id
        item = self._build(path, document, kind, english, data, body_line)
        if item is None:
            return
        translated_set.items(kind)[item_id] = item
        translated_set.info[(kind, item_id)] = TranslationInfo(
            language=code, kind=kind, item_id=item_id, path=self.loader.relative(path),
            source_path=self.loader.relative(source), status=header.status,
            reviewer=header.reviewer.name if header.reviewer else None,
            reviewed_on=header.reviewer.date if header.reviewer else None, translated=header.translated,
            recorded_hash=header.source_hash, current_hash=source_hash(kind, english))

    def _english(self, kind: str, source: Path) -> Any:
        if kind == "page":
            return self.library.pages.get(source.relative_to(self.root / "pages").as_posix())
        item = english_items(self.library, kind).get(source.stem)
        if item is None or self.library.origin(item).path != self.loader.relative(source):
            return None
        return item

    def _page_document(self, path: Path) -> tuple[YamlDocument | None, str, int]:
        from ..loading.loader import _read_text, _split_front_matter

        text = _read_text(path, self.loader.relative(path))
        front, body, body_line = _split_front_matter(text)
        if front is None:
            self.problem(path, 1, None, "translated page has no front matter",
                         "start it with '---', title, description and the translation: block, then '---'")
            return None, body, body_line
        return self.loader.parse(path, front, line_offset=1), body, body_line

    def _header(self, path: Path, document: YamlDocument, raw: Any, code: str) -> TranslationHeader | None:
        if raw is None:
            self.problem(path, 1, HEADER, "the translation: block is missing",
                         "add translation: with language, source_hash, status and translated (see content/README.md)")
            return None
        header, problems = _validate_part(TranslationHeader, raw, document, (HEADER,), self.loader.relative(path))
        self.problems.extend(problems)
        if header is not None and header.language != code:
            self.problem(path, document.line_for((HEADER, "language")), f"{HEADER}.language",
                         f"language '{header.language}' does not match the file name's '.{code}.'",
                         "make them the same")
            return None
        return header

    def _check_shape(self, path: Path, document: YamlDocument, shape: Any, wanted: Any, given: Any,
                     loc: tuple[Any, ...]) -> None:
        line, field = document.line_for(loc), dotted(loc) or None
        if shape == TEXT:
            if not isinstance(given, str) or not given.strip():
                self.problem(path, line, field, "expected translated text here",
                             "write the translation of the English text as one string")
            return
        if isinstance(shape, list):
            if not isinstance(given, list):
                self.problem(path, line, field, "expected a list", f"give a list of {len(wanted)} items, as in English")
                return
            if len(given) != len(wanted):
                self.problem(path, line, field, f"{len(given)} items; the English has {len(wanted)}",
                             "translate each English item once, in the same order")
                return
            for index, (want, got) in enumerate(zip(wanted, given)):
                self._check_shape(path, document, shape[0], want, got, (*loc, index))
            return
        if not isinstance(given, dict):
            self.problem(path, line, field, "expected a mapping of fields", "mirror the English file's fields")
            return
        inner_shape = shape.shape if isinstance(shape, (AllKeys, ById)) else None
        for key, want in wanted.items():
            if key not in given:
                what = "route" if isinstance(shape, ById) else "field"
                self.problem(path, line, dotted((*loc, key)), f"the English {what} '{key}' is not translated",
                             f"add '{key}:' with its translation")
                continue
            self._check_shape(path, document, inner_shape or shape[key], want, given[key], (*loc, key))
        for key in given:
            if key in wanted:
                continue
            known = not isinstance(shape, (AllKeys, ById)) and key in shape
            message = (f"the English has no '{key}' here" if known or isinstance(shape, (AllKeys, ById))
                       else f"'{key}' is not translated (it comes from the English file)")
            self.problem(path, document.line_for((*loc, key)), dotted((*loc, key)), message,
                         f"remove '{key}'; translated fields here: {', '.join(map(str, wanted)) or 'none'}")

    def _build(self, path: Path, document: YamlDocument, kind: str, english: Any, data: dict[str, Any],
               body_line: int) -> Any:
        shown = self.loader.relative(path)
        if kind == "page":
            meta_data = english.meta.model_dump(mode="json", exclude_none=True)
            meta_data.update(title=data["title"], description=data["description"])
            meta, problems = _validate_part(PageMeta, meta_data, document, (), shown)
            self.problems.extend(problems)
            if meta is None:
                return None
            page = Page(english.path, meta, data["body"])
            self.library.remember(page, Origin(shown, document.lines, body_line))
            return page
        shape = SHAPES[kind]
        merged = merge(shape, english_data(kind, english), data)
        lines = _model_lines(kind, english, document.lines)
        item, problems = _validate_part(MODELS[kind], merged, YamlDocument(document.data, lines), (), shown)
        self.problems.extend(problems)
        if item is not None:
            self.library.remember(item, Origin(shown, lines))
        return item


def _model_lines(kind: str, english: Any, lines: dict[tuple[Any, ...], int]) -> dict[tuple[Any, ...], int]:
    """Lines keyed by the model's places: a route written under its id is the model's route number."""
    if kind != "region":
        return dict(lines)
    index = {route.id: number for number, route in enumerate(english.routes)}
    return {(loc[0], index.get(loc[1], loc[1]), *loc[2:]) if len(loc) > 1 and loc[0] == "routes" else loc: line
            for loc, line in lines.items()}


def _validate_part(model: Any, data: Any, document: YamlDocument, loc: tuple[Any, ...], shown: str):
    """Validate `data` as `model`; problems placed on the lines of `document` under `loc`."""
    from ..loading.validate import validate_document

    lines = {key[len(loc):]: line for key, line in document.lines.items() if key[:len(loc)] == loc}
    lines.setdefault((), document.line_for(loc))
    item, problems = validate_document(model, YamlDocument(data, lines), shown)
    prefix = dotted(loc)
    if prefix:
        problems = [replace(problem, field=f"{prefix}.{problem.field}" if problem.field else prefix)
                    for problem in problems]
    return item, problems
