"""Every figure traceable (issue #12 point 5): what counts as a figure, both sides as tables and
properties; a figure not in content/evidence.yml fails at its file, line and field; pupil text for ages
4-7 and 7-11 carries no statistics."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onlinesafety.checks.evidence import quote_contains
from onlinesafety.checks.figures import find_figures
from tests.checks.builders import Tree, evidence_data, figure, only, where

# (text, [(figure words, core)])
FIGURES = [
    ("98% of them", [("98%", "98%")]),
    ("12.5 per cent of parents", [("12.5 per cent", "12.5 per cent")]),
    ("9 in 10 children", [("9 in 10", "9 in 10")]),
    ("one in five parents", [("one in five", "one in five")]),
    ("it found 2,082 images", [("2,082", "2,082")]),
    ("over 2,000 children", [("2,000", "2,000")]),
    ("nearly 85 million files", [("85 million", "85 million")]),
    ("nearly half a million Filipino children", [("half a million", "half a million")]),
    ("tens of thousands of children", [("tens of thousands", "tens of thousands")]),
    ("half of all children", [("half of all children", "half")]),
    ("the majority of children in the study", [("the majority of children", "the majority")]),
    ("chat logs from seven offenders", [("seven offenders", "seven")]),
    ("Those records involved 74 children.", [("74 children", "74")]),
    ("73% of content appeared on 16 dedicated forums", [("73%", "73%"), ("16 dedicated forums", "16")]),
    ("In 2021, 20 reports were made.", [("20 reports", "20")]),
    ("90% of children have been watched", [("90%", "90%")]),
    ("NEARLY 85 Million files", [("85 Million", "85 Million")]),  # searched in lower case, reported as written
    ("The Majority Of Children", [("The Majority Of Children", "The Majority")]),
    ("In İzmir, Seven Offenders", [("Seven Offenders", "Seven")]),  # a letter that lower-cases to two
]

NOT_FIGURES = [
    "Call Childline on 0800 1111.", "Ages 7-11, Year 6.", "Take 10 minutes.", "In 2017 the IWF looked.",
    "Aged 13 in 2018.", "Open 24/7.", "Visit https://example.org/100%25 now.", "Half the class stood up.",
    "Children aged 13 or under.",
    "It is for under-18s.", "Most 13-year-olds have a phone.", "Abuse went on for two years.",
    "In 2024 children were asked.", "Work in groups of 4 pupils.", "In a class of 30 pupils, ask.",
    "Sam and two friends play.", "Three children in the story go live.", "Sam has 12 followers.",
    "Step 3: end the call.", "Question 2 asks who can see.", "Call 999 in an emergency.",
    "Text 85258 for help.", "Lesson 2 follows on.", "Most people are kind.",
]


@pytest.mark.parametrize("text, expected", FIGURES)
def test_figures_are_recognised_with_their_core(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(found.text, found.core) for found in find_figures(text)] == expected


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_ages_durations_years_phone_numbers_and_numbering_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


NUMBER = st.integers(min_value=1, max_value=999)


@settings(max_examples=60, deadline=None)
@given(NUMBER, st.sampled_from(["%", " per cent", " percent"]), st.sampled_from(["", "About ", "In the study, "]))
def test_any_percentage_is_a_figure(number: int, unit: str, lead: str) -> None:
    [found] = find_figures(f"{lead}{number}{unit} of the images were shared.")
    assert found.core == f"{number}{unit}"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.sampled_from([
    "aged {n}", "{n}-year-olds", "under-{n}s", "under {n}", "ages {n} and over", "{n} or under", "over {n}s",
    "{n} minutes", "{n} hours", "{n} days", "{n} weeks", "{n} months", "{n} years", "step {n}", "question {n}",
    "slide {n}", "page {n}", "Year {n}", "{n}.", "{n})"]))
def test_ages_durations_and_numbering_are_never_figures(number: int, form: str) -> None:
    assert find_figures(f"Pupils {form.format(n=number)} talk about it with a trusted adult.") == []


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1900, max_value=2099), st.sampled_from(["children", "pupils", "young people"]))
def test_a_year_before_a_population_is_not_a_count(year: int, people: str) -> None:
    assert find_figures(f"In {year} {people} were asked what they do online.") == []


@settings(max_examples=40, deadline=None)
@given(st.from_regex(r"0[1-9]\d{2,3} \d{3,4}( \d{3,4})?", fullmatch=True))
def test_phone_numbers_are_not_figures(number: str) -> None:
    assert find_figures(f"Call {number} for help, any time.") == []


@settings(max_examples=60, deadline=None)
@given(NUMBER, st.sampled_from(["offenders", "victims", "cases", "reports", "files", "forums", "websites"]))
def test_any_count_of_what_research_counts_is_a_figure(number: int, noun: str) -> None:
    [found] = find_figures(f"The study found {number} {noun}.")
    assert found.core == str(number)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=500), st.sampled_from(["children", "pupils", "images", "videos", "girls"]))
def test_people_and_images_count_from_ten(number: int, noun: str) -> None:
    found = find_figures(f"The report names {number} {noun}.")
    assert [figure_.core for figure_ in found] == ([str(number)] if number >= 10 and not 1900 <= number <= 2099 else [])


@settings(max_examples=60, deadline=None)
@given(NUMBER, NUMBER)
def test_a_quote_matches_its_own_number_and_no_other(number: int, other: int) -> None:
    quote = f"the study found that {number}% of images were shared again"
    assert quote_contains(quote, f"{number}%")
    assert quote_contains(quote, f"{other}%") == (other == number)


# --- evidence/figure-not-in-evidence -------------------------------------------------------------------

IWF_QUOTE = "98% of images found were of children aged 13 and under"


def lesson_with_teacher_note(tree: Tree, note: str, *, band: str = "11-14") -> str:
    lesson = tree.lesson_4_7(id=f"live-streaming-{band}", band=band, sources=["test-source"])
    lesson["activities"][1]["teacher_notes"] = note
    return tree.lesson(lesson)


def test_a_figure_that_no_evidence_quote_holds_fails_at_its_line(tree: Tree) -> None:
    """The issue's example: the item cites a source, so evidence/uncited-figure passes; this rule does not."""
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    path = lesson_with_teacher_note(tree, "Background: the study found that 90% of children have been watched.")
    findings = tree.check()
    assert only(findings, "evidence/uncited-figure") == []
    found = only(findings, "evidence/figure-not-in-evidence")
    assert where(found) == [(path, tree.line_of(path, "90% of children"), "evidence/figure-not-in-evidence")]
    assert found[0].field == "activities[1].teacher_notes" and "content/evidence.yml" in found[0].fix


