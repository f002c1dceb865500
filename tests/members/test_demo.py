"""The demo's members' area: the printed new member sees the induction with nothing done and
can mark a module done; the half-way member has done three of six; the Steering Group page
lists the demo seats."""

import io

import pytest
from django.core.management import call_command

from members.accounts.demo import DEMO_PASSWORD, HALF_WAY_MEMBER, NEW_MEMBER
from members.models import AlertDelivery, InductionModulePage, Member, Posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=io.StringIO())


def sign_in(client, email):
    response = client.post(
        "/accounts/login/?next=/members/",
        {"login": email, "password": DEMO_PASSWORD, "next": "/members/"},
    )
    assert response["Location"] == "/members/"


def test_the_printed_new_member_starts_with_no_module_done_and_marks_one(client, demo_site):
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert NEW_MEMBER in out.getvalue() and HALF_WAY_MEMBER in out.getvalue()
    sign_in(client, NEW_MEMBER)
    assert "0 of 6 modules done" in client.get("/members/").content.decode()
    first = InductionModulePage.objects.live().order_by("path").first()
    client.post(f"/members/induction/{first.pk}/done/")
    assert "1 of 6 modules done" in client.get("/members/").content.decode()


def test_the_half_way_member_has_done_three_of_six_and_can_open_the_induction_document(
    client, demo_site
):
    sign_in(client, HALF_WAY_MEMBER)
    assert "3 of 6 modules done" in client.get("/members/").content.decode()
    last = InductionModulePage.objects.live().order_by("path").last()
    page = client.get(last.url).content.decode()
    assert "The support team" in page
    document = last.documents.get().document
    assert client.get(document.url).status_code == 200


def test_the_demo_steering_group_page_lists_its_seats(client, demo_site):
    html = client.get("/steering-group/").content.decode()
    assert "Merrick Cockell" in html and "Alan Brown" in html
    assert "Kensington and Chelsea Social Council" in html


def test_loading_the_demo_twice_changes_nothing(client, demo_site):
    count = InductionModulePage.objects.count()
    call_command("load_demo_content", stdout=io.StringIO())
    assert InductionModulePage.objects.count() == count == 6


def test_the_demo_has_postings_with_alerts_sent_and_one_refused(demo_site):
    assert Posting.objects.filter(kind_label="report").exists()
    assert AlertDelivery.objects.filter(state=AlertDelivery.State.SENT).exists()
    assert AlertDelivery.objects.filter(state=AlertDelivery.State.FAILED).count() == 1
    assert Member.objects.filter(email_paused_at__isnull=False).count() == 1
