"""Words and tone per audience: each list has a fixture that must fail and one that must pass."""

from __future__ import annotations

import pytest

from onlinesafety.checks.wording import load_word_lists
from tests.checks.builders import Tree, only, where

LESSON_4_7 = "content/lessons/4-7/live-streaming-4-7.yml"
LESSON_7_11 = "content/lessons/7-11/live-streaming-7-11.yml"
LESSON_11_14 = "content/lessons/11-14/live-streaming-11-14.yml"


def lesson_saying(tree: Tree, pupil: str, *, band: str = "4-7", teacher: str | None = None) -> str:
    lesson = tree.lesson_4_7(id=f"live-streaming-{band}", band=band)
    lesson["activities"][1]["pupil_material"] = pupil
    if teacher is not None:
        lesson["activities"][1]["teacher_notes"] = teacher
    return tree.lesson(lesson)


def test_every_entry_has_a_reason_a_source_and_a_fix() -> None:
    lists = load_word_lists()
    assert {word_list.rule for word_list in lists} == {
        "wording/terminology", "wording/victim-blaming", "wording/fear", "wording/hoax",
        "wording/band-unsuitable", "wording/platform-name"}
    for word_list in lists:
        for entry in word_list.entries:
            assert entry.reason and entry.source and entry.instead


# --- fear ---------------------------------------------------------------------------------------

def test_fear_language_in_pupil_text_fails_at_its_line(tree: Tree) -> None:
    path = lesson_saying(tree, "Bad people are watching you on the camera.")
    found = only(tree.check(), "wording/fear")
    assert where(found) == [(path, tree.line_of(path, "Bad people are watching"), "wording/fear")]
    assert found[0].severity == "error" and found[0].field == "activities[1].pupil_material"
    assert found[0].fix


@pytest.mark.parametrize("text", [
    "Predators are lurking in every game.", "Remember: stranger danger!", "Never go online without a grown-up.",
    "Someone is always watching you."])
def test_other_scare_phrases_fail(tree: Tree, text: str) -> None:
    lesson_saying(tree, text)
    assert len(only(tree.check(), "wording/fear")) == 1


# Added for issue #12 point 5: one fixture per new entry (each fails on the earlier list), and the calm or
# signposting wording near each that must still pass.
NEW_FEAR_PHRASES = {
    "hurt": ["Someone online wants to hurt you.", "Some people are trying to harm children.",
             "A person on a call could hurt you."],
    "watching now": ["Someone could be watching you right now.", "A stranger might be watching you.",
                     "Someone is watching."],
    "danger": ["You are in danger when you go live.", "Something bad will happen to you if you chat."],
    "monsters": ["There are scary people in games.", "Online monsters pretend to be children."],
    "abduction": ["They could take you away.", "Someone could come to your house and knock."],
}


@pytest.mark.parametrize("text", [text for texts in NEW_FEAR_PHRASES.values() for text in texts])
@pytest.mark.parametrize("band", ["4-7", "11-14"])
def test_new_fear_phrases_fail_in_pupil_text(tree: Tree, text: str, band: str) -> None:
    path = lesson_saying(tree, text, band=band)
    found = only(tree.check(), "wording/fear")
    assert where(found) == [(path, tree.line_of(path, text), "wording/fear")]
    assert found[0].severity == "error"


def test_each_new_fear_entry_has_its_own_failing_fixture() -> None:
    [fear] = [word_list for word_list in load_word_lists() if word_list.rule == "wording/fear"]
    new_entries = fear.entries[-len(NEW_FEAR_PHRASES):]
    for entry, texts in zip(new_entries, NEW_FEAR_PHRASES.values()):
        assert all(entry.regex.search(text) for text in texts), entry.reason
    earlier = fear.entries[:-len(NEW_FEAR_PHRASES)]
    caught_before = [text for texts in NEW_FEAR_PHRASES.values() for text in texts
                     if any(entry.regex.search(text) for entry in earlier)]
    assert caught_before == [], "these were caught before the new entries; pick fixtures only they catch"


@pytest.mark.parametrize("text", [
    "No one is allowed to hurt you.", "If you are in danger, call 999.", "You choose when the camera is on.",
    "People can pretend to be someone else.", "Tell a trusted adult if a call feels wrong.",
    "Sam's dog is watching Sam play."])
def test_calm_and_signposting_wording_near_the_new_entries_passes(tree: Tree, text: str) -> None:
    lesson_saying(tree, text)
    assert only(tree.check(), "wording/fear") == []


def test_new_fear_phrases_in_parent_text_are_reported(tree: Tree) -> None:
    path = tree.parent_guide(summary="Someone online could be watching your child right now. Talk together.")
    found = only(tree.check(), "wording/fear")
    assert where(found) == [(path, tree.line_of(path, "Someone online"), "wording/fear")]


