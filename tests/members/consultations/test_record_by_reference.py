"""The officers' "record a response" screen filled from a reply form's member reference: a
correct reference names the postal member, a mistyped one is refused and nothing is saved."""

import datetime

import pytest
from django.utils import timezone

from members.consultations.models import Response
from members.models import Member
from members.postal.reference import member_reference
from tests.fixtures.consultations import form_data

pytestmark = pytest.mark.django_db


def postal(name="Doris Lane") -> Member:
    return Member.objects.create(
        name=name,
        kind=Member.Kind.RESIDENT,
        route=Member.Route.POST,
        postal_address="2 Ladbroke Grove\nLondon",
        postcode="W11 3BQ",
    )


def record_url(page) -> str:
    return f"/responses/manage/{page.pk}/record/"


def record_data(**fields):
    return {
        "channel": "post",
        "received_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "name": "",
        "address": "",
        **form_data(priority="Risk management", first="Keep a shared risk register."),
        **fields,
    }


def test_the_officer_records_a_reply_form_by_its_member_reference(officer_client, consultation):
    doris = postal()
    response = officer_client.post(
        record_url(consultation), record_data(reference=member_reference(doris.pk))
    )
    assert response.status_code == 302
    saved = Response.objects.get()
    assert (saved.member, saved.channel) == (doris, "post")


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        ("mistyped", "is not a reference we printed: a digit is probably mistyped"),
        ("not a reference", "a number, a dash and a last digit or X"),
        ("someone else's", "This reference is another member's"),
    ],
)
def test_a_mistyped_reference_is_refused_on_the_record_screen_and_nothing_is_saved(
    officer_client, consultation, mistake, message
):
    doris, edith = postal(), postal("Edith Carter")
    reference = member_reference(doris.pk)
    data = {
        "mistyped": record_data(reference=reference[:-1] + ("0" if reference[-1] != "0" else "1")),
        "not a reference": record_data(reference="Doris"),
        "someone else's": record_data(reference=reference, member=edith.pk),
    }[mistake]
    response = officer_client.post(record_url(consultation), data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert not Response.objects.exists()
