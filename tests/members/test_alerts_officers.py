"""The officers' view of alerts: per posting, how many members were alerted and how many
failed; per member, what they were sent and when; members whose mail server refused an
alert flagged. Partnership officers only."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.audit import AuditEntry
from home.roles import PARTNERSHIP_OFFICERS
from members.alerts import sending as alerts_sending
from members.partnership import services as partnership
from tests.fixtures.alerts import add_report, make_member
from tests.smtp_server import REFUSED_DOMAIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_sent_one_refused(
    django_user_model, health_meeting, health_interest, health_reader, smtp, deliver_outbox
):
    bouncing = make_member(
        django_user_model, f"gone@{REFUSED_DOMAIN}", [health_interest], name="Gwen Gone"
    )
    report = add_report(health_meeting)
    alerts_sending.send_due_postings()
    deliver_outbox()
    return report, bouncing


def test_officers_see_per_posting_how_many_were_alerted_and_how_many_failed(
    one_sent_one_refused, officer_client
):
    report, _ = one_sent_one_refused
    response = officer_client.get("/admin/alerts-sent/")
    page = response.content.decode()
    assert response.status_code == 200
    row = page[page.index(report.title) :]
    row = row[: row.index("</tr>")]
    cells = [cell.split("</td>")[0].strip() for cell in row.split("<td>")[1:]]
    assert cells[1:5] == ["1", "1", "0", "0"]  # sent, failed, waiting, withdrawn
    assert "1 member had an alert refused for good" in page


def test_officers_see_on_a_members_record_what_they_were_sent_and_when(
    one_sent_one_refused, officer_client, health_reader
):
    report, bouncing = one_sent_one_refused
    page = officer_client.get(f"/admin/member/inspect/{health_reader.pk}/").content.decode()
    section = page[page.index("Alerts sent") :]
    assert report.title in section
    assert "Email, at once" in section and ">Sent<" in section
    assert AuditEntry.objects.filter(subject_id=health_reader.pk).exists()
    page = officer_client.get(f"/admin/member/inspect/{bouncing.pk}/").content.decode()
    assert "refused an alert for good" in page
    assert ">Failed<" in page


def test_members_whose_email_was_refused_are_found_by_a_filter(
    one_sent_one_refused, officer_client, health_reader
):
    _, bouncing = one_sent_one_refused
    page = officer_client.get("/admin/member/?email_paused=true").content.decode()
    assert "Gwen Gone" in page
    assert health_reader.name not in page


def test_saving_preferences_resumes_email_alerts_after_a_refusal(one_sent_one_refused):
    _, bouncing = one_sent_one_refused
    bouncing.refresh_from_db()
    assert bouncing.is_email_paused
    partnership.change_preferences(
        bouncing,
        interests=bouncing.interests.all(),
        route=bouncing.route,
        is_paused=False,
    )
    bouncing.refresh_from_db()
    assert not bouncing.is_email_paused
    assert bouncing.changes.filter(what="email_resumed").exists()


def test_the_alerts_screen_is_for_partnership_officers_only(client, django_user_model):
    editor = django_user_model.objects.create_user(email="editor@kcp.example", password="x")
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    assert client.get("/admin/alerts-sent/").status_code in (302, 403)
    assert not editor.groups.filter(name=PARTNERSHIP_OFFICERS).exists()
    assert Group.objects.filter(name=PARTNERSHIP_OFFICERS).exists()


def test_the_alerts_sent_list_takes_as_many_queries_for_many_postings_as_for_one(
    one_sent_one_refused, officer_client, health_meeting
):
    def queries() -> int:
        # Twice first: the first request after new content builds the site chrome again.
        for _ in range(2):
            officer_client.get("/admin/alerts-sent/")
        with CaptureQueriesContext(connection) as captured:
            assert officer_client.get("/admin/alerts-sent/").status_code == 200
        return len(captured)

    few = queries()
    for number in range(8):
        add_report(health_meeting, title=f"Ward profile {number}")
    alerts_sending.send_due_postings()
    assert queries() == few
