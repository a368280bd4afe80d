"""`translations stamp` records the English a translation now matches, changing nothing else;
`translations status` lists what is out of date and what is not translated."""

from __future__ import annotations

from pathlib import Path

from onlinesafety.cli.main import main
from onlinesafety.loading import load_library
from tests.translations.factory import GUIDE, target, translated_content


def test_stamp_brings_an_out_of_date_translation_up_to_date_and_touches_only_the_hash(tmp_path: Path, capsys) -> None:
    content = translated_content(tmp_path, kinds=("parent_guide",))
    path = target(content, GUIDE, "pl")
    right = load_library(content).translations["pl"].info[("parent_guide", "live-streaming")].current_hash
    stale = path.read_text(encoding="utf-8").replace(f"source_hash: {right}", 'source_hash: "000000000000"')
    path.write_text(stale, encoding="utf-8")
    assert load_library(content).translations["pl"].info[("parent_guide", "live-streaming")].out_of_date
    assert main(["--content", str(content), "translations", "status"]) == 0
    assert "1 out of date" in capsys.readouterr().out
    assert main(["--content", str(content), "translations", "stamp", str(path)]) == 0
    assert f"stamped {right}" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == stale.replace("000000000000", right)  # the quotes stay
    assert not load_library(content).translations["pl"].info[("parent_guide", "live-streaming")].out_of_date


def test_status_lists_untranslated_items(tmp_path: Path, capsys) -> None:
    content = translated_content(tmp_path, kinds=("parent_guide",))
    assert main(["--content", str(content), "translations", "status"]) == 0
    out = capsys.readouterr().out
    assert "pl Polish (Polski): 1 translated, 0 reviewed, 0 out of date" in out
    assert "not translated: parent_guide permanent-records" in out
    assert "not translated: parent_guide live-streaming" not in out


def test_stamp_refuses_a_missing_file(tmp_path: Path, capsys) -> None:
    content = translated_content(tmp_path, kinds=())
    assert main(["--content", str(content), "translations", "stamp", str(tmp_path / "nope.pl.yml")]) == 2
    assert "no such file" in capsys.readouterr().err
