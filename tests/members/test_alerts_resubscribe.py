"""The unsubscribe confirmation has a way back: "Start my alerts again" asks for consent once
more, a box left unticked saves nothing and says what to do, and starting again records new
consent. The one-click POST itself stays one step."""

import re

import pytest
from django.test import Client

from members.alerts import matching as alerts_matching
from members.models import ConsentRecord, Member, MembershipChange
from tests.site_crawl import html_errors

pytestmark = pytest.mark.django_db


def test_after_stopping_the_member_can_start_again_with_new_consent(health_reader):
    browser = Client(enforce_csrf_checks=True)
    path = alerts_matching.unsubscribe_url(health_reader).removeprefix("http://testserver")
    stopped = browser.post(path).content.decode()  # one step, as a mail program does it
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.PAUSED
    assert f'href="{path}start-again/"' in stopped

    asked = browser.get(path + "start-again/").content.decode()
    assert "I agree to the statement above." in asked
    # Consent is given on our own form only: a post from elsewhere is refused.
    assert browser.post(path + "start-again/", {"consent": "on"}).status_code == 403
    token = {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', asked)[1]
    }
    refused = browser.post(path + "start-again/", token).content.decode()
    assert "Tick the box to agree" in refused and "<title>Error: " in refused
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.PAUSED
    consents_before = ConsentRecord.objects.filter(member=health_reader).count()

    done = browser.post(path + "start-again/", {**token, "consent": "on"}).content.decode()
    assert "Your alerts are back on" in done
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.ACTIVE
    assert ConsentRecord.objects.filter(member=health_reader).count() == consents_before + 1
    assert MembershipChange.objects.filter(member=health_reader, what="resubscribed").exists()
    assert html_errors({"stopped": stopped, "asked": asked, "refused": refused, "done": done}) == []


def test_a_tampered_link_cannot_start_anyones_alerts(health_reader):
    response = Client().post("/members/unsubscribe/not-a-token/start-again/", {"consent": "on"})
    assert response.status_code == 400
