"""Help pages open with who to contact by need, and every number on them can be tapped."""

from __future__ import annotations

import re
from typing import Any

import pytest

from onlinesafety import load_library
from onlinesafety.model.help_route import Need, Region
from onlinesafety.site import paths
from onlinesafety.site.help import help_fallbacks, keypad_digits, link_numbers, untapped_numbers
from onlinesafety.site.pages import generate_pages
from tests.conftest import ROOT
from tests.factories import region_data


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "content")


@pytest.fixture(scope="module")
def pages(library):
    return generate_pages(library)


def _route(**overrides: Any) -> dict[str, Any]:
    data = {"id": "line", "name": "Line", "operator": "Op", "needs": ["child-talk"], "for": "Any worry.",
            "anonymous": "yes", "phone": "0800 1111", "confidence": "confirmed", "source": "test-source",
            "last_verified": "2026-11-01"}
    return {**data, **overrides}


def _region(*routes: dict[str, Any]) -> Region:
    return Region.model_validate(region_data(routes=list(routes)))


def test_every_number_on_every_help_page_is_a_tel_link(library, pages):
    for region in library.regions_in_order():
        assert untapped_numbers(pages[paths.help_path(region)], region) == [], region.id


def test_a_help_page_with_a_plain_number_fails(library, pages):
    """The check above can fail: a sentence with the number as plain text is caught."""
    region = next(r for r in library.regions_in_order() if r.id == "uk")
    planted = pages[paths.help_path(region)].replace("## Who to contact", "Ring 0800 1111 or call 101.\n\n## Who to contact")
    assert untapped_numbers(planted, region) == ["0800 1111", "call 101"]


def test_every_text_line_is_an_sms_link_with_its_keyword(library, pages):
    lines = [(region, line) for region in library.regions_in_order() for route in region.routes for line in route.texts]
    assert lines, "the shipped help routes have text lines"
    for region, line in lines:
        page = pages[paths.help_path(region)]
        assert f"]({line.sms})" in page, (region.id, line.number)
        if line.keyword:
            assert f"[Text {line.keyword} to {line.number}]({line.sms})" in page


def test_each_help_page_lists_needs_before_the_details(library, pages):
    for region in library.regions_in_order():
        page = pages[paths.help_path(region)]
        who, details = page.index("## Who to contact"), page.index("## Each service in detail")
        assert who < details, region.id
        for need in (Need.CHILD_TALK, Need.PARENT_ADVICE, Need.REPORT_ABUSE, Need.REMOVE_IMAGE):
            heading = page.find(f"### {need.heading}")
            assert who < heading < details, (region.id, need.value)


def test_no_help_page_says_something_a_parent_cannot_act_on(library, pages):
    for region in library.regions_in_order():
        page = pages[paths.help_path(region)]
        assert "Not confirmed" not in page and "| Detail |" not in page, region.id


def test_the_us_page_lists_people_to_talk_to(library, pages):
    us = next(r for r in library.regions_in_order() if r.id == "us")
    talk = dict(us.by_need())[Need.CHILD_TALK]
    assert {route.id for route in talk} >= {"childhelp-hotline", "us-988"}
    section = pages[paths.help_path(us)].split(f"### {Need.CHILD_TALK.heading}")[1].split("###")[0]
    assert "tel:18004224453" in section and "tel:988" in section


def test_the_australian_page_does_not_list_kids_helpline_last(library, pages):
    au = next(r for r in library.regions_in_order() if r.id == "au")
    assert [route.id for route in au.routes].index("kids-helpline") == 1
    page = pages[paths.help_path(au)]
    details = page.split("## Each service in detail")[1]
    assert details.index("### Kids Helpline") < details.index("### ACCCE")


def test_an_old_source_copy_is_shown_as_old(library, pages):
    nz = next(r for r in library.regions_in_order() if r.id == "nz")
    page = pages[paths.help_path(nz)]
    youthline = page.split("### Youthline")[1].split("###")[0]
    assert "The copy of the source we checked was dated January 2012" in youthline


def test_a_need_no_service_meets_says_what_to_do_instead():
    region = _region(_route(needs=["report-abuse"]))
    fallbacks = help_fallbacks(region)
    assert set(fallbacks) == {"child-talk", "parent-advice", "remove-image"}
    assert "Designated Safeguarding Lead" in fallbacks["parent-advice"]
    assert help_fallbacks(_region(_route(needs=["child-talk", "parent-advice", "report-abuse", "remove-image"]))) == {}


@pytest.mark.parametrize(("text", "linked"), [
    ("Call 0800 1111 now.", "Call [0800 1111](tel:08001111) now."),
    ("call the police on 101, or 999", "call the police on [101](tel:101), or [999](tel:999)"),
    ("call 1-800-CALL-FBI today", "call [1-800-CALL-FBI](tel:18002255324) today"),
    ("you dial #163.", "you dial [#163](tel:%23163)."),
    ("ages 5 to 25, under 18, in 2015", "ages 5 to 25, under 18, in 2015"),
])
def test_link_numbers(text, linked):
    assert link_numbers(text, _region(_route())) == linked


def test_keypad_digits():
    assert keypad_digits("1-800-THE-LOST") == "18008435678"


def test_help_links_on_the_home_page_are_tel_links(pages):
    home = pages[paths.HOME]
    numbers = re.findall(r"\]\((tel:[^)]*)\)", home)
    assert "tel:999" in numbers and "tel:911" in numbers and "tel:08001111" in numbers
