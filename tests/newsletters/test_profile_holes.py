"""Smaller holes in profiles and options (#15 point 6): invisible and line-breaking characters, impossible
ports and dates, a term past the calendar's end. Each is a normal error with file, line and field."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from onlinesafety.newsletters.cli import main
from tests.newsletters.factory import profile_data, write_csv, write_profile


def run(*args: str | Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main([str(arg) for arg in args], stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def line_of(path: Path, field: str) -> int:
    return next(number for number, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(field))


INVISIBLE = {
    "\u2028": "U+2028 (LINE SEPARATOR)",
    "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
    "\u0085": "U+0085",
    "\u200b": "U+200B (ZERO WIDTH SPACE)",
    "\u200d": "U+200D (ZERO WIDTH JOINER)",
    "\u2060": "U+2060 (WORD JOINER)",
    "\ufeff": "U+FEFF (ZERO WIDTH NO-BREAK SPACE)",
    "\u202e": "U+202E (RIGHT-TO-LEFT OVERRIDE)",
    "\u2067": "U+2067 (RIGHT-TO-LEFT ISOLATE)",
    "\u200f": "U+200F (RIGHT-TO-LEFT MARK)",
    "\u061c": "U+061C (ARABIC LETTER MARK)",
}


@pytest.mark.parametrize("field", ["school_name", "safeguarding_lead_name", "sign_off"])
@pytest.mark.parametrize("character", list(INVISIBLE), ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_and_line_breaking_characters_fail_one_line_fields(
        tmp_path: Path, content_dir: Path, field: str, character: str) -> None:
    profile = write_profile(tmp_path / "school.yml", **{field: f"Hillside{character} Primary"})
    code, _, stderr = run("--school", profile, "--out", tmp_path / "out", "--content", content_dir)
    assert code == 1, stderr
    assert f"{profile.as_posix()}:{line_of(profile, field)}: field '{field}': " in stderr, stderr
    assert INVISIBLE[character] in stderr and "at character 9" in stderr
    assert not (tmp_path / "out").exists()


def test_invisible_characters_fail_in_a_csv_row_too(tmp_path: Path, content_dir: Path) -> None:
    schools = write_csv(tmp_path / "schools.csv", [profile_data(id="a"), profile_data(
        id="b", school_name="Meadow\u200b High")])
    code, _, stderr = run("--schools", schools, "--out", tmp_path / "out", "--content", content_dir)
    assert code == 1
    assert f"{schools.as_posix()}:3: field 'school_name': row 2: must not hold invisible" in stderr, stderr


@pytest.mark.parametrize("url", ["https://school.example:99999/online-safety", "https://school.example:0/",
                                 "https://school.example:/", "https://school.example\u200b/online-safety"])
def test_an_impossible_base_url_is_refused(tmp_path: Path, content_dir: Path, url: str) -> None:
    profile = write_profile(tmp_path / "school.yml", base_url=url)
    code, _, stderr = run("--school", profile, "--out", tmp_path / "out", "--content", content_dir)
    assert code == 1
    assert f"{profile.as_posix()}:{line_of(profile, 'base_url')}: field 'base_url': " in stderr, stderr
    assert "internal error" not in stderr


def test_a_port_that_exists_is_accepted(tmp_path: Path, content_dir: Path) -> None:
    profile = write_profile(tmp_path / "school.yml", base_url="https://school.example:8443/online-safety")
    code, _, stderr = run("--school", profile, "--out", tmp_path / "out", "--content", content_dir, "--quiet",
                          "--format", "text", "--length", "short")
    assert code == 0, stderr


def _yaml_with(tmp_path: Path, line: str) -> Path:
    profile = write_profile(tmp_path / "school.yml", sign_off=None)
    profile.write_text(profile.read_text() + line + "\n", encoding="utf-8")
    return profile


@pytest.mark.parametrize("line, field, says", [
    # (the messages are the loader's where it knows impossible dates, else the profile loader's: the same words)
    ("sign_off: 2026-02-30", "sign_off", "'2026-02-30' is not a real date"),
    ("2026-02-30: the spring fair", "2026-02-30", "'2026-02-30' is not a real date"),
    ("2026-01-05: the spring fair", "2026-01-05", ""),
    ("sign_off: 2026-01-05", "sign_off", ""),
])
def test_a_date_where_text_or_a_field_name_belongs_is_a_normal_error(
        tmp_path: Path, content_dir: Path, line: str, field: str, says: str) -> None:
    profile = _yaml_with(tmp_path, line)
    number = len(profile.read_text().splitlines())
    code, _, stderr = run("--school", profile, "--out", tmp_path / "out", "--content", content_dir)
    assert code == 1
    assert f"{profile.as_posix()}:{number}: field '{field}': " in stderr and says in stderr, stderr
    assert "internal error" not in stderr


def test_a_date_as_the_school_name_is_a_normal_error(tmp_path: Path, content_dir: Path) -> None:
    profile = write_profile(tmp_path / "school.yml")
    text = "\n".join("school_name: 2026-02-30" if row.startswith("school_name") else row
                     for row in profile.read_text().splitlines())
    profile.write_text(text + "\n", encoding="utf-8")
    code, _, stderr = run("--school", profile, "--out", tmp_path / "out", "--content", content_dir)
    assert code == 1
    assert f"{profile.as_posix()}:{line_of(profile, 'school_name')}: field 'school_name': " in stderr, stderr
    assert "internal error" not in stderr


@pytest.mark.parametrize("start, weeks", [("9999-12-20", "5"), ("9999-12-31", "1")])
def test_a_term_past_the_end_of_the_calendar_is_bad_usage(tmp_path: Path, content_dir: Path, profile_file: Path,
                                                          start: str, weeks: str) -> None:
    code, _, stderr = run("--school", profile_file, "--out", tmp_path / "out", "--content", content_dir,
                          "--term", start, "--weeks", weeks)
    assert code == 2
    assert stderr.startswith(f"error: --term {start} with --weeks {weeks} runs past the last date") and "Fix:" in stderr
    assert not (tmp_path / "out").exists()
