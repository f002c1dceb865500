"""Draft agendas agreed by the Agenda Planning Group through a Wagtail workflow, and a meeting
whose agenda the group has not agreed refused at publish: for a superuser, directly, through
the admin and by schedule."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, WorkflowContentType

from home.roles import AGENDA_PLANNING_GROUP
from members.accounts.middleware import must_use_two_factor
from papers.exceptions import PublishRefused
from papers.governance import agendas
from papers.governance.models import AgendaAgreement, DraftAgenda, ItemKind, PlannedItem
from papers.models import AgendaItem, MeetingPage
from tests.fixtures.papers import LONDON

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_meeting(steering_group):
    """A Steering Group meeting to come, not published yet, with its forward plan."""
    meeting = MeetingPage(
        title="Steering Group meeting, 10 March 2027",
        start=datetime.datetime(2027, 3, 10, 18, 30, tzinfo=LONDON),
        venue_name="The Town Hall",
        live=False,
    )
    steering_group.add_child(instance=meeting)
    for position, (title, kind) in enumerate(
        [
            ("Minutes of the last meeting", ItemKind.CORE_BUSINESS),
            ("Community Strategy refresh", ItemKind.ITEM_OF_INTEREST),
            ("News and Views", ItemKind.NEWS_AND_VIEWS),
        ]
    ):
        PlannedItem.objects.create(meeting=meeting, title=title, kind=kind, sort_order=position)
    return meeting


@pytest.fixture
def planner(django_user_model):
    user = django_user_model.objects.create_user(email="planner@kcp.example", password="x")
    user.groups.add(Group.objects.get(name=AGENDA_PLANNING_GROUP))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(email="root@kcp.example", password="x")


def _agree(draft: DraftAgenda, submitter, planner) -> None:
    """Submit the draft to its workflow and approve its one task as the planner."""
    workflow = draft.get_workflow()
    workflow.start(draft, submitter)
    draft.refresh_from_db()
    task_state = draft.current_workflow_task_state
    task_state.task.specific.on_action(task_state, planner, "approve")


def _with_agenda(meeting: MeetingPage, titles: list[str]) -> Revision:
    page = meeting.get_latest_revision_as_object()
    page.agenda_items = [AgendaItem(title=title) for title in titles]
    return page.save_revision()


def test_draft_agendas_have_the_agenda_planning_groups_workflow_by_content_type():
    assignment = WorkflowContentType.objects.get(content_type__model="draftagenda")
    task = assignment.workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [AGENDA_PLANNING_GROUP]


def test_the_agenda_planning_group_must_use_two_factor_and_has_no_page_rights(planner):
    assert must_use_two_factor(planner)
    assert planner.has_perm("wagtailadmin.access_admin")
    assert not planner.has_perm("wagtailcore.change_page")
    from wagtail.models import GroupPagePermission

    assert not GroupPagePermission.objects.filter(group__user=planner).exists()


def test_the_draft_agenda_is_built_from_the_forward_plan(next_meeting):
    draft = agendas.draft_agenda_from_plan(next_meeting)
    assert draft.titles == [
        "Minutes of the last meeting",
        "Community Strategy refresh",
        "News and Views",
    ]
    assert not draft.live


def test_a_superuser_cannot_publish_a_meeting_whose_agenda_is_not_agreed(next_meeting, superuser):
    agendas.draft_agenda_from_plan(next_meeting)
    revision = _with_agenda(next_meeting, ["Minutes of the last meeting", "Any other business"])
    with pytest.raises(PublishRefused, match="has not agreed"):
        revision.publish(user=superuser)
    assert not MeetingPage.objects.get(pk=next_meeting.pk).live


def test_once_agreed_the_agenda_becomes_the_meetings_and_it_publishes(
    next_meeting, officer, planner, superuser
):
    draft = agendas.draft_agenda_from_plan(next_meeting, by=officer)
    _agree(draft, officer, planner)

    agreement = AgendaAgreement.objects.get()
    assert agreement.agreed_by == planner
    assert agreement.titles == draft.titles
    latest = MeetingPage.objects.get(pk=next_meeting.pk).get_latest_revision_as_object()
    assert [item.title for item in latest.agenda_items.all()] == draft.titles

    MeetingPage.objects.get(pk=next_meeting.pk).get_latest_revision().publish(user=superuser)
    assert MeetingPage.objects.get(pk=next_meeting.pk).live


def test_an_agenda_changed_after_agreement_is_refused_until_the_group_agrees_again(
    next_meeting, officer, planner, superuser
):
    draft = agendas.draft_agenda_from_plan(next_meeting, by=officer)
    _agree(draft, officer, planner)
    revision = _with_agenda(next_meeting, [*draft.titles, "An item nobody agreed"])
    with pytest.raises(PublishRefused, match="differs from the one"):
        revision.publish(user=superuser)
    assert not MeetingPage.objects.get(pk=next_meeting.pk).live


def test_scheduled_publishing_of_a_meeting_not_agreed_publishes_nothing(
    next_meeting, superuser, report
):
    agendas.draft_agenda_from_plan(next_meeting)
    revision = _with_agenda(next_meeting, ["Minutes of the last meeting"])
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])

    call_command("publish_scheduled", stdout=io.StringIO())

    assert not MeetingPage.objects.get(pk=next_meeting.pk).live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None


def test_control_scheduled_publishing_of_an_agreed_agenda_publishes_the_meeting(
    next_meeting, officer, planner
):
    draft = agendas.draft_agenda_from_plan(next_meeting, by=officer)
    _agree(draft, officer, planner)
    revision = MeetingPage.objects.get(pk=next_meeting.pk).get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])

    call_command("publish_scheduled", stdout=io.StringIO())

    assert MeetingPage.objects.get(pk=next_meeting.pk).live


def test_a_meeting_outside_the_agenda_cycle_publishes_as_before(meeting, superuser):
    revision = _with_agenda(meeting, ["Anything"])
    revision.publish(user=superuser)
    assert [i.title for i in MeetingPage.objects.get(pk=meeting.pk).agenda_items.all()] == [
        "Anything"
    ]


def test_publishing_in_the_admin_says_why_it_was_refused(next_meeting, client, superuser, settings):
    settings.KCP_MFA_REQUIRED = False
    agendas.draft_agenda_from_plan(next_meeting)
    _with_agenda(next_meeting, ["Minutes of the last meeting"])
    client.force_login(superuser)
    from wagtail.test.utils.form_data import querydict_from_html

    edit_url = f"/admin/pages/{next_meeting.pk}/edit/"
    form = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    form["action-publish"] = "action-publish"
    response = client.post(edit_url, form, follow=True)

    assert response.status_code == 200
    assert "has not agreed this meeting" in response.content.decode()
    assert not MeetingPage.objects.get(pk=next_meeting.pk).live


def test_a_paper_published_later_links_to_its_agreed_agenda_item_and_adds_none(
    next_meeting, officer, planner, superuser
):
    from papers.models import ReportPage

    draft = agendas.draft_agenda_from_plan(next_meeting, by=officer)
    _agree(draft, officer, planner)
    MeetingPage.objects.get(pk=next_meeting.pk).get_latest_revision().publish(user=superuser)

    paper = ReportPage(title="Community Strategy refresh", purpose="The refresh.")
    MeetingPage.objects.get(pk=next_meeting.pk).add_child(instance=paper)
    paper.save_revision().publish(user=superuser)

    meeting = MeetingPage.objects.get(pk=next_meeting.pk)
    items = [(item.title, item.paper_id) for item in meeting.agenda_items.all()]
    assert items == [
        ("Minutes of the last meeting", None),
        ("Community Strategy refresh", paper.pk),
        ("News and Views", None),
    ]
    meeting.get_latest_revision().publish(user=superuser)  # the next publish keeps the link
    meeting = MeetingPage.objects.get(pk=next_meeting.pk)
    assert [item.paper_id for item in meeting.agenda_items.all()] == [None, paper.pk, None]


def test_approving_a_meeting_not_agreed_in_the_officers_workflow_says_why_and_keeps_it_waiting(
    next_meeting, officer_with_two_factor, client
):
    """Approving the officers' page workflow publishes inside Wagtail's own view: the refusal
    is the reason on the screen, never a server error, and the task waits for approval."""
    agendas.draft_agenda_from_plan(next_meeting)
    _with_agenda(next_meeting, ["Minutes of the last meeting"])
    state = next_meeting.get_workflow().start(next_meeting, user=officer_with_two_factor)
    client.force_login(officer_with_two_factor)
    response = client.post(
        f"/admin/pages/workflow/action/{next_meeting.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert "has not agreed this meeting" in response.content.decode()
    assert not MeetingPage.objects.get(pk=next_meeting.pk).live
    state.refresh_from_db()
    assert state.status == "in_progress"
