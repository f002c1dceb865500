"""News and Views (review 2.2.2): lead officers send their group's update for the next
Steering Group meeting; the agenda lists the updates by group; after the meeting they appear
on the groups' pages; reminders go out once, through the outbox."""

import datetime
import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from home.models import OutgoingEmail
from papers.models import MeetingPage
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db


def send_update(client, group, meeting, text="Smoking clinics opened in Golborne."):
    return client.post(
        "/admin/news-and-views/",
        {
            "group": group.pk,
            "meeting": meeting.pk,
            "presenter": "Dr Michael Wilson",
            "text": text,
        },
    )


def test_lead_officer_sends_an_update_and_the_agenda_lists_it_under_news_and_views(
    lead_officer_client, officer, health_group, next_steering_group, client
):
    from themegroups.models import NewsAndViewsUpdate
    from themegroups.services import approve_news_and_views

    response = send_update(lead_officer_client, health_group, next_steering_group)
    assert response.status_code == 302
    approve_news_and_views(user=officer, update=NewsAndViewsUpdate.objects.get())
    client.logout()
    html = client.get("/steering-group/2099-03-10/").content.decode()
    item = html.split("News and Views from the theme groups")[1].split(
        '<section aria-labelledby="minutes'
    )[0]
    assert "Health and Well-Being Partnership" in item
    assert "Presented by Dr Michael Wilson" in item
    assert "Smoking clinics opened in Golborne." in item


def test_sending_again_replaces_the_groups_update(
    lead_officer_client, health_group, next_steering_group
):
    from themegroups.models import NewsAndViewsUpdate

    send_update(lead_officer_client, health_group, next_steering_group, "First.")
    send_update(lead_officer_client, health_group, next_steering_group, "Second.")
    assert list(NewsAndViewsUpdate.objects.values_list("text", flat=True)) == ["Second."]


def test_lead_officer_cannot_send_an_update_for_another_group(
    lead_officer_client, safety_group, next_steering_group
):
    from themegroups.models import NewsAndViewsUpdate

    response = send_update(lead_officer_client, safety_group, next_steering_group)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not NewsAndViewsUpdate.objects.exists()


def test_someone_who_leads_no_group_cannot_open_the_form(client, member, next_steering_group):
    client.force_login(member)
    assert client.get("/admin/news-and-views/").status_code in (302, 403)


def test_service_refuses_an_update_for_a_meeting_already_held(lead_officer, health_group, meeting):
    from themegroups.exceptions import MeetingAlreadyHeld
    from themegroups.services import submit_news_and_views

    with pytest.raises(MeetingAlreadyHeld, match="already taken place"):
        submit_news_and_views(
            user=lead_officer, group=health_group, meeting=meeting, text="x", presenter="y"
        )


def test_updates_appear_on_the_groups_page_after_the_meeting(
    lead_officer, officer, health_group, next_steering_group, client
):
    from themegroups.services import approve_news_and_views, submit_news_and_views

    update = submit_news_and_views(
        user=lead_officer,
        group=health_group,
        meeting=next_steering_group,
        text="Smoking clinics opened in Golborne.",
        presenter="Dr Michael Wilson",
    )
    approve_news_and_views(user=officer, update=update)
    assert "Smoking clinics" not in client.get("/theme-groups/health/").content.decode()
    MeetingPage.objects.filter(pk=next_steering_group.pk).update(
        start=datetime.datetime(2020, 3, 10, 18, 30, tzinfo=LONDON)
    )
    html = client.get("/theme-groups/health/").content.decode()
    assert "News and Views to the Steering Group" in html
    assert "Smoking clinics opened in Golborne." in html


@pytest.fixture
def meeting_in_nine_days(steering_group):
    from django.utils import timezone

    return publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting soon",
            start=timezone.now() + datetime.timedelta(days=9),
            venue_name="The Town Hall",
        ),
    )


def test_reminder_is_queued_once_for_lead_officers_whose_group_has_not_sent_an_update(
    lead_officer, safety_group, meeting_in_nine_days, django_capture_on_commit_callbacks
):
    from themegroups.services import add_lead_officer

    add_lead_officer(lead_officer, safety_group)  # leads two groups: one email
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_news_and_views_reminders", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_news_and_views_reminders", stdout=io.StringIO())
    queued = OutgoingEmail.objects.filter(kind="News and Views reminder")
    assert queued.count() == 1
    assert queued.get().to == ["lead.health@kcp.example"]
    delivery = DBTaskResult.objects.filter(task_path="home.outbox.deliver_emails")
    assert delivery.count() == 1
    assert delivery.get().backend_name == "background"


def test_no_reminder_once_the_group_has_sent_its_update(
    lead_officer, health_group, meeting_in_nine_days, django_capture_on_commit_callbacks
):
    from themegroups.services import submit_news_and_views

    submit_news_and_views(
        user=lead_officer,
        group=health_group,
        meeting=meeting_in_nine_days,
        text="Done.",
        presenter="Dr Michael Wilson",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_news_and_views_reminders", stdout=io.StringIO())
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_reminder_email_says_when_the_update_is_due_and_where_to_send_it(
    lead_officer, health_group, meeting_in_nine_days, deliver_outbox
):
    call_command("send_news_and_views_reminders", stdout=io.StringIO())
    (message,) = deliver_outbox()
    assert message.to == ["lead.health@kcp.example"]
    assert "News and Views" in message.subject
    assert "Health and Well-Being Partnership" in message.body
    assert "http://testserver/admin/news-and-views/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="http://testserver/admin/news-and-views/"' in html


def test_scheduler_runs_the_reminders():
    from django.conf import settings

    assert "send_news_and_views_reminders" in dict(settings.KCP_SCHEDULED_JOBS)
