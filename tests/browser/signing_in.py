"""Signing the browser in without the login form: the session of a Django test client, given
to the browser as its cookie. The login form has its own browser tests."""

from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.test import Client

TOTP_SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"


def sign_in(page, site_url: str, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site_url,
            }
        ]
    )


def sign_in_with_two_factor(page, site_url: str, user) -> None:
    """For officers, whom the site asks for a second factor on every page once it is set up."""
    TOTP.activate(user, TOTP_SECRET)
    sign_in(page, site_url, user)
