"""Responses are personal data: never on public pages, search, feeds or alerts; in the
person's export; kept anonymised for the totals when the person asks to be erased."""

import pytest
from django.utils import timezone
from wagtail.models import Revision

from home.audit import AuditEntry
from home.extension_points import erase_personal_data, export_personal_data
from home.models import OutgoingEmail
from members.consultations.models import Response
from members.consultations.services import record_response, taking_responses, totals
from members.data_rights.services import erase_member, export_member
from papers.models import ConsultationPage
from tests.fixtures.consultations import answers, form_data

pytestmark = pytest.mark.django_db

SECRET_WORDS = "Induction for new members, please."


@pytest.fixture
def archive(home_page):
    from papers.models import PaperArchivePage
    from tests.fixtures.papers import publish

    return publish(home_page, PaperArchivePage(title="Papers", slug="papers"))


def test_responses_never_appear_on_public_pages_search_or_feeds(
    client, archive, steering_group, consultation, amiras_response
):
    client.logout()
    for url in (
        consultation.url,
        steering_group.url,
        "/papers/",
        "/papers/?q=induction+please",
        "/search/?q=induction+please",
        "/papers/feed/",
        f"/papers/feed/{steering_group.slug}/",
        "/",
    ):
        html = client.get(url).content.decode()
        assert "Induction for new members" not in html, url
        assert "Hassan" not in html and "Golborne Residents" not in html, url


def test_responding_publishes_nothing_and_sends_no_alert(
    client, consultation, amira, django_capture_on_commit_callbacks
):
    revisions = Revision.objects.count()
    client.force_login(amira)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/responses/{consultation.pk}/", form_data())
    assert Response.objects.count() == 1
    assert Revision.objects.count() == revisions
    assert not OutgoingEmail.objects.exists()


def test_the_persons_export_holds_their_responses(amira, amiras_response):
    exported = export_personal_data(amira)["Consultation responses"]
    assert [row["organisation"] for row in exported] == ["Golborne Residents"]
    assert exported[0]["answers"][1]["answer"] == SECRET_WORDS


def test_erasure_keeps_the_response_unnamed_for_the_totals(
    officer, consultation, amira, amiras_response
):
    AuditEntry.objects.create(actor=amira, action="consultations.viewed", page=consultation)
    before = totals(taking_responses(consultation, timezone.now()))
    erase_personal_data(amira)
    kept = Response.objects.get()
    assert (kept.user, kept.name, kept.email, kept.address) == (None, "", "", "")
    assert kept.is_anonymised and kept.responder_name == "(erased)"
    assert [answer["answer"] for answer in kept.answers] == ["Membership", "(erased)", ""]
    assert totals(taking_responses(consultation, timezone.now())) == before
    assert AuditEntry.objects.get().actor is None


def test_erasure_also_removes_the_organisation_which_can_name_a_sole_trader(
    consultation, amira, amiras_response
):
    erase_personal_data(amira)
    assert Response.objects.get().organisation == ""


@pytest.fixture
def postal_response(officer, consultation, postal_member):
    """A letter from the postal member, recorded by an officer against their membership."""
    return record_response(
        consultation,
        by=officer,
        channel="post",
        received_on=timezone.localdate(),
        answers=answers(first=SECRET_WORDS),
        member=postal_member,
        organisation="Ashcombe Joinery",
    )


def test_a_postal_members_export_holds_the_response_an_officer_recorded(
    postal_member, postal_response
):
    exported = export_member(postal_member)["held"]["Consultation responses"]
    assert [row["id"] for row in exported] == [postal_response.pk]
    assert exported[0]["answers"][1]["answer"] == SECRET_WORDS


def test_erasing_a_postal_member_anonymises_their_recorded_response_for_the_totals(
    consultation, postal_member, postal_response
):
    before = totals(taking_responses(consultation, timezone.now()))
    erase_member(postal_member)
    kept = Response.objects.get()
    assert (kept.member, kept.name, kept.address, kept.organisation) == (None, "", "", "")
    assert kept.is_anonymised and kept.responder_name == "(erased)"
    assert [answer["answer"] for answer in kept.answers] == ["Membership", "(erased)", ""]
    assert totals(taking_responses(consultation, timezone.now())) == before
    assert before.total == 1


def test_a_postal_member_who_made_an_account_later_is_exported_and_erased_with_it(
    consultation, postal_member, postal_response, amira
):
    postal_member.user = amira
    postal_member.save()
    exported = export_member(postal_member)["held"]["Consultation responses"]
    assert [row["id"] for row in exported] == [postal_response.pk]
    erase_member(postal_member)
    kept = Response.objects.get()
    assert kept.is_anonymised and kept.member is None and kept.organisation == ""
    assert [answer["answer"] for answer in kept.answers] == ["Membership", "(erased)", ""]


def test_a_page_people_responded_to_cannot_be_deleted(
    officer_client, consultation, amiras_response
):
    response = officer_client.post(f"/admin/pages/{consultation.pk}/delete/")
    assert response.status_code == 302
    assert ConsultationPage.objects.filter(pk=consultation.pk).exists()
    assert Response.objects.filter(pk=amiras_response.pk).exists()
    messages = officer_client.get(response["Location"]).content.decode()
    assert "People have responded to this page, so it cannot be deleted" in messages
