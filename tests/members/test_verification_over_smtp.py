"""The verification email leaves the site through a real SMTP server on this machine
(aiosmtpd), and its link starts the membership."""

import re
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.test import override_settings

from members.models import Member
from tests.members.conftest import join_data

pytestmark = pytest.mark.django_db


class Mailbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """aiosmtpd checks the server answers before start() returns, so it needs a real port."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, mailbox
    finally:
        controller.stop()


def test_the_verification_email_arrives_through_smtp_and_its_link_confirms(
    client, interests, smtp_server
):
    controller, mailbox = smtp_server
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=controller.port,
        EMAIL_TIMEOUT=5,
    ):
        client.post("/join/", join_data(interests))
    assert len(mailbox.messages) == 1
    message = mailbox.messages[0]
    assert message["To"] == "olwen.prydderch@example.org"
    assert "Confirm your email address" in message["Subject"]
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }
    assert set(parts) == {"text/plain", "text/html"}
    link = re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", parts["text/plain"])
    client.post(link.group(1))
    assert Member.objects.get().status == Member.Status.ACTIVE
