"""The one audit trail of personal data: every app writes through one writer, only registered
actions are accepted, officers read it on one screen filtered by who, what, when and subject,
and nobody else can."""

import datetime
import importlib

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.audit import AuditEntry, audit_actions, record_access
from home.exceptions import UnknownAuditAction
from members.audit.actions import Action as MemberAction
from members.consultations.audit import Action as ResponseAction
from tests.people import SECRET, account

pytestmark = pytest.mark.django_db

moved = importlib.import_module("home.migrations.0013_audit_trail_from_the_old_logs")


def test_every_app_registers_the_actions_it_writes_with_words_an_officer_reads():
    actions = audit_actions()
    assert actions["members.viewed_list"] == "Viewed the member list"
    assert actions["consultations.exported"] == "Exported responses"
    assert actions["home.viewed_email"] == "Viewed an email in the outbox"
    assert all(
        code.split(".")[0] in {"home", "members", "events", "consultations", "outreach"}
        for code in actions
    )


def test_an_action_nobody_registered_is_refused_and_nothing_is_written(officer):
    with pytest.raises(UnknownAuditAction):
        record_access(officer, "members.looked_around")
    assert not AuditEntry.objects.exists()


def test_an_entry_names_its_subject_by_kind_and_number_only(officer, django_user_model):
    member_user = account(django_user_model, "amira@example.org", "Amira")
    entry = record_access(officer, MemberAction.INSPECTED, subject=member_user)
    assert (entry.subject_type, entry.subject_id, entry.count) == (
        "members.user",
        member_user.pk,
        1,
    )
    assert "Amira" not in str(entry.details) and entry.subject == f"user {member_user.pk}"
    assert entry.action_label == "Inspected a member"


def test_an_anonymous_actor_is_written_as_the_site_itself():
    entry = record_access(AnonymousUser(), MemberAction.ERASED, subject=("members.member", 4))
    assert entry.actor is None and entry.subject_id == 4


@pytest.fixture
def trail(officer, django_user_model):
    """Three entries by two officers on three days, about members and a response."""
    other = account(django_user_model, "second.officer@kcp.example", "Sam")
    week_ago = timezone.now() - datetime.timedelta(days=7)
    first = record_access(officer, MemberAction.INSPECTED, subject=("members.member", 11))
    AuditEntry.objects.filter(pk=first.pk).update(at=week_ago)
    record_access(other, MemberAction.EXPORTED, count=30, details={"filters": ["route"]})
    record_access(officer, ResponseAction.PRINTED, subject=("consultations.response", 5))
    return {"officer": officer, "other": other, "week_ago": week_ago}


def listed(officer_client, query=""):
    """The rows of the listing (the filters' menus name every action, so look at rows only)."""
    response = officer_client.get(f"/admin/member_audit/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    if '<table class="listing' not in html:
        return ""
    table = html[html.index('<table class="listing') :]
    return table[: table.index("</table>")]


def test_officers_see_every_apps_entries_newest_first_in_words(officer_client, trail):
    html = listed(officer_client)
    assert html.index("Printed responses") < html.index("Exported members as CSV")
    assert html.index("Exported members as CSV") < html.index("Inspected a member")
    assert "member 11" in html and "response 5" in html


def test_the_screen_filters_by_who_what_when_and_subject(officer_client, trail):
    by_other = listed(officer_client, f"?actor={trail['other'].pk}")
    assert "Exported members as CSV" in by_other and "Inspected a member" not in by_other
    printed = listed(officer_client, f"?action={ResponseAction.PRINTED}")
    assert "Printed responses" in printed and "Exported members" not in printed
    since = (trail["week_ago"] + datetime.timedelta(days=1)).date().isoformat()
    recent = listed(officer_client, f"?at_from={since}")
    assert "Inspected a member" not in recent and "Printed responses" in recent
    about = listed(officer_client, "?subject_type=members.member&subject_id=11")
    assert "Inspected a member" in about and "Printed responses" not in about


def test_nonsense_filters_list_nothing_rather_than_fail(officer_client, trail):
    response = officer_client.get(
        "/admin/member_audit/?action=not-an-action&subject_id=abc&at_from=yesterday"
    )
    assert response.status_code == 200
    assert "Personal data audit trail" in response.content.decode()


def test_the_trail_is_refused_to_everyone_but_partnership_officers(
    client, trail, lead_officer, steering_group_member, wider_partnership_member
):
    for person in (lead_officer, steering_group_member, wider_partnership_member):
        client.force_login(person)
        response = client.get("/admin/member_audit/")
        assert response.status_code in (302, 403)
        assert "Inspected a member" not in response.content.decode()


def test_nobody_can_change_or_delete_an_entry_not_even_a_superuser(
    client, trail, django_user_model
):
    root = django_user_model.objects.create_superuser("root@kcp.example", "correct horse battery")
    TOTP.activate(root, SECRET)
    client.force_login(root)
    entry = AuditEntry.objects.first()
    for url in (f"/admin/member_audit/edit/{entry.pk}/", f"/admin/member_audit/delete/{entry.pk}/"):
        assert client.post(url).status_code in (302, 403)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_listing_takes_the_same_number_of_queries_for_3_or_60_entries(officer_client, trail):
    def queries_for_listing() -> int:
        with CaptureQueriesContext(connection) as queries:
            listed(officer_client)
        return len(queries)

    # The first requests create the site's settings row and the admin's session state:
    # measure from the third.
    queries_for_listing()
    queries_for_listing()
    few = queries_for_listing()
    for number in range(57):
        record_access(trail["officer"], MemberAction.INSPECTED, subject=("members.member", number))
    assert queries_for_listing() == few


def test_the_old_logs_rows_move_into_the_trail_with_their_words(officer):
    """The data migration, run on rows shaped like the old logs' (its functions read them
    through the migration state, here through stand-ins with the old fields)."""
    old_member_entry = _OldRow(
        at=timezone.now(),
        officer_id=officer.pk,
        action="exported",
        member_id=None,
        member_count=12,
        details={"filters": ["route"]},
    )
    old_response_entry = _OldRow(
        at=timezone.now(),
        actor_id=officer.pk,
        action="viewed",
        page_id=None,
        response_id=3,
        included_names=True,
        detail="",
    )
    moved_apps = _AppsWith(
        {"MemberDataAuditEntry": [old_member_entry], "ResponseAuditEntry": [old_response_entry]}
    )
    moved.forwards(moved_apps, None)
    entries = {entry.action: entry for entry in AuditEntry.objects.all()}
    assert entries["members.exported"].count == 12
    assert entries["members.exported"].details == {"filters": ["route"]}
    assert entries["consultations.viewed"].subject_id == 3
    assert entries["consultations.viewed"].details == {"included_names": True}
    assert {entry.action_label for entry in entries.values()} == {
        "Exported members as CSV",
        "Viewed responses",
    }


class _OldRow:
    def __init__(self, **fields):
        self.__dict__.update(fields)


class _Rows(list):
    def order_by(self, *fields):
        return self

    def iterator(self):
        return iter(self)


class _AppsWith:
    """The migration's `apps`: the new model for real, the old ones as their rows."""

    def __init__(self, old_rows):
        self.old_rows = old_rows

    def get_model(self, app_label, name):
        if name in self.old_rows:
            return type(name, (), {"objects": _Rows(self.old_rows[name])})
        return django_apps.get_model(app_label, name)
