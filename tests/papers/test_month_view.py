"""The month view of meetings and events at /calendar/YYYY/MM/: each day's meetings and public
events linked, today marked, the months either side, and nothing a visitor may not see."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.extension_points import front_cache_listings
from members.events.models import Audience, EventPage
from papers.models import MeetingPage
from papers.month_view import Month, this_month, today
from tests.fixtures.events import make_event
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db


def at(day: datetime.date, hour: int = 18, minute: int = 30) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def day_this_month(number: int) -> datetime.date:
    return today().replace(day=number)


def add_meeting(group, day: datetime.date, title: str, **fields) -> MeetingPage:
    return publish(
        group,
        MeetingPage(title=title, start=at(day), venue_name="The Town Hall", **fields),
    )


def month_url(month: Month) -> str:
    return f"/calendar/{month.year}/{month.month}/"


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def cell_of(html: str, day: datetime.date) -> str:
    """The table cell of `day`, from its opening tag to the next cell."""
    start = html.rindex("<td", 0, html.index(f'datetime="{day:%Y-%m-%d}"'))
    return html[start : html.index("</td>", start)]


def test_this_months_meetings_and_public_events_are_linked_on_their_days(
    client, steering_group, events_index
):
    meeting = add_meeting(steering_group, day_this_month(3), "Steering Group, spring")
    event = make_event(
        events_index,
        title="Annual Partnership event",
        start=at(day_this_month(9), 10),
        end=at(day_this_month(9), 13),
    )
    html = html_of(client, "/calendar/")
    assert f"Meetings and events in {this_month().name}" in html
    assert f'<a href="{meeting.url}">Steering Group, spring</a>' in cell_of(html, day_this_month(3))
    event_cell = cell_of(html, day_this_month(9))
    assert f'<a href="{event.url}">Annual Partnership event</a>' in event_cell
    assert "Event, <time" in event_cell and "10.30 a.m." in event_cell
    assert "Steering Group, spring" not in event_cell


def test_a_cancelled_meeting_says_so_on_its_day(client, steering_group):
    add_meeting(
        steering_group, day_this_month(5), "Called off", status=MeetingPage.Status.CANCELLED
    )
    assert "Meeting, cancelled" in cell_of(html_of(client, "/calendar/"), day_this_month(5))


def test_drafts_restricted_meetings_and_members_events_are_never_listed(
    client, steering_group, events_index
):
    day = day_this_month(4)
    private = add_meeting(steering_group, day, "Private meeting")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    steering_group.add_child(
        instance=MeetingPage(title="Draft meeting", start=at(day), venue_name="X", live=False)
    )
    make_event(
        events_index,
        title="Members' workshop",
        start=at(day, 10),
        end=at(day, 12),
        audience=Audience.WIDER_PARTNERSHIP,
    )
    make_event(
        events_index,
        title="Steering away day",
        start=at(day, 10),
        end=at(day, 12),
        audience=Audience.STEERING_GROUP,
    )
    events_index.add_child(
        instance=EventPage(
            title="Draft event",
            start=at(day, 9),
            end=at(day, 10),
            venue_name="X",
            purpose="<p>x</p>",
            audience=Audience.PUBLIC,
            live=False,
        )
    )
    add_meeting(steering_group, day, "Public meeting")
    html = html_of(client, "/calendar/")
    assert "Public meeting" in html
    for title in (
        "Private meeting",
        "Draft meeting",
        "Members&#x27; workshop",
        "Steering away day",
        "Draft event",
    ):
        assert title not in html, title


def test_today_is_marked_for_screen_readers_and_only_today(client):
    html = html_of(client, "/calendar/")
    assert html.count('aria-current="date"') == 1
    assert 'aria-current="date"' in cell_of(html, today())
    assert "Today</strong>" in cell_of(html, today())


def test_weekdays_are_column_headers_and_the_table_has_a_caption(client):
    html = html_of(client, "/calendar/")
    assert "<caption>" in html
    assert html.count('<th scope="col">') == 7
    monday = html.split("</th>")[0]
    assert '<span class="visually-hidden">Monday</span>' in monday  # read out in full


def test_an_empty_month_says_nothing_is_planned(client):
    html = html_of(client, "/calendar/")
    assert f"Nothing is planned in {this_month().name}." in html


def test_previous_and_next_months_are_linked_and_stop_a_year_away(client, steering_group):
    now = this_month()
    later = now.shifted(1)
    add_meeting(steering_group, datetime.date(later.year, later.month, 2), "Next month's meeting")
    html = html_of(client, "/calendar/")
    assert f'rel="next" href="{month_url(later)}"' in html
    assert f'rel="prev" href="{month_url(now.shifted(-1))}"' in html
    assert "Next month&#x27;s meeting" in html_of(client, month_url(later))
    last = html_of(client, month_url(now.shifted(12)))
    assert 'rel="next"' not in last and 'rel="prev"' in last
    assert 'rel="prev"' not in html_of(client, month_url(now.shifted(-12)))
    assert client.get(month_url(now.shifted(13))).status_code == 404
    assert client.get(month_url(now.shifted(-13))).status_code == 404


@pytest.mark.parametrize("url", ["/calendar/2026/13/", "/calendar/2026/0/", "/calendar/0/1/"])
def test_an_address_naming_no_month_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_the_meetings_listing_and_every_footer_link_to_the_month_view(client, meetings_index):
    html = html_of(client, "/meetings/")
    assert html.count('href="/calendar/"') == 2  # the listing's own link and the footer's


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_month_view_needs_the_same_queries_for_two_items_as_for_twenty(
    client, steering_group, events_index
):
    add_meeting(steering_group, day_this_month(1), "First meeting")
    make_event(
        events_index,
        title="First event",
        start=at(day_this_month(2), 10),
        end=at(day_this_month(2), 12),
    )
    queries_for(client, "/calendar/")  # warm the site and page caches
    few = queries_for(client, "/calendar/")
    for number in range(9):
        add_meeting(steering_group, day_this_month(1 + number), f"Meeting {number}")
        make_event(
            events_index,
            title=f"Event {number}",
            start=at(day_this_month(2 + number), 10),
            end=at(day_this_month(2 + number), 12),
        )
    queries_for(client, "/calendar/")
    many = queries_for(client, "/calendar/")
    assert "Event 8" in html_of(client, "/calendar/")
    assert many == few


def test_a_published_meeting_is_forgotten_by_the_cache_in_front_on_its_month_view(meeting):
    listings = front_cache_listings(meeting)  # the meeting of 13 May 2009
    assert {"/calendar/", "/calendar/2009/5/"} <= listings


def test_a_published_event_is_forgotten_by_the_cache_in_front_on_its_month_view(events_index):
    day = datetime.date(2027, 3, 4)
    event = make_event(events_index, start=at(day, 10), end=at(day, 12))
    assert {"/calendar/", "/calendar/2027/3/"} <= front_cache_listings(event)