def test_calm_camera_language_passes(tree: Tree) -> None:
    lesson_saying(tree, "A camera shows what is in front of it. You choose who you call.")
    assert only(tree.check(), "wording/fear") == []


def test_teacher_notes_may_name_framings_to_avoid(tree: Tree) -> None:
    lesson_saying(tree, "Sam ends the call.", teacher="Avoid stranger danger framing and talk about Sam.")
    assert only(tree.check(), "wording/fear") == []


def test_fear_language_in_parent_text_fails(tree: Tree) -> None:
    path = tree.parent_guide(summary="Bad people are everywhere online.")
    assert where(only(tree.check(), "wording/fear")) == [(path, tree.line_of(path, "summary:"), "wording/fear")]


# --- victim-blaming -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, excerpt", [
    ("It was your fault.", "your fault"),
    ("You should have told someone sooner.", "You should have told"),
    ("If you hadn't shared it, this would not happen.", "If you hadn't"),
    ("You shouldn't have gone live.", "You shouldn't have gone"),
    ("Why did you send it?", "Why did you send"),
])
def test_victim_blaming_in_pupil_text_fails(tree: Tree, text: str, excerpt: str) -> None:
    path = lesson_saying(tree, text)
    found = only(tree.check(), "wording/victim-blaming")
    assert where(found) == [(path, tree.line_of(path, text), "wording/victim-blaming")]
    assert found[0].excerpt == excerpt and found[0].severity == "error"


@pytest.mark.parametrize("text", [
    "It is never your fault.",
    "It is not your fault, and you will not be in trouble.",
    "It isn't your fault.",
    "It is not, and never will be, your fault.",
    "You should have a grown-up nearby when you call.",
    "If someone pressures you, it is their fault, not yours.",
    "Why did you choose that answer?",
])
def test_good_safeguarding_language_passes(tree: Tree, text: str) -> None:
    lesson_saying(tree, text, band="11-14")
    assert only(tree.check(), "wording/victim-blaming") == []


def test_parent_text_saying_it_is_not_their_fault_passes(tree: Tree) -> None:
    tree.parent_guide(summary="Stay calm. Tell your child it is not their fault.")
    assert only(tree.check(), "wording/victim-blaming") == []


def test_parent_text_quoting_what_not_to_say_passes(tree: Tree) -> None:
    tree.parent_guide(summary='Do not say "you should have told me sooner". Thank them for telling you.')
    assert only(tree.check(), "wording/victim-blaming") == []


def test_blame_in_teacher_notes_is_a_warning(tree: Tree) -> None:
    path = lesson_saying(tree, "Sam ends the call.", teacher="Tell pupils it was your fault if you shared it.")
    found = only(tree.check(), "wording/victim-blaming")
    assert [(f.path, f.severity) for f in found] == [(path, "warning")]


# --- terminology --------------------------------------------------------------------------------

def test_child_pornography_fails_everywhere(tree: Tree) -> None:
    path = lesson_saying(tree, "Sam ends the call.", band="14-18",
                         teacher="The law on child pornography protects young people.")
    found = only(tree.check(), "wording/terminology")
    assert where(found) == [(path, tree.line_of(path, "child pornography"), "wording/terminology")]
    assert found[0].severity == "error" and "child sexual abuse material" in found[0].fix


def test_the_right_term_and_a_quoted_mention_pass(tree: Tree) -> None:
    lesson_saying(tree, "Sam ends the call.", band="14-18",
                  teacher='We say "child sexual abuse material", not "child pornography". Use the first term.')
    assert only(tree.check(), "wording/terminology") == []


def test_sexting_and_self_generated_are_warnings(tree: Tree) -> None:
    path = lesson_saying(tree, "Sexting is risky. Self-generated images spread.", band="14-18")
    found = only(tree.check(), "wording/terminology")
    assert {(f.line, f.severity, f.excerpt) for f in found} == {
        (tree.line_of(path, "Sexting"), "warning", "Sexting"),
        (tree.line_of(path, "Sexting"), "warning", "Self-generated")}


# --- hoaxes -------------------------------------------------------------------------------------

def test_a_named_hoax_fails_in_any_audience(tree: Tree) -> None:
    # The name comes from the check's own list, so no hoax is named in the tests.
    hoax = next(word_list for word_list in load_word_lists() if word_list.rule == "wording/hoax")
    name = hoax.entries[0].phrases[0]
    path = tree.parent_guide(summary=f"You may have heard about {name}. Talk with your child.")
    found = only(tree.check(), "wording/hoax")
    assert where(found) == [(path, tree.line_of(path, "summary:"), "wording/hoax")]


