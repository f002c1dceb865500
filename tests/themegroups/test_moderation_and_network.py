"""Moderation (lead officers submit, Partnership officers approve and publish, told by
Wagtail's own emails) and the lead officers' network page, visible to them and officers only."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import Page, PageViewRestriction, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from tests.fixtures.papers import publish

pytestmark = pytest.mark.django_db


def test_officer_approval_workflow_covers_the_index_and_the_steering_group(
    theme_groups, steering_group, health_group
):
    from themegroups.services import APPROVAL_WORKFLOW_NAME

    for page in (theme_groups, steering_group, health_group):
        workflow = page.get_workflow()
        assert workflow.name == APPROVAL_WORKFLOW_NAME
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == ["Partnership officers"]


def test_officer_approval_workflow_is_made_once_however_often_migrate_runs(theme_groups):
    from wagtail.models import Workflow

    from themegroups.services import assign_officer_approval_workflow

    assign_officer_approval_workflow()
    assign_officer_approval_workflow()
    assert Workflow.objects.filter(name="Partnership officer approval").count() == 1


def test_lead_officer_submits_and_an_officer_is_emailed_then_approves_and_it_is_published(
    lead_officer_client, health_meeting, officer_with_two_factor, deliver_outbox
):
    url = f"/admin/pages/{health_meeting.pk}/edit/"
    data = querydict_from_html(lead_officer_client.get(url).content.decode(), "page-edit-form")
    data["title"] = "Health and Well-Being Partnership, moved to 3 June 2099"
    data["action-submit"] = "1"
    lead_officer_client.post(url, data)
    health_meeting.refresh_from_db()
    assert health_meeting.title == "Health and Well-Being Partnership, 2 June 2099"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=health_meeting.pk)
    assert state.status == "in_progress"
    deliver_outbox()
    assert any(
        "officer@kcp.example" in message.to and "moved to 3 June 2099" in message.subject
        for message in mail.outbox
    )

    officer = Client()
    officer.force_login(officer_with_two_factor)
    task_state = state.current_task_state
    response = officer.post(
        f"/admin/pages/workflow/action/{health_meeting.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    health_meeting.refresh_from_db()
    assert health_meeting.title == "Health and Well-Being Partnership, moved to 3 June 2099"
    assert health_meeting.live


def test_lead_officer_cannot_approve_their_own_submission(
    lead_officer, lead_officer_client, health_meeting
):
    health_meeting.title = "Self-approved"
    revision = health_meeting.save_revision(user=lead_officer)
    workflow_state = health_meeting.get_workflow().start(health_meeting, user=lead_officer)
    lead_officer_client.post(
        f"/admin/pages/workflow/action/{health_meeting.pk}/approve/"
        f"{workflow_state.current_task_state.pk}/"
    )
    health_meeting.refresh_from_db()
    assert health_meeting.live_revision_id != revision.pk
    assert health_meeting.title != "Self-approved"


@pytest.fixture
def network_page(theme_groups):
    from themegroups.models import LeadOfficersNetworkPage

    return publish(
        theme_groups, LeadOfficersNetworkPage(title="Lead officers' network", slug="network")
    )


@pytest.fixture
def health_priorities(health_group):
    from themegroups.models import GroupPriority

    health_group.work_programme_year = "2009/10"
    health_group.priorities = [
        GroupPriority(
            priority="Reduce smoking",
            actions="Stop-smoking clinics\nSchools campaign",
            lead="NHS Kensington and Chelsea",
            due="March 2010",
        )
    ]
    health_group.save_revision().publish()
    return health_group


def test_network_page_shows_every_groups_priorities_to_a_lead_officer(
    network_page, health_priorities, safety_group, lead_officer_client
):
    response = lead_officer_client.get("/theme-groups/network/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reduce smoking" in html
    assert "Stop-smoking clinics" in html
    assert "Community Safety Programme Board" in html


def test_network_page_is_open_to_officers(network_page, officer_client):
    assert officer_client.get("/theme-groups/network/").status_code == 200


def test_network_page_refuses_a_signed_in_member_with_a_clear_403(
    network_page, health_priorities, member, client
):
    client.force_login(member)
    response = client.get("/theme-groups/network/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "This page is only for Partnership officers, Lead officers:" in html
    assert "contact the Partnership team" in html
    assert "Reduce smoking" not in html


def test_network_page_asks_a_visitor_to_sign_in(network_page, client):
    response = client.get("/theme-groups/network/")
    assert response["Location"].startswith("/accounts/login/")


def test_a_group_created_later_gets_into_the_network_page(network_page, theme_groups):
    from themegroups.models import GroupPage

    publish(theme_groups, GroupPage(title="New forum", slug="new-forum", purpose="A new one."))
    restriction = PageViewRestriction.objects.get(page=network_page)
    assert restriction.groups.filter(name="Lead officers: New forum").exists()


def test_network_page_is_not_listed_publicly(network_page, client):
    assert not Page.objects.live().public().filter(pk=network_page.pk).exists()
    assert "network" not in client.get("/theme-groups/").content.decode().lower()
