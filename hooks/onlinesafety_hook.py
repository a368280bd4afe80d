"""MkDocs adapter: asks the onlinesafety package for pages and files; holds no content logic.

Loaded through `hooks:` in mkdocs.yml. Content errors stop the build with file:line messages. The
quality gate starts in on_config (in a child process where it can) and is waited for in
on_post_build; if it finds errors the site folder is emptied and the build fails, so nothing that
fails the gate is left to publish. Pages' Markdown is turned into HTML by worker processes started
in on_nav (onlinesafety/site/parallel_render.py), and pages are put through the theme's templates by
workers started in on_env (onlinesafety/site/parallel_pages.py): a build uses every core.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

from onlinesafety.checks.background import GateFailed, start_gate
from onlinesafety.checks.text_cache import gate_cache
from onlinesafety.classroom import classroom_enabled, classroom_files
from onlinesafety.cli.check import running_in_ci
from onlinesafety.loading import ContentErrors, load_library
from onlinesafety.site import site_files
from onlinesafety.site.i18n.html import set_language, theme_language
from onlinesafety.site.i18n.pages import english_meta, is_translation_file, language_nav
from onlinesafety.site.csp import add_policy, allowed_hashes, apply_policy, page_problems
from onlinesafety.site.nav import site_nav
from onlinesafety.site.parallel_pages import ParallelPages, usable
from onlinesafety.site.parallel_render import ParallelRender
from onlinesafety.site.search import improve_index, pipeline_problems
from onlinesafety.site.whitespace import collapse

_state: dict = {}


def on_startup(command, dirty):
    _state["command"] = command


def _project(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    root = _project(config) / "content"
    try:
        library = load_library(root)
    except ContentErrors as errors:
        raise Abort("\n" + errors.report())
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and getattr(library, "translations", None):
        problems = pipeline_problems(search.config.get("pipeline"))
        if problems:
            raise Abort("\n" + "\n".join(problems))
    ci = running_in_ci() or bool(config.get("strict"))
    # The gate checks in a child process while MkDocs builds; on_post_build waits for it and, if it
    # found errors, empties the site folder and fails the build.
    _state["gate"] = start_gate(library, today=dt.date.today(), ci=ci, text_cache=gate_cache())
    _state["library"] = library
    _state["csp"] = {"allowed": allowed_hashes(), "problems": [], "done": set()}
    docs = Path(config.docs_dir)
    codes = set(getattr(library, "languages", None) or {})
    handwritten = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    handwritten = {path for path in handwritten if not is_translation_file(path, codes)}
    config.nav = site_nav(library, handwritten) + ([{"Languages": language_nav(library)}]
                                                    if getattr(library, "translations", None) else [])
    _state["languages"] = english_meta(library)  # handwritten English pages' other versions
    return config


def on_files(files: Files, config) -> Files:
    library = _state["library"]
    classroom = classroom_files(library) if classroom_enabled() else {}
    sizes = {path: len(data) for path, data in classroom.items()}
    generated = {**site_files(library, base_url=config.site_url, classroom_sizes=sizes), **classroom}
    # content/pages/**/X.<code>.md are translations, published at <code>/... (onlinesafety/site/i18n/)
    codes = set(getattr(library, "languages", None) or {})
    for file in [file for file in files if is_translation_file(file.src_uri, codes)]:
        files.remove(file)
    for path, content in generated.items():
        if files.get_file_from_path(path) is not None:
            raise Abort(f"content/pages/{path} clashes with a generated page of the same path; rename it")
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav, config, files):
    _stop_workers("cancel")  # left over from a build that stopped part way
    _state["nav"] = nav
    _state["render"] = ParallelRender(config, files, [file.src_uri for file in files.documentation_pages()])
    return nav


def _stop_workers(how: str) -> None:
    for name in ("render", "pages"):
        workers = _state.pop(name, None)
        if workers is not None:
            getattr(workers, how)()


@event_priority(-100)  # after every plugin's: the workers start from the finished environment
def on_env(env, config, files):
    if "render" in _state:
        _state["render"].close()  # every page has been read; search entries wait for their pages
    if usable(config, _state.get("command")):
        _state["pages"] = ParallelPages(config, _state["nav"], files, env, _finish)
    return env


def on_build_error(error):
    _stop_workers("cancel")
    _state.pop("nav", None)
    gate = _state.pop("gate", None)
    if gate is not None:
        gate.cancel()


@event_priority(-100)  # after every plugin's: the Markdown compared is the Markdown MkDocs would render
def on_page_markdown(markdown, page, config, files):
    item = _state["library"].pages.get(page.file.src_uri)
    if item is not None:
        page.meta["review_due"] = item.meta.review_due.isoformat()
        for key, value in _state.get("languages", {}).get(page.file.src_uri, {}).items():
            page.meta.setdefault(key, value)
    render = _state.get("render")
    if render is not None and render.take(page, markdown):
        return ""  # a worker has rendered it; on_page_content puts its HTML back
    return markdown


@event_priority(100)  # before every plugin's: they see the page as MkDocs would have rendered it
def on_page_content(html, page, config, files):
    render = _state.get("render")
    return html if render is None else render.apply(page, html)


def _speak_page_language(page, config) -> None:
    """The theme's own words ("Search", "Table of contents") in the page's language, when it has them."""
    _state.setdefault("theme_language", config.theme["language"])
    config.theme["language"] = theme_language(page.meta.get("lang", "en"), _theme_languages(config))


def _theme_languages(config) -> set[str]:
    if "theme_languages" not in _state:
        folders = [Path(folder) / "partials" / "languages" for folder in config.theme.dirs]
        _state["theme_languages"] = {path.stem for folder in folders if folder.is_dir() for path in folder.glob("*.html")}
    return _state["theme_languages"]


@event_priority(-100)  # after every plugin's: a worker's page replaces the one-line stand-in
def on_page_context(context, page, config, nav):
    _speak_page_language(page, config)  # here and in the page workers, which call this hook too
    pages = _state.get("pages")
    return context if pages is None else pages.context(page, context)


def _finish(output: str, page) -> tuple[str, list[str]]:
    """Whitespace out; the page checked for inline scripts the policy would block, and given the policy."""
    html = collapse(set_language(output, page.meta.get("lang", "en"), page.meta.get("dir", "ltr")))
    allowed = _state["csp"]["allowed"]
    return add_policy(html, allowed), page_problems(html, page.file.dest_uri, allowed)


@event_priority(-100)  # after every plugin's: the page as it will be written
def on_post_page(output, page, config):
    if "theme_language" in _state:  # 404.html and the sitemap are rendered in the site's own language
        config.theme["language"] = _state["theme_language"]
    pages = _state.get("pages")
    built = None if pages is None else pages.built(page)
    html, problems = built if built is not None else _finish(output, page)
    _state["csp"]["problems"] += problems
    _state["csp"]["done"].add(Path(page.file.abs_dest_path))
    return html


def on_post_build(config):
    _stop_workers("finish")
    _state.pop("nav", None)
    try:
        findings = _state.pop("gate").findings()
    except GateFailed as error:
        clean_directory(config.site_dir)
        raise Abort(str(error))
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors:
        clean_directory(config.site_dir)  # nothing that failed the gate is left to publish
        raise Abort("\n" + "\n".join(str(finding) for finding in errors)
                    + f"\n{len(errors)} quality-gate error(s); run `python -m onlinesafety check`.")
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():  # written by Material's search plugin, whose on_post_build runs before this one
        improve_index(index, _state["library"])
    csp = _state.pop("csp")
    problems = csp["problems"] + apply_policy(Path(config.site_dir), csp["allowed"], done=csp["done"])
    if problems:
        raise Abort("\n" + "\n".join(problems) + "\nReview these inline scripts; list the safe ones in "
                    "templates/material/csp-hashes.txt (python -m onlinesafety csp-hashes SITE_DIR).")


def on_serve(server, config, builder):
    for folder in ("content", "templates"):
        server.watch(str(_project(config) / folder))
    return server
