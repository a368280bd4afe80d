"""Every kind of bad content gives one clear message naming file, line and field."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onlinesafety.loading import ContentErrors, load_library
from tests.factories import DELETE, lesson_data, make_content, page_text, write_yaml

LESSON = "content/lessons/7-11/live-streaming-7-11.yml"


def problems_for(tmp_path: Path) -> list:
    with pytest.raises(ContentErrors) as caught:
        load_library(tmp_path / "content")
    return caught.value.problems


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def lesson_file(tmp_path: Path) -> Path:
    return tmp_path / LESSON


def test_valid_content_loads(tmp_path):
    make_content(tmp_path)
    library = load_library(tmp_path / "content")
    assert list(library.lessons) == ["live-streaming-7-11"]


def test_malformed_yaml_names_file_and_line(tmp_path):
    make_content(tmp_path)
    path = lesson_file(tmp_path)
    text = path.read_text().replace("title: Going live", "title: Going live: a story: with colons")
    path.write_text(text)
    [problem] = problems_for(tmp_path)
    assert problem.path == LESSON
    assert problem.line == line_of(path, "title: Going live")
    assert "YAML syntax error" in problem.message and "quotes" in problem.fix


def test_wrong_type_names_the_field(tmp_path):
    make_content(tmp_path, lessons=[lesson_data(duration_minutes="forty")])
    [problem] = problems_for(tmp_path)
    assert (problem.path, problem.field) == (LESSON, "duration_minutes")
    assert problem.line == line_of(lesson_file(tmp_path), "duration_minutes:")
    assert "forty" in problem.message


def test_unknown_field_suggests_the_right_name(tmp_path):
    make_content(tmp_path, lessons=[lesson_data(duraton_minutes=40)])
    [problem] = problems_for(tmp_path)
    assert (problem.field, problem.message) == ("duraton_minutes", "unknown field")
    assert problem.line == line_of(lesson_file(tmp_path), "duraton_minutes:")
    assert "duration_minutes" in problem.fix


def test_missing_field_points_at_its_parent(tmp_path):
    lesson = lesson_data()
    del lesson["safeguarding"]["distancing"]
    make_content(tmp_path, lessons=[lesson])
    [problem] = problems_for(tmp_path)
    assert problem.field == "safeguarding.distancing"
    assert problem.line == line_of(lesson_file(tmp_path), "safeguarding:")
    assert "missing" in problem.message and "distancing:" in problem.fix


def test_bad_band_lists_the_allowed_bands(tmp_path):
    lesson = lesson_data(band="5-9")
    make_content(tmp_path, lessons=[lesson])
    [problem] = problems_for(tmp_path)
    assert problem.field == "band" and "'5-9'" in problem.message
    assert "'4-7'" in problem.fix and "'14-18'" in problem.fix


def test_dangling_topic_reference(tmp_path):
    make_content(tmp_path, lessons=[lesson_data(topic="live-stream")])
    [problem] = problems_for(tmp_path)
    assert (problem.path, problem.field) == (LESSON, "topic")
    assert problem.line == line_of(lesson_file(tmp_path), "topic: live-stream")
    assert "live-streaming" in problem.fix


def test_dangling_source_key(tmp_path):
    make_content(tmp_path, lessons=[lesson_data(sources=["test-source", "no-such-source"])])
    [problem] = problems_for(tmp_path)
    assert problem.field == "sources.1" and "no-such-source" in problem.message
    assert problem.line == line_of(lesson_file(tmp_path), "- no-such-source")


def test_alias_bomb_is_refused_quickly(tmp_path):
    make_content(tmp_path)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join(['*' + chr(97 + level)] * 9)}]\n" for level in range(8))
    (tmp_path / "content" / "topics" / "bomb.yml").write_text(bomb)
    started = time.perf_counter()
    [problem] = problems_for(tmp_path)
    assert time.perf_counter() - started < 10.0  # a hang guard, not a speed target
    assert problem.path == "content/topics/bomb.yml" and problem.line == 1
    assert "anchors and aliases" in problem.message


def test_oversized_file_is_refused(tmp_path):
    make_content(tmp_path)
    (tmp_path / "content" / "topics" / "huge.yml").write_text("summary: " + "x" * 300_000 + "\n")
    [problem] = problems_for(tmp_path)
    assert problem.path == "content/topics/huge.yml"
    assert "limit is 256 KiB" in problem.message


def test_custom_tag_is_refused(tmp_path):
    make_content(tmp_path)
    path = lesson_file(tmp_path)
    path.write_text(path.read_text().replace("title: Going live", "title: !!python/object/apply:os.system [id]"))
    [problem] = problems_for(tmp_path)
    assert problem.line == line_of(path, "title: !!python")
    assert "tag" in problem.message


def test_duplicate_key_is_refused(tmp_path):
    make_content(tmp_path)
    path = lesson_file(tmp_path)
    path.write_text(path.read_text() + "title: Another title\n")
    [problem] = problems_for(tmp_path)
    assert problem.field == "title" and "appears twice" in problem.message
    assert problem.line == len(path.read_text().splitlines())


def test_deep_nesting_is_refused_without_a_traceback(tmp_path):
    make_content(tmp_path)
    (tmp_path / "content" / "topics" / "deep.yml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    started = time.perf_counter()
    [problem] = problems_for(tmp_path)
    assert time.perf_counter() - started < 10.0  # a hang guard, not a speed target
    assert problem.path == "content/topics/deep.yml"
    assert "nested too deeply" in problem.message


def test_activities_must_add_up_to_the_duration(tmp_path):
    make_content(tmp_path, lessons=[lesson_data(duration_minutes=45)])
    [problem] = problems_for(tmp_path)
    assert "add up to 40 minutes but duration_minutes is 45" in problem.message
    assert (problem.field, problem.line) == ("activities", line_of(lesson_file(tmp_path), "activities:"))


@pytest.mark.parametrize("stages, message", [
    (["main", "main", "plenary"], "open with a starter and close with a plenary"),
    (["starter", "plenary", "plenary"], "at least one main activity"),
    (["starter", "plenary", "main", "plenary"], "must run in order"),
])
def test_activity_order_problems_point_at_activities(tmp_path, stages, message):
    lesson = lesson_data(duration_minutes=30 + 10 * (len(stages) == 4))
    lesson["activities"] = [{**lesson["activities"][0], "stage": stage, "minutes": 10} for stage in stages]
    make_content(tmp_path, lessons=[lesson])
    [problem] = problems_for(tmp_path)
    assert message in problem.message
    assert (problem.field, problem.line) == ("activities", line_of(lesson_file(tmp_path), "activities:"))


def test_file_name_must_match_id(tmp_path):
    content = make_content(tmp_path)
    write_yaml(content / "lessons" / "7-11" / "other-name.yml", lesson_data(id="another-lesson"))
    [problem] = problems_for(tmp_path)
    assert problem.path.endswith("other-name.yml") and problem.field == "id"


def test_broken_front_matter_names_the_page_and_line(tmp_path):
    make_content(tmp_path, pages={"staff/notes.md": "---\ntitle: Notes\ndescription: [unclosed\n---\n# Notes\n"})
    problems = problems_for(tmp_path)
    assert [(p.path, p.line) for p in problems] == [("content/pages/staff/notes.md", 3)]


def test_page_without_review_date_is_refused(tmp_path):
    text = page_text().replace("reviewed: '2026-11-01'\n", "").replace("reviewed: 2026-11-01\n", "")
    make_content(tmp_path, pages={"about.md": text})
    [problem] = problems_for(tmp_path)
    assert (problem.path, problem.field, problem.line) == ("content/pages/about.md", "reviewed", 2)


def test_one_run_reports_every_error(tmp_path):
    content = make_content(tmp_path, lessons=[lesson_data(band="5-9", duraton_minutes=1, title=DELETE)])
    (content / "topics" / "broken.yml").write_text("id: [\n")
    problems = problems_for(tmp_path)
    assert len(problems) == 4
    assert {p.path for p in problems} == {"content/lessons/5-9/live-streaming-7-11.yml", "content/topics/broken.yml"}


def test_command_line_prints_errors_without_a_traceback(tmp_path):
    make_content(tmp_path, lessons=[lesson_data(duraton_minutes=40)])
    result = subprocess.run([sys.executable, "-m", "onlinesafety", "--content", "content", "load"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(rf"^{re.escape(LESSON)}:\d+: field 'duraton_minutes': unknown field\. Fix: ",
                     result.stderr, re.MULTILINE)
