"""One-click unsubscribe (RFC 8058): a cookie-less POST to the signed link stops the alerts,
a GET only asks; a tampered link is refused. The weekly digest: one email with what is new
since the last one, on the day and time of the site settings, nothing in an empty week."""

import datetime

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from members.alerts import matching as alerts_matching
from members.alerts import sending as alerts_sending
from members.alerts import services as alerts
from members.models import AlertDelivery, DigestSettings, Member, MembershipChange, Posting
from tests.fixtures.alerts import (
    WorkerDied,
    add_report,
    die_after_first_batch,
    make_member,
    send_alerts,
)
from tests.fixtures.papers import LONDON

pytestmark = pytest.mark.django_db


def unsubscribe_path(member) -> str:
    return alerts_matching.unsubscribe_url(member).removeprefix("http://testserver")


def test_one_click_unsubscribe_by_a_cookie_less_post_stops_the_alerts(
    health_meeting, health_reader, deliver_outbox
):
    add_report(health_meeting)
    (message,) = send_alerts(deliver_outbox)
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        link.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert "Your alerts are stopped" in response.content.decode()
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.PAUSED
    assert MembershipChange.objects.filter(member=health_reader, what="unsubscribed").exists()
    assert not mail_program.cookies.get("sessionid")

    add_report(health_meeting, title="The next health paper")
    assert len(send_alerts(deliver_outbox)) == 1  # nothing more to them


def test_the_unsubscribe_link_opened_in_a_browser_only_asks(health_reader, client):
    response = client.get(unsubscribe_path(health_reader))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Stop my alerts" in page
    assert '<form method="post"' in page
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.ACTIVE
    assert not MembershipChange.objects.filter(member=health_reader).exists()


def test_a_tampered_unsubscribe_link_is_refused_and_changes_nothing(health_reader, client):
    path = unsubscribe_path(health_reader)
    token = path.rstrip("/").rsplit("/", 1)[1]
    member_part, _, signature = token.rpartition(":")
    tampered = path.replace(token, f"{member_part}:{signature[:-2]}xx")
    for method in (client.get, client.post):
        response = method(tampered)
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.ACTIVE


def test_a_token_signed_for_something_else_is_refused(health_reader, client):
    other = signing.Signer(salt="kcp.something.else").sign(str(health_reader.pk))
    assert client.post(f"/members/unsubscribe/{other}/").status_code == 400
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.ACTIVE


def test_the_page_says_so_when_alerts_are_already_stopped(health_reader, client):
    alerts.unsubscribe(health_reader)
    response = client.get(unsubscribe_path(health_reader))
    assert "already stopped" in response.content.decode()
    assert client.post(unsubscribe_path(health_reader)).status_code == 200


# --- The weekly digest ------------------------------------------------------------------------


@pytest.fixture
def digest_on_friday_at_eight(db):
    digest = DigestSettings.for_site(Site.objects.get(is_default_site=True))
    digest.weekday = DigestSettings.Weekday.FRIDAY
    digest.time = datetime.time(8, 0)
    digest.save()
    return digest


def december(day: int, hour: int = 8, minute: int = 1) -> datetime.datetime:
    """A day of December 2026 in London (the 4th, 11th and 18th are Fridays)."""
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=LONDON)


def test_the_digest_holds_what_is_new_and_skips_empty_weeks(
    health_meeting,
    weekly_health_reader,
    housing_reader,
    digest_on_friday_at_eight,
    deliver_outbox,
):
    digest_on_friday_at_eight.last_sent_for = december(4, 8, 0)
    digest_on_friday_at_eight.save()
    first = add_report(health_meeting, title="Health inequalities")
    second = add_report(health_meeting, title="The health and well-being board")
    Posting.objects.update(posted_at=december(7, 12))  # Monday 7 December

    assert alerts_sending.send_weekly_digests(now=december(11, 7, 59)) == 0  # not yet eight o'clock
    assert alerts_sending.send_weekly_digests(now=december(11)) == 1
    assert alerts_sending.send_weekly_digests(now=december(11, 9)) == 0  # once a week
    (message,) = [m for m in deliver_outbox() if weekly_health_reader.email in m.to]
    assert message.subject == "Your weekly round-up: 2 new items to 11 December 2026"
    assert first.full_url in message.body and second.full_url in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(
        AlertDelivery.objects.filter(member=weekly_health_reader).values_list("channel", flat=True)
    ) == {AlertDelivery.Channel.WEEKLY_DIGEST}

    # A week with nothing new: no email.
    assert alerts_sending.send_weekly_digests(now=december(18)) == 0
    assert len([m for m in deliver_outbox() if weekly_health_reader.email in m.to]) == 1


def test_the_digest_leaves_out_what_a_member_already_had(
    health_meeting, weekly_health_reader, digest_on_friday_at_eight, deliver_outbox
):
    digest_on_friday_at_eight.last_sent_for = december(4, 8, 0)
    digest_on_friday_at_eight.save()
    had = add_report(health_meeting, title="Health inequalities")
    add_report(health_meeting, title="The health and well-being board")
    Posting.objects.update(posted_at=december(7, 12))
    AlertDelivery.objects.create(
        posting=Posting.objects.get(page=had),
        member=weekly_health_reader,
        channel=AlertDelivery.Channel.EMAIL_AT_ONCE,
    )
    alerts_sending.send_weekly_digests(now=december(11))
    (message,) = deliver_outbox()
    assert "1 new item to" in message.subject
    assert had.full_url not in message.body


def test_a_digest_run_that_died_part_way_is_finished_by_the_next_run_once_each(
    django_user_model,
    health_meeting,
    health_interest,
    digest_on_friday_at_eight,
    deliver_outbox,
    settings,
    monkeypatch,
):
    settings.KCP_ALERT_BATCH_SIZE = 2
    readers = [
        make_member(
            django_user_model,
            f"weekly{n}@kcp.example",
            [health_interest],
            route=Member.Route.WEEKLY_DIGEST,
        )
        for n in range(5)
    ]
    digest_on_friday_at_eight.last_sent_for = december(4, 8, 0)
    digest_on_friday_at_eight.save()
    add_report(health_meeting)
    Posting.objects.update(posted_at=december(7, 12))
    with monkeypatch.context() as patched:
        die_after_first_batch(patched)
        with pytest.raises(WorkerDied):
            alerts_sending.send_weekly_digests(now=december(11))
    digest_on_friday_at_eight.refresh_from_db()
    assert digest_on_friday_at_eight.last_sent_for == december(4, 8, 0)  # the week still due

    assert alerts_sending.send_weekly_digests(now=december(11, 8, 30)) == 3  # the other three
    assert alerts_sending.send_weekly_digests(now=december(11, 9)) == 0  # and the week is done
    received = sorted(message.to[0] for message in deliver_outbox())
    assert received == sorted(reader.email for reader in readers)


def test_the_scheduler_job_sends_the_digest_when_its_time_has_come(
    health_meeting, weekly_health_reader, digest_on_friday_at_eight, deliver_outbox
):
    a_minute_ago = timezone.localtime() - datetime.timedelta(minutes=1)
    digest_on_friday_at_eight.weekday = a_minute_ago.weekday()
    digest_on_friday_at_eight.time = a_minute_ago.time()
    digest_on_friday_at_eight.save()
    add_report(health_meeting)
    Posting.objects.update(posted_at=a_minute_ago - datetime.timedelta(hours=1))
    call_command("send_alerts")
    assert [m.to for m in deliver_outbox()] == [[weekly_health_reader.email]]
