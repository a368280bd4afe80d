"""build_newsletters.py --language and --bilingual, on the shipped content with translation files beside it
(tests/translations/factory.py: a made-up Polish or Urdu translation of one snippet, guide, region and page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.newsletters.test_cli import ROOT, run, tree
from tests.translations.factory import translated_content

SCHOOL = ROOT / "examples" / "school.yml"  # region uk, ages 4-7 and 7-11
PIECE = Path("hillside-primary") / "live-streaming-7-11"


@pytest.fixture(scope="module")
def urdu(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return translated_content(tmp_path_factory.mktemp("urdu"), "ur")


def test_bilingual_urdu_from_translation_files(tmp_path: Path, urdu: Path) -> None:
    code, out, err = run("--school", SCHOOL, "--content", urdu, "--out", tmp_path / "out", "--language", "ur",
                         "--bilingual")
    assert (code, err) == (0, "")
    assert "are not translated into Urdu yet and were left out" in out
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert {path.split("/")[1] for path in written if path.count("/") > 1} == {"live-streaming-7-11"}
    text = (tmp_path / "out" / PIECE / "long" / "text.txt").read_text(encoding="utf-8")
    assert text.index("اردو میں: ") > text.index("If you are worried about a child")  # English first
    assert "https://www.hillside-primary.example/online-safety/ur/parents/live-streaming/#ages-7-11" in text
    assert "https://www.hillside-primary.example/online-safety/ur/help/uk/" in text
    email = (tmp_path / "out" / PIECE / "long" / "email.html").read_text(encoding="utf-8")
    assert 'lang="ur" dir="rtl"' in email


def test_two_language_runs_are_byte_identical(tmp_path: Path, urdu: Path) -> None:
    args = ("--school", SCHOOL, "--content", urdu, "--quiet", "--language", "ur", "--bilingual",
            "--term", "2027-01-04", "--weeks", "3")
    assert run(*args, "--out", tmp_path / "one")[0] == 0
    assert run(*args, "--out", tmp_path / "two")[0] == 0
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two and len(one) > 10


def test_language_choices_that_cannot_work_are_usage_errors(tmp_path: Path, urdu: Path) -> None:
    base = ("--school", SCHOOL, "--content", urdu, "--out", tmp_path / "out")
    code, _, err = run(*base, "--bilingual")
    assert code == 2 and "--bilingual needs --language CODE" in err
    code, _, err = run(*base, "--language", "xx")
    assert code == 2 and "--language xx: no such language" in err and "use one of: ur" in err
    code, _, err = run(*base, "--language", "en")
    assert code == 2 and "leave out --language for English only" in err
    assert not (tmp_path / "out").exists()


def test_a_language_without_a_translated_piece_is_a_usage_error(tmp_path: Path) -> None:
    content = translated_content(tmp_path, "pl", kinds=("parent_guide",))
    code, _, err = run("--school", SCHOOL, "--content", content, "--out", tmp_path / "out", "--language", "pl")
    assert code == 2 and "no newsletter piece has been translated into Polish yet" in err


def test_the_help_explains_the_language_options() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "--language CODE" in out and "--bilingual" in out and "English first" in out
