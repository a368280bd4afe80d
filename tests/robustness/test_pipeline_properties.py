"""Property tests over load → check → render → write, with arbitrary text where people type.

For any text in a lesson's fields, the pipeline either refuses the file with ContentErrors (file, line,
field, fix) or checks it, generates every page, renders them as the site does and writes them, with no
other exception and no file outside the output folder. For any values in a school profile, the
newsletter pipeline either refuses the profile (NewsletterErrors) or writes every file inside --out,
escaping the values in HTML; the command never reports an internal error.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from onlinesafety.checks import run_checks, run_text_checks
from onlinesafety.loading import ContentErrors, load_library
from onlinesafety.newsletters import cli
from onlinesafety.newsletters.errors import NewsletterErrors, UsageError
from onlinesafety.newsletters.outputs import Selection, school_files
from onlinesafety.newsletters.profile import load_profile
from onlinesafety.newsletters.render import make_renderer
from onlinesafety.newsletters.writer import Staging, store_for
from onlinesafety.site import export_markdown, site_files
from tests.factories import lesson_data, make_content
from tests.newsletters.factory import PROFILE
from tests.newsletters.factory import write_content as write_newsletter_content
from tests.robustness.support import Sink, all_paths

TODAY = dt.date(2026, 11, 22)
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.details",
                       "pymdownx.superfences"]
HOSTILE_FRAGMENTS = [
    "{{ 7*7 }}", "{% raw %}", "{# x", "---", "<script>alert(1)</script>", "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>", "| a | b |", "\u202e", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\r\n",
    "[" * 60, "`" * 60, "*" * 60, "_" * 60, "!!! note", "???+ x", "::: x", "<!--", "]]>", "&amp;", "&#0;",
    "\n\n# Heading\n\n", "\n\n###### deep\n\n", "\n- a\n- b\n", "{: .x }", "{link}", "e.g.", "…", "99%",
    "one in five", "https://example.com/x", "click here", "your fault", "TikTok", "\\", "../../etc/passwd",
    "\t", "  \n", "\u00a0", "😀", "\U0001d54f", "ﬁ", "İ", "ß",
]
text_values = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), st.text(max_size=20)), max_size=8).map("".join),
)
LESSON_FIELDS: list[tuple[Any, ...]] = [
    ("title",), ("pupil_outcome",), ("objectives", 0), ("key_learning_points", 1), ("keywords", 0, "term"),
    ("keywords", 1, "definition"), ("misconceptions", 0, "response"), ("activities", 1, "title"),
    ("activities", 1, "teacher_notes"), ("activities", 1, "pupil_material"), ("discussion_questions", 0),
    ("safeguarding", "signposting"), ("safeguarding", "ground_rules", 2), ("curriculum", "rshe", 0),
]
PROPERTY_SETTINGS = settings(max_examples=30, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _set(data: Any, loc: tuple[Any, ...], value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _paths_are_safe(files: dict[str, str]) -> None:
    for path in files:
        parts = path.split("/")
        assert path == path.strip() and not path.startswith("/") and "\\" not in path and "\x00" not in path
        assert all(part not in ("", ".", "..") for part in parts), path


@PROPERTY_SETTINGS
@given(edits=st.lists(st.tuples(st.sampled_from(LESSON_FIELDS), text_values), min_size=1, max_size=4),
       prefix_outcome=st.booleans())
def test_any_text_in_a_lesson_is_refused_or_built_inside_the_output_folder(
        edits: list[tuple[tuple[Any, ...], str]], prefix_outcome: bool) -> None:
    data = lesson_data()
    for loc, value in edits:
        if loc == ("pupil_outcome",) and prefix_outcome:
            value = "I can " + value  # otherwise nearly every outcome is refused for its first words
        _set(data, loc, value)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = make_content(root, lessons=[data])
        try:
            library = load_library(content)
        except ContentErrors as errors:
            event("lesson refused by the loader")
            assert errors.problems and all(problem.path.startswith("content/") for problem in errors.problems)
            run_text_checks(content)  # the check command still reads the raw files: it must not crash either
            return
        event("lesson loaded, checked and built")
        run_checks(library, today=TODAY, ci=True)
        files = site_files(library, base_url="https://school.example/online-safety/", today=TODAY)
        _paths_are_safe(files)
        converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        for path, text in files.items():
            if path.endswith(".md"):
                converter.reset().convert(text.split("\n---\n", 1)[-1])
        before = all_paths(root)
        out = root / "out" / "docs"
        count = export_markdown(library, out, today=TODAY)
        written = all_paths(root) - before
        assert written and all(path == "out" or path.startswith("out/docs") for path in written), written
        assert count == sum(1 for path in out.rglob("*") if path.is_file())


_newsletter_content: dict[str, Path] = {}


def _content() -> Path:
    """One newsletter content folder for the whole module (hypothesis examples share it; it is not written)."""
    if "path" not in _newsletter_content:
        _newsletter_content["path"] = write_newsletter_content(Path(tempfile.mkdtemp(prefix="robustness-")))
    return _newsletter_content["path"]


MARK = "Zq"  # starts every free-text value, so its raw (unescaped) form can be searched for in the HTML
ONE_LINE_FRAGMENTS = [fragment for fragment in HOSTILE_FRAGMENTS
                      if not any(char in fragment for char in "\n\r\t\x00\x1b\u202e\u200b\ufeff")]
# Mostly one line of text without control characters (what the profile accepts), sometimes anything.
one_line_values = st.one_of(
    st.lists(st.one_of(st.sampled_from(ONE_LINE_FRAGMENTS),
                       st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf")), max_size=15)),
             min_size=1, max_size=5).map("".join).map(lambda value: value[:90]),
    text_values)
PROFILE_FIELDS = {
    "id": st.one_of(st.sampled_from(["../x", "a/../../b", "．．/x", "x\x00", "ok-school", "/etc/x", "C:\\x"]),
                    st.text(max_size=20)),
    "school_name": one_line_values.map(lambda value: MARK + value),
    "safeguarding_lead_name": one_line_values.map(lambda value: MARK + value),
    "safeguarding_contact": st.one_of(st.sampled_from(["dsl@school.example", "01234 567890", "x@y", "<a>@b.c"]),
                                      text_values),
    "base_url": st.one_of(st.sampled_from([
        "https://school.example/", "http://school.example/", "javascript:alert(1)", "https://a.b/x?y=<z>",
        "https://user:pw@school.example/", "https://school.example/\"onmouseover=x", "https:///x", "https://x"]),
        text_values),
    "logo_url": st.one_of(st.sampled_from(["https://school.example/logo.png", "data:image/png;base64,xx",
                                           "https://school.example/a b.png"]), text_values),
    "region": st.sampled_from(["england", "scotland", "../england", "nowhere", ""]),
    "bands": st.one_of(st.lists(st.sampled_from(["4-7", "7-11", "11-14", "14-18", "99"]), max_size=5),
                       text_values),
    "brand_colour": st.one_of(st.sampled_from(["#123456", "#FFFFFF", "red", "#12345", "#1234567",
                                               "#123456;}body{x"]), text_values),
    "sign_off": one_line_values.map(lambda value: MARK + value),
    "unknown_field": text_values,
}
# Up to three fields changed at once, so that some profiles pass and reach the writer.
profile_values = st.lists(st.sampled_from(sorted(PROFILE_FIELDS)), max_size=3, unique=True).flatmap(
    lambda keys: st.fixed_dictionaries({key: PROFILE_FIELDS[key] for key in keys}))


def _write_profile(path: Path, overrides: dict[str, Any]) -> None:
    data = {key: value for key, value in PROFILE.items() if key not in overrides}
    data.update({key: value for key, value in overrides.items() if key != "unknown_field"})
    if "unknown_field" in overrides:
        data["unknown_field"] = overrides["unknown_field"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")


@PROPERTY_SETTINGS
@given(overrides=profile_values)
def test_any_school_profile_is_refused_or_written_inside_out_with_values_escaped(overrides: dict[str, Any]) -> None:
    library = load_library(_content())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        profile_path = root / "school.yml"
        _write_profile(profile_path, overrides)
        try:
            profile = load_profile(profile_path, library)
        except NewsletterErrors as errors:
            event("profile refused")
            assert errors.problems
            return
        event("profile accepted and written")
        files = school_files(library, profile, make_renderer(), Selection())
        for parts, text in files.items():
            if parts[-1].endswith(".html"):
                for value in (profile.school_name, profile.safeguarding_lead_name, profile.sign_off or ""):
                    if "<" in value:
                        assert value not in text, f"unescaped profile value in {'/'.join(parts)}"
        out = root / "out"
        staging = Staging(out)
        try:
            staging.stage(profile.slug, files)
            staging.commit()
        except UsageError:
            staging.discard()
            raise
        # --out is a link to its latest output, kept in the hidden store beside it (writer.py)
        store = store_for(out).name
        assert all(path == "out" or path.startswith(f"out/{profile.slug}") for path in all_paths(root) - {
            "school.yml"} if not path.startswith(store)), all_paths(root)
        assert all(path.count("/") < 2 or path.split("/")[2] == profile.slug
                   for path in all_paths(root) if path.startswith(store)), all_paths(root)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overrides=profile_values)
def test_the_newsletter_command_never_reports_an_internal_error(overrides: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write_profile(root / "school.yml", overrides)
        stdout, stderr = Sink(), Sink()
        code = cli.main(["--school", str(root / "school.yml"), "--out", str(root / "out"),
                         "--content", str(_content()), "--quiet", "--format", "email", "text",
                         "--length", "short"], stdout=stdout, stderr=stderr)
        assert "internal error" not in stderr.text, stderr.text
        assert code in (cli.EXIT_OK, cli.EXIT_ERRORS), stderr.text
        event(f"exit code {code}")
        assert all(path.split("/")[0] in ("school.yml", "out", ".out.generations") for path in all_paths(root))
        if code != cli.EXIT_OK:
            assert not (root / "out").exists() or not any((root / "out").iterdir())
