"""A meeting or a paper published, unpublished or moved is forgotten by the cache in front on
the meeting cycle's pages too, not only on the archive and calendars."""

import pytest

from home.extension_points import front_cache_listings

pytestmark = pytest.mark.django_db


def test_a_meeting_and_its_paper_are_forgotten_on_the_forward_plan_decisions_and_actions(
    meeting, report
):
    for page in (meeting, report):
        listings = front_cache_listings(page)
        assert {"/forward-plan/", "/decisions/", "/actions/"} <= listings


def test_a_page_that_is_neither_a_meeting_nor_a_paper_names_no_meeting_cycle_page(home_page):
    assert "/forward-plan/" not in front_cache_listings(home_page)
