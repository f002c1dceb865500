"""The meetings calendar at /meetings/: upcoming and past meetings of every group, the forward
programme, the away-from-Town-Hall measure, and iCalendar feeds a calendar app can follow."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from papers.meeting_calendar import AwayFromTownHallYear
from papers.models import AgendaItem, MeetingPage
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return (timezone.now() + datetime.timedelta(days=days)).date()


def add_meeting(group, day: datetime.date, *, away=False, agenda=(), **fields) -> MeetingPage:
    return publish(
        group,
        MeetingPage(
            title=fields.pop("title", f"{group.title} meeting, {day:%-d %B %Y}"),
            start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
            venue_name=fields.pop("venue_name", "Social Council" if away else "The Town Hall"),
            venue_address=fields.pop("venue_address", "111 Lancaster Road\nLondon W11 1QT"),
            is_away_from_town_hall=away,
            agenda_items=[AgendaItem(title=title) for title in agenda],
            **fields,
        ),
    )


def html_of(client, url="/meetings/", **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_meetings_page_lists_upcoming_and_past_meetings_of_every_group(
    client, meetings_index, steering_group, theme_group
):
    add_meeting(steering_group, in_days(10), title="Next Steering Group")
    add_meeting(theme_group, in_days(20), title="Next Health meeting")
    add_meeting(theme_group, datetime.date(2009, 6, 1), title="Old Health meeting")
    html = html_of(client)
    upcoming, past = html.split('id="upcoming-heading"')[1].split('id="past-heading"')
    assert upcoming.index("Next Steering Group") < upcoming.index("Next Health meeting")
    assert "Old Health meeting" in past and "Old Health meeting" not in upcoming


def test_meetings_can_be_shown_for_one_group(client, meetings_index, steering_group, theme_group):
    add_meeting(steering_group, in_days(10), title="Next Steering Group")
    add_meeting(theme_group, in_days(20), title="Next Health meeting")
    html = html_of(client, group="health-and-well-being")
    assert "Next Health meeting" in html and "Next Steering Group" not in html
    assert 'href="/meetings/calendar/health-and-well-being.ics"' in html


def test_an_address_shared_before_the_rename_still_shows_one_groups_meetings(
    client, meetings_index, steering_group, theme_group
):
    add_meeting(steering_group, in_days(10), title="Next Steering Group")
    add_meeting(theme_group, in_days(20), title="Next Health meeting")
    html = html_of(client, body="health-and-well-being")
    assert "Next Health meeting" in html and "Next Steering Group" not in html


@pytest.mark.parametrize("params", [{"group": "nope"}, {"page": "999"}, {"page": "x"}])
def test_nonsense_in_the_address_never_breaks_the_meetings_page(client, meetings_index, params):
    assert client.get("/meetings/", params).status_code == 200


def test_drafts_and_restricted_meetings_are_never_listed(client, meetings_index, steering_group):
    private = add_meeting(steering_group, in_days(5), title="Away day")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = MeetingPage(
        title="Draft meeting",
        start=timezone.now() + datetime.timedelta(days=3),
        venue_name="Somewhere",
        live=False,
    )
    steering_group.add_child(instance=draft)
    html = html_of(client)
    calendar = client.get("/meetings/calendar.ics").content.decode()
    for text in (html, calendar):
        assert "Away day" not in text and "Draft meeting" not in text


def test_forward_programme_shows_the_steering_groups_next_meetings_and_planned_items(
    client, meetings_index, steering_group, theme_group
):
    add_meeting(steering_group, in_days(30), agenda=["Community Strategy refresh", "AOB"])
    add_meeting(theme_group, in_days(31), agenda=["Health item"])
    programme = html_of(client).split('id="programme-heading"')[1].split("</section>")[0]
    assert "Forward programme of the Steering Group" in programme
    assert "Community Strategy refresh" in programme
    assert "Health item" not in programme


def test_away_measure_counts_meetings_held_in_each_municipal_year(
    client, meetings_index, steering_group
):
    # 2008/09 runs from April 2008 to March 2009: three of five away.
    for day, away in [
        (datetime.date(2008, 4, 10), True),
        (datetime.date(2008, 7, 10), True),
        (datetime.date(2008, 10, 10), False),
        (datetime.date(2009, 1, 10), False),
        (datetime.date(2009, 3, 25), True),
        (datetime.date(2009, 4, 20), False),  # 2009/10
    ]:
        add_meeting(steering_group, day, away=away)
    add_meeting(
        steering_group, datetime.date(2008, 5, 5), away=True, status=MeetingPage.Status.CANCELLED
    )
    html = html_of(client)
    assert "2008/09: 3 of 5 meetings (60%) away from the Town Hall — target met" in html
    assert "2009/10: 0 of 1 meeting (0%) away from the Town Hall — target missed" in html


def test_away_measure_says_so_far_for_the_current_year():
    year = AwayFromTownHallYear(first_year=2026, held=4, away=1, is_current=True)
    assert year.sentence == (
        "2026/27 so far: 1 of 4 meetings (25%) away from the Town Hall — below target so far"
    )


def test_away_measure_is_one_query(steering_group):
    from papers.meeting_calendar import away_from_town_hall_by_year, published_meetings

    for month in (5, 6, 7):
        add_meeting(steering_group, datetime.date(2008, month, 1), away=month == 5)
    published_meetings()  # reads the view restrictions, once per process and cache generation
    with CaptureQueriesContext(connection) as captured:
        years = away_from_town_hall_by_year(published_meetings())
    assert [(y.label, y.held, y.away) for y in years] == [("2008/09", 3, 1)]
    assert len(captured) == 2  # the cache generation and the aggregate


def bulk_meetings(group, count: int, start_day: int) -> None:
    for number in range(count):
        day = in_days(start_day + number if number % 2 else -(start_day + number))
        group.add_child(
            instance=MeetingPage(
                title=f"Bulk meeting {start_day}-{number}",
                start=datetime.datetime(day.year, day.month, day.day, 18, tzinfo=LONDON),
                venue_name="Hall",
                agenda_items=[AgendaItem(title="Item")],
            )
        )


@pytest.mark.parametrize("url", ["/meetings/", "/meetings/?group=steering-group&page=2"])
def test_meetings_page_runs_as_many_queries_for_100_meetings_as_for_5(
    client, settings, meetings_index, steering_group, url
):
    settings.KCP_PAGE_CACHE_SECONDS = 0
    bulk_meetings(steering_group, 5, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    bulk_meetings(steering_group, 95, 10)
    client.get(url)  # new content, new cache generation: the site chrome is built again once
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


# --- iCalendar ----------------------------------------------------------------------------------


def read_calendar(client, url: str) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events(calendar) -> list:
    return list(calendar.walk("VEVENT"))


def test_calendar_feed_has_each_meeting_with_time_place_and_link(client, steering_group):
    meeting = add_meeting(steering_group, in_days(14), away=True, agenda=["Welcome"])
    calendar = read_calendar(client, "/meetings/calendar.ics")
    (event,) = events(calendar)
    assert str(event["uid"]) == f"{meeting.translation_key}@kcp-meetings"
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert event.decoded("dtstart") == meeting.start
    assert event.decoded("dtend") == meeting.start + datetime.timedelta(hours=2)
    assert str(event["location"]) == "Social Council, 111 Lancaster Road, London W11 1QT"
    assert str(event["url"]) == f"http://testserver{meeting.url}"
    assert str(event["status"]) == "CONFIRMED"
    assert "1. Welcome" in str(event["description"])
    assert "dtstamp" in event
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_a_cancelled_meeting_is_cancelled_in_subscribers_calendars(client, steering_group):
    meeting = add_meeting(steering_group, in_days(14))
    before = events(read_calendar(client, "/meetings/calendar.ics"))[0]

    meeting.status = MeetingPage.Status.CANCELLED
    meeting.save_revision().publish()

    after = events(read_calendar(client, "/meetings/calendar.ics"))[0]
    assert str(after["uid"]) == str(before["uid"])
    assert str(after["status"]) == "CANCELLED"
    assert int(after["sequence"]) > int(before["sequence"])


def test_saving_a_draft_does_not_change_the_calendar_sequence(client, steering_group):
    meeting = add_meeting(steering_group, in_days(14))
    meeting.venue_name = "Draft venue"
    meeting.save_revision()
    event = events(read_calendar(client, "/meetings/calendar.ics"))[0]
    assert int(event["sequence"]) == 0
    assert "Draft venue" not in str(event["location"])


def test_a_groups_calendar_has_only_its_meetings(client, steering_group, theme_group):
    add_meeting(steering_group, in_days(14), title="SG meeting")
    add_meeting(theme_group, in_days(15), title="Health meeting")
    summaries = [
        str(e["summary"])
        for e in events(read_calendar(client, "/meetings/calendar/steering-group.ics"))
    ]
    assert summaries == ["SG meeting"]
    assert client.get("/meetings/calendar/no-such-group.ics").status_code == 404


def test_each_meeting_page_offers_its_own_ics_download(client, steering_group):
    meeting = add_meeting(steering_group, in_days(14), title="SG meeting")
    html = client.get(meeting.url).content.decode()
    ics_url = meeting.url.rstrip("/") + ".ics"
    assert f'href="{ics_url}"' in html
    (event,) = events(read_calendar(client, ics_url))
    assert str(event["summary"]) == "SG meeting"


def test_a_restricted_meeting_has_no_ics_download(client, steering_group):
    meeting = add_meeting(steering_group, in_days(14))
    PageViewRestriction.objects.create(page=meeting, restriction_type="login")
    assert client.get(meeting.url.rstrip("/") + ".ics").status_code == 404
