"""The site's EMAIL_BACKEND: it queues every message in the outbox (home.outbox) instead of
sending it, so allauth, Wagtail's notifications and our own features all survive a mail
server outage. The real connection is KCP_EMAIL_DELIVERY_BACKEND, used only by delivery."""

from django.core.mail.backends.base import BaseEmailBackend

from .outbox import queue_message


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if message.recipients():
                queue_message(message)
                queued += 1
        return queued
