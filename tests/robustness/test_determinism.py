"""The same sources give byte-identical output: two site builds, two Markdown exports, two newsletter runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from onlinesafety.loading import load_library
from onlinesafety.newsletters import cli
from onlinesafety.site import export_markdown
from tests.conftest import ROOT, build_site, copy_project
from tests.newsletters.factory import profile_data, write_content, write_csv, write_profile
from tests.robustness.support import Sink, differences, snapshot


def test_two_site_builds_are_byte_identical(tmp_path: Path) -> None:
    """Both builds run from one copy of the project, so edits to the working tree cannot slip in between.

    MkDocs dates the sitemap with the build day (SOURCE_DATE_EPOCH overrides it) and the review-status
    page and the quality gate use today's date: builds on different days differ there, on purpose.
    """
    project = copy_project(tmp_path / "project")
    sites = []
    for name in ("first", "second"):
        result = build_site(project, tmp_path / name)
        assert result.returncode == 0, result.stderr[-3000:]
        sites.append(snapshot(tmp_path / name))
    assert len(sites[0]) > 50
    assert differences(*sites) == []


def test_two_markdown_exports_are_byte_identical(tmp_path: Path) -> None:
    library = load_library(ROOT / "content")
    today = dt.date(2026, 11, 22)
    export_markdown(library, tmp_path / "first", today=today)
    export_markdown(load_library(ROOT / "content"), tmp_path / "second", today=today)
    assert differences(snapshot(tmp_path / "first"), snapshot(tmp_path / "second")) == []


def test_two_newsletter_runs_are_byte_identical(tmp_path: Path) -> None:
    content = write_content(tmp_path / "project")
    profile = write_profile(tmp_path / "school.yml", id="hillside-primary")
    schools = write_csv(tmp_path / "schools.csv", [
        profile_data(id="hillside-primary"),
        profile_data(id="riverside-academy", school_name="Riverside Academy", bands=["11-14", "14-18"],
                     brand_colour="#7a1f5c", region="scotland")])
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        for who in (["--school", str(profile)], ["--schools", str(schools)]):
            stderr = Sink()
            code = cli.main([*who, "--out", str(out / who[0].strip("-")), "--content", str(content), "--quiet",
                             "--term", "2027-01-04", "--weeks", "6", "--skip", "2027-01-18"],
                            stdout=Sink(), stderr=stderr)
            assert code == cli.EXIT_OK, stderr.text
        # each --out is a link to its latest output (its store beside it has a new random name each run)
        outputs.append({f"{who}/{path}": data for who in ("school", "schools")
                        for path, data in snapshot(out / who).items()})
    assert len(outputs[0]) > 100
    assert differences(*outputs) == []
