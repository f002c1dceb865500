"""Outreach's personal data is exported and erased with its holder, and only Partnership
officers see or change it: lead officers and members are refused over HTTP and nothing
changes in the database."""

import pytest

from home.audit import AuditEntry
from home.extension_points import erase_personal_data, export_personal_data
from members.outreach.models import Contact, SignUp, Suppression
from tests.people import account

PAGES = [
    "/outreach/",
    "/outreach/lists/{list}/",
    "/outreach/lists/{list}/contacts.csv",
    "/outreach/campaigns/new/",
    "/outreach/campaigns/{campaign}/",
    "/outreach/campaigns/{campaign}/letters/",
    "/outreach/campaigns/{campaign}/labels/",
    "/outreach/campaigns/{campaign}/labels.csv",
    "/outreach/figures/",
    "/outreach/figures/months.csv",
]


def _paths(groups_list, campaign):
    return [page.format(list=groups_list.pk, campaign=campaign.pk) for page in PAGES]


def test_an_entrys_data_is_exported_and_erased_with_the_person_who_holds_that_address(
    django_user_model, contacts
):
    maria = account(django_user_model, "Maria.Santos@example.org")

    exported = export_personal_data(maria)["Outreach"]
    erase_personal_data(maria)

    assert [row["name"] for row in exported["outreach_entries"]] == ["Maria Santos"]
    assert not Contact.objects.filter(email__iexact="maria.santos@example.org").exists()
    assert Suppression.objects.count() == 1


def test_a_members_sign_up_is_exported_and_its_count_outlives_their_erasure(
    officer, campaign, joined_member
):
    SignUp.objects.create(member=joined_member, channel=campaign.channels.first(), how="link")

    exported = export_personal_data(joined_member.user)["Outreach"]
    erase_personal_data(joined_member.user)

    assert exported["joined_through"]["how"] == "link"
    assert SignUp.objects.get().member is None


def test_officers_see_every_screen_and_each_look_at_a_list_is_audited(
    officer_client, groups_list, campaign
):
    for path in _paths(groups_list, campaign):
        assert officer_client.get(path).status_code == 200, path
    assert AuditEntry.objects.filter(action="outreach.viewed").count() == 1
    assert AuditEntry.objects.filter(action="outreach.exported").count() == 1


@pytest.mark.parametrize("who", ["lead_officer", "member"])
def test_lead_officers_and_members_are_refused_every_screen_and_change_nothing(
    request, client, who, groups_list, campaign, contacts
):
    client.force_login(request.getfixturevalue(who))

    for path in [*_paths(groups_list, campaign), f"/outreach/campaigns/{campaign.pk}/letters.pdf"]:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Golborne" not in response.content.decode()
    erase = client.post(f"/outreach/contacts/{contacts['group'].pk}/erase/")
    send = client.post(f"/outreach/campaigns/{campaign.pk}/", {"action": "email"})

    assert (erase.status_code, send.status_code) == (403, 403)
    assert Contact.objects.count() == 3
    assert not campaign.contactings.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, groups_list, campaign):
    response = client.get("/outreach/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
