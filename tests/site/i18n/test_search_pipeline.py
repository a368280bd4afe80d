"""Site search keeps every language's words: no lunr trimmer or English stemmer in the pipeline."""

from __future__ import annotations

import re

from onlinesafety.site.search import pipeline_problems
from tests.conftest import ROOT


def test_the_sites_pipeline_keeps_other_languages_words():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pipeline = re.search(r"^\s+pipeline: \[(?P<names>[^\]]*)\]", text, re.M)
    assert pipeline is not None, "mkdocs.yml sets no search pipeline: Material's default depends on the theme language"
    assert pipeline_problems([name.strip() for name in pipeline["names"].split(",")]) == []


def test_lunrs_default_pipeline_is_refused():
    problems = pipeline_problems(["trimmer", "stopWordFilter", "stemmer"])
    assert len(problems) == 2 and "trimmer" in problems[0] and "stemmer" in problems[1]
    assert all(problem.startswith("mkdocs.yml: plugins: search: pipeline") for problem in problems)
