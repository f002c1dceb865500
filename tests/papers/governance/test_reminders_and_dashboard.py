"""Reminders through the outbox to a real SMTP server, once per planned day, with a fixed
clock; the members' dashboard panel of an owner's actions, its query count flat; posting
progress, with what a bad answer is told."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import OutgoingEmail
from home.roles import AGENDA_PLANNING_GROUP
from papers.governance import agendas, reminders, services
from papers.governance.models import Action, ActionStatus, PlannedItem
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


def _days_before(days: float) -> datetime.datetime:
    return MEETING_START - datetime.timedelta(days=days)


def test_agenda_reminders_go_once_per_planned_day_over_smtp(
    next_meeting, planner, officer, smtp, deliver_outbox
):
    agendas.draft_agenda_from_plan(next_meeting)

    assert reminders.remind_about_agendas(_days_before(22)) == 0
    assert reminders.remind_about_agendas(_days_before(21)) == 2  # the planner and the officer
    assert reminders.remind_about_agendas(_days_before(20)) == 0  # the same day's, again
    assert reminders.remind_about_agendas(_days_before(15)) == 2
    assert reminders.remind_about_agendas(_days_before(14)) == 0
    deliver_outbox()

    received = smtp.wait_for(4)
    assert sorted(m["To"] for m in received) == sorted(
        [planner.email, officer.email, planner.email, officer.email]
    )
    assert received[0]["Subject"] == "Draft agenda to agree: Steering Group meeting, 10 March 2027"
    assert OutgoingEmail.objects.filter(kind="agenda_reminder", state="sent").count() == 4


def test_an_agreed_agenda_is_not_reminded(next_meeting, planner, officer):
    draft = agendas.draft_agenda_from_plan(next_meeting, by=officer)
    draft.get_workflow().start(draft, officer)
    draft.refresh_from_db()
    state = draft.current_workflow_task_state
    state.task.specific.on_action(state, planner, "approve")
    assert reminders.remind_about_agendas(_days_before(15)) == 0


def test_action_owners_are_reminded_before_the_due_date_and_when_overdue_over_smtp(
    officer, meeting, owner, postal_owner, smtp, deliver_outbox
):
    due = datetime.date(2009, 9, 30)
    action = services.record_action(
        by=officer, meeting=meeting, text="Publish the review.", owner=owner, due_on=due
    )
    services.record_action(
        by=officer, meeting=meeting, text="Ring round.", owner=postal_owner, due_on=due
    )
    day = datetime.timedelta(days=1)
    assert reminders.remind_action_owners(due - 8 * day) == 0
    assert reminders.remind_action_owners(due - 7 * day) == 1
    assert reminders.remind_action_owners(due - 6 * day) == 0
    assert reminders.remind_action_owners(due + 1 * day) == 1
    assert reminders.remind_action_owners(due + 2 * day) == 0
    assert reminders.remind_action_owners(due + 14 * day) == 1
    assert reminders.remind_action_owners(due + 30 * day) == 0
    deliver_outbox()

    received = smtp.wait_for(3)
    assert [m["To"] for m in received] == [owner.email] * 3
    subjects = sorted(m["Subject"] for m in received)
    assert subjects[0].startswith("Action due soon: Publish the review.")
    assert subjects[1].startswith("Overdue action: Publish the review.")

    services.post_progress(by=officer, action=action, status=ActionStatus.DONE)
    assert reminders.remind_action_owners(due + 60 * day) == 0
    assert [a.owner for a in reminders.owners_to_telephone(due)] == [postal_owner]


def _owner_account(django_user_model, owner):
    person = django_user_model.objects.create_user(email=owner.email.lower(), password="x")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    return person


def _dashboard_queries(client) -> tuple[int, str]:
    client.get("/members/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/members/")
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_dashboard_shows_an_owners_actions_in_the_same_queries_for_5_and_50(
    client, django_user_model, officer, meeting, owner, settings
):
    settings.KCP_PAGE_CACHE_SECONDS = 0
    person = _owner_account(django_user_model, owner)
    client.force_login(person)

    def add(count):
        Action.objects.bulk_create(
            Action(
                meeting=meeting,
                text=f"Action {n}",
                owner=owner,
                due_on=datetime.date(2009, 9, 1),
            )
            for n in range(count)
        )

    add(5)
    five, html = _dashboard_queries(client)
    assert "Your actions" in html and html.count("Post progress") == 5
    add(45)
    fifty, html = _dashboard_queries(client)
    assert html.count("Post progress") == 50
    assert fifty == five


def test_an_owner_posts_progress_and_a_bad_answer_saves_nothing(
    client, django_user_model, officer, meeting, owner
):
    action = services.record_action(
        by=officer,
        meeting=meeting,
        text="Publish the review.",
        owner=owner,
        due_on=datetime.date(2009, 9, 30),
    )
    client.force_login(_owner_account(django_user_model, owner))
    url = f"/members/actions/{action.pk}/progress/"

    response = client.post(url, {"status": "dropped", "note": "", "reason": ""})
    assert response.status_code == 200
    assert "Say why the action was dropped" in response.content.decode()
    assert Action.objects.get(pk=action.pk).status == ActionStatus.NOT_STARTED
    assert not action.updates.exists()

    response = client.post(url, {"status": "on_track", "note": "Draft written."})
    assert response.status_code == 302
    assert Action.objects.get(pk=action.pk).status == ActionStatus.ON_TRACK
    assert "Draft written." in client.get("/actions/").content.decode()


def test_someone_else_cannot_post_progress(client, django_user_model, officer, meeting, owner):
    action = services.record_action(
        by=officer,
        meeting=meeting,
        text="Publish the review.",
        owner=owner,
        due_on=datetime.date(2009, 9, 30),
    )
    stranger = django_user_model.objects.create_user(email="someone@else.example", password="x")
    client.force_login(stranger)
    response = client.post(f"/members/actions/{action.pk}/progress/", {"status": "done"})
    assert response.status_code == 403
    assert Action.objects.get(pk=action.pk).status == ActionStatus.NOT_STARTED
