"""The signed link in a registration's emails: it lets the person see, cancel or accept their
registration without signing in. Its salt is its own, so no other signed value of the site
(password resets, unsubscribe links) can be replayed as one."""

from django.core import signing
from django.urls import reverse

from .models import Registration

LINK_SALT = "kcp.events.registration-link"


def registration_token(registration: Registration) -> str:
    """The same for a registration every time, so each of its emails carries one link."""
    return signing.Signer(salt=LINK_SALT).sign_object({"r": registration.pk}, compress=True)


def registration_path(registration: Registration) -> str:
    return reverse("events_registration", args=[registration_token(registration)])


def leave_path(registration: Registration) -> str:
    """The waiting list's "leave" link: a confirmation page, then a POST (mail scanners open
    links by themselves, so opening it changes nothing)."""
    return reverse("events_leave_waiting_list", args=[registration_token(registration)])


def registration_from_token(token: str) -> Registration | None:
    """The registration a link names, or None for a link that was altered or made up."""
    try:
        value = signing.Signer(salt=LINK_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("r"), int):
        return None
    return Registration.objects.select_related("event").filter(pk=value["r"]).first()