def test_a_figure_an_evidence_quote_holds_passes_in_other_words(tree: Tree) -> None:
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    lesson_with_teacher_note(tree, "Background: in the IWF study, 98% showed a child aged 13 or under.")
    assert only(tree.check(), "evidence/figure-not-in-evidence") == []


def test_number_words_and_per_cent_match_the_quote(tree: Tree) -> None:
    tree.write("content/evidence.yml", evidence_data(
        figure(source_quote=IWF_QUOTE),
        figure(id="offenders", value="7", statement="Seven offenders.",
               source_quote="This study analysed chat logs from seven offenders")))
    lesson_with_teacher_note(tree, "The study read the logs of 7 offenders; 98 per cent were 13 or under.")
    assert only(tree.check(), "evidence/figure-not-in-evidence") == []


@pytest.mark.parametrize("where_it_is", ["parent guide", "page", "snippet"])
def test_every_kind_of_text_is_checked(tree: Tree, where_it_is: str) -> None:
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    claim = "One in three children have seen this."
    if where_it_is == "parent guide":
        path = tree.parent_guide(summary=claim)
    elif where_it_is == "page":
        path = tree.page("staff/figures.md", f"# Figures\n\n{claim}\n", sources=["test-source"])
    else:
        path = tree.snippet(long={"headline": "Live streams", "body": claim, "call_to_action": "Read our guide."})
    found = only(tree.check(), "evidence/figure-not-in-evidence")
    assert where(found) == [(path, tree.line_of(path, "One in three"), "evidence/figure-not-in-evidence")]


def test_an_evidence_statement_must_match_its_own_quote(tree: Tree) -> None:
    """Another entry's quote holding the number is not enough: a statement speaks for its own source."""
    path = tree.write("content/evidence.yml", evidence_data(
        figure(source_quote=IWF_QUOTE),
        figure(id="girls", value="96%", statement="96% of the children were girls, and 98% were at home.",
               source_quote="96% of victims were girls.")))
    found = only(tree.check(), "evidence/figure-not-in-evidence")
    assert where(found) == [(path, tree.line_of(path, "96% of the children were girls"),
                             "evidence/figure-not-in-evidence")]
    assert found[0].excerpt == "98%" and found[0].field == "figures[1].statement"


