"""Alerts at once: a page members hear about is posted once, when it is first live and
public (or restricted to a group), and reaches exactly the members whose interests match and
who may see it, once; restrictions are checked again when each message leaves."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Revision

from home.models import OutgoingEmail
from home.roles import STEERING_GROUP_MEMBERS
from members.alerts import matching as alerts_matching
from members.alerts import sending as alerts_sending
from members.alerts import services as alerts
from members.events.models import Audience, EventPage
from members.models import AlertDelivery, Member, Posting
from papers.models import AgendaItem, MeetingPage, ReportPage
from tests.fixtures.alerts import (
    WorkerDied,
    add_report,
    die_after_first_batch,
    make_member,
    send_alerts,
)
from tests.fixtures.events import make_event
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db


def test_a_published_paper_alerts_exactly_the_members_whose_interests_match_once(
    health_meeting,
    health_reader,
    housing_reader,
    weekly_health_reader,
    postal_health_reader,
    deliver_outbox,
):
    report = add_report(health_meeting)
    messages = send_alerts(deliver_outbox)
    assert [message.to for message in messages] == [[health_reader.email]]
    assert report.title in messages[0].subject
    assert report.full_url in messages[0].body
    # The digest and postal members are matched too, for their own routes.
    posting = Posting.objects.get(page=report)
    assert set(alerts_matching.members_for_posting(posting)) == {
        health_reader,
        weekly_health_reader,
        postal_health_reader,
    }
    assert AlertDelivery.objects.get(posting=posting).member == health_reader

    send_alerts(deliver_outbox)
    assert len(deliver_outbox()) == 1


def test_a_republished_or_corrected_paper_is_not_posted_again(
    health_meeting, health_reader, deliver_outbox
):
    report = add_report(health_meeting)
    send_alerts(deliver_outbox)
    report.title = "Health inequalities in the north of the borough (corrected)"
    report.save_revision().publish()
    report.save_revision().publish()
    assert Posting.objects.filter(page=report).count() == 1
    assert len(send_alerts(deliver_outbox)) == 1


def test_a_draft_is_not_posted(health_meeting, health_reader, deliver_outbox):
    draft = ReportPage(title="A draft of the health strategy", live=False)
    health_meeting.add_child(instance=draft)
    draft.save_revision()
    assert not Posting.objects.exists()
    assert send_alerts(deliver_outbox) == []


def test_an_alias_is_not_posted(health_meeting, health_reader, deliver_outbox, steering_group):
    report = add_report(health_meeting)
    send_alerts(deliver_outbox)
    other_meeting = publish(
        steering_group,
        MeetingPage(
            title="Steering Group, 4 June 2099",
            start=datetime.datetime(2099, 6, 4, 18, tzinfo=LONDON),
            venue_name="The Town Hall",
        ),
    )
    alias = report.create_alias(parent=other_meeting, update_slug="health-inequalities-copy")
    assert alias.live
    alerts.record_posting(alias)
    assert list(Posting.objects.values_list("page_id", flat=True)) == [report.pk]
    assert len(send_alerts(deliver_outbox)) == 1


def test_a_page_for_anyone_signed_in_is_not_posted(health_meeting, health_reader, deliver_outbox):
    PageViewRestriction.objects.create(
        page=health_meeting, restriction_type=PageViewRestriction.LOGIN
    )
    add_report(health_meeting)
    assert not Posting.objects.exists()
    assert send_alerts(deliver_outbox) == []


def test_a_scheduled_paper_is_posted_when_it_goes_live_not_when_it_is_scheduled(
    health_meeting, health_reader, deliver_outbox
):
    report = ReportPage(title="The health strategy for 2100", live=False)
    health_meeting.add_child(instance=report)
    report.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = report.save_revision()
    revision.publish()
    report.refresh_from_db()
    assert not report.live
    assert not Posting.objects.exists()
    assert send_alerts(deliver_outbox) == []

    # The hour has passed.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    report.refresh_from_db()
    assert report.live
    assert [message.to for message in send_alerts(deliver_outbox)] == [[health_reader.email]]


def test_telling_members_about_a_revision_alerts_once_with_what_changed(
    health_meeting, health_reader, deliver_outbox
):
    report = add_report(health_meeting)
    send_alerts(deliver_outbox)
    report.tell_members_about_revision = True
    report.revision_note = "Section 3 now has this year’s figures."
    report.save_revision().publish()
    report.save_revision().publish()  # the same note again: not told twice
    messages = send_alerts(deliver_outbox)
    assert len(messages) == 2
    assert messages[1].subject.startswith("Revised: ")
    assert "What changed: Section 3 now has this year’s figures." in messages[1].body
    assert Posting.objects.filter(page=report, reason=Posting.Reason.REVISION).count() == 1


def test_a_note_ticked_on_the_first_publish_is_not_posted_again_as_a_revision(
    health_meeting, health_reader, deliver_outbox
):
    report = add_report(
        health_meeting,
        tell_members_about_revision=True,
        revision_note="Section 3 now has this year’s figures.",
    )
    assert list(Posting.objects.values_list("reason", flat=True)) == ["first_published"]
    report.title = "Health inequalities in the north of the borough (typo fixed)"
    report.save_revision().publish()  # a routine republish: the ticked note is stale
    assert Posting.objects.filter(page=report).count() == 1
    messages = send_alerts(deliver_outbox)
    assert len(messages) == 1
    assert not messages[0].subject.startswith("Revised")
    assert "What changed" not in messages[0].body


def test_a_copy_of_a_page_is_posted_once_as_first_published_never_as_a_revision(
    health_meeting, health_reader, deliver_outbox
):
    report = add_report(health_meeting)
    report.tell_members_about_revision = True
    report.revision_note = "Section 3 now has this year’s figures."
    report.save_revision().publish()
    assert Posting.objects.filter(page=report).count() == 2
    copy = report.copy(
        update_attrs={"title": "Health inequalities, 2100", "slug": "health-inequalities-2100"},
        keep_live=True,
        user=None,
    ).specific
    assert not copy.tell_members_about_revision
    assert copy.revision_note == ""
    copy.save_revision().publish()
    copy.save_revision().publish()
    assert list(Posting.objects.filter(page=copy).values_list("reason", "revision_note")) == [
        ("first_published", "")
    ]


def test_a_revision_note_is_required_to_tell_members_about_a_revision(health_meeting):
    report = add_report(health_meeting)
    report.tell_members_about_revision = True
    with pytest.raises(Exception) as refused:
        report.full_clean()
    assert "Say in a sentence what changed" in str(refused.value)


def test_a_meeting_is_posted_when_its_agenda_is_first_published(
    health_meeting, health_reader, deliver_outbox
):
    assert not Posting.objects.exists()  # published with no agenda
    health_meeting.agenda_items = [AgendaItem(title="Health inequalities")]
    health_meeting.save_revision().publish()
    posting = Posting.objects.get(page=health_meeting)
    assert "The agenda of the meeting on Tuesday 2 June 2099" in posting.summary
    messages = send_alerts(deliver_outbox)
    assert messages[0].subject == f"New meeting: {health_meeting.title}"


def test_a_meetings_items_published_within_minutes_go_out_as_one_message(
    health_meeting, health_reader, deliver_outbox, settings
):
    settings.KCP_ALERT_BUNDLE_SECONDS = 300
    health_meeting.agenda_items = [AgendaItem(title="Health inequalities")]
    health_meeting.save_revision().publish()
    first = add_report(health_meeting, title="Health inequalities")
    second = add_report(health_meeting, title="The health and well-being board")
    assert alerts_sending.send_due_postings() == 0  # still within the bundling time
    later = timezone.now() + datetime.timedelta(seconds=301)
    assert alerts_sending.send_due_postings(now=later) == 1
    (message,) = deliver_outbox()
    assert message.subject.startswith("3 new items")
    for page in (health_meeting, first, second):
        assert page.full_url in message.body
    assert AlertDelivery.objects.filter(email__isnull=False).values("email").distinct().count() == 1


def test_a_group_restricted_event_alerts_only_that_groups_members(
    events_index, health_group, health_reader, steering_health_reader, deliver_outbox
):
    event = make_event(
        events_index, title="Steering Group away day", audience=Audience.STEERING_GROUP,
        run_by=health_group,
    )  # fmt: skip
    assert isinstance(event, EventPage)
    messages = send_alerts(deliver_outbox)
    assert [message.to for message in messages] == [[steering_health_reader.email]]


def test_a_member_who_left_the_group_before_sending_is_not_sent_the_restricted_posting(
    events_index, health_group, steering_health_reader, deliver_outbox
):
    make_event(
        events_index, title="Steering Group away day", audience=Audience.STEERING_GROUP,
        run_by=health_group,
    )  # fmt: skip
    assert alerts_sending.send_due_postings() == 1
    steering_health_reader.user.groups.remove(Group.objects.get(name=STEERING_GROUP_MEMBERS))
    assert deliver_outbox() == []
    email = OutgoingEmail.objects.get(kind="alert")
    assert email.state == OutgoingEmail.State.WITHDRAWN
    assert "may no longer see" in email.last_error
    assert AlertDelivery.objects.get().state == AlertDelivery.State.WITHDRAWN


def test_a_member_who_paused_before_sending_is_not_sent_it(
    health_meeting, health_reader, deliver_outbox
):
    add_report(health_meeting)
    alerts_sending.send_due_postings()
    Member.objects.filter(pk=health_reader.pk).update(status=Member.Status.PAUSED)
    assert deliver_outbox() == []


def test_a_paper_under_a_theme_group_carries_its_interest_and_the_subjects_picked(
    health_meeting, health_interest, housing_interest, housing_reader, deliver_outbox
):
    report = ReportPage(title="Health and homes", purpose="Damp homes make people ill.")
    health_meeting.add_child(instance=report)
    report.subjects = [housing_interest]
    report.save_revision().publish()
    posting = Posting.objects.get(page=report)
    assert set(posting.interests.all()) == {health_interest, housing_interest}
    assert [message.to for message in send_alerts(deliver_outbox)] == [[housing_reader.email]]


def test_postings_for_member_is_the_same_rule_as_members_for_posting(
    events_index, health_group, health_meeting, health_reader, postal_health_reader
):
    report = add_report(health_meeting)
    make_event(
        events_index, title="Steering Group away day", audience=Audience.STEERING_GROUP,
        run_by=health_group,
    )  # fmt: skip
    postings = list(Posting.objects.order_by("pk"))
    assert [posting.page_id for posting in postings][0] == report.pk
    for member in (health_reader, postal_health_reader):
        got = alerts_matching.postings_for_member(member, postings)
        assert [posting.page_id for posting in got] == [report.pk]
        for posting in postings:
            assert (posting in got) == alerts_matching.members_for_posting(posting).filter(
                pk=member.pk
            ).exists()


def test_every_alert_carries_a_one_click_unsubscribe_and_a_footer_saying_why(
    health_meeting, health_reader, deliver_outbox
):
    add_report(health_meeting)
    (message,) = send_alerts(deliver_outbox)
    url = alerts_matching.unsubscribe_url(health_reader)
    assert url.startswith("http://testserver/members/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert "You get this because you are a member of the wider partnership" in html
    assert 'href="http://testserver/members/preferences/"' in html
    assert f"Dear {health_reader.name}," in message.body


def test_fan_out_queries_stay_the_same_for_few_and_many_members(
    django_user_model, health_meeting, health_interest, settings
):
    settings.KCP_ALERT_BATCH_SIZE = 10

    def fan_out_queries(count: int, title: str) -> int:
        for n in range(count):
            make_member(django_user_model, f"m{title[:3]}{n}@kcp.example", [health_interest])
        add_report(health_meeting, title=title)
        with CaptureQueriesContext(connection) as captured:
            alerts_sending.send_due_postings()
        return len(captured)

    few = fan_out_queries(10, "One")
    OutgoingEmail.objects.all().delete()
    many = fan_out_queries(30, "Two")  # 40 members now: 4 batches
    per_batch = (many - few) // 3
    assert many == few + 3 * per_batch
    # Members, their interests, their groups, what they had, the outbox insert, its ids,
    # the deliveries' insert, and the batch's savepoint and its release.
    assert per_batch == 9


def test_a_fan_out_that_died_part_way_is_finished_by_the_next_run_without_repeats(
    django_user_model, health_meeting, health_interest, settings, deliver_outbox
):
    settings.KCP_ALERT_BATCH_SIZE = 2
    members = [
        make_member(django_user_model, f"reader{n}@kcp.example", [health_interest])
        for n in range(5)
    ]
    add_report(health_meeting)
    posting = Posting.objects.get()
    # The first batch was queued, then the worker died before marking the posting sent.
    first_two = alerts_matching.members_for_posting(posting).order_by("pk")[:2]
    alerts_sending._queue_batch(
        [
            (
                alerts_sending.MessageRenderer("members/email/alert", {}).message_for(
                    recipient,
                    [posting],
                    kind=alerts_matching.ALERT_KIND,
                    key=alerts_sending._message_key("alert", pk, [posting]),
                ),
                recipient,
                [posting],
            )
            for pk in first_two.values_list("pk", flat=True)
            for recipient in [
                alerts_sending.Recipient(pk, "Reader", Member.objects.get(pk=pk).email)
            ]
        ],
        AlertDelivery.Channel.EMAIL_AT_ONCE,
    )
    assert (
        alerts_sending.send_due_postings() == 3
    )  # the other three; the first two are not queued again
    assert sorted(message.to[0] for message in deliver_outbox()) == sorted(
        member.email for member in members
    )
    assert alerts_sending.send_due_postings() == 0


def test_a_paper_due_before_a_dead_fan_out_is_rerun_reaches_the_members_already_queued(
    django_user_model, health_meeting, health_interest, settings, deliver_outbox, monkeypatch
):
    settings.KCP_ALERT_BATCH_SIZE = 2
    settings.KCP_ALERT_BUNDLE_SECONDS = 0
    readers = [
        make_member(django_user_model, f"reader{n}@kcp.example", [health_interest])
        for n in range(4)
    ]
    first = add_report(health_meeting, title="Health inequalities")
    second = add_report(health_meeting, title="The health and well-being board")
    with monkeypatch.context() as patched:
        die_after_first_batch(patched)
        with pytest.raises(WorkerDied):
            alerts_sending.send_due_postings()
    # A third paper of the same meeting is due before the fan-out runs again.
    third = add_report(health_meeting, title="The pharmacy needs assessment")
    assert alerts_sending.send_due_postings() == 4  # C to the first two; A, B and C to the others
    messages = deliver_outbox()
    for reader in readers:
        bodies = "".join(message.body for message in messages if message.to == [reader.email])
        for page in (first, second, third):
            assert bodies.count(page.full_url) >= 1, (reader.email, page.title)
    assert set(AlertDelivery.objects.values_list("state", flat=True)) == {AlertDelivery.State.SENT}
    assert AlertDelivery.objects.count() == 12
    assert alerts_sending.send_due_postings() == 0
