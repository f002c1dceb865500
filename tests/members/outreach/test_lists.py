"""Outreach lists: the PECR rule, CSV imports (all or nothing), erasure behind a suppression
record that later imports respect, and officers only."""

import pytest
from django.test import override_settings

from home.audit import AuditEntry
from members.outreach.contacts import add_contact, erase_contact, import_contacts
from members.outreach.exceptions import BadImportRow, EmailNotAllowed, NotAnOfficer, Suppressed
from members.outreach.models import Contact, Suppression
from tests.fixtures.outreach import details

HEADING = (
    "name,organisation,kind,email,is_corporate_email,postal_address,postcode,source,"
    "lawful_basis,has_consented_to_email\n"
)
GOOD_ROW = (
    ",Chelsea Forum,voluntary_group,,no,1 Dovehouse Street,SW3 6JY,Directory,"
    "legitimate_interests,no\n"
)
SECOND_GOOD_ROW = ",Traders,business,info@traders.example,yes,,,Directory,legitimate_interests,no\n"
BAD_ROW = "Ann Lee,,past_respondent,ann@example.org,no,,,Form,legitimate_interests,no\n"


def test_a_csv_with_a_bad_row_is_refused_naming_the_row_and_saves_nothing(officer, groups_list):
    with pytest.raises(BadImportRow) as refusal:
        import_contacts(officer, groups_list, HEADING + GOOD_ROW + SECOND_GOOD_ROW + BAD_ROW)

    assert refusal.value.message.startswith("Row 4:")
    assert "consent" in refusal.value.message
    assert Contact.objects.count() == 0


def test_a_good_csv_adds_every_row_and_is_audited(officer, groups_list):
    result = import_contacts(officer, groups_list, HEADING + GOOD_ROW + SECOND_GOOD_ROW)

    assert result.added == 2
    assert set(Contact.objects.values_list("organisation", flat=True)) == {
        "Chelsea Forum",
        "Traders",
    }
    assert AuditEntry.objects.filter(action="outreach.imported", count=2).exists()


def test_an_individuals_email_without_consent_is_refused_by_the_pecr_rule(officer, groups_list):
    with pytest.raises(EmailNotAllowed):
        add_contact(officer, groups_list, details(name="Ann Lee", email="ann@example.org"))

    assert not Contact.objects.exists()


def test_erasing_an_entry_keeps_only_a_hash_and_a_later_import_leaves_them_out(
    officer, groups_list
):
    contact = add_contact(
        officer,
        groups_list,
        details(
            organisation="Chelsea Forum", postal_address="1 Dovehouse Street", postcode="SW3 6JY"
        ),
    )
    erase_contact(officer, contact)

    assert not Contact.objects.exists()
    assert Suppression.objects.count() == 1
    assert "SW3" not in Suppression.objects.get().digest
    result = import_contacts(officer, groups_list, HEADING + GOOD_ROW.replace("SW3 6JY", "sw3 6jy"))
    assert (result.added, result.suppressed) == (0, 1)
    with pytest.raises(Suppressed):
        add_contact(
            officer, groups_list, details(postal_address="1 Dovehouse Street", postcode="SW3 6JY")
        )
    assert not Contact.objects.exists()


def test_rotating_the_secret_key_keeps_an_erased_entry_from_coming_back(officer, groups_list):
    contact = add_contact(
        officer, groups_list, details(email="info@golborne.example", is_corporate_email=True)
    )
    erase_contact(officer, contact)

    with override_settings(SECRET_KEY="a-new-secret-key-after-rotation-" + "r" * 30):
        result = import_contacts(
            officer, groups_list, HEADING + SECOND_GOOD_ROW.replace("info@traders", "info@golborne")
        )

    assert (result.added, result.suppressed) == (0, 1)
    assert not Contact.objects.exists()


def test_the_suppression_hash_is_keyed_by_its_own_key_not_the_secret_key(officer, groups_list):
    contact = add_contact(
        officer, groups_list, details(email="info@golborne.example", is_corporate_email=True)
    )
    erase_contact(officer, contact)

    with override_settings(KCP_OUTREACH_SUPPRESSION_KEY="some-other-suppression-key"):
        result = import_contacts(
            officer, groups_list, HEADING + SECOND_GOOD_ROW.replace("info@traders", "info@golborne")
        )

    assert (result.added, result.suppressed) == (1, 0)


@pytest.mark.parametrize("who", ["lead_officer", "member"])
def test_lead_officers_and_members_can_neither_import_nor_add_nor_erase(
    request, who, officer, groups_list
):
    person = request.getfixturevalue(who)
    contact = add_contact(officer, groups_list, details())

    with pytest.raises(NotAnOfficer):
        import_contacts(person, groups_list, HEADING + GOOD_ROW)
    with pytest.raises(NotAnOfficer):
        add_contact(person, groups_list, details(organisation="Another"))
    with pytest.raises(NotAnOfficer):
        erase_contact(person, contact)

    assert list(Contact.objects.values_list("organisation", flat=True)) == [
        "Golborne Community Group"
    ]
    assert not Suppression.objects.exists()
