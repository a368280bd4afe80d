"""Pages rendered by worker processes: the same site, byte for byte, with the same warnings."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

from onlinesafety.site import parallel_render
from onlinesafety.site.parallel_render import SWITCH, ParallelRender, Rendered, workers_wanted
from tests.conftest import ROOT, build_site, copy_project

SERIAL = {SWITCH: "0"}


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_this_machine_renders_in_workers():
    # The comparisons below mean something only if the normal build really uses workers here.
    assert workers_wanted() >= 2


def test_workers_build_the_same_site_byte_for_byte(built_site, tmp_path):
    serial = tmp_path / "serial"
    result = build_site(ROOT, serial, env=SERIAL)
    assert result.returncode == 0, result.stdout + result.stderr
    ours, theirs = _files(built_site), _files(serial)
    assert ours.keys() == theirs.keys()
    different = [path for path in ours if ours[path] != theirs[path]]
    assert not different, f"{len(different)} files differ, first {different[:5]}"


def _broken_page(project: Path) -> None:
    page = project / "content" / "pages" / "staff" / "links.md"
    page.write_text(
        "---\ntitle: Links\ndescription: Links for the test.\naudience: teacher-facing\nreviewed: 2026-11-01\n"
        "review_interval_months: 12\n---\n# Links\n\n"
        "A [missing page](nowhere.md), an [anchor that exists](../help/index.md#get-help-by-country) "
        "and [one that does not](../help/index.md#no-such-heading).\n", encoding="utf-8")


def test_warnings_from_workers_are_reported_once_as_without_them(tmp_path):
    project = copy_project(tmp_path / "project")
    _broken_page(project)
    outputs = {}
    for name, env in (("workers", {}), ("serial", SERIAL)):
        result = build_site(project, tmp_path / name, strict=False, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs[name] = result.stdout + result.stderr
    warnings = {name: [line for line in output.splitlines() if line.startswith("WARNING")]
                for name, output in outputs.items()}
    assert warnings["workers"] == warnings["serial"]
    for name, output in outputs.items():
        assert output.count("the target 'staff/nowhere.md' is not found") == 1, (name, output)
        assert output.count("does not contain an anchor '#no-such-heading'") == 1, (name, output)
        assert "#get-help-by-country" not in output, (name, output)


def test_strict_mode_counts_warnings_from_workers(tmp_path):
    project = copy_project(tmp_path / "project")
    _broken_page(project)
    # Three warnings: the page is not in the menu, a missing page, a missing anchor.
    for name, env in (("workers", {}), ("serial", SERIAL)):
        result = build_site(project, tmp_path / name, env=env)
        assert result.returncode != 0
        assert "Aborted with 3 warnings in strict mode!" in result.stdout + result.stderr, name


def _page(uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), markdown=None, toc=None, _title_from_render=None,
                           present_anchor_ids=None, links_to_anchors=None)


def _render_with(results: list[Rendered], uris: list[str]) -> ParallelRender:
    render = ParallelRender(None, None, uris, workers=0)
    render._wanted = set(uris)
    render._results = iter(results)
    return render


def test_a_page_whose_markdown_a_plugin_changed_is_rendered_as_usual():
    markdown = "# Hello\n"
    result = Rendered("a.md", parallel_render._digest(markdown), "<h1>Hello</h1>")
    render = _render_with([result], ["a.md"])
    assert not render.take(_page("a.md"), markdown + "\nAdded by a plugin.\n")
    page = _page("a.md")
    assert render.apply(page, "<p>rendered here</p>") == "<p>rendered here</p>"


def test_a_taken_page_gets_the_workers_html_anchors_and_log_records(caplog):
    markdown = "# Hello\n"
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, "a warning from a worker",
                               None, None)
    result = Rendered("b.md", parallel_render._digest(markdown), "<h1 id=\"hello\">Hello</h1>", toc=["toc"],
                      title="Hello", anchors={"hello"}, records=[record])
    # Results arrive in the workers' order; a page MkDocs reads first waits for its own.
    other = Rendered("a.md", parallel_render._digest("other"), "<p>other</p>")
    render = _render_with([other, result], ["a.md", "b.md"])
    page = _page("b.md")
    assert render.take(page, markdown)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        html = render.apply(page, "")
    assert html == "<h1 id=\"hello\">Hello</h1>"
    assert (page.markdown, page.toc, page._title_from_render, page.present_anchor_ids) == (
        markdown, ["toc"], "Hello", {"hello"})
    assert "a warning from a worker" in caplog.text
    assert render.take(_page("a.md"), "other")


def test_a_page_that_failed_in_a_worker_is_rendered_as_usual():
    render = _render_with([Rendered("a.md", None)], ["a.md"])
    assert not render.take(_page("a.md"), "# Hello\n")


def test_pages_not_sent_to_the_workers_are_rendered_as_usual():
    render = _render_with([], ["a.md"])
    assert not render.take(_page("draft.md"), "# Draft\n")
