"""YAML bombs, deep nesting, code tags and oversized input are refused quickly with a clear error.

The time bounds are hang guards (a bomb that expanded would run for minutes or exhaust memory), not
speed assertions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from onlinesafety.loading import ContentError, ContentErrors, load_library, parse_yaml
from onlinesafety.loading.safe_yaml import MAX_BYTES, MAX_DEPTH
from onlinesafety.newsletters.errors import NewsletterErrors
from onlinesafety.newsletters.profile import MAX_CSV_BYTES, load_profile, load_profiles_csv
from tests.factories import make_content
from tests.newsletters.factory import write_content as write_newsletter_content
from tests.robustness.support import HANG_SECONDS, within

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi"))  # 9^9 = 387 million "lol"s if expanded

HOSTILE_YAML = {
    "billion laughs": (LAUGHS, "anchors and aliases"),
    "one alias": ("a: &x hello\nb: *x\n", "anchors and aliases"),
    "merge key": ("base: &base {a: 1}\nitem:\n  <<: *base\n", "anchors and aliases"),
    "deep flow sequence": ("[" * 10_000 + "]" * 10_000, "nested too deeply"),
    "deep flow mapping": ("{a: " * 5_000 + "1" + "}" * 5_000, "nested too deeply"),
    "unclosed brackets": ("[" * 100_000, "nested too deeply"),
    "deep block mapping": ("".join(" " * depth + "a:\n" for depth in range(300)) + " " * 300 + "b\n",
                           "nested too deeply"),
    "deep block sequence": ("".join("  " * depth + "-\n" for depth in range(200)) + "  " * 200 + "x\n",
                            "nested too deeply"),
    "python tag": ("a: !!python/object/apply:os.system ['true']\n", "is not allowed"),
    "python name tag": ("a: !!python/name:os.getcwd\n", "is not allowed"),
    "custom tag": ("a: !secret value\n", "is not allowed"),
    "oversized": ("a: " + "x" * (MAX_BYTES + 1), "the limit is 256 KiB"),
    "oversized multibyte": ("a: " + "é" * (MAX_BYTES // 2 + 1), "the limit is 256 KiB"),
    "duplicate key": ("a: 1\na: 2\n", "appears twice"),
    "not a mapping key": ("? [a, b]\n: c\n", "mapping key must be plain text"),
    "syntax error": ("a: [1, 2\nb: c: d\n", "YAML syntax error"),
    "empty": ("", "file is empty"),
    "tab indentation": ("a:\n\tb: 1\n", "YAML syntax error"),
    "control character": ("a: \x07bell\n", "YAML"),
}


@pytest.mark.parametrize("name", HOSTILE_YAML)
def test_hostile_yaml_is_refused_with_a_clear_error(name: str) -> None:
    text, expected = HOSTILE_YAML[name]
    with pytest.raises(ContentError) as raised:
        within(HANG_SECONDS, lambda: parse_yaml(text, "content/lessons/7-11/x.yml"))
    message = str(raised.value)
    assert message.startswith("content/lessons/7-11/x.yml:"), message
    assert expected in message
    assert "Fix:" in message
    assert "Traceback" not in message


def test_the_nesting_limit_is_just_deep_enough(tmp_path: Path) -> None:
    within_limit = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_yaml(within_limit, "x.yml").data is not None
    with pytest.raises(ContentError, match="nested too deeply"):
        parse_yaml("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "x.yml")


@pytest.mark.parametrize("name", ["billion laughs", "deep flow sequence", "python tag", "oversized"])
def test_the_loader_reports_a_hostile_file_and_loads_nothing(tmp_path: Path, name: str) -> None:
    content = make_content(tmp_path)
    (content / "lessons" / "7-11" / "hostile.yml").write_text(HOSTILE_YAML[name][0], encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        within(HANG_SECONDS, lambda: load_library(content))
    assert [problem.path for problem in raised.value.problems] == ["content/lessons/7-11/hostile.yml"]
    assert HOSTILE_YAML[name][1] in raised.value.report()


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    (content / "lessons" / "7-11" / "latin1.yml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ContentErrors, match="not UTF-8"):
        load_library(content)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    return load_library(write_newsletter_content(tmp_path_factory.mktemp("content")))


@pytest.mark.parametrize("name", ["billion laughs", "deep flow mapping", "python tag", "oversized"])
def test_a_hostile_school_profile_is_refused(tmp_path: Path, library, name: str) -> None:
    path = tmp_path / "school.yml"
    path.write_text(HOSTILE_YAML[name][0], encoding="utf-8")
    with pytest.raises(NewsletterErrors) as raised:
        within(HANG_SECONDS, lambda: load_profile(path, library))
    assert HOSTILE_YAML[name][1] in raised.value.report()


HEADER = "school_name,safeguarding_lead_name,safeguarding_contact,base_url,region\n"
ROW = "Hillside,Ms Patel,dsl@hillside.example,https://hillside.example/,england\n"


HOSTILE_CSV = {
    "oversized": (HEADER + ROW * (MAX_CSV_BYTES // len(ROW) + 1), "the limit is"),
    "one huge cell": (HEADER + '"' + "x" * 200_000 + '",a,b,c,d\n', "CSV syntax error"),
    # The quote swallows the rest of the file into one cell: every row's problems are listed, no crash.
    "unclosed quote": (HEADER + '"Hillside,Ms Patel\n' * 1000, "profile error"),
    "NUL byte": (HEADER + ROW.replace("Hillside", "Hill\x00side"), "without control characters"),
    "not UTF-8": (None, "not UTF-8"),
}


@pytest.mark.parametrize("name", HOSTILE_CSV)
def test_a_hostile_csv_is_refused(tmp_path: Path, library, name: str) -> None:
    text, expected = HOSTILE_CSV[name]
    path = tmp_path / "schools.csv"
    if text is None:
        path.write_bytes((HEADER + "Caf\xe9,Ms Patel,dsl@hillside.example,https://hillside.example/,england\n")
                         .encode("latin-1"))
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(NewsletterErrors) as raised:
        within(HANG_SECONDS, lambda: load_profiles_csv(path, library))
    assert expected in raised.value.report()
