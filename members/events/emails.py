"""The emails a registration sends: a confirmed place (with the event as an .ics file), a turn
on the waiting list, an offer of a place and a cancellation. Each carries the signed link.
Each is queued in the outbox once (its idempotency key names the registration and the kind:
a registration is confirmed, put on the waiting list, offered or cancelled at most once)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from home.outbox import label_email

from .calendar import ics_file
from .links import registration_path
from .models import Registration

KINDS = ("confirmed", "waiting", "offered", "cancelled")


def site_url(path: str) -> str:
    """A full address for an email. Wagtail gives a page's path alone on a one-site install."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def registration_email(registration: Registration, kind: str) -> EmailMultiAlternatives:
    if kind not in KINDS:
        raise ValueError(f"No registration email of kind {kind!r}.")
    event = registration.event
    event_url = site_url(event.get_url() or "/events/")
    context = {
        "registration": registration,
        "event": event,
        "event_url": event_url,
        "link": site_url(registration_path(registration)),
        "offer_expires_at": registration.offer_expires_at
        and timezone.localtime(registration.offer_expires_at),
    }
    subject = render_to_string(f"events/email/{kind}_subject.txt", context).strip()
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"events/email/{kind}.txt", context),
        to=[registration.email],
    )
    message.attach_alternative(render_to_string(f"events/email/{kind}.html", context), "text/html")
    if kind == "confirmed":
        message.attach(
            f"{event.slug}.ics",
            ics_file([event], lambda _event: event_url, event.title),
            "text/calendar; charset=utf-8; method=PUBLISH",
        )
    return message


def send_registration_email(registration_id: int, kind: str) -> None:
    """Called after the transaction commits, from the registration's id: what is sent is what
    was saved."""
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    message = label_email(
        registration_email(registration, kind),
        kind=f"event_{kind}",
        # The signed link lets whoever holds it cancel: not for the outbox's previews.
        is_confidential=True,
        idempotency_key=f"events:registration:{registration.pk}:{kind}",
    )
    message.send()
