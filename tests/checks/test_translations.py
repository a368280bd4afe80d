"""The gate on translations: each rule has a translation that must fail it, and the faithful
translation (the English with a marker in front) passes them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlinesafety.checks import run_checks
from onlinesafety.checks.translations import check_translations
from onlinesafety.loading import load_library
from tests.translations.factory import GUIDE, target, translated_content

TODAY = __import__("datetime").date(2026, 12, 2)


def _rules(content: Path) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in check_translations(load_library(content)):
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_a_faithful_translation_passes_every_rule(tmp_path: Path) -> None:
    assert _rules(translated_content(tmp_path)) == {}
    assert _rules(translated_content(tmp_path / "ur", code="ur")) == {}


def _route(data, field, old, new):
    route = data["routes"]["childline-uk"]
    route[field] = route[field].replace(old, new)


@pytest.mark.parametrize(("kind", "change", "rule", "words"), [
    ("region", lambda d: d.update(intro=d["intro"].replace("999", "112")), "translation/numbers", "999"),
    ("region", lambda d: d.update(intro=d["intro"].replace("999", "۹۹۹")), "translation/numbers", "999"),
    ("region", lambda d: _route(d, "for", "Childline", "Linia dla dzieci"), "translation/service-names", "Childline"),
    ("parent_guide", lambda d: d.update(summary=d["summary"][:40] + "."), "translation/length", "times the English"),
    ("parent_guide", lambda d: d.update(summary=d["summary"] * 3), "translation/length", "times the English"),
    ("parent_guide", lambda d: d["home_checklist"].__setitem__(0, "Pornografia dziecięca: " + d["home_checklist"][0]),
     "translation/terminology", "pornografia dziecięca"),
    ("page", lambda d: d.update(body=d["body"].replace("](../help/index.md)", "](../pomoc.md)")), "translation/links",
     "../help/index.md"),
    ("snippet", lambda d: d["long"].update(body=d["long"]["body"] + " Zobacz www.example.org."), "translation/urls",
     "www.example.org"),
])
def test_each_rule_fails_its_fixture_on_the_right_line(tmp_path: Path, kind, change, rule, words) -> None:
    content = translated_content(tmp_path, kinds=(kind,), **{kind: change})
    found = _rules(content)
    assert rule in found, found
    finding = found[rule][0]
    assert words in finding.message or words in finding.excerpt, finding
    assert ".pl." in finding.path and finding.line > 1 and finding.fix, finding


def test_the_line_points_at_the_changed_field(tmp_path: Path) -> None:
    content = translated_content(tmp_path, kinds=("region",),
                                 region=lambda d: _route(d, "for", "Childline", "Linia dla dzieci"))
    finding = _rules(content)["translation/service-names"][0]
    line = target(content, "content/help/uk.yml", "pl").read_text(encoding="utf-8").split("\n")[finding.line - 1]
    assert "Linia dla dzieci" in line or line.strip().startswith("for:"), line
    assert finding.field == "routes.childline-uk.for"


def test_an_interface_string_that_loses_its_placeholder_fails(tmp_path: Path) -> None:
    content = translated_content(tmp_path, kinds=())
    path = content / "languages" / "pl.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Get help: {region}", "Pomoc: {kraj}"), encoding="utf-8")
    finding = _rules(content)["translation/placeholders"][0]
    assert finding.field == "strings.help_title" and finding.path == "content/languages/pl.yml"


def test_out_of_date_is_a_warning_that_does_not_fail_the_build(tmp_path: Path) -> None:
    content = translated_content(tmp_path, kinds=("parent_guide",))
    guide = content.parent / GUIDE
    guide.write_text(guide.read_text(encoding="utf-8").replace("Keep it simple.", "Keep it short."), encoding="utf-8")
    findings = [finding for finding in run_checks(load_library(content), today=TODAY, ci=True)
                if finding.rule.startswith("translation/")]
    assert [(finding.rule, finding.severity) for finding in findings] == [("translation/out-of-date", "warning")]
    assert "translations stamp content/parents/live-streaming.pl.yml" in findings[0].fix
