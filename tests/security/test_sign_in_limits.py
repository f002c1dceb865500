"""Defect 4 of issue 12: behind the proxy every client had the proxy's address, so ten
failed sign-ins a minute from anyone locked out everyone; and five wrong passwords for a
named officer locked that officer out from everywhere. Password-protected pages accepted
unlimited guesses. Wagtail's plain `_util/login/` skipped allauth's limits and two-factor."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client, override_settings
from wagtail.models import ModelLogEntry, PageViewRestriction

from home.models import StandardPage
from tests.fixtures.papers import publish

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]


def sign_in(client, email, password, **headers):
    return client.post(
        "/accounts/login/?next=/admin/", {"login": email, "password": password}, **headers
    )


def test_a_stranger_cannot_lock_a_named_officer_out(officer, django_capture_on_commit_callbacks):
    TOTP.activate(officer, "JBSWY3DPEHPK3PXPKCPTESTS")
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(8):
            sign_in(attacker, officer.email, "wrong password")
    refused = sign_in(attacker, officer.email, "correct horse battery")
    assert "Too many failed sign-ins" in refused.content.decode()

    response = sign_in(Client(REMOTE_ADDR="198.51.100.7"), officer.email, "correct horse battery")
    assert response["Location"].startswith("/accounts/2fa/authenticate/")


def test_the_account_owner_is_told_once_when_sign_in_is_paused(officer, deliver_outbox):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(8):
        sign_in(attacker, officer.email, "wrong password")
    (message,) = deliver_outbox()
    assert message.to == [officer.email]
    assert "203.0.113.9" in message.body and "/accounts/password/reset/" in message.body
    actions = list(ModelLogEntry.objects.filter(object_id=str(officer.pk)).values_list("action"))
    assert ("kcp.sign_in_paused",) in actions and ("kcp.sign_in_failed",) in actions


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_one_clients_failures_do_not_lock_out_another(officer, member):
    proxy = "10.0.0.2"
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    for number in range(12):
        sign_in(attacker, f"nobody{number}@example.org", "wrong password")
    colleague = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    response = sign_in(colleague, member.email, "correct horse battery")
    assert response.status_code == 302 and "_auth_user_id" in colleague.session


def test_the_trusted_proxy_count_comes_from_the_environment():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    code = "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=REPO, env={**env, "ALLAUTH_TRUSTED_PROXY_COUNT": "1"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "1", result.stderr


@pytest.fixture
def password_page(home_page):
    page = publish(home_page, StandardPage(title="Board papers", slug="board-papers"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="swordfish-2009"
    )
    return page, restriction


@override_settings(KCP_PAGE_PASSWORD_ATTEMPTS=5)
def test_guesses_at_a_password_protected_page_are_limited(password_page):
    page, restriction = password_page
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    statuses = [
        guesser.post(url, {"password": f"guess{n}", "return_url": page.url}).status_code
        for n in range(8)
    ]
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429] * 3
    right = guesser.post(url, {"password": "swordfish-2009", "return_url": page.url})
    assert right.status_code == 429 and "Too many attempts" in right.content.decode()
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert (
        other.post(url, {"password": "swordfish-2009", "return_url": page.url}).status_code == 302
    )


def test_wagtails_plain_login_form_sends_people_to_the_sites_sign_in(officer):
    client = Client()
    response = client.post(
        "/_util/login/", {"username": officer.email, "password": "correct horse battery"}
    )
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
