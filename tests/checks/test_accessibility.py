"""Accessible content: alt text, link text, bare URLs and heading order, in pages and text blocks."""

from __future__ import annotations

import pytest

from tests.checks.builders import Tree, only, where

PAGE = "content/pages/staff/guide.md"


def page_with(tree: Tree, body: str) -> str:
    return tree.page("staff/guide.md", "# Guide\n\nIntro line.\n\n" + body + "\n")


@pytest.mark.parametrize("markdown", ["![](camera.png)", "![image](camera.png)", "![camera.png](camera.png)",
                                      '<img src="camera.png">'])
def test_an_image_without_useful_alt_text_fails_at_its_line(tree: Tree, markdown: str) -> None:
    page_with(tree, "Some words.\n\n" + markdown)
    assert where(only(tree.check(), "a11y/image-alt")) == [(PAGE, tree.line_of(PAGE, markdown), "a11y/image-alt")]


def test_an_image_with_descriptive_alt_text_passes(tree: Tree) -> None:
    page_with(tree, "![A tablet with a sticky note over its camera](camera.png)")
    assert only(tree.check(), "a11y/image-alt") == []


@pytest.mark.parametrize("markdown", ["[click here](https://www.childline.org.uk)", "For help, [here](help.md).",
                                      "[Read more](help.md)", "[https://www.iwf.org.uk](https://www.iwf.org.uk)"])
def test_vague_or_url_link_text_fails(tree: Tree, markdown: str) -> None:
    page_with(tree, markdown)
    assert where(only(tree.check(), "a11y/link-text")) == [(PAGE, tree.line_of(PAGE, markdown), "a11y/link-text")]


def test_descriptive_link_text_passes(tree: Tree) -> None:
    page_with(tree, "Read [the Childline website](https://www.childline.org.uk) together.")
    assert only(tree.check(), "a11y/link-text") == []


def test_a_bare_url_in_a_text_block_fails_at_its_line(tree: Tree) -> None:
    lesson = tree.lesson_4_7()
    lesson["safeguarding"]["signposting"] = "Tell a trusted adult, or go to https://www.childline.org.uk today."
    path = tree.lesson(lesson)
    found = only(tree.check(), "a11y/bare-url")
    assert where(found) == [(path, tree.line_of(path, "https://www.childline"), "a11y/bare-url")]
    assert found[0].excerpt == "https://www.childline.org.uk" and found[0].field == "safeguarding.signposting"


def test_an_autolink_is_a_bare_url_but_a_named_link_is_not(tree: Tree) -> None:
    page_with(tree, "See <https://www.iwf.org.uk/report>.\n\nSee [the IWF's reporting page](https://www.iwf.org.uk/report).")
    assert where(only(tree.check(), "a11y/bare-url")) == [(PAGE, tree.line_of(PAGE, "See <https"), "a11y/bare-url")]


def test_a_skipped_heading_level_fails(tree: Tree) -> None:
    page_with(tree, "## Before\n\nText.\n\n#### Too deep\n\nText.")
    found = only(tree.check(), "a11y/heading-skip")
    assert where(found) == [(PAGE, tree.line_of(PAGE, "#### Too deep"), "a11y/heading-skip")]
    assert "level 4 after level 2" in found[0].message


def test_a_page_body_starting_at_level_3_skips_a_level(tree: Tree) -> None:
    path = tree.page("staff/guide.md", "### Starts too deep\n\nText.\n")
    assert where(only(tree.check(), "a11y/heading-skip")) == [(path, tree.line_of(path, "###"), "a11y/heading-skip")]


def test_headings_in_order_and_headings_in_code_pass(tree: Tree) -> None:
    page_with(tree, "## Before\n\n### Tell the DSL\n\n## After\n\n```\n#### not a heading\n```")
    assert only(tree.check(), "a11y/heading-skip") == []
