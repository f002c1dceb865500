"""The demo's away day (three answers, two members who have not answered) and attendance
(recorded for this year's demo Steering Group meetings, one member under the threshold)."""

import io

import pytest
from wagtail.models import Page

from home import demo as home_demo
from members import demo as members_demo
from members.attendance import demo as demo_attendance
from members.attendance import services as attendance
from members.events import away_days
from members.events import demo as events_demo
from members.events.models import EventPage, Reply
from members.models import MeetingAttendance
from papers import demo as papers_demo
from themegroups import demo as themegroups_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_away_day_with_answers_and_non_repliers_and_attendance_under_threshold():
    out = io.StringIO()
    home_demo.load(out)
    themegroups_demo.load(out)
    # The recent meetings alone: importing the seed papers takes minutes.
    papers_demo._recent_meetings(Page.objects.get(slug="steering-group"), out)
    members_demo.load(out)
    events_demo.load(out)

    away_day = EventPage.objects.get(slug="steering-group-away-day")
    assert away_day.is_away_day and away_day.facilitator
    assert away_days.is_taking_answers(away_day)
    answers = away_day.registrations.exclude(reply="")
    assert sorted(answers.values_list("reply", flat=True)) == sorted(
        [Reply.ATTENDING, Reply.TENTATIVE, Reply.NOT_ATTENDING]
    )
    assert sorted(seat.person.email for seat in away_days.non_repliers(away_day)) == [
        "alan.brown@kcp.example",
        "maria.lopez@kcp.example",
    ]

    assert MeetingAttendance.objects.exists()
    report = attendance.attendance_report(demo_attendance.demo_year())
    assert [figures.name for figures in report.flagged_members] == ["Michael Wilson"]

    members_demo.load(out)  # loading again records nothing twice
    assert MeetingAttendance.objects.count() == sum(f.expected for f in report.members)