def test_talking_about_dares_in_general_passes(tree: Tree) -> None:
    tree.parent_guide(summary="Some online dares and challenges can be risky. Talk with your child.")
    assert only(tree.check(), "wording/hoax") == []


# --- band-unsuitable ----------------------------------------------------------------------------

def test_abuse_words_in_primary_pupil_text_fail(tree: Tree) -> None:
    path = lesson_saying(tree, "Some people groom children online.", band="7-11")
    found = only(tree.check(), "wording/band-unsuitable")
    assert where(found) == [(LESSON_7_11, tree.line_of(path, "groom children"), "wording/band-unsuitable")]


def test_sexual_words_in_4_7_pupil_text_fail(tree: Tree) -> None:
    lesson_saying(tree, "Never send a naked picture.")
    assert len(only(tree.check(), "wording/band-unsuitable")) == 1


def test_the_same_words_pass_for_11_14_and_in_primary_teacher_notes(tree: Tree) -> None:
    lesson_saying(tree, "Some people groom children online.", band="11-14")
    lesson_saying(tree, "Sam ends the call.", band="7-11",
                  teacher="Do not describe grooming or abuse; keep to what Sam can do.")
    assert only(tree.check(), "wording/band-unsuitable") == []


def test_private_and_bedroom_are_fine_for_primary(tree: Tree) -> None:
    lesson_saying(tree, "Keep your body private. Calls happen in a shared room, not a bedroom.")
    assert only(tree.check(), "wording/band-unsuitable") == []


# --- app names ----------------------------------------------------------------------------------

def test_naming_an_app_in_pupil_text_fails(tree: Tree) -> None:
    path = lesson_saying(tree, "Sam goes live on YouTube.", band="11-14")
    assert where(only(tree.check(), "wording/platform-name")) == [
        (LESSON_11_14, tree.line_of(path, "YouTube"), "wording/platform-name")]


def test_describing_the_app_passes_and_parents_may_name_apps(tree: Tree) -> None:
    lesson_saying(tree, "Sam goes live on a video app.", band="11-14")
    tree.parent_guide(summary="Check the privacy settings on YouTube together.")
    assert only(tree.check(), "wording/platform-name") == []


# --- titles and names, which the model does not tag, are checked with the audience that sees them --

def test_an_activity_title_is_pupil_text(tree: Tree) -> None:
    lesson = tree.lesson_4_7()
    lesson["activities"][1]["title"] = "Stranger danger"
    path = tree.lesson(lesson)
    found = only(tree.check(), "wording/fear")
    assert where(found) == [(path, tree.line_of(path, "title: Stranger danger"), "wording/fear")]
    assert found[0].field == "activities[1].title"


def test_a_page_description_is_checked_for_its_audience(tree: Tree) -> None:
    path = tree.page("parents/scary.md", "# Help\n\nText.\n", audience="parent-facing",
                     description="Predators are lurking online: what parents must know.")
    assert where(only(tree.check(), "wording/fear")) == [
        (path, tree.line_of(path, "description:"), "wording/fear")]


# --- the quick first pass gives the same answers as ignoring case ---------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from onlinesafety.checks.wording import FirstPass, lowered_for_search  # noqa: E402
from onlinesafety.model import Audience, Band  # noqa: E402

_LISTED = ["STRANGER", "Bad People", "naïve", "Self-Generated", "your own FAULT", "kill yourself"]
_TEXT = st.lists(st.one_of(st.sampled_from(_LISTED), st.text(alphabet="aAsSkKiIſİıK \u2013-'.,", max_size=12)),
                 max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_first_pass_finds_what_ignoring_case_finds(text: str) -> None:
    for word_list in load_word_lists():
        for audience in Audience:
            for band in (None, *Band):
                first_pass = word_list.first_pass(audience, band)
                if first_pass is None:
                    continue
                expected = first_pass.ignoring_case.search(text) is not None
                assert first_pass.search(text, lowered_for_search(text)) == expected, (word_list.rule, text)


def test_text_with_letters_that_lower_case_oddly_is_searched_ignoring_case() -> None:
    # Ignoring case, the long s matches "s" and the dotted capital I matches "i"; lower-casing loses both.
    first_pass = FirstPass(r"\bstrangers?\b|\bthis\b")
    for text in ("a ſtranger", "THİS"):
        assert lowered_for_search(text) is None
        assert first_pass.search(text, lowered_for_search(text))
        assert first_pass.lower_case is not None and not first_pass.lower_case.search(text.lower())


def test_a_pattern_with_capitals_or_flags_of_its_own_always_ignores_case() -> None:
    assert FirstPass(r"\bCEOP\b").lower_case is None
    assert FirstPass(r"(?-i:Ab)c").lower_case is None
    assert FirstPass(r"(?<![\w-])stranger(?!\w)\S").lower_case is not None
