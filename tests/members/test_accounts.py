"""Signing in: by email, through allauth for the admin too, with two-factor for officers."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.db import IntegrityError

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
PASSWORD = "correct horse battery"


def current_code(secret: str = SECRET) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def sign_in(client, email, password=PASSWORD, next_url="/admin/"):
    return client.post(f"/accounts/login/?next={next_url}", {"login": email, "password": password})


@pytest.fixture
def officer_with_two_factor(officer):
    TOTP.activate(officer, SECRET)
    return officer


def test_email_addresses_are_unique_whatever_their_case(django_user_model):
    django_user_model.objects.create_user(email="Jane.Doe@kcp.example", password="x")
    with pytest.raises(IntegrityError):
        django_user_model.objects.create(email="jane.doe@KCP.example".upper())


def test_admin_login_page_sends_people_to_the_one_sign_in_page(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


def test_officer_signs_in_with_password_then_two_factor_code_and_reaches_the_admin(
    client, officer_with_two_factor
):
    response = sign_in(client, "OFFICER@kcp.example")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert client.get("/admin/").status_code == 302  # not signed in yet
    response = client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_officer_without_an_authenticator_must_set_one_up_before_using_the_admin(client, officer):
    sign_in(client, officer.email)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    assert not Authenticator.objects.filter(user=officer).exists()


def test_thirty_wrong_passwords_are_throttled_even_before_the_right_one(
    client, officer_with_two_factor
):
    responses = [
        sign_in(client, officer_with_two_factor.email, "wrong password") for _ in range(30)
    ]
    assert all(response.status_code in (200, 429) for response in responses)
    last = responses[-1]
    assert last.status_code == 429 or "Too many failed sign-ins" in last.content.decode()
    # The right password is refused too while the limit holds.
    response = sign_in(client, officer_with_two_factor.email)
    assert not response.get("Location", "").startswith("/accounts/2fa/authenticate/")


def test_wrong_password_says_what_to_fix_and_keeps_the_email(client, officer):
    response = sign_in(client, officer.email, "not it")
    assert response.status_code == 200
    html = response.content.decode()
    assert "The email address and/or password you specified are not correct." in html
    assert 'value="officer@kcp.example"' in html


def test_unverified_email_address_cannot_sign_in(client, django_user_model, deliver_outbox):
    user = django_user_model.objects.create_user(email="new@kcp.example", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    response = sign_in(client, user.email, next_url="/")
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    deliver_outbox()
    assert mail.outbox and "Confirm" in mail.outbox[0].subject


def test_allauths_own_sign_up_address_creates_nothing_and_leads_to_join(client, django_user_model):
    """Joining is at /join/ (tests/members/test_joining.py), with its own questions."""
    response = client.post(
        "/accounts/signup/",
        {"email": "someone@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response["Location"] == "/join/"
    assert not django_user_model.objects.filter(email="someone@example.org").exists()


def test_password_reset_emails_a_link(client, officer, deliver_outbox):
    response = client.post("/accounts/password/reset/", {"email": officer.email})
    assert response.status_code == 302
    deliver_outbox()
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
