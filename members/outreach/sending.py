"""Sending a campaign: choosing its letters (recorded as contacted, then printed) and emailing
through the outbox with a one-click unsubscribe (RFC 8058) that erases the entry behind a
suppression record. Each contact once per campaign; the audience rules are campaigns.audience."""

import dataclasses
import html

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from home.audit import record_access
from home.outbox import QueuedEmail, queue_many

from .audit import Action
from .campaigns import audience, channel_of, record_contacted
from .contacts import check_officer, forget_contact, is_suppressed
from .models import Campaign, Channel, Contact
from .printing import join_url

EMAIL_KIND = "outreach"
UNSUBSCRIBE_SALT = "kcp.outreach.unsubscribe"


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(contact: Contact) -> str:
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(contact.pk))
    return _absolute(reverse("outreach_unsubscribe", args=[token]))


def contact_for_token(token: str) -> Contact | None:
    try:
        contact_id = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Contact.objects.filter(pk=int(contact_id)).first() if contact_id.isdigit() else None


@transaction.atomic
def unsubscribe(contact: Contact) -> None:
    """The person asked to hear nothing more: the entry goes, its suppression record stays."""
    contact_id = contact.pk
    forget_contact(contact)
    record_access(None, Action.UNSUBSCRIBED, subject=("outreach.contact", contact_id))


def reason_not_to_send(email) -> str | None:
    """Asked by the outbox just before it sends: an invitation to someone who asked to be left
    alone since it was queued is withdrawn."""
    if email.kind != EMAIL_KIND:
        return None
    if any(is_suppressed(address) for address in email.to):
        return "The person asked not to be contacted after the invitation was queued."
    return None


@dataclasses.dataclass(frozen=True)
class Sent:
    count: int
    left_out: int


@transaction.atomic
def prepare_letters(officer, campaign: Campaign) -> Sent:
    """Choose who gets a letter now and record them as contacted, so a second run adds only
    people new to the lists; the letters page prints everyone written to."""
    check_officer(officer)
    chosen = audience(campaign)
    made = record_contacted(campaign, channel_of(campaign, Channel.Kind.LETTER), chosen.letters)
    record_access(officer, Action.PRINTED, subject=campaign, count=made)
    return Sent(count=made, left_out=chosen.left_out)


def _message(campaign: Campaign, channel: Channel, contact: Contact) -> QueuedEmail:
    link = unsubscribe_url(contact)
    context = {
        "campaign": campaign,
        "name": contact.name or contact.organisation,
        "join_url": join_url(channel, settings.WAGTAILADMIN_BASE_URL),
        "unsubscribe_url": link,
    }
    return QueuedEmail(
        idempotency_key=f"outreach:{campaign.pk}:{contact.pk}",
        kind=EMAIL_KIND,
        to=[contact.email],
        subject=f"Join the wider partnership: {campaign.name}",
        body_text=render_to_string("outreach/email/invitation.txt", context),
        body_html=render_to_string("outreach/email/invitation.html", context),
        headers={
            "List-Unsubscribe": f"<{html.escape(link)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@transaction.atomic
def send_emails(officer, campaign: Campaign) -> Sent:
    """Queue the campaign's email to everyone PECR lets us email and who has not had it."""
    check_officer(officer)
    chosen = audience(campaign)
    channel = channel_of(campaign, Channel.Kind.EMAIL)
    queue_many([_message(campaign, channel, contact) for contact in chosen.emails])
    made = record_contacted(campaign, channel, chosen.emails)
    record_access(officer, Action.EMAILED, subject=campaign, count=made)
    return Sent(count=made, left_out=chosen.left_out)
