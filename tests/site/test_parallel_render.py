"""Pages rendered by worker processes: the same site, byte for byte, with the same warnings."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

from onlinesafety.site import parallel_render
from onlinesafety.site.parallel_render import ParallelRender, Rendered
from onlinesafety.site.workers import SWITCH, workers_wanted
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


class _Finished:
    """Stands in for the worker pool: results already there, handed out once each."""

    def __init__(self, results: dict[str, tuple[Rendered | None, list[logging.LogRecord]]]) -> None:
        self._results = dict(results)
        self.running = True

    def result(self, key: str):
        return self._results.pop(key, None)

    def close(self) -> None:
        self.running = False

    cancel = close


def _render_with(results: dict[str, tuple[Rendered | None, list[logging.LogRecord]]]) -> ParallelRender:
    render = ParallelRender(None, None, [], workers=0)
    render._workers = _Finished(results)
    return render


def test_a_page_whose_markdown_a_plugin_changed_is_rendered_as_usual():
    markdown = "# Hello\n"
    render = _render_with({"a.md": (Rendered(parallel_render._digest(markdown), "<h1>Hello</h1>"), [])})
    assert not render.take(_page("a.md"), markdown + "\nAdded by a plugin.\n")
    page = _page("a.md")
    assert render.apply(page, "<p>rendered here</p>") == "<p>rendered here</p>"


def test_a_taken_page_gets_the_workers_html_anchors_and_log_records(caplog):
    markdown = "# Hello\n"
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, "a warning from a worker",
                               None, None)
    result = Rendered(parallel_render._digest(markdown), "<h1 id=\"hello\">Hello</h1>", toc=["toc"],
                      title="Hello", anchors={"hello"})
    render = _render_with({"b.md": (result, [record])})
    page = _page("b.md")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        assert render.take(page, markdown)
    html = render.apply(page, "")
    assert html == "<h1 id=\"hello\">Hello</h1>"
    assert (page.markdown, page.toc, page._title_from_render, page.present_anchor_ids) == (
        markdown, ["toc"], "Hello", {"hello"})
    assert "a warning from a worker" in caplog.text


def test_a_page_that_failed_in_a_worker_is_rendered_as_usual():
    render = _render_with({"a.md": (None, [])})
    assert not render.take(_page("a.md"), "# Hello\n")


def test_pages_not_sent_to_the_workers_are_rendered_as_usual():
    render = _render_with({})
    assert not render.take(_page("draft.md"), "# Draft\n")


def _double(key: str) -> str | None:
    from onlinesafety.site import workers

    return None if key == "fails" else f"{key}{key}{workers.job()}"


def test_workers_hand_back_results_in_any_order_asked_for():
    from onlinesafety.site.workers import OrderedWorkers

    pool = OrderedWorkers(_double, ["a", "b", "fails", "c"], "!", workers=2)
    try:
        assert pool.running
        assert pool.result("c") == ("cc!", [])
        assert pool.result("a") == ("aa!", [])
        assert pool.result("fails") == (None, [])
        assert pool.result("a") is None  # once each
        assert pool.result("not given") is None
    finally:
        pool.close()


class _Index:
    """Stands in for Material's SearchIndex: indexing a page here appends one entry."""

    def __init__(self) -> None:
        self.entries: list[dict] = []

    def add_entry_from_context(self, page) -> None:
        self.entries.append({"location": page.file.src_uri, "text": "indexed here"})


def test_search_uses_the_workers_entries_only_for_unchanged_html():
    index = _Index()
    render = _render_with({})
    render._index = index
    index.add_entry_from_context = render._add_search_entries
    render._search = {"a.md": (parallel_render._digest("<p>a</p>"), [{"location": "a.md", "text": "from worker"}]),
                      "b.md": (parallel_render._digest("<p>b</p>"), [{"location": "b.md", "text": "from worker"}])}
    index.add_entry_from_context(SimpleNamespace(file=SimpleNamespace(src_uri="a.md"), content="<p>a</p>"))
    index.add_entry_from_context(SimpleNamespace(file=SimpleNamespace(src_uri="b.md"), content="<p>changed</p>"))
    assert [entry["text"] for entry in index.entries] == ["from worker", "indexed here"]
    render.finish()
    assert "add_entry_from_context" not in vars(index)


# --- theme templates in workers (parallel_pages) ----------------------------------------------------

def test_this_sites_build_puts_pages_through_the_theme_in_workers_but_serve_does_not():
    from mkdocs.config import load_config

    from onlinesafety.site.parallel_pages import usable

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert usable(config, "build") and usable(config, None)
    assert not usable(config, "serve")


def test_another_plugin_that_changes_written_pages_turns_the_template_workers_off():
    from onlinesafety.site.parallel_pages import usable

    def ours(output, page, config):
        return output

    def theirs(output, page, config):
        return output

    config = SimpleNamespace(plugins=SimpleNamespace(events={"post_page": [ours, theirs]}))
    assert not usable(config, "build")
    config.plugins.events["post_page"] = [ours]
    assert usable(config, "build")


def test_a_page_a_template_worker_could_not_build_is_built_as_usual():
    from onlinesafety.site.parallel_pages import CONTEXT_FLAG, ParallelPages

    pages = ParallelPages.__new__(ParallelPages)
    pages._built = {}
    pages._workers = _Finished({"a.md": (None, []), "b.md": (("<html>b</html>", []), [])})
    context_a, context_b = pages.context(_page("a.md"), {}), pages.context(_page("b.md"), {})
    assert CONTEXT_FLAG not in context_a and pages.built(_page("a.md")) is None
    assert context_b[CONTEXT_FLAG] is True and pages.built(_page("b.md")) == ("<html>b</html>", [])
