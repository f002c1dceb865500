"""The archive, paper search and meetings calendar in a real browser: axe finds nothing, every
control is reached by keyboard, and nothing scrolls sideways at 320px."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.fixtures.papers import LONDON, publish


@pytest.fixture
def papers(request):
    for name in ("paper_archive", "report", "action_plan"):
        request.getfixturevalue(name)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?year=2009&group=steering-group&status=for_information&kind=report",
        "?year=1999",
        "?q=priorities",
        "?q=nothing-matches-this&year=abc",
    ],
    ids=["everything", "filtered", "no-results", "search", "no-search-results"],
)
def test_archive_is_accessible_by_keyboard_and_at_320px(page, site_url, papers, query):
    page.goto(f"{site_url}/papers/{query}")
    assert page.locator("h1").inner_text() == "Papers"
    assert_usable_everywhere(page)


def test_archive_filters_work_from_the_keyboard_without_javascript(
    browser, site_url, papers, request
):
    paper = request.getfixturevalue("report")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/papers/")
    page.get_by_label("Kind of paper").select_option("report")
    page.get_by_label("Words in the paper").fill("priorities")
    page.get_by_label("Words in the paper").press("Enter")
    assert "kind=report" in page.url and "q=priorities" in page.url
    assert page.get_by_role("link", name=paper.title).is_visible()
    context.close()


def test_meetings_page_is_accessible_by_keyboard_and_at_320px(page, site_url, request):
    group = request.getfixturevalue("steering_group")
    request.getfixturevalue("meetings_index")
    request.getfixturevalue("meeting")
    from papers.models import AgendaItem, MeetingPage

    start = timezone.now().astimezone(LONDON) + datetime.timedelta(days=10)
    publish(
        group,
        MeetingPage(
            title="Next Steering Group meeting",
            start=start,
            venue_name="Kensington and Chelsea Social Council",
            is_away_from_town_hall=True,
            agenda_items=[AgendaItem(title="Community Strategy refresh", purpose="For decision")],
        ),
    )
    for query in ("", "?group=steering-group"):
        page.goto(f"{site_url}/meetings/{query}")
        assert page.get_by_text("Community Strategy refresh").is_visible()
        assert_usable_everywhere(page)
