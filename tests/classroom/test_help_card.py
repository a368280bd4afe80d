"""Every pupil, in every country and band, sees the emergency number and somewhere a child can talk."""

from __future__ import annotations

import pytest

from onlinesafety.classroom.help_card import help_lines, pupil_routes
from onlinesafety.model import Band
from onlinesafety.model.help_route import Need
from tests.classroom.support import shipped


@pytest.mark.parametrize("band", list(Band))
def test_every_region_gives_every_band_a_service_a_child_can_talk_to(band):
    for region in shipped().regions_in_order():
        needs = {need for need, _ in pupil_routes(region, band)}
        assert Need.CHILD_TALK in needs, f"{region.id} {band.value}: no children's service on the help card"
        if region.id != "global":
            assert Need.EMERGENCY in needs, f"{region.id}: no emergency number"


def test_primary_cards_leave_out_reporting_and_removal_tools():
    uk = shipped().regions["uk"]
    primary = {line.name for line in help_lines(uk, Band.AGES_7_11)}
    secondary = {line.name for line in help_lines(uk, Band.AGES_14_18)}
    assert "Childline" in primary and "Report Remove (Childline and IWF)" not in primary
    assert "Report Remove (Childline and IWF)" in secondary


def test_numbers_and_addresses_are_the_help_data_s_own():
    for region in shipped().regions_in_order():
        for need, route in pupil_routes(region, Band.AGES_14_18):
            line = next(line for line in help_lines(region, Band.AGES_14_18) if line.name == route.name)
            assert line.phone == route.phone and line.url == (str(route.url) if route.url else None)


def test_the_check_fails_for_a_region_without_a_childrens_service():
    """The first test can fail: a region whose only route is the emergency number has no one to talk to."""
    uk = shipped().regions["uk"]
    emergency_only = uk.model_copy(update={"routes": [r for r in uk.routes if Need.EMERGENCY in r.needs]})
    assert Need.CHILD_TALK not in {need for need, _ in pupil_routes(emergency_only, Band.AGES_7_11)}
