"""Lead officers: one Django group per theme group, made and kept in step by the services;
the commands and the officers' screen that add and remove them; the access review; trusted
groups; the shared records they may add but not change."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from home.models import Organisation
from papers.models import ContactOfficer

pytestmark = pytest.mark.django_db


def page_rights(group, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_creating_a_group_page_makes_its_lead_officers_group_with_add_and_edit_only(
    health_group,
):
    group = Group.objects.get(name="Lead officers: Health and Well-Being Partnership")
    assert page_rights(group, health_group) == {"add_page", "change_page"}
    assert GroupPagePermission.objects.filter(group=group).count() == 2
    collection_rights = set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__codename"
        )
    )
    assert ("Health and Well-Being Partnership", "add_document") in collection_rights
    assert ("Health and Well-Being Partnership", "choose_image") in collection_rights
    assert not any(codename.startswith("delete") for _, codename in collection_rights)
    assert group.permissions.filter(codename="access_admin").exists()


def test_renaming_a_group_renames_its_lead_officers_group_and_collection(health_group):
    health_group.title = "Health and Wellbeing Board"
    health_group.save_revision().publish()
    assert Group.objects.filter(name="Lead officers: Health and Wellbeing Board").exists()
    assert health_group.lead_officer_group.collection.name == "Health and Wellbeing Board"


def test_saving_a_draft_title_does_not_rename_the_group_before_it_is_published(health_group):
    health_group.title = "Draft name"
    health_group.save_revision()
    assert Group.objects.filter(name="Lead officers: Health and Well-Being Partnership").exists()


def test_deleting_a_group_page_deletes_its_lead_officers_group(health_group, lead_officer):
    health_group.delete()
    assert not Group.objects.filter(name__startswith="Lead officers: Health").exists()
    assert not lead_officer.groups.exists()


def test_add_lead_officer_command_gives_rights_on_that_group(health_group, member, client):
    out = io.StringIO()
    call_command("add_lead_officer", "MEMBER@kcp.example", "health", stdout=out)
    assert "member@kcp.example is now a lead officer of Health and Well-Being" in out.getvalue()
    client.force_login(member)
    assert client.get(f"/admin/pages/{health_group.pk}/edit/").status_code == 200


def test_add_lead_officer_command_names_the_valid_groups_for_an_unknown_slug(health_group):
    with pytest.raises(CommandError, match="no group with the web address “healthy”.*health"):
        call_command("add_lead_officer", "member@kcp.example", "healthy")


def test_add_lead_officer_command_says_what_to_do_for_an_unknown_email(health_group):
    with pytest.raises(CommandError, match="Nobody has an account.*sign up"):
        call_command("add_lead_officer", "nobody@kcp.example", "health")


def test_remove_lead_officer_command_revokes_at_once(lead_officer_client, health_group):
    url = f"/admin/pages/{health_group.pk}/edit/"
    assert lead_officer_client.get(url).status_code == 200
    call_command("remove_lead_officer", "lead.health@kcp.example", "health", stdout=io.StringIO())
    response = lead_officer_client.get(url)
    assert response.status_code in (302, 403)
    assert lead_officer_client.get("/admin/").status_code == 302  # no admin access at all


def test_remove_lead_officer_command_refuses_someone_who_is_not_one(health_group, member):
    with pytest.raises(CommandError, match="not a lead officer of Health"):
        call_command("remove_lead_officer", member.email, "health")


def test_officer_adds_a_lead_officer_from_the_admin_screen(officer_client, health_group, member):
    response = officer_client.post(
        "/admin/lead-officers/", {"email": member.email, "group": health_group.pk}
    )
    assert response.status_code == 302
    assert member.groups.filter(lead_officer_group__page=health_group).exists()


def test_access_review_lists_who_holds_rights_where_and_their_last_sign_in(
    officer_client, lead_officer, health_group
):
    import datetime

    from django.utils import timezone

    lead_officer.last_login = timezone.make_aware(datetime.datetime(2026, 3, 4, 9, 30))
    lead_officer.save()
    html = officer_client.get("/admin/lead-officers/").content.decode()
    assert "Access review" in html
    assert "lead.health@kcp.example" in html
    assert "4 March 2026" in html
    assert "change on Health and Well-Being Partnership and below" in html
    assert "officer@kcp.example" in html  # officers hold rights at the root


def test_officer_removes_a_leaver_in_one_click_after_confirming(
    officer_client, lead_officer, safety_group
):
    from themegroups.services import add_lead_officer

    add_lead_officer(lead_officer, safety_group)
    url = f"/admin/lead-officers/leaver/{lead_officer.pk}/"
    confirm = officer_client.get(url).content.decode()
    assert "Remove every lead-officer right lead.health@kcp.example holds?" in confirm
    assert lead_officer.groups.count() == 2  # nothing happens until confirmed
    officer_client.post(url)
    assert not lead_officer.groups.exists()


def test_lead_officer_cannot_open_the_lead_officers_screen(lead_officer_client):
    assert lead_officer_client.get("/admin/lead-officers/").status_code in (302, 403)
    lead_officer_client.post(
        "/admin/lead-officers/", {"email": "lead.health@kcp.example", "group": 1}
    )
    assert Group.objects.filter(user__email="lead.health@kcp.example").count() == 1


def test_trusting_a_group_lets_its_lead_officers_publish_and_untrusting_stops_them(
    health_group, lead_officer
):
    from themegroups.services import trust_group

    group = lead_officer.groups.get()
    call_command("trust_group", "health", stdout=io.StringIO())
    assert "publish_page" in page_rights(group, health_group)
    assert health_group.permissions_for_user(lead_officer).can_publish()
    trust_group(health_group, is_trusted=False)
    assert page_rights(group, health_group) == {"add_page", "change_page"}


def test_trusted_lead_officer_must_set_up_two_factor_before_using_the_admin(
    lead_officer_client, health_group
):
    from themegroups.services import trust_group

    assert lead_officer_client.get("/admin/").status_code == 200
    trust_group(health_group)
    response = lead_officer_client.get("/admin/")
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_lead_officer_adds_a_partner_organisation(lead_officer_client):
    response = lead_officer_client.post(
        "/admin/snippets/home/organisation/add/",
        {"name": "Kensington and Chelsea Social Council", "sector": "voluntary"},
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Kensington and Chelsea Social Council").exists()


@pytest.fixture
def shared_records(db):
    return (
        Organisation.objects.create(name="Metropolitan Police", sector="police"),
        ContactOfficer.objects.create(name="Partnership team", email="kcp@rbkc.gov.uk"),
    )


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/admin/snippets/home/organisation/edit/{organisation}/", {"name": "Renamed"}),
        ("/admin/snippets/home/organisation/delete/{organisation}/", {}),
        ("/admin/snippets/papers/contactofficer/edit/{contact}/", {"name": "Renamed"}),
        ("/admin/snippets/papers/contactofficer/delete/{contact}/", {}),
    ],
    ids=["edit organisation", "delete organisation", "edit contact", "delete contact"],
)
def test_lead_officer_cannot_change_or_delete_a_shared_record(
    lead_officer_client, shared_records, url, data
):
    organisation, contact = shared_records
    lead_officer_client.post(url.format(organisation=organisation.pk, contact=contact.pk), data)
    assert Organisation.objects.get(pk=organisation.pk).name == "Metropolitan Police"
    assert ContactOfficer.objects.get(pk=contact.pk).name == "Partnership team"


def test_lead_officer_can_choose_shared_records(lead_officer_client, shared_records):
    response = lead_officer_client.get("/admin/snippets/choose/home/organisation/")
    assert "Metropolitan Police" in response.content.decode()


def test_officer_changes_a_shared_record(officer_client, shared_records):
    organisation, _ = shared_records
    officer_client.post(
        f"/admin/snippets/home/organisation/edit/{organisation.pk}/",
        {"name": "Metropolitan Police Service", "sector": "police"},
    )
    assert Organisation.objects.get(pk=organisation.pk).name == "Metropolitan Police Service"
