"""A school's profile: who signs the newsletter, where links point, which region's help routes apply.

One school comes from a YAML file (errors name file, line and field); many schools come from a
CSV file with the same columns (errors name file, line, row and column).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ..loading import ContentErrors, load_yaml_model
from ..loading.errors import ContentProblem
from ..loading.safe_yaml import YamlDocument
from ..loading.validate import validate_document
from ..model import Band, Library
from ..model.common import SLUG_PATTERN
from .errors import NewsletterErrors, problem

MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_SCHOOLS = 5000
DEFAULT_BRAND_COLOUR = "#1d4f91"
SLUG = re.compile(SLUG_PATTERN)
# Line breaks and control characters (C0, C1, U+2028/2029), invisible zero-width characters and the
# direction controls that can reorder what a reader sees (U+061C, U+200E/F, U+202A-E, U+2066-9).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_INVISIBLE = re.compile(r"[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,23}[0-9]$")


def _one_line(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise ValueError(f"must be one line of text without control characters; it holds {_named(found.group())} "
                         f"at character {found.start() + 1}: remove line breaks and tabs")
    found = _INVISIBLE.search(value)
    if found:
        raise ValueError(f"must not hold invisible or text-direction characters; it holds {_named(found.group())} "
                         f"at character {found.start() + 1} (often pasted in by accident): retype the text")
    return value


def _named(character: str) -> str:
    """'U+2028 (LINE SEPARATOR)': a character people cannot see, named so they can find it."""
    return f"U+{ord(character):04X} ({unicodedata.name(character, 'a control character')})"


def _contact(value: str) -> str:
    if _EMAIL.match(value) or (_PHONE.match(value) and sum(c.isdigit() for c in value) >= 6):
        return value
    raise ValueError("must be an email address or a phone number, like dsl@school.example or 01234 567890")


def _https_url(value: str) -> str:
    _one_line(value)
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise ValueError("must start with https:// (links in newsletters must be secure)")
    if not parts.hostname or "." not in parts.hostname:
        raise ValueError("must be a full web address with a domain name, like https://school.example")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or (port is None and ":" in parts.netloc.rsplit("@", 1)[-1]):
        raise ValueError("has a port number that is not a whole number from 1 to 65535; most addresses need no "
                         "port: leave out the ':' and the number")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError("must not contain a user name, password, '?' query or '#' fragment")
    if re.search(r"[\s\"'<>\\`^{|}]", value):
        raise ValueError("must not contain spaces, quotes or angle brackets")
    return value


def _base_url(value: str) -> str:
    return _https_url(value).rstrip("/")


def _colour(value: str) -> str:
    return value.lower()


OneLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=100),
                    AfterValidator(_one_line)]
HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=200),
                     AfterValidator(_https_url)]


class SchoolProfile(BaseModel):
    """One school's details for its newsletter pieces."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)] | None = Field(
        default=None, description="Output folder name; made from school_name when left out.")
    school_name: OneLine
    safeguarding_lead_name: OneLine
    safeguarding_contact: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=100),
                                    AfterValidator(_one_line), AfterValidator(_contact)]
    base_url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=120),
                        AfterValidator(_base_url)] = Field(
        description="The school's copy of the site, or the public site; https only.")
    region: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
    bands: list[Band] = Field(default_factory=lambda: list(Band), min_length=1, max_length=4)
    logo_url: HttpsUrl | None = None
    brand_colour: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^#[0-9a-fA-F]{6}$"),
                            AfterValidator(_colour)] = DEFAULT_BRAND_COLOUR
    sign_off: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200),
                        AfterValidator(_one_line)] | None = None

    @field_validator("bands")
    @classmethod
    def _in_order(cls, bands: list[Band]) -> list[Band]:
        order = list(Band)
        return sorted(set(bands), key=order.index)

    @property
    def slug(self) -> str:
        """The school's output folder name."""
        return self.id or slugify(self.school_name)


