"""The verification email leaves the site through the outbox and a real SMTP server on this
machine (aiosmtpd), and its link starts the membership."""

import re

import pytest

from members.models import Member
from tests.fixtures.members import join_data, sent_mail

pytestmark = pytest.mark.django_db


def test_the_verification_email_arrives_through_smtp_and_its_link_confirms(client, interests, smtp):
    client.post("/join/", join_data(interests))
    sent_mail()
    messages = smtp.wait_for(1)
    assert len(messages) == 1
    message = messages[0]
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
