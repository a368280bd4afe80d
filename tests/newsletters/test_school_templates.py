"""A school's own templates (--templates) are untrusted: every runaway or broken template stops with the
template's file and line, exit 1, within the stated bounds (sandbox.py), and nothing is written."""

from __future__ import annotations

import contextlib
import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onlinesafety.newsletters.cli import main
from onlinesafety.newsletters.sandbox import MAX_OUTPUT_CHARS, TEMPLATE_CPU_SECONDS

ROOT = Path(__file__).resolve().parents[2]
# CPU time the run itself needs besides the template (loading content, rendering our pieces): generous
RUN_CPU_SECONDS = 6.0
HANG_SECONDS = 120  # a hang guard only; the bound asserted is CPU time

FIRST_LINE = "{{ piece.headline }}\n"  # so that the fault is on line 2 and the line number is checked

RUNAWAY = {
    "range": ("{% for i in range(10**9) %}x{% endfor %}", "a number or range in the template is too big"),
    "recursive macro": ("{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}",
                        "the template calls itself without end"),
    "extends itself": ('{% extends "text.txt.j2" %}', "the template calls itself without end"),
    "includes itself": ('{% include "text.txt.j2" %}', "the template calls itself without end"),
    "bad filter argument": ('{{ piece.headline|truncate("ten") }}', "the template stopped with an error (TypeError"),
    "nested loops": ("{% for i in range(100000) %}{% for j in range(100000) %}{% for k in range(100000) %}"
                     "{% endfor %}{% endfor %}{% endfor %}",
                     f"the template ran for more than {TEMPLATE_CPU_SECONDS:g} seconds of computer time"),
    "huge power": ("{{ 2 ** 100000000 }}", "the power 2 ** 100000000 is too large"),
    "repeated huge power": ("{{ (2 ** 4000) * (2 ** 4000) }}", "the template made a number of more than 4096 bits"),
    "string repetition": ('{{ "x" * 200000000 }}', "the template made a value of 200,000,000 characters"),
    "doubling with ~": ('{% set ns = namespace(s="xx") %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}'
                        "{% endfor %}{{ ns.s }}", "the template made a value of 2,097,152 characters"),
    "doubling with +": ('{% set ns = namespace(s=["x"]) %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}'
                        "{% endfor %}{{ ns.s|length }}", "the template made a value of 2,097,152 characters"),
    "padding filter": ('{{ "x"|center(1000000000) }}', "the template made a value of 1,000,000,000 characters"),
    "padding method": ('{{ "x".ljust(1000000000) }}', "the template made a value of 1,000,000,000 characters"),
    "format width": ('{{ "{:>999999999}".format(1) }}', "the template made a value of 999,999,999 characters"),
    "printf width": ('{{ "%0999999999d" % 1 }}', "the template made a value of 999,999,999 characters"),
    "join": ('{{ range(100000)|join("x" * 1000000) }}', "the template made a value of 100,000,000,000 characters"),
    "replace": ('{{ ("x" * 1000000).replace("", "y" * 1000000) }}', "the template made a value of 1,000,001,000,000 characters"),
    "output size": ('{% for i in range(2000) %}{{ "x" * 1000 }}{% endfor %}',
                    f"the template's output is over {MAX_OUTPUT_CHARS:,} characters"),
}


