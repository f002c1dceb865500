"""The meeting cycle's lead time and reminder days are a site setting officers change in the
admin: the due date and the reminders move with it, and a bad value is refused with what to
fix, saving nothing."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Site

from home.roles import AGENDA_PLANNING_GROUP
from papers.governance import agendas, reminders
from papers.governance.models import MeetingCycleSettings, PlannedItem
from papers.models import MeetingPage
from tests.fixtures.papers import LONDON

pytestmark = pytest.mark.django_db

MEETING_START = datetime.datetime(2027, 3, 10, 18, 30, tzinfo=LONDON)


@pytest.fixture
def next_meeting(steering_group):
    meeting = MeetingPage(
        title="Steering Group meeting, 10 March 2027",
        start=MEETING_START,
        venue_name="The Town Hall",
        live=False,
    )
    steering_group.add_child(instance=meeting)
    PlannedItem.objects.create(meeting=meeting, title="Budget")
    return meeting


@pytest.fixture
def planner(django_user_model):
    user = django_user_model.objects.create_user(email="planner@kcp.example", password="x")
    user.groups.add(Group.objects.get(name=AGENDA_PLANNING_GROUP))
    return user


def _cycle() -> MeetingCycleSettings:
    return MeetingCycleSettings.for_site(Site.objects.get(is_default_site=True))


def _days_before(days: float) -> datetime.datetime:
    return MEETING_START - datetime.timedelta(days=days)


def test_the_agreement_is_due_fourteen_days_before_until_officers_change_it(next_meeting):
    assert agendas.agreement_due(next_meeting) == _days_before(14)
    cycle = _cycle()
    cycle.agreement_days = 21
    cycle.save()
    assert agendas.agreement_due(next_meeting) == _days_before(21)


def test_agendas_are_marked_overdue_by_the_settings_lead_time(next_meeting):
    agendas.draft_agenda_from_plan(next_meeting)
    [draft] = agendas.agendas_due(now=_days_before(16))
    assert draft.is_overdue is False
    cycle = _cycle()
    cycle.agreement_days = 20
    cycle.save()
    [draft] = agendas.agendas_due(now=_days_before(16))
    assert draft.is_overdue is True


def test_agenda_reminders_go_on_the_days_the_settings_name(next_meeting, planner):
    agendas.draft_agenda_from_plan(next_meeting)
    cycle = _cycle()
    cycle.agenda_reminder_days = "10"
    cycle.save()
    assert reminders.remind_about_agendas(_days_before(21)) == 0  # no longer a reminder day
    assert reminders.remind_about_agendas(_days_before(15)) == 0
    assert reminders.remind_about_agendas(_days_before(10)) == 1  # the planner


SETTINGS_URL = "/admin/settings/governance/meetingcyclesettings/{}/"


def _settings_form(**changes) -> dict:
    return {
        "agreement_days": "14",
        "agenda_reminder_days": "21, 15",
        "action_reminder_days_before": "7",
        "action_reminder_days_overdue": "1, 14",
        **changes,
    }


@pytest.fixture
def officer_admin(officer, settings):
    settings.KCP_MFA_REQUIRED = False
    client = Client()
    client.force_login(officer)
    return client


def test_an_officer_changes_the_reminder_days_in_the_admin(officer_admin):
    site = Site.objects.get(is_default_site=True)
    response = officer_admin.post(
        SETTINGS_URL.format(site.pk), _settings_form(agenda_reminder_days="28, 21, 15")
    )
    assert response.status_code == 302
    assert _cycle().agenda_reminders == (28, 21, 15)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"agenda_reminder_days": "abc"}, "“abc” is not a number of days"),
        ({"agenda_reminder_days": "21, -3"}, "“-3” is not a number of days"),
        ({"action_reminder_days_overdue": "0"}, "0 is not between 1 and 365 days"),
        ({"agreement_days": "-1"}, "greater than or equal to"),
    ],
)
def test_a_bad_value_in_the_settings_form_says_what_to_fix_and_saves_nothing(
    officer_admin, changes, message
):
    site = Site.objects.get(is_default_site=True)
    before = _cycle()
    response = officer_admin.post(SETTINGS_URL.format(site.pk), _settings_form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    after = _cycle()
    assert (after.agenda_reminder_days, after.action_reminder_days_overdue) == (
        before.agenda_reminder_days,
        before.action_reminder_days_overdue,
    )
    assert after.agreement_days == 14
