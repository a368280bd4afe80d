"""build_newsletters.py: exit codes, clear errors, deterministic output, nothing overwritten on failure."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from onlinesafety.newsletters.cli import main
from tests.newsletters.factory import HOSTILE, profile_data, write_csv, write_profile

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main([str(arg) for arg in args], stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def schools_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "schools.csv", [
        profile_data(id="hillside"), profile_data(id="meadow-high", school_name="Meadow High",
                                                  bands=["11-14", "14-18"], region="scotland"),
        profile_data(id="hostile", school_name=HOSTILE)])


def test_one_school_is_built_and_exits_0(tmp_path: Path, content_dir: Path, profile_file: Path) -> None:
    code, out, err = run("--school", profile_file, "--out", tmp_path / "out", "--content", content_dir)
    assert (code, err) == (0, "")
    assert out == f"wrote 71 files for 1 school to {tmp_path / 'out'}\n"
    assert (tmp_path / "out" / "hillside-primary-school" / "live-streaming-7-11" / "long" / "email.html").is_file()


def test_a_batch_is_built_with_an_index_of_schools(tmp_path: Path, content_dir: Path, schools_csv: Path) -> None:
    code, out, err = run("--schools", schools_csv, "--out", tmp_path / "out", "--content", content_dir, "--quiet")
    assert (code, out, err) == (0, "", "")
    index = (tmp_path / "out" / "index.html").read_text()
    assert 'href="meadow-high/index.html"' in index and "&lt;img src=x" in index
    assert (tmp_path / "out" / "meadow-high" / "image-based-abuse-14-18" / "social-short.txt").is_file()
    assert not (tmp_path / "out" / "meadow-high" / "live-streaming-7-11").exists()


def test_two_runs_are_byte_identical(tmp_path: Path, content_dir: Path, schools_csv: Path) -> None:
    args = ("--schools", schools_csv, "--content", content_dir, "--quiet", "--term", "2027-01-04", "--weeks", "4")
    assert run(*args, "--out", tmp_path / "one")[0] == 0
    assert run(*args, "--out", tmp_path / "two")[0] == 0
    assert run(*args, "--out", tmp_path / "one")[0] == 0  # a rebuild in place, too
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two and len(one) > 100


def test_nothing_in_the_output_carries_a_timestamp_or_a_local_path(tmp_path: Path, content_dir: Path,
                                                                   profile_file: Path) -> None:
    run("--school", profile_file, "--out", tmp_path / "out", "--content", content_dir)
    for name, data in tree(tmp_path / "out").items():
        text = data.decode()
        assert str(tmp_path) not in text, name
        assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", text), name


def test_every_link_in_every_piece_is_absolute_https(tmp_path: Path, content_dir: Path, schools_csv: Path) -> None:
    run("--schools", schools_csv, "--out", tmp_path / "out", "--content", content_dir, "--quiet")
    for name, data in tree(tmp_path / "out").items():
        if name.endswith("index.html"):
            continue  # the local preview links to the files beside it
        text = data.decode()
        for link in re.findall(r'(?:href|src)="([^"]*)"', text) + re.findall(r"\]\(([^)]*)\)", text):
            assert link.startswith("https://"), (name, link)
        assert "http://" not in text, name


def test_every_email_is_at_most_100_kb(tmp_path: Path, content_dir: Path, schools_csv: Path) -> None:
    run("--schools", schools_csv, "--out", tmp_path / "out", "--content", content_dir, "--quiet")
    emails = [data for name, data in tree(tmp_path / "out").items() if name.endswith("email.html")]
    assert emails and max(len(data) for data in emails) <= 100 * 1024


def test_a_profile_error_exits_1_and_leaves_earlier_output_untouched(
        tmp_path: Path, content_dir: Path, schools_csv: Path) -> None:
    out = tmp_path / "out"
    assert run("--schools", schools_csv, "--out", out, "--content", content_dir, "--quiet")[0] == 0
    before = tree(out)
    broken = write_csv(tmp_path / "broken.csv", [profile_data(id="hillside", school_name="Renamed"),
                                                 profile_data(id="meadow-high", base_url="http://meadow.example")])
    code, stdout, stderr = run("--schools", broken, "--out", out, "--content", content_dir)
    assert code == 1 and stdout == ""
    assert f"{broken.as_posix()}:3: field 'base_url': row 2: must start with https://" in stderr
    assert "nothing was written" in stderr and "Traceback" not in stderr
    assert tree(out) == before


def test_a_template_error_midway_exits_1_and_leaves_earlier_output_untouched(
        tmp_path: Path, content_dir: Path, schools_csv: Path) -> None:
    out = tmp_path / "out"
    assert run("--schools", schools_csv, "--out", out, "--content", content_dir, "--quiet")[0] == 0
    before = tree(out)
    templates = tmp_path / "templates"
    templates.mkdir()
    # Fails only for the second school, after the first has been built.
    (templates / "text.txt.j2").write_text("{{ piece.headline }}\n{% if school.name == 'Meadow High' %}"
                                           "{{ school.missing }}{% endif %}\n", encoding="utf-8")
    code, _, stderr = run("--schools", schools_csv, "--out", out, "--content", content_dir, "--templates",
                          templates, "--quiet")
    assert code == 1
    assert re.search(r"templates/text\.txt\.j2:2: undefined variable: .*missing", stderr), stderr
    assert tree(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_an_unwritable_out_folder_exits_2_with_a_clear_message(tmp_path: Path, content_dir: Path,
                                                                profile_file: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("earlier")
    code, _, stderr = run("--school", profile_file, "--out", blocker / "out", "--content", content_dir)
    assert code == 2
    assert stderr.startswith("error: cannot write to") and "Fix:" in stderr and "Traceback" not in stderr
    assert blocker.read_text() == "earlier"


@pytest.mark.parametrize("args", [
    [],
    ["--out", "x"],
    ["--school", "a.yml", "--schools", "b.csv", "--out", "x"],
    ["--school", "{profile}", "--out", "x", "--length", "huge"],
    ["--school", "{profile}", "--out", "x", "--band", "5-9"],
    ["--school", "{profile}", "--out", "x", "--term", "2027-13-01", "--weeks", "3"],
    ["--school", "{profile}", "--out", "x", "--weeks", "3"],
    ["--school", "{profile}", "--out", "x", "--term", "2027-01-04"],
    ["--school", "{profile}", "--out", "x", "--term", "2027-01-04", "--weeks", "3", "--skip", "2027-06-01"],
    ["--school", "{profile}", "--out", "x", "--topic", "no-such-topic"],
    ["--school", "missing.yml", "--out", "x"],
    ["--school", "{profile}", "--out", "x", "--templates", "no-such-folder"],
    ["--school", "{profile}", "--out", "x", "--content", "no-such-folder"],
])
def test_bad_usage_exits_2(tmp_path: Path, content_dir: Path, profile_file: Path, args: list[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = [arg.replace("{profile}", str(profile_file)) for arg in args]
    if "--content" not in args:
        args += ["--content", str(content_dir)]
    code, stdout, stderr = run(*args)
    assert code == 2, stderr
    assert "Traceback" not in stderr and stderr.strip()
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--schools FILE.csv" in capsys.readouterr().out


def test_content_errors_exit_1(tmp_path: Path, profile_file: Path) -> None:
    from tests.newsletters.factory import snippet, write_content, write_yaml

    content = write_content(tmp_path)
    broken = snippet("live-streaming", "7-11")
    broken["band"] = "7-12"
    write_yaml(content / "snippets" / "live-streaming" / "live-streaming-7-11.yml", broken)
    code, _, stderr = run("--school", profile_file, "--out", tmp_path / "out", "--content", content)
    assert code == 1 and "field 'band'" in stderr and not (tmp_path / "out").exists()


def test_the_quality_gate_refuses_to_write_when_content_has_errors(
        tmp_path: Path, content_dir: Path, profile_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Finding:
        def __init__(self, severity: str, text: str) -> None:
            self.severity, self.text = severity, text

        def __str__(self) -> str:
            return self.text

    calls = []

    def run_checks(library, *, today, ci):
        calls.append((today, ci))
        return [Finding("warning", "a warning"), Finding("error", "content/snippets/x.yml:3: field 'body': blaming")]

    fake = types.ModuleType("onlinesafety.checks")
    fake.run_checks = run_checks
    monkeypatch.setitem(sys.modules, "onlinesafety.checks", fake)
    code, _, stderr = run("--school", profile_file, "--out", tmp_path / "out", "--content", content_dir)
    assert code == 1 and calls
    assert "content/snippets/x.yml:3: field 'body': blaming" in stderr and "a warning" not in stderr
    assert "1 content error found by the quality gate" in stderr
    assert not (tmp_path / "out").exists()


def test_the_command_line_entry_point_prints_no_traceback(tmp_path: Path, content_dir: Path) -> None:
    bad = write_profile(tmp_path / "school.yml", brand_colour="red")
    result = subprocess.run([sys.executable, str(ROOT / "build_newsletters.py"), "--school", str(bad), "--out",
                             str(tmp_path / "out"), "--content", str(content_dir)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1
    assert "school.yml:" in result.stderr and "field 'brand_colour'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_progress_bar_is_hidden_when_stderr_is_not_a_terminal(tmp_path: Path, content_dir: Path,
                                                                   schools_csv: Path) -> None:
    code, out, err = run("--schools", schools_csv, "--out", tmp_path / "out", "--content", content_dir)
    assert code == 0 and err == "" and out.startswith("wrote ")


def test_the_progress_bar_shows_on_a_terminal(tmp_path: Path, content_dir: Path, schools_csv: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stderr = Terminal()
    code = main(["--schools", str(schools_csv), "--out", str(tmp_path / "out"), "--content", str(content_dir)],
                stdout=io.StringIO(), stderr=stderr)
    shown = stderr.getvalue()
    assert code == 0 and "Building:" in shown and "/3 [" in shown and "school/s" in shown


def test_the_shipped_content_builds_for_a_school_in_every_region(tmp_path: Path) -> None:
    from onlinesafety.loading import load_library

    library = load_library(ROOT / "content")
    rows = [profile_data(id=f"school-{region}", region=region, bands=["4-7", "7-11", "11-14", "14-18"],
                         base_url="https://www.example-primary-school.sch.uk/online-safety")
            for region in sorted(library.regions)]
    schools = write_csv(tmp_path / "schools.csv", rows)
    code, _, stderr = run("--schools", schools, "--out", tmp_path / "out", "--content", ROOT / "content",
                          "--length", "medium", "--format", "text", "social", "--quiet")
    assert code == 0, stderr
    posts = list((tmp_path / "out").rglob("social-short.txt"))
    assert len(posts) == len(library.snippets) * len(library.regions)
    assert max(len(post.read_text().strip()) for post in posts) <= 280