@contextlib.contextmanager
def hang_guard(seconds: int):
    """Fail the test after `seconds` of wall time (SIGALRM: the run must stay in the main thread, where the
    CPU-time limit under test works)."""
    def hung(signum, frame):
        raise AssertionError(f"still running after {seconds} s: treated as a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(*args: str | Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main([str(arg) for arg in args], stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.mark.parametrize("case", list(RUNAWAY))
def test_a_runaway_or_broken_school_template_stops_with_its_file_and_line(
        tmp_path: Path, content_dir: Path, profile_file: Path, case: str) -> None:
    source, says = RUNAWAY[case]
    templates = tmp_path / "school-templates"
    templates.mkdir()
    (templates / "text.txt.j2").write_text(FIRST_LINE + source + "\n", encoding="utf-8")
    out = tmp_path / "out"
    cpu, wall = time.process_time(), time.monotonic()
    with hang_guard(HANG_SECONDS):
        code, stdout, stderr = run("--school", profile_file, "--out", out, "--content", content_dir,
                                   "--templates", templates, "--format", "text", "--length", "short")
    cpu = time.process_time() - cpu
    assert code == 1 and stdout == "", stderr
    line = 1 if case == "output size" else 2  # the output's size is the whole template's, not a line's
    assert f"{(templates / 'text.txt.j2').as_posix()}:{line}: {says}" in stderr, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr
    assert "1 template error found; nothing was written." in stderr
    assert cpu < TEMPLATE_CPU_SECONDS + RUN_CPU_SECONDS, f"{case}: {cpu:.1f} s of CPU time"
    assert not out.exists() or not any(out.iterdir())


def test_a_binary_file_as_a_template_is_named(tmp_path: Path, content_dir: Path, profile_file: Path) -> None:
    templates = tmp_path / "school-templates"
    templates.mkdir()
    (templates / "text.txt.j2").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    code, _, stderr = run("--school", profile_file, "--out", tmp_path / "out", "--content", content_dir,
                          "--templates", templates, "--format", "text")
    assert code == 1
    assert f"{(templates / 'text.txt.j2').as_posix()}:1: the template is not UTF-8 text" in stderr, stderr


def test_a_fault_in_a_template_the_school_includes_names_that_file(tmp_path: Path, content_dir: Path,
                                                                  profile_file: Path) -> None:
    templates = tmp_path / "school-templates"
    templates.mkdir()
    (templates / "text.txt.j2").write_text('{{ piece.headline }}\n{% include "footer.j2" %}\n', encoding="utf-8")
    (templates / "footer.j2").write_text("Thanks\n\n{{ 10 ** 100000 }}\n", encoding="utf-8")
    code, _, stderr = run("--school", profile_file, "--out", tmp_path / "out", "--content", content_dir,
                          "--templates", templates, "--format", "text")
    assert code == 1
    assert f"{(templates / 'footer.j2').as_posix()}:3: the power 10 ** 100000 is too large" in stderr, stderr


def test_an_oversize_email_from_the_schools_template_blames_the_template(
        tmp_path: Path, content_dir: Path, profile_file: Path) -> None:
    templates = tmp_path / "school-templates"
    templates.mkdir()
    (templates / "email.html.j2").write_text(
        "<!DOCTYPE html>\n<html><body><h1>{{ piece.headline }}</h1>\n"
        "{% for i in range(3000) %}<p>Our school news, repeated far too often.</p>{% endfor %}\n</body></html>\n",
        encoding="utf-8")
    code, _, stderr = run("--school", profile_file, "--out", tmp_path / "out", "--content", content_dir,
                          "--templates", templates, "--format", "email", "--length", "short")
    assert code == 1
    assert f"{(templates / 'email.html.j2').as_posix()}:1: the email is" in stderr, stderr
    assert "with this template and the piece in" in stderr and "make the template shorter" in stderr
    assert "snippets/" not in stderr.split(": the email is")[0]


def test_ordinary_school_templates_still_work_within_the_limits(tmp_path: Path, content_dir: Path,
                                                                profile_file: Path) -> None:
    templates = tmp_path / "school-templates"
    templates.mkdir()
    (templates / "text.txt.j2").write_text(
        '{{ piece.headline|upper }}\n{{ "=" * 40 }}\n{% for line in piece.body_text.split("\\n") %}{{ line|trim }}\n'
        '{% endfor %}{{ ["From", school.name]|join(" ") ~ "." }} {{ 2 ** 10 }} {{ "%5d" % 7 }}\n', encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = run("--school", profile_file, "--out", out, "--content", content_dir, "--templates", templates,
                          "--format", "text", "--length", "short", "--quiet")
    assert code == 0, stderr
    text = next(out.rglob("text.txt")).read_text()
    assert "=" * 40 in text and "From Hillside" in text and "1024" in text and "    7" in text


def test_the_command_caps_its_memory_so_a_huge_template_value_is_a_memory_error() -> None:
    """sandbox.limit_memory, as build_newsletters.py uses it with --templates (here with 200 MB of headroom)."""
    script = ("from onlinesafety.newsletters.sandbox import limit_memory\n"
              "limit_memory(200 * 1024 ** 2)\n"
              "try:\n    value = 'x' * (1024 ** 3)\nexcept MemoryError:\n    print('stopped')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            check=False)
    assert (result.returncode, result.stdout) == (0, "stopped\n"), result.stderr
