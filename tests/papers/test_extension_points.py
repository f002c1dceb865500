"""What other apps add to papers' pages and feeds through home's hooks: agenda extras and
calendar sources, registered here as dummies."""

import datetime

import icalendar
import pytest
from wagtail import hooks

from home.extension_points import (
    CALENDAR_SOURCES,
    CONSULTATION_RESPONSE,
    MEETING_AGENDA_EXTRAS,
    AgendaExtra,
    CalendarSource,
    Panel,
)
from tests.fixtures.papers import LONDON
from tests.papers.test_meetings_calendar import add_meeting, in_days

pytestmark = pytest.mark.django_db


def questions_from_the_public(meeting, request):
    return AgendaExtra(
        item_title="Questions from the public",
        template_name="tests/dummy_panel.html",
        context={"message": f"Two questions for {meeting.title}"},
    )


def agenda_of(client, meeting) -> str:
    html = client.get(meeting.url).content.decode()
    return html.split('id="agenda-heading"')[1].split("</section>")[0]


def test_an_agenda_extra_is_shown_with_the_item_it_belongs_to(
    client, steering_group, test_templates
):
    meeting = add_meeting(
        steering_group,
        in_days(7),
        title="June meeting",
        agenda=("Welcome", "QUESTIONS from the public", "Any other business"),
    )
    with hooks.register_temporarily(MEETING_AGENDA_EXTRAS, questions_from_the_public):
        agenda = agenda_of(client, meeting)
    items = agenda.split('<li class="agenda-item">')[1:]
    assert len(items) == 3
    assert "Two questions for June meeting" in items[1]
    assert "Two questions" not in items[0] + items[2]


def test_an_agenda_extra_without_its_item_becomes_the_last_item(
    client, steering_group, test_templates
):
    meeting = add_meeting(steering_group, in_days(7), title="July meeting", agenda=("Welcome",))
    with hooks.register_temporarily(MEETING_AGENDA_EXTRAS, questions_from_the_public):
        agenda = agenda_of(client, meeting)
    last = agenda.split('<li class="agenda-item">')[-1]
    assert '<span class="paper-number">2.</span>' in last
    assert "Questions from the public" in last and "Two questions for July meeting" in last


def test_a_calendar_source_adds_its_events_to_the_feeds(client, steering_group):
    add_meeting(steering_group, in_days(7), title="Steering Group meeting")
    asked_for = []

    def away_days(group, request):
        asked_for.append(group.slug if group else None)
        event = icalendar.Event()
        event.add("uid", "away-day-2099@kcp-events")
        event.add("summary", "Steering Group away day")
        event.add("dtstart", datetime.datetime(2099, 7, 1, 10, tzinfo=LONDON))
        event.add("dtstamp", datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC))
        return CalendarSource(name="events", events=[event])

    with hooks.register_temporarily(CALENDAR_SOURCES, away_days):
        every = icalendar.Calendar.from_ical(client.get("/meetings/calendar.ics").content)
        group = icalendar.Calendar.from_ical(
            client.get("/meetings/calendar/steering-group.ics").content
        )
    for calendar in (every, group):
        summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
        assert summaries == {"Steering Group meeting", "Steering Group away day"}
    assert asked_for == [None, "steering-group"]


def test_a_consultation_page_shows_what_the_response_hook_answers(
    client, steering_group, test_templates
):
    """papers never imports the app holding responses: the page asks the hook, which gets the
    page's status and questions, and shows its panel where people respond."""
    from tests.fixtures.papers import make_consultation

    page = make_consultation(steering_group, slug="hooked")
    seen = []

    def response_form(taking, request):
        seen.append((taking.page.pk, taking.status, [q["key"] for q in taking.questions]))
        return Panel("tests/dummy_panel.html", {"message": "A form from another app"})

    def nothing(taking, request):
        return None

    with (
        hooks.register_temporarily(CONSULTATION_RESPONSE, response_form),
        hooks.register_temporarily(CONSULTATION_RESPONSE, nothing),
    ):
        html = client.get(page.url).content.decode()
    assert seen == [(page.pk, "open", ["priority", "first", "else"])]
    respond_section = html.split('id="respond"')[1].split("</section>")[0]
    assert '<p class="dummy-extension">A form from another app</p>' in respond_section


def test_a_paper_without_a_comment_period_never_asks_the_response_hook(client, report):
    asked = []
    with hooks.register_temporarily(CONSULTATION_RESPONSE, lambda *args: asked.append(args)):
        client.get(report.url)
    assert asked == []
