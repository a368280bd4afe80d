"""The site's Content-Security-Policy allows no inline script that has not been reviewed and listed."""

from __future__ import annotations

from onlinesafety.site.csp import (
    META_MARKER, allowed_hashes, apply_policy, inline_script_hashes, script_hash, unlisted_scripts,
)
from tests.conftest import build_site, copy_project
from tests.factories import page_text


def test_every_page_carries_the_policy_and_no_unsafe_inline(built_site):
    pages = list(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert META_MARKER in head, page
        assert "unsafe-inline" not in head and "unsafe-eval" not in head
    assert "Content-Security-Policy" in (built_site / "_headers").read_text(encoding="utf-8")


def test_every_inline_script_in_the_built_pages_is_listed(built_site):
    listed = allowed_hashes()
    for page in built_site.rglob("*.html"):
        assert inline_script_hashes(page.read_text(encoding="utf-8")) <= listed, page


def test_an_unlisted_inline_script_is_reported(tmp_path):
    (tmp_path / "page.html").write_text("<html><head></head><body><script>alert(1)</script></body></html>")
    [problem] = unlisted_scripts(tmp_path, allowed_hashes())
    assert problem == f"page.html: inline script {script_hash('alert(1)')} is not in csp-hashes.txt"
    assert apply_policy(tmp_path) == [problem]
    assert META_MARKER not in (tmp_path / "page.html").read_text()


def test_inline_handlers_and_javascript_urls_are_reported(tmp_path):
    (tmp_path / "page.html").write_text('<img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>')
    problems = unlisted_scripts(tmp_path, set())
    assert len(problems) == 2 and "onerror" in problems[0] and "javascript:" in problems[1]


def test_json_data_blocks_are_not_scripts():
    html = '<script type="application/json" id="d">{"a": 1}</script><script src="x.js"></script>'
    assert inline_script_hashes(html) == set()


def test_a_page_with_an_inline_script_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "content" / "pages" / "about" / "tracker.md").write_text(
        page_text(body="# Tracker\n\n<script>document.title = 'x'</script>\n"), encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"about/tracker/index.html: inline script {script_hash(chr(100) + 'ocument.title = ' + repr('x'))}" in output
    assert "is not in csp-hashes.txt" in output
