"""Help route fields a worried reader relies on: needs, dialable numbers, text lines and source dates."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from onlinesafety.model.help_route import HelpRoute, Need, Region, TextLine, dial_digits
from tests.factories import region_data


def route(**overrides: Any) -> dict[str, Any]:
    data = {"id": "childline", "name": "Childline", "operator": "NSPCC", "needs": ["child-talk"],
            "for": "Any worry.", "anonymous": "yes", "phone": "0800 1111", "confidence": "confirmed",
            "source": "test-source", "last_verified": "2026-11-01"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_route_with_needs_loads_and_links_its_number():
    loaded = HelpRoute.model_validate(route(phone="1-800-668-6868"))
    assert loaded.needs == [Need.CHILD_TALK]
    assert loaded.tel == "tel:18006686868"


@pytest.mark.parametrize(("number", "digits"), [("0800 1111", "08001111"), ("(02) 1343", "021343"),
                                                ("+64 800 376 633", "+64800376633"), ("9-8-8", "988")])
def test_dial_digits_keeps_only_what_a_phone_dials(number, digits):
    assert dial_digits(number) == digits


def test_a_route_without_needs_fails():
    with pytest.raises(ValidationError, match="needs"):
        HelpRoute.model_validate(route(needs=[]))


def test_an_unknown_need_fails():
    with pytest.raises(ValidationError, match="needs"):
        HelpRoute.model_validate(route(needs=["worried"]))


def test_a_need_listed_twice_fails():
    with pytest.raises(ValidationError, match="listed twice"):
        HelpRoute.model_validate(route(needs=["child-talk", "child-talk"]))


def test_an_emergency_route_must_list_the_emergency_need_and_only_it_may():
    with pytest.raises(ValidationError, match="emergency"):
        HelpRoute.model_validate(route(emergency=True))
    with pytest.raises(ValidationError, match="emergency"):
        HelpRoute.model_validate(route(needs=["emergency"]))
    assert HelpRoute.model_validate(route(emergency=True, needs=["emergency"], phone="999")).emergency


def test_a_number_written_with_letters_fails_with_a_fix():
    with pytest.raises(ValidationError, match="letters such as 1-800-THE-LOST are not"):
        HelpRoute.model_validate(route(phone="1-800-THE-LOST"))


def test_a_text_line_becomes_an_sms_link_with_its_keyword():
    loaded = HelpRoute.model_validate(route(texts=[{"number": "686868", "keyword": "CONNECT"}, {"number": "988"}]))
    assert [line.sms for line in loaded.texts] == ["sms:686868?&body=CONNECT", "sms:988"]


@pytest.mark.parametrize("bad", [{"number": "TEXT"}, {"number": "686868", "keyword": "two words"},
                                 {"number": "686868", "colour": "red"}])
def test_a_malformed_text_line_fails(bad):
    with pytest.raises(ValidationError):
        TextLine.model_validate(bad)


def test_a_route_reachable_only_by_text_loads():
    assert HelpRoute.model_validate(route(phone=None, texts=[{"number": "234"}])).tel is None


def test_a_route_with_no_way_to_reach_it_fails():
    with pytest.raises(ValidationError, match="url, a phone number or a text line"):
        HelpRoute.model_validate(route(phone=None))


def test_a_source_copy_over_a_year_older_than_the_check_is_flagged():
    old = HelpRoute.model_validate(route(source_dated="2023-08-01", last_verified="2026-12-02"))
    recent = HelpRoute.model_validate(route(source_dated="2026-06-01", last_verified="2026-12-02"))
    undated = HelpRoute.model_validate(route())
    assert (old.source_is_old, recent.source_is_old, undated.source_is_old) == (True, False, False)


def test_a_source_dated_after_the_check_fails():
    with pytest.raises(ValidationError, match="after last_verified"):
        HelpRoute.model_validate(route(source_dated="2026-12-03", last_verified="2026-12-02"))


def test_anonymity_that_could_not_be_confirmed_says_nothing():
    words = {value: HelpRoute.model_validate(route(anonymous=value)).anonymous.for_reader
             for value in ("yes", "no", "optional", "unconfirmed")}
    assert words["unconfirmed"] is None
    assert all(words[value] and "confirm" not in words[value] for value in ("yes", "no", "optional"))


def _region(*routes: dict[str, Any]) -> Region:
    return Region.model_validate(region_data(routes=list(routes)))


def test_by_need_lists_every_need_in_order_with_its_routes():
    region = _region(route(id="a", needs=["parent-advice"]), route(id="b", needs=["child-talk", "parent-advice"]))
    by_need = dict(region.by_need())
    assert list(by_need) == list(Need)
    assert [r.id for r in by_need[Need.PARENT_ADVICE]] == ["a", "b"]
    assert by_need[Need.REMOVE_IMAGE] == []


def test_key_numbers_are_emergency_then_children_then_parents_each_route_once():
    region = _region(route(id="talk", needs=["child-talk", "parent-advice"], phone="0800 1111"),
                     route(id="web", needs=["parent-advice"], phone=None, url="https://example.org"),
                     route(id="sos", emergency=True, needs=["emergency"], phone="999"),
                     route(id="adults", needs=["parent-advice"], phone="0808 800 5000"))
    assert [(need.value, r.id) for need, r in region.key_numbers()] == [
        ("emergency", "sos"), ("child-talk", "talk"), ("parent-advice", "adults")]

