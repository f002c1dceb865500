"""What officers see of the induction: everyone's progress and start date, and a reminder
about members who have not started after KCP_INDUCTION_REMINDER_DAYS."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.audit import AuditEntry
from home.models import OutgoingEmail
from members.induction.services import mark_module_done, remind_officers_about_members_not_started
from members.models import InductionReminder

pytestmark = pytest.mark.django_db


def test_officers_see_every_members_progress_and_start_date(
    officer_client, officer, half_way_member, new_member
):
    html = officer_client.get("/admin/induction-progress/").content.decode()
    viewed = AuditEntry.objects.filter(action="members.induction.progress_viewed", actor=officer)
    assert viewed.count() == 2
    assert "Maria Lopez" in html and "Alan Brown" in html
    assert "2 of 4" in html and "0 of 4" in html
    assert timezone.localdate().strftime("%-d %b %Y") in html  # Maria's start date
    assert "Not started" in html


def test_officers_are_reminded_once_about_a_member_who_has_not_started(
    settings, officer, new_member, half_way_member
):
    settings.KCP_INDUCTION_REMINDER_DAYS = 1
    out = io.StringIO()
    call_command("send_induction_reminders", stdout=out)
    assert "naming 1 member" in out.getvalue()
    email = OutgoingEmail.objects.get(kind="Induction not started")
    assert email.to == ["officer@kcp.example"]
    assert email.subject == "Induction not started: 1 Steering Group member"
    assert "Alan Brown" in email.body_text
    assert "Maria Lopez" not in email.body_text
    assert "/admin/induction-progress/" in email.body_html
    assert remind_officers_about_members_not_started() == 0
    assert OutgoingEmail.objects.count() == 1


def test_no_reminder_before_the_set_time_or_once_a_member_has_started(
    settings, new_member, modules
):
    settings.KCP_INDUCTION_REMINDER_DAYS = 3
    assert remind_officers_about_members_not_started() == 0
    later = timezone.now() + datetime.timedelta(days=2)
    mark_module_done(new_member, modules[0].pk)
    assert remind_officers_about_members_not_started(later) == 0
    assert not InductionReminder.objects.exists()
