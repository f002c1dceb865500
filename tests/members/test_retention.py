"""Retention: memberships with no activity or renewed consent for the period in the site
settings are listed for officers, who renew or erase them; the nightly job erases those past
the period."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from home.audit import AuditEntry
from members.models import ConsentRecord, Member
from members.partnership import retention

pytestmark = pytest.mark.django_db


def age(member, days):
    moment = timezone.now() - datetime.timedelta(days=days)
    Member.objects.filter(pk=member.pk).update(last_active_at=moment)
    ConsentRecord.objects.filter(member=member).update(given_at=moment)


@pytest.fixture
def old_postal_member(postal_member):
    age(postal_member, 800)  # more than 24 months
    return postal_member


def test_months_before_keeps_the_day_or_takes_the_months_last(db):
    moment = datetime.datetime(2027, 3, 31, 9, 30, tzinfo=datetime.UTC)
    assert retention.months_before(moment, 1) == moment.replace(month=2, day=28)
    assert retention.months_before(moment, 24) == moment.replace(year=2025)
    assert retention.months_before(moment, 15).date() == datetime.date(2025, 12, 31)


def test_the_report_lists_memberships_past_or_near_the_limit(
    officer_client, old_postal_member, joined_member
):
    page = officer_client.get("/admin/member/retention/").content.decode()
    assert "Bronwen Ashcombe" in page and "Past the limit" in page
    assert "Olwen Prydderch" not in page
    age(joined_member, 24 * 30.4 - 10)  # reaches the limit within the 30 warning days
    page = officer_client.get("/admin/member/retention/").content.decode()
    assert "Olwen Prydderch" in page and "Reaches the limit soon" in page
    assert AuditEntry.objects.filter(action="members.viewed_retention").count() == 2


def test_the_period_comes_from_the_site_settings(old_postal_member, home_page):
    config = retention.retention_settings()
    config.retention_months = 36
    config.save()
    assert list(retention.members_past_retention()) == []
    config.retention_months = 12
    config.save()
    assert list(retention.members_past_retention()) == [old_postal_member]


def test_renewing_from_the_report_takes_a_member_off_it(officer_client, old_postal_member):
    officer_client.post(
        f"/admin/member/{old_postal_member.pk}/renew/",
        {"method": "telephone", "next": "/admin/member/retention/"},
    )
    assert "Bronwen Ashcombe" not in officer_client.get("/admin/member/retention/").content.decode()


def test_the_nightly_job_erases_only_memberships_past_the_period(old_postal_member, joined_member):
    old_id = old_postal_member.pk
    out = io.StringIO()
    call_command("apply_member_retention", stdout=out)
    assert "Erased 1 membership" in out.getvalue()
    assert not Member.objects.filter(pk=old_id).exists()
    assert Member.objects.filter(pk=joined_member.pk).exists()
    entry = AuditEntry.objects.get(action="members.erased")
    assert (entry.subject_id, entry.actor) == (old_id, None)


def test_the_scheduler_runs_the_retention_job_every_day():
    assert ("apply_member_retention", 24 * 3600) in settings.KCP_SCHEDULED_JOBS
