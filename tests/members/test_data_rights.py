"""Data rights: a member sees and downloads everything held about them and deletes it after
confirming; officers do the same for postal members. Every model that points at a person is
registered with the personal-data registry, and after erasure nothing names them anywhere."""

import json

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection
from django_tasks import task
from wagtail.users.models import UserProfile

from home.audit import AuditEntry
from home.extension_points import models_with_personal_data, personal_data_holders
from members.data_rights import services as data_rights
from members.models import Member, User

pytestmark = pytest.mark.django_db


@task(backend="background")
def remember_to_write_to(address: str) -> None:
    """Queued work naming a person, as an email or a letter would be."""


def models_pointing_at_people(registered) -> list[str]:
    """Models with a foreign key (or many-to-many) to the user or member model, declared on
    the model itself, that no personal-data holder registers."""
    missing = []
    for model in apps.get_models():
        for field in model._meta.get_fields(include_parents=False):
            if (
                field.is_relation
                and field.concrete
                and field.related_model in (User, Member)
                and model not in registered
            ):
                missing.append(f"{model._meta.label}.{field.name}")
    return missing


def test_every_model_that_points_at_a_person_is_registered_for_export_and_erasure():
    assert models_pointing_at_people(models_with_personal_data()) == []
    for holder in personal_data_holders():
        assert callable(holder.export) and callable(holder.erase), holder.name


def test_control_the_registry_check_notices_a_model_left_out():
    registered = models_with_personal_data() - {Member}
    assert "members.ConsentRecord.member" not in models_pointing_at_people(registered)
    assert "members.Member.user" in models_pointing_at_people(registered)


def _rows_linked_to(model, user, member):
    condition = None
    for field in model._meta.get_fields():
        if field.is_relation and field.concrete and field.related_model in (User, Member):
            target = user if field.related_model is User else member
            if target is None:
                continue
            q = model._default_manager.filter(**{field.name: target})
            condition = q if condition is None else condition | q
    if model is User:
        return model.objects.filter(pk=user.pk)
    if model is Member:
        return model.objects.filter(pk=member.pk)
    return condition if condition is not None else model.objects.none()


def _dicts_in(value):
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _dicts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _dicts_in(item)


def test_the_export_holds_every_field_of_every_registered_model_for_that_person(
    member_client, joined_member
):
    user = joined_member.user
    UserProfile.get_for_user(user)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPKCPTESTS")
    exported = json.loads(member_client.get("/members/your-data/download/").content)
    dicts = list(_dicts_in(exported["held"]))
    checked = 0
    for model in models_with_personal_data():
        if model in (Session,):
            continue
        for row in _rows_linked_to(model, user, joined_member):
            fields = {field.name for field in model._meta.concrete_fields}
            fields |= {field.name for field in model._meta.many_to_many}
            matching = [
                d for d in dicts if d.get(model._meta.pk.name) == row.pk and fields <= set(d)
            ]
            assert matching, f"{model._meta.label} row {row.pk} is not in the export in full"
            checked += 1
    assert checked >= 7  # user, email, authenticator, profile, member, consent, changes
    assert exported["held"]["account"]["account_record"]["password"] in ("(set)", "(not set)")
    assert "olwen.prydderch@example.org" in json.dumps(exported)


def test_the_readable_page_shows_what_is_held(member_client, joined_member):
    page = member_client.get("/members/your-data/").content.decode()
    assert "Everything we hold about you" in page
    assert "Olwen Prydderch" in page and "olwen.prydderch@example.org" in page
    assert "What you agreed to" in page and "Homes and housing" in page


def test_deleting_needs_the_box_ticked_and_keeps_everything_until_then(
    member_client, joined_member
):
    response = member_client.post("/members/your-data/delete/", {})
    page = response.content.decode()
    assert '<a href="#id_confirm">Tick the box to confirm' in page
    assert Member.objects.filter(pk=joined_member.pk).exists()


def _needles(member, *, email=None):
    needles = [member.name, member.name.split()[-1]]
    if email:
        needles.append(email)
    if member.postal_address:
        needles += [member.postal_address.splitlines()[0], member.postcode]
    return needles


def text_columns():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() "
            "AND data_type IN ('text', 'character varying', 'json', 'jsonb')"
        )
        return cursor.fetchall()


def where_found(needles) -> list[str]:
    """Every table and column (text and JSON), decoded session, and task argument that holds
    any of the strings."""
    found = []
    with connection.cursor() as cursor:
        for table, column in text_columns():
            for needle in needles:
                cursor.execute(
                    f'SELECT count(*) FROM "{table}" WHERE "{column}"::text ILIKE %s',
                    [f"%{needle}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column}: {needle}")
    for session in Session.objects.all():
        decoded = json.dumps(session.get_decoded(), default=str)
        found += [f"session {session.pk}: {n}" for n in needles if n.lower() in decoded.lower()]
    return found


def test_after_a_member_deletes_themselves_nothing_names_them_anywhere(
    member_client, joined_member, postal_member, officer_client
):
    email = joined_member.user.email
    needles = _needles(joined_member, email=email)
    member_id = joined_member.pk
    remember_to_write_to.enqueue(email)
    officer_client.get(f"/admin/member/inspect/{member_id}/")  # an audit entry about them
    member_client.force_login(joined_member.user)
    member_client.get("/members/preferences/")
    assert where_found(needles)  # the scan finds them before

    response = member_client.post("/members/your-data/delete/", {"confirm": "on"})
    assert response["Location"] == "/members/your-data/deleted/"
    found = where_found(needles)
    assert found == [], "\n".join(found)
    assert not User.objects.filter(email=email).exists()
    assert AuditEntry.objects.filter(subject_id=member_id, action="members.erased").exists()
    assert AuditEntry.objects.filter(subject_id=member_id, action="members.inspected").exists()
    # Someone else's membership is untouched.
    postal_member.refresh_from_db()
    assert postal_member.name == "Bronwen Ashcombe"
    assert where_found(_needles(postal_member))
    assert member_client.get("/members/preferences/").status_code == 302  # signed out


def test_an_officer_erases_a_postal_member_on_request_and_nothing_names_them(
    officer_client, officer, postal_member, joined_member
):
    needles = _needles(postal_member)
    remember_to_write_to.enqueue(postal_member.postal_address)
    download = officer_client.get(f"/admin/member/{postal_member.pk}/data.json")
    exported = json.loads(download.content)
    membership = exported["held"]["Wider partnership membership"]["membership"]
    assert membership["postal_address"] == "14 Quenby Mews\nLondon"
    assert AuditEntry.objects.filter(action="members.downloaded", actor=officer).exists()

    page = officer_client.get(f"/admin/member/delete/{postal_member.pk}/").content.decode()
    assert "Yes, erase them" in page
    response = officer_client.post(f"/admin/member/delete/{postal_member.pk}/")
    assert response.status_code == 302
    assert where_found(needles) == []
    entry = AuditEntry.objects.get(action="members.erased")
    assert (entry.actor, entry.subject_id) == (officer, postal_member.pk)
    assert Member.objects.filter(pk=joined_member.pk).exists()


def test_officers_accounts_are_not_deleted_from_the_members_page(officer_client, officer):
    response = officer_client.post("/members/your-data/delete/", {"confirm": "on"})
    assert response.status_code == 403
    assert User.objects.filter(pk=officer.pk).exists()


def test_erasing_through_the_service_returns_the_old_id(postal_member):
    member_id = postal_member.pk
    assert data_rights.erase_member(postal_member) == member_id
    assert not Member.objects.filter(pk=member_id).exists()
