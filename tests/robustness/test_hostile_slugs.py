"""Hostile names are refused everywhere a name becomes part of a path: content ids, references,
school profile ids and the newsletter writer's folder and file names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onlinesafety.loading import ContentErrors, load_library
from onlinesafety.newsletters import cli
from onlinesafety.newsletters.errors import NewsletterErrors, OutputError
from onlinesafety.newsletters.profile import load_profile, slugify
from onlinesafety.newsletters.writer import SLUG, Staging, check_name, check_parts
from tests.factories import lesson_data, make_content, write_yaml
from tests.newsletters.factory import write_content as write_newsletter_content
from tests.newsletters.factory import write_profile
from tests.robustness.support import Sink, all_paths, snapshot

HOSTILE_SLUGS = [
    "../x", "..", ".", "../../etc/passwd", "/etc/x", "/x", "a/../../b", "a/b", "x/",
    "C:\\x", "C:x", "\\\\server\\share", "a\\b", "..\\x", "\\x",
    "x\x00", "x\\0", "x%00", "..%2f", "..%2fx", "%2e%2e/x", "%2E%2E%2F",
    "．．/x", "．．", "x．y", "\u2024\u2024/x", "..\u2215x", "..\u29f8x",  # full-width dots, dot leader, slashes
    "x\n", "\nx", "x\r", " x", "x ", "x\t", "x\u202e", "x\u200b",
    "", "-x", "X", "Xx", "é", "x" * 65, "~", "~/x", "$HOME", "x;y", "x*", "x?",
]


def _ids(values: list[str]) -> list[str]:
    return [repr(value) for value in values]


@pytest.mark.parametrize("slug", HOSTILE_SLUGS, ids=_ids(HOSTILE_SLUGS))
def test_the_loader_refuses_a_hostile_id(tmp_path: Path, slug: str) -> None:
    content = make_content(tmp_path, lessons=[])
    write_yaml(content / "lessons" / "7-11" / "hostile.yml", lesson_data(id=slug))
    with pytest.raises(ContentErrors) as raised:
        load_library(content)
    fields = {problem.field for problem in raised.value.problems}
    assert "id" in fields, raised.value.report()


@pytest.mark.parametrize("slug", HOSTILE_SLUGS, ids=_ids(HOSTILE_SLUGS))
def test_the_loader_refuses_a_hostile_reference(tmp_path: Path, slug: str) -> None:
    content = make_content(tmp_path, lessons=[lesson_data(topic=slug)])
    with pytest.raises(ContentErrors) as raised:
        load_library(content)
    assert "topic" in {problem.field for problem in raised.value.problems}, raised.value.report()


@pytest.mark.parametrize("slug", HOSTILE_SLUGS, ids=_ids(HOSTILE_SLUGS))
def test_the_newsletter_writer_refuses_a_hostile_name(tmp_path: Path, slug: str) -> None:
    for file in (False, True):
        with pytest.raises(OutputError):
            check_name(slug, file=file)
    with pytest.raises(OutputError):
        check_parts((slug, "index.html"))
    with pytest.raises(OutputError):
        check_parts(("school", slug))
    with pytest.raises(OutputError):
        check_parts(("school", slug, "email.html"))
    out = tmp_path / "out"
    staging = Staging(out)
    with pytest.raises(OutputError):
        staging.stage(slug, {("index.html",): "x"})
    with pytest.raises(OutputError):
        staging.stage("school", {(slug, "email.html"): "x"})
    staging.discard()
    assert all_paths(tmp_path) == {"out"}


@pytest.fixture(scope="module")
def newsletter_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_newsletter_content(tmp_path_factory.mktemp("content"))


# An empty id is left out by the profile factory (the folder name then comes from the school name).
NON_EMPTY = [slug for slug in HOSTILE_SLUGS if slug]


@pytest.mark.parametrize("slug", NON_EMPTY, ids=_ids(NON_EMPTY))
def test_a_school_profile_with_a_hostile_id_is_refused(tmp_path: Path, newsletter_content: Path, slug: str) -> None:
    library = load_library(newsletter_content)
    profile = write_profile(tmp_path / "school.yml", id=slug)
    with pytest.raises(NewsletterErrors) as raised:
        load_profile(profile, library)
    assert "id" in {problem.field for problem in raised.value.problems}


@pytest.mark.parametrize("slug", ["../escape", "/tmp/escape", "a/../../b", "．．/x", "x\x00"],
                         ids=_ids(["../escape", "/tmp/escape", "a/../../b", "．．/x", "x\x00"]))
def test_the_newsletter_command_writes_nothing_for_a_hostile_profile(
        tmp_path: Path, newsletter_content: Path, slug: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.txt").write_text("kept", encoding="utf-8")
    profile = write_profile(tmp_path / "school.yml", id=slug)
    before = all_paths(tmp_path)
    code = cli.main(["--school", str(profile), "--out", str(out), "--content", str(newsletter_content), "--quiet"],
                    stdout=Sink(), stderr=Sink())
    assert code == cli.EXIT_ERRORS
    assert all_paths(tmp_path) == before
    assert snapshot(out) == {"earlier.txt": b"kept"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_a_folder_name_made_from_any_school_name_is_safe(name: str) -> None:
    slug = slugify(name)
    assert SLUG.fullmatch(slug)
    assert check_name(slug) == slug
    assert "/" not in slug and "\\" not in slug and ".." not in slug