def test_an_entry_whose_value_is_not_in_its_quote_vouches_for_nothing(tree: Tree) -> None:
    tree.write("content/evidence.yml", evidence_data(figure(value="95%", source_quote=IWF_QUOTE)))
    lesson_with_teacher_note(tree, "The study found that 98% were 13 or under.")
    assert len(only(tree.check(), "evidence/figure-not-in-evidence")) >= 1


# --- evidence/pupil-statistic ---------------------------------------------------------------------------

def pupil_text(tree: Tree, text: str, band: str) -> str:
    lesson = tree.lesson_4_7(id=f"live-streaming-{band}", band=band, sources=["test-source"])
    lesson["activities"][1]["pupil_material"] = text
    return tree.lesson(lesson)


@pytest.mark.parametrize("band", ["4-7", "7-11"])
@pytest.mark.parametrize("text", ["98% of children in the study were 13 or under.", "One in five children saw it.",
                                  "The study found 74 children."])
def test_primary_pupil_text_carries_no_statistics_even_from_evidence(tree: Tree, band: str, text: str) -> None:
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    path = pupil_text(tree, text, band)
    found = only(tree.check(), "evidence/pupil-statistic")
    assert where(found) == [(path, tree.line_of(path, text[:12]), "evidence/pupil-statistic")]
    assert found[0].field == "activities[1].pupil_material"


@pytest.mark.parametrize("band", ["11-14", "14-18"])
def test_secondary_pupil_text_may_carry_an_evidence_figure(tree: Tree, band: str) -> None:
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    pupil_text(tree, "In one study, 98% of the children were 13 or under.", band)
    findings = tree.check()
    assert only(findings, "evidence/pupil-statistic") == [] and only(findings, "evidence/figure-not-in-evidence") == []


def test_primary_pupil_text_without_figures_passes(tree: Tree) -> None:
    pupil_text(tree, "Sam is 8. Sam and two friends end the call after 5 minutes and tell a grown-up.", "7-11")
    assert only(tree.check(), "evidence/pupil-statistic") == []


# --- figures written into templates -------------------------------------------------------------------

def template(tree: Tree, name: str, text: str) -> str:
    return tree.write_text(f"templates/site/{name}", text)


def test_a_figure_in_a_template_that_evidence_does_not_hold_fails_at_its_line(tree: Tree) -> None:
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    path = template(tree, "home.md.j2", "# {{ title }}\n\nA study found that 98% were 13 or under.\n\n"
                                        "It also found that 90% of children were alone.\n")
    found = only(tree.check(), "evidence/figure-not-in-evidence")
    assert where(found) == [(path, 5, "evidence/figure-not-in-evidence")] and found[0].excerpt == "90%"


@pytest.mark.parametrize("text", [
    '<div style="width: 100%">{{ body }}</div>\n',
    "{{ '{:.0%}'.format(share) }} {# 50% of nothing #}\n",
    "<style>\n.bar { width: 75%; }\n</style>\nA study found that 98% were 13 or under.\n",
    "{% if count > 1,000 %}many{% endif %}\n"])
def test_styles_tags_and_jinja_in_templates_are_not_figures(tree: Tree, text: str) -> None:
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    template(tree, "page.html.j2", text)
    assert only(tree.check(), "evidence/figure-not-in-evidence") == []


def test_a_templates_folder_readme_is_maintainers_documentation_not_a_page(tree: Tree) -> None:
    """Limits written in templates/newsletter/README.md ("1,048,576 characters") are not findings; the same
    line in a template is."""
    tree.write("content/evidence.yml", evidence_data(figure(source_quote=IWF_QUOTE)))
    tree.write_text("templates/newsletter/README.md", "A value may hold 1,048,576 characters.\n")
    assert only(tree.check(), "evidence/figure-not-in-evidence") == []
    path = tree.write_text("templates/newsletter/email.html.j2", "<p>A value may hold 1,048,576 characters.</p>\n")
    assert where(only(tree.check(), "evidence/figure-not-in-evidence")) == [(path, 1, "evidence/figure-not-in-evidence")]
