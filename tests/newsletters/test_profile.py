"""School profiles: valid ones load; every bad field is reported with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlinesafety.model import Band, Library
from onlinesafety.newsletters.errors import NewsletterErrors
from onlinesafety.newsletters.profile import load_profile, load_profiles_csv, slugify
from tests.newsletters.factory import HOSTILE, PROFILE, profile_data, write_csv, write_profile


def line_of(path: Path, field: str) -> int:
    """The line of `field:` in a YAML file written by the factory."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{field}:"):
            return number
    raise AssertionError(f"{field} not in {path}")


def only_problem(error: pytest.ExceptionInfo[NewsletterErrors]):
    assert len(error.value.problems) == 1, error.value.report()
    return error.value.problems[0]


def test_a_valid_profile_loads_with_normalised_values(profile_file: Path, library: Library) -> None:
    profile = load_profile(profile_file, library)
    assert profile.base_url == "https://hillside.example/online-safety"
    assert profile.brand_colour == "#0b6e4f"
    assert profile.bands == [Band.AGES_4_7, Band.AGES_7_11]
    assert profile.slug == "hillside-primary-school"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("base_url", "http://hillside.example", "https://"),
    ("base_url", "https://hillside.example/?utm=1", "query"),
    ("base_url", "https://user:pw@hillside.example", "user name"),
    ("base_url", "javascript:alert(1)", "https://"),
    ("logo_url", "http://hillside.example/logo.png", "https://"),
    ("safeguarding_contact", "call the office", "email address or a phone number"),
    ("brand_colour", "green", "wrong form"),
    ("brand_colour", "#12345", "wrong form"),
    ("region", "atlantis", "no region with id 'atlantis'"),
    ("region", "England!", "wrong form"),
    ("bands", ["5-9"], "not allowed"),
    ("school_name", "A", "too short"),
    ("school_name", "Line one\nLine two", "one line"),
    ("id", "../etc", "wrong form"),
])
def test_a_bad_field_is_named_with_its_file_and_line(tmp_path: Path, library: Library, field: str, value: object,
                                                    message: str) -> None:
    path = write_profile(tmp_path / "school.yml", **{field: value})
    with pytest.raises(NewsletterErrors) as error:
        load_profile(path, library)
    found = only_problem(error)
    assert found.path == path.as_posix()
    assert found.field is not None and found.field.split("[")[0] == field
    assert found.line == line_of(path, field) + (1 if isinstance(value, list) else 0)  # list items: their own line
    assert message in found.message
    assert found.fix and "correct the value" not in found.fix  # a specific fix, not a generic one


def test_a_missing_field_and_an_unknown_field_are_both_reported(tmp_path: Path, library: Library) -> None:
    path = write_profile(tmp_path / "school.yml", safeguarding_lead_name=None, colour="#000000")
    with pytest.raises(NewsletterErrors) as error:
        load_profile(path, library)
    problems = {found.field: found for found in error.value.problems}
    assert set(problems) == {"safeguarding_lead_name", "colour"}
    assert "did you mean 'brand_colour'" in problems["colour"].fix
    assert problems["colour"].line == line_of(path, "colour")
    assert "templates/newsletter/README.md" in problems["safeguarding_lead_name"].fix
    assert "nothing was written" in error.value.report()


def test_hostile_text_is_accepted_as_data(tmp_path: Path, library: Library) -> None:
    path = write_profile(tmp_path / "school.yml", school_name=HOSTILE, sign_off='"&<>')
    profile = load_profile(path, library)
    assert profile.school_name == HOSTILE
    assert profile.slug == "img-src-x-onerror-alert-1"


