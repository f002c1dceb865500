"""Demo alerts for `make run`: the demo papers' postings, as sent to the demo members."""

import datetime

from django.conf import settings
from django.utils import timezone

from home.models import OutgoingEmail
from members.alerts import matching as alerts_matching
from members.alerts import sending as alerts_sending
from members.alerts import services as alerts
from members.models import AlertDelivery, Member


def load_alerts_sent(stdout) -> None:
    """The demo papers and meetings published before the members existed become alerts to
    the members whose interests match, shown as sent (a demo emails nobody), one of them
    refused by a mail server, so the officers' "Alerts sent" screen has something to show.
    Events published after this go out through the worker like any new posting."""
    if AlertDelivery.objects.exists():
        return
    later = timezone.now() + datetime.timedelta(seconds=settings.KCP_ALERT_BUNDLE_SECONDS + 1)
    queued = alerts_sending.send_due_postings(now=later)
    emails = OutgoingEmail.objects.filter(
        kind__in=alerts_matching.ALERT_KINDS, state=OutgoingEmail.State.PENDING
    )
    refused = emails.order_by("pk").first()
    now = timezone.now()
    if refused is not None:
        emails.filter(pk=refused.pk).update(
            state=OutgoingEmail.State.FAILED,
            last_error="SMTPRecipientsRefused: 550 5.1.1 No such mailbox here (demo)",
        )
        AlertDelivery.objects.filter(email=refused).update(state=AlertDelivery.State.FAILED)
        alerts.pause_email(
            Member.objects.filter(alert_deliveries__email=refused),
            reason="550 5.1.1 No such mailbox here (demo)",
        )
    AlertDelivery.objects.filter(email__in=emails).update(
        state=AlertDelivery.State.SENT, sent_at=now
    )
    emails.update(state=OutgoingEmail.State.SENT, sent_at=now)
    stdout.write(f"Marked {queued} demo alerts as sent.")