def slugify(name: str) -> str:
    """A folder name made from a school's name: lower-case letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].rstrip("-")
    return slug if SLUG.match(slug) else "school"


FIELDS = tuple(SchoolProfile.model_fields)
PROFILE_HELP = "every profile field is described in templates/newsletter/README.md"
FIXES = {
    "base_url": "write the full address starting with https://, like https://school.example/online-safety/",
    "logo_url": "give the https:// address of the logo image, or leave the field out",
    "safeguarding_contact": "give an email address or a phone number",
    "brand_colour": "write the colour as # and six hexadecimal digits, like #1d4f91",
    "bands": "use 4-7, 7-11, 11-14 or 14-18",
    "id": "use lower-case letters, digits and hyphens only, like 'hillside-primary'",
    "region": "use lower-case letters, digits and hyphens only, like 'england'",
    "school_name": "write the school's name on one line (2 to 100 characters)",
    "safeguarding_lead_name": "write the name on one line (2 to 100 characters)",
    "sign_off": "write the sign-off on one line (up to 200 characters)",
}


def _friendly(found: ContentProblem) -> ContentProblem:
    """The loader's generic fixes, made specific to school profiles."""
    field = (found.field or "").split("[")[0]
    fix = found.fix.replace("see content/README.md for every field", PROFILE_HELP)
    if field in FIXES and fix in ("correct the value", "give a value of the expected kind") or (
            field in FIXES and fix.startswith(("match the pattern", "use lower-case", "use "))):
        fix = FIXES[field]
    return ContentProblem(found.path, found.line, found.field, found.message, fix)


def check_region(profile: SchoolProfile, library: Library, path: str, line: int, field: str = "region",
                 prefix: str = "") -> list[ContentProblem]:
    """A problem when the profile's region is not one the content defines."""
    if profile.region in library.regions:
        return []
    known = ", ".join(sorted(library.regions))
    fix = (f"use one of: {known}" if known else
           "no regions are defined yet; add content/help/<region>.yml first")
    return [problem(path, line, field, f"{prefix}no region with id '{profile.region}'", fix)]


def load_profile(path: Path, library: Library) -> SchoolProfile:
    """Load one school's YAML profile; raise NewsletterErrors naming file, line and field."""
    shown = path.as_posix()
    try:
        profile, document = load_yaml_model(path, SchoolProfile, shown)
    except ContentErrors as errors:
        raise NewsletterErrors([_friendly(found) for found in errors.problems], "profile") from None
    except ValueError as error:  # a loader that lets an impossible date (2026-02-30) through as ValueError
        raise NewsletterErrors([_impossible_date(path, shown, error)], "profile") from None
    problems = check_region(profile, library, shown, document.line_for(("region",)))
    if problems:
        raise NewsletterErrors(problems, "profile")
    return profile


_DATE_LIKE = re.compile(r"^\s*(?:-\s+)?(?:(?P<key>[^:#]+):\s*)?['\"]?(?P<value>\d{4}-\d{1,2}-\d{1,2})['\"]?\s*(?::|$|#)")


def _impossible_date(path: Path, shown: str, error: ValueError) -> ContentProblem:
    """The line and field of a value YAML reads as a date that does not exist, as a problem for people."""
    import datetime as dt

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    for number, text in enumerate(lines, start=1):
        found = _DATE_LIKE.match(text)
        if not found:
            continue
        value = found.group("value")
        try:
            dt.date(*map(int, value.split("-")))
        except ValueError:
            key = (found.group("key") or "").strip() or None
            if text.rstrip().endswith(":") or key is None:  # the date is itself a key
                return problem(shown, number, value, f"'{value}' is not a real date, and is used as a field name",
                               f"remove it; the fields are: {', '.join(FIELDS)}")
            return problem(shown, number, key, f"'{value}' is not a real date ({error})",
                           "put the text in quotes if it is not a date" + (
                               f"; {FIXES[key]}" if key in FIXES else ""))
    return problem(shown, 1, None, f"a value reads as a date that does not exist ({error})",
                   "check the dates in the file, or put text that looks like a date in quotes")


