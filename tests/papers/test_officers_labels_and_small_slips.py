"""Officers tell papers of the same title apart in pickers and lists (group, meeting date,
kind); a time at the end of a sentence has one full stop; a meeting's calendar location names
the Town Hall once."""

import datetime

import pytest
from django.template import Context, Template

from members.consultations.forms import OpenForCommentsForm
from papers.meeting_calendar import meeting_location
from papers.models import MeetingPage, MinutesPage
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db


def minutes_of(group, day):
    meeting = publish(
        group,
        MeetingPage(
            title=f"Meeting, {day:%d %B %Y}",
            start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
            venue_name="The Town Hall",
        ),
    )
    return publish(meeting, MinutesPage(title="Minutes", purpose="What was decided."))


def test_the_paper_picker_and_admin_lists_tell_same_titled_papers_apart(
    steering_group, health_group
):
    minutes_of(steering_group, datetime.date(2009, 5, 13))
    minutes_of(health_group, datetime.date(2009, 6, 10))
    labels = [label for _value, label in OpenForCommentsForm().fields["paper"].choices][1:]
    assert sorted(labels) == [
        "Minutes (Health and Well-Being Partnership, meeting of 10 June 2009, minutes)",
        "Minutes (Steering Group, meeting of 13 May 2009, minutes)",
    ]


def test_a_time_that_ends_a_sentence_has_one_full_stop():
    template = Template('Closes on {{ when|date:"j F Y, g.i a"|end_sentence }} Reply now.')
    when = datetime.datetime(2009, 5, 13, 18, 30)
    assert template.render(Context({"when": when})) == "Closes on 13 May 2009, 6.30 p.m. Reply now."
    assert Template("{{ 'Noon'|end_sentence }}").render(Context()) == "Noon."


def test_a_meetings_calendar_location_names_the_town_hall_once():
    meeting = MeetingPage(
        venue_name="The Town Hall", venue_address="The Town Hall\nHornton Street\nLondon W8 7NX"
    )
    assert meeting_location(meeting) == "The Town Hall, Hornton Street, London W8 7NX"
