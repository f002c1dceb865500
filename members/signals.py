"""A confirmed email address starts the membership waiting for it."""

from allauth.account.signals import email_confirmed

from .services.partnership import confirm_member


def start_membership(request, email_address, **kwargs):
    confirm_member(email_address.user)


def connect() -> None:
    email_confirmed.connect(start_membership, dispatch_uid="kcp_start_membership")
