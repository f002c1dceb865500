"""The demo's campaign can be printed and sent, its letters and posters render and its
sign-ups show; the officers' listings stay at the same number of queries as rows grow."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from members.outreach.contacts import add_contact
from members.outreach.demo import CAMPAIGN
from members.outreach.models import Campaign, Channel, SignUp
from members.outreach.sending import prepare_letters
from tests.fixtures.members import sent_mail
from tests.fixtures.outreach import details


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())  # and again: nothing doubles


def test_the_demo_campaign_prints_sends_and_shows_its_sign_ups(client, demo_site):
    from django.contrib.auth import get_user_model

    campaign = Campaign.objects.get(name=CAMPAIGN)
    officer = get_user_model().objects.get(email="officer@kcp.example")
    client.force_login(officer)
    poster = campaign.channels.get(kind=Channel.Kind.POSTER)

    letters = client.get(f"/outreach/campaigns/{campaign.pk}/letters/").content.decode()
    pdf = PdfReader(
        io.BytesIO(client.get(f"/outreach/campaigns/{campaign.pk}/letters.pdf").content)
    )
    poster_page = client.get(f"/outreach/channels/{poster.pk}/print/").content.decode()
    sent = client.post(f"/outreach/campaigns/{campaign.pk}/", {"action": "email"})
    figures_page = client.get("/outreach/figures/").content.decode()

    assert Campaign.objects.filter(name=CAMPAIGN).count() == 1
    assert letters.count('class="letter"') == 3
    assert sum("Dear " in page.extract_text() for page in pdf.pages) == 3
    assert "QR code of the join address" in poster_page
    assert sent.status_code == 302
    assert sorted(message.to[0] for message in sent_mail()) == [
        "hello@portobello-traders.example",
        "info@nklc.example",
        "maria.santos@example.org",
    ]
    assert SignUp.objects.filter(channel__campaign=campaign).count() == 9
    assert "Poster at Kensington Central Library" in figures_page
    assert "Members joined and left, by month" in figures_page


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_listings_take_as_many_queries_for_thirty_rows_as_for_three(
    officer_client, officer, groups_list, contacts, campaign
):
    prepare_letters(officer, campaign)
    paths = [
        "/outreach/",
        f"/outreach/lists/{groups_list.pk}/",
        f"/outreach/campaigns/{campaign.pk}/",
        f"/outreach/campaigns/{campaign.pk}/letters/",
        f"/outreach/campaigns/{campaign.pk}/labels/",
        "/outreach/figures/",
    ]
    for path in paths:  # the first request of a session reads the site and its settings
        officer_client.get(path)
    few = {path: _queries(officer_client, path) for path in paths}
    for number in range(27):
        add_contact(
            officer,
            groups_list,
            details(organisation=f"Group {number}", postcode=f"W10 {number}AA"),
        )
    prepare_letters(officer, campaign)

    many = {path: _queries(officer_client, path) for path in paths}

    assert many == few