def test_yaml_tricks_in_a_profile_are_refused(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "school.yml"
    path.write_text("school_name: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(NewsletterErrors) as error:
        load_profile(path, library)
    assert "not allowed" in error.value.problems[0].message


@pytest.mark.parametrize(("name", "slug"), [
    ("St Mary's C of E Primary", "st-mary-s-c-of-e-primary"),
    ("../../etc/passwd", "etc-passwd"),
    ("École Sainte-Anne", "cole-sainte-anne"),
    ("!!!", "school"),
    ("x" * 100, "x" * 64),
])
def test_folder_names_made_from_school_names_are_safe_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


# --- CSV -------------------------------------------------------------------------------------------

def test_a_csv_of_schools_loads_in_order(tmp_path: Path, library: Library) -> None:
    path = write_csv(tmp_path / "schools.csv", [profile_data(id="a-school"), profile_data(id="b-school",
                                                                                       region="scotland")])
    profiles = load_profiles_csv(path, library)
    assert [p.slug for p in profiles] == ["a-school", "b-school"]
    assert profiles[0].bands == [Band.AGES_4_7, Band.AGES_7_11]


def test_csv_errors_name_file_line_row_and_column(tmp_path: Path, library: Library) -> None:
    path = write_csv(tmp_path / "schools.csv", [
        profile_data(id="good"),
        profile_data(id="bad-url", base_url="http://insecure.example"),
        profile_data(id="bad-region", region="atlantis"),
        profile_data(id="good"),
    ])
    with pytest.raises(NewsletterErrors) as error:
        load_profiles_csv(path, library)
    found = {(p.line, p.field): p for p in error.value.problems}
    assert set(found) == {(3, "base_url"), (4, "region"), (5, "id")}
    assert found[(3, "base_url")].message.startswith("row 2: ")
    assert found[(4, "region")].message == "row 3: no region with id 'atlantis'"
    assert "already used by row 1" in found[(5, "id")].message
    assert all(p.path == path.as_posix() for p in error.value.problems)


def test_csv_line_numbers_count_quoted_line_breaks_and_blank_lines(tmp_path: Path, library: Library) -> None:
    header = ",".join(["id", "school_name", "safeguarding_lead_name", "safeguarding_contact", "base_url", "region"])
    row = 'b,"Two\nlines",Lead,dsl@b.example,https://b.example,england'
    path = tmp_path / "schools.csv"
    path.write_text(f"{header}\n\na,School A,Lead,dsl@a.example,https://a.example,england\n{row}\n"
                    "c,School C,Lead,nonsense,https://c.example,england\n", encoding="utf-8")
    with pytest.raises(NewsletterErrors) as error:
        load_profiles_csv(path, library)
    lines = sorted((p.line, p.field) for p in error.value.problems)
    assert lines == [(4, "school_name"), (6, "safeguarding_contact")]


def test_csv_header_problems_are_reported_on_line_one(tmp_path: Path, library: Library) -> None:
    path = write_csv(tmp_path / "schools.csv", [profile_data()], columns=["school_name", "schol_colour", "region"])
    with pytest.raises(NewsletterErrors) as error:
        load_profiles_csv(path, library)
    fields = {p.field for p in error.value.problems}
    assert {"schol_colour", "safeguarding_lead_name", "safeguarding_contact", "base_url"} <= fields
    assert {p.line for p in error.value.problems} == {1}


def test_a_spreadsheet_csv_with_a_byte_order_mark_loads(tmp_path: Path, library: Library) -> None:
    path = write_csv(tmp_path / "schools.csv", [profile_data(id="a")])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_profiles_csv(path, library)[0].slug == "a"


def test_a_csv_that_is_not_utf8_is_a_clear_error(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "schools.csv"
    path.write_bytes("school_name\nÉcole".encode("latin-1"))
    with pytest.raises(NewsletterErrors) as error:
        load_profiles_csv(path, library)
    assert "UTF-8" in error.value.problems[0].fix


def test_an_empty_csv_is_a_clear_error(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "schools.csv"
    path.write_text(",".join(PROFILE) + "\n", encoding="utf-8")
    with pytest.raises(NewsletterErrors) as error:
        load_profiles_csv(path, library)
    assert error.value.problems[0].message == "no schools listed"