def load_profiles_csv(path: Path, library: Library) -> list[SchoolProfile]:
    """Load many schools from a CSV file whose header names the profile fields."""
    shown = path.as_posix()
    text = _read_csv_text(path, shown)
    problems: list[ContentProblem] = []
    rows = _rows_with_lines(text, shown)
    if not rows:
        raise NewsletterErrors([problem(shown, 1, None, "the file is empty",
                                        f"start with a header line naming the columns: {', '.join(FIELDS)}")],
                               "profile")
    header_line, header = rows[0]
    columns = [name.strip() for name in header]
    for name in columns:
        if name not in FIELDS:
            problems.append(problem(shown, header_line, name or "(empty)", "unknown column",
                                    f"use only these columns: {', '.join(FIELDS)}"))
    for name in sorted({c for c in columns if columns.count(c) > 1}):
        problems.append(problem(shown, header_line, name, "this column appears twice", "keep one of them"))
    for required in ("school_name", "safeguarding_lead_name", "safeguarding_contact", "base_url", "region"):
        if required not in columns:
            problems.append(problem(shown, header_line, required, "this column is missing",
                                    f"add a '{required}' column to the header line"))
    if problems:
        raise NewsletterErrors(problems, "profile")
    profiles: list[SchoolProfile] = []
    seen: dict[str, int] = {}
    data_rows = rows[1:]
    if len(data_rows) > MAX_SCHOOLS:
        raise NewsletterErrors([problem(shown, 1, None, f"the file lists {len(data_rows)} schools; "
                                        f"the limit is {MAX_SCHOOLS}", "split it into smaller files")], "profile")
    if not data_rows:
        raise NewsletterErrors([problem(shown, header_line, None, "no schools listed",
                                        "add one line for each school under the header")], "profile")
    for number, (line, cells) in enumerate(data_rows, start=1):
        prefix = f"row {number}: "
        if len(cells) > len(columns):
            problems.append(problem(shown, line, None, f"{prefix}has {len(cells)} cells but the header "
                                    f"names {len(columns)} columns", "remove the extra cells, or put text "
                                    "containing commas in double quotes"))
            continue
        data = _row_data(columns, cells)
        document = YamlDocument(data=data, lines={(): line, **{(name,): line for name in data}})
        item, row_problems = validate_document(SchoolProfile, document, shown)
        problems.extend(_for_csv(_friendly(found), prefix) for found in row_problems)
        if item is None:
            continue
        problems.extend(check_region(item, library, shown, line, prefix=prefix))
        if item.slug in seen:
            field = "id" if item.id else "school_name"
            problems.append(problem(shown, line, field, f"{prefix}gives the output folder '{item.slug}', "
                                    f"already used by row {seen[item.slug]}",
                                    "give each school a different 'id' column value"))
        seen.setdefault(item.slug, number)
        profiles.append(item)
    if problems:
        raise NewsletterErrors(problems, "profile")
    return profiles


def _read_csv_text(path: Path, shown: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise NewsletterErrors([problem(shown, 1, None, f"file is {size // 1024} KiB; the limit is "
                                            f"{MAX_CSV_BYTES // 1024} KiB", "split it into smaller files")],
                                   "profile")
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NewsletterErrors([problem(shown, 1, None, f"file is not UTF-8 text ({error.reason})",
                                        "save it as 'CSV UTF-8' in your spreadsheet program")], "profile") from None


def _rows_with_lines(text: str, shown: str) -> list[tuple[int, list[str]]]:
    """Non-blank CSV records, each with the line it starts on."""
    lines = io.StringIO(text, newline="")
    counter = {"line": 0}

    def numbered() -> Any:
        for raw in lines:
            counter["line"] += 1
            yield raw

    reader = csv.reader(numbered())
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = counter["line"] + 1
        try:
            cells = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            raise NewsletterErrors([problem(shown, start, None, f"CSV syntax error: {error}",
                                            "check the quotes on this line")], "profile") from None
        if any(cell.strip() for cell in cells):
            rows.append((start, cells))


def _row_data(columns: list[str], cells: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, cell in zip(columns, cells):
        cell = cell.strip()
        if not cell:
            continue
        data[name] = [part for part in re.split(r"[;,\s]+", cell) if part] if name == "bands" else cell
    return data


def _for_csv(found: ContentProblem, prefix: str) -> ContentProblem:
    message, fix = found.message, found.fix
    if message == "this required field is missing":
        message, fix = "this cell is empty", f"fill in the '{found.field}' column"
    return ContentProblem(found.path, found.line, found.field, prefix + message, fix)
