"""MkDocs adapter: asks the onlinesafety package for pages and files; holds no content logic.

Loaded through `hooks:` in mkdocs.yml. Content errors stop the build with file:line messages. The
quality gate starts in on_config (on the second core where it can) and is waited for in on_env, after
MkDocs has read every page and before it writes any.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from onlinesafety.checks.background import GateFailed, start_gate
from onlinesafety.cli.check import running_in_ci
from onlinesafety.loading import ContentErrors, load_library
from onlinesafety.site import site_files
from onlinesafety.site.csp import apply_policy
from onlinesafety.site.nav import site_nav

_state: dict = {}


def _project(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    root = _project(config) / "content"
    try:
        library = load_library(root)
    except ContentErrors as errors:
        raise Abort("\n" + errors.report())
    ci = running_in_ci() or bool(config.get("strict"))
    # The gate checks on a second core while MkDocs reads the pages; on_env waits for it, before any page is written.
    _state["gate"] = start_gate(library, today=dt.date.today(), ci=ci)
    _state["library"] = library
    docs = Path(config.docs_dir)
    handwritten = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    config.nav = site_nav(library, handwritten)
    return config


def on_files(files: Files, config) -> Files:
    for path, text in site_files(_state["library"], base_url=config.site_url).items():
        if files.get_file_from_path(path) is not None:
            raise Abort(f"content/pages/{path} clashes with a generated page of the same path; rename it")
        files.append(File.generated(config, path, content=text))
    return files


def on_env(env, config, files):
    try:
        findings = _state.pop("gate").findings()
    except GateFailed as error:
        raise Abort(str(error))
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors:
        raise Abort("\n" + "\n".join(str(finding) for finding in errors)
                    + f"\n{len(errors)} quality-gate error(s); run `python -m onlinesafety check`.")
    return env


def on_build_error(error):
    gate = _state.pop("gate", None)
    if gate is not None:
        gate.cancel()


def on_page_markdown(markdown, page, config, files):
    item = _state["library"].pages.get(page.file.src_uri)
    if item is not None:
        page.meta["review_due"] = item.meta.review_due.isoformat()
    return markdown


def on_post_build(config):
    problems = apply_policy(Path(config.site_dir))
    if problems:
        raise Abort("\n" + "\n".join(problems) + "\nReview these inline scripts; list the safe ones in "
                    "templates/material/csp-hashes.txt (python -m onlinesafety csp-hashes SITE_DIR).")


def on_serve(server, config, builder):
    for folder in ("content", "templates"):
        server.watch(str(_project(config) / folder))
    return server
