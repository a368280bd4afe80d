"""The real site builds strictly, and broken content or links fail the build with a clear message."""

from __future__ import annotations

import json
import re

import jsonschema

from onlinesafety import load_library
from onlinesafety.site import paths
from tests.conftest import ROOT, build_site, copy_project
from tests.factories import page_text


def test_every_lesson_and_guide_has_a_page(built_site):
    library = load_library(ROOT / "content")
    for lesson in library.lessons.values():
        assert (built_site / paths.page_url(paths.lesson_path(lesson)) / "index.html").is_file()
    for guide in library.parent_guides.values():
        assert (built_site / paths.page_url(paths.parent_path(guide)) / "index.html").is_file()
    for region in library.regions.values():
        assert (built_site / "help" / region.id / "index.html").is_file()


def test_lessons_json_matches_its_schema(built_site):
    document = json.loads((built_site / "api" / "lessons.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "api" / "lessons.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    assert len(document["lessons"]) == len(load_library(ROOT / "content").lessons)
    first = document["lessons"][0]
    assert first["pupil_outcome"]["audience"] == "pupil-facing"
    assert first["safeguarding"]["dsl_prebrief"]["audience"] == "teacher-facing"


def test_schema_rejects_a_lesson_without_audience_tags(built_site):
    document = json.loads((built_site / "api" / "lessons.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "api" / "lessons.schema.json").read_text(encoding="utf-8"))
    document["lessons"][0]["pupil_outcome"] = "I can do something."
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert errors


def test_broken_front_matter_fails_our_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "content" / "pages" / "staff" / "broken.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("---\ntitle: Broken\ndescription: [oops\n---\n# Broken\n", encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert "content/pages/staff/broken.md:3: YAML syntax error" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_plain_mkdocs_would_publish_broken_front_matter(tmp_path):
    """Why we validate front matter ourselves: MkDocs alone builds the page and shows the raw YAML."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: Broken\ndescription: [oops\n---\n# Broken\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme: {name: material}\n", encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "out", strict=False)
    assert result.returncode == 0
    assert "description: [oops" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_broken_lesson_yaml_fails_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson = next((project / "content" / "lessons" / "7-11").glob("*.yml"))
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("duration_minutes:", "duration_minuts:", 1))
    result = build_site(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"content/lessons/7-11/{lesson.name}:" in output and "'duration_minuts': unknown field" in output


def test_broken_internal_link_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "content" / "pages" / "about" / "links.md").write_text(
        page_text(body="# Links\n\nSee [a lesson that does not exist](../lessons/nowhere.md).\n"), encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert "lessons/nowhere.md" in result.stdout + result.stderr


def test_page_shows_its_review_date(built_site):
    html = (built_site / "lessons" / "7-11" / "live-streaming-7-11" / "index.html").read_text(encoding="utf-8")
    assert 'class="review-date"' in html and "next review due" in html
    handwritten = (built_site / "about" / "licence" / "index.html").read_text(encoding="utf-8")
    assert "next review due" in handwritten


def test_footer_states_the_licences(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "CC BY 4.0" in html and "MIT" in html


def test_a_quality_gate_error_fails_the_build_and_leaves_no_page_to_publish(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson = project / "content" / "lessons" / "4-7" / "live-streaming-4-7.yml"
    text, replaced = re.subn(r"(pupil_material: >-\n)(\s+)", r"\1\2Bad people are watching you on the camera. ",
                             lesson.read_text(encoding="utf-8"), count=1)
    assert replaced == 1
    lesson.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/lessons/4-7/live-streaming-4-7.yml:" in output and "wording/fear" in output
    assert "quality-gate error(s)" in output
    assert not list((tmp_path / "out").rglob("*.html"))


def test_page_scripts_load_only_on_their_own_pages(built_site):
    own = {"lesson-finder.js": "lessons/index.html", "newsletter-builder.js": "newsletters/builder/index.html"}
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        shown = page.relative_to(built_site).as_posix()
        for script, home in own.items():
            assert (f"javascripts/{script}\"" in html) == (shown == home), (shown, script)
