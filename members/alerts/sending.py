"""Sending alerts: the at-once fan-out of due postings and the weekly digest, in batches through
the outbox, each member hearing about each posting once."""

import dataclasses
import datetime
import hashlib
import html
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from home.outbox import QueuedEmail, queue_many
from members.alerts.matching import (
    ALERT_KIND,
    DIGEST_KIND,
    Channel,
    _absolute,
    _active_members,
    _interests_of,
    _matching,
    audience_of,
    members_for_posting,
    unsubscribe_url,
    wider_partnership_group_id,
)
from members.models import AlertDelivery, DigestSettings, Member, Posting

# What the templates are rendered with in place of each member's own details: a message is
# rendered once per set of postings, and each member's copy gets their name and link.
NAME_MARK = "\x00member-name\x00"


UNSUBSCRIBE_MARK = "\x00unsubscribe-url\x00"


@dataclasses.dataclass
class Recipient:
    member_id: int
    name: str
    email: str
    interest_ids: set[int] = dataclasses.field(default_factory=set)
    group_ids: set[int] = dataclasses.field(default_factory=set)


def _recipients(members: QuerySet) -> Iterable[list[Recipient]]:
    """Members in batches of KCP_ALERT_BATCH_SIZE, with their interests and groups: three
    queries per batch."""
    last_pk = 0
    size = settings.KCP_ALERT_BATCH_SIZE
    while True:
        rows = list(
            members.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", "name", "user__email", "user_id")[:size]
        )
        if not rows:
            return
        last_pk = rows[-1][0]
        batch = {pk: Recipient(pk, name, email or "") for pk, name, email, _ in rows}
        through = Member.interests.through.objects.filter(member_id__in=list(batch))
        for member_id, interest_id in through.values_list("member_id", "interest_id"):
            batch[member_id].interest_ids.add(interest_id)
        user_of = {user_id: pk for pk, _, _, user_id in rows if user_id}
        memberships = Member.user.field.related_model.groups.through.objects.filter(
            user_id__in=list(user_of)
        )
        for user_id, group_id in memberships.values_list("user_id", "group_id"):
            batch[user_of[user_id]].group_ids.add(group_id)
        yield list(batch.values())


class MessageRenderer:
    """Renders a template once per set of postings, with marks where each member's name and
    unsubscribe link go, and fills them in per member."""

    def __init__(self, template: str, context: dict) -> None:
        self.template = template
        self.context = context
        self._rendered: dict[tuple[int, ...], tuple[str, str, str]] = {}

    def render(self, postings: Sequence[Posting]) -> tuple[str, str, str]:
        key = tuple(posting.pk for posting in postings)
        if key not in self._rendered:
            context = {
                **self.context,
                "postings": postings,
                "member_name": NAME_MARK,
                "unsubscribe_url": UNSUBSCRIBE_MARK,
                "preferences_url": _absolute(reverse("members_preferences")),
            }
            subject = " ".join(render_to_string(f"{self.template}_subject.txt", context).split())
            self._rendered[key] = (
                subject,
                render_to_string(f"{self.template}.txt", context),
                render_to_string(f"{self.template}.html", context),
            )
        return self._rendered[key]

    def message_for(
        self, recipient: Recipient, postings: Sequence[Posting], *, kind: str, key: str
    ) -> QueuedEmail:
        subject, text, html_body = self.render(postings)
        link = unsubscribe_url(recipient.member_id)
        return QueuedEmail(
            idempotency_key=key,
            kind=kind,
            to=[recipient.email],
            subject=subject,
            body_text=text.replace(NAME_MARK, recipient.name).replace(UNSUBSCRIBE_MARK, link),
            body_html=html_body.replace(NAME_MARK, html.escape(recipient.name)).replace(
                UNSUBSCRIBE_MARK, html.escape(link)
            ),
            headers={
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def _message_key(prefix: str, member_id: int, postings: Sequence[Posting]) -> str:
    """The idempotency key of one member's message: the postings actually in it, so a rerun
    queues nothing new, while a message with other postings (one due since a run died
    part-way) gets its own key and is not mistaken for the one already queued. Hashed, as a
    meeting's many papers would not fit the outbox's key."""
    ids = ",".join(str(pk) for pk in sorted(posting.pk for posting in postings))
    return f"{prefix}:{member_id}:{hashlib.sha256(ids.encode()).hexdigest()}"


def _queue_batch(messages: list[tuple[QueuedEmail, Recipient, list[Posting]]], channel: str) -> int:
    """Queue a batch of messages and record each posting's delivery to each member: three
    queries, whatever the batch's size."""
    if not messages:
        return 0
    email_ids = queue_many([message for message, _, _ in messages])
    now = timezone.now()
    AlertDelivery.objects.bulk_create(
        [
            AlertDelivery(
                posting=posting,
                member_id=recipient.member_id,
                channel=channel,
                queued_at=now,
                email_id=email_ids.get(message.idempotency_key),
            )
            for message, recipient, postings in messages
            for posting in postings
        ],
        ignore_conflicts=True,
    )
    return len(messages)


def _delivered(batch: list[Recipient], postings: Sequence[Posting]) -> dict[int, set[int]]:
    """Which of the postings each member of the batch has had already (by any route)."""
    had: dict[int, set[int]] = defaultdict(set)
    for member_id, posting_id in AlertDelivery.objects.filter(
        member_id__in=[recipient.member_id for recipient in batch],
        posting_id__in=[posting.pk for posting in postings],
    ).values_list("member_id", "posting_id"):
        had[member_id].add(posting_id)
    return had


def _fan_out_at_once(postings: list[Posting]) -> int:
    """Alert every member who hears at once about these postings (one bundle): one message
    each, with the postings they match. Returns how many messages were queued."""
    audiences = {posting.pk: audience_of(posting.page) for posting in postings}
    candidates = Member.objects.none()
    for posting in postings:
        candidates |= members_for_posting(
            posting, routes=[Member.Route.EMAIL_AT_ONCE], audience=audiences[posting.pk]
        )
    return _queue_messages(
        candidates,
        postings,
        audiences,
        MessageRenderer("members/email/alert", {}),
        kind=ALERT_KIND,
        key_prefix="alert",
        channel=Channel.EMAIL_AT_ONCE,
    )


def _queue_messages(candidates, postings, audiences, renderer, *, kind, key_prefix, channel):
    """One message to each candidate with postings they match and have not had, batch by
    batch, each batch in its own transaction. Returns how many messages were queued."""
    interests = _interests_of(postings)
    wider = wider_partnership_group_id()
    queued = 0
    for batch in _recipients(candidates):
        had = _delivered(batch, postings)
        messages = []
        for recipient in batch:
            fresh = [posting for posting in postings if posting.pk not in had[recipient.member_id]]
            matched = _matching(
                fresh, interests, audiences, recipient.interest_ids, recipient.group_ids, wider
            )
            if matched and recipient.email:
                key = _message_key(key_prefix, recipient.member_id, matched)
                message = renderer.message_for(recipient, matched, kind=kind, key=key)
                messages.append((message, recipient, matched))
        with transaction.atomic():
            queued += _queue_batch(messages, channel)
    return queued


def _bundles(postings: Iterable[Posting]) -> list[list[Posting]]:
    """Postings that go out together: those of one meeting with the same restriction."""
    grouped: dict[tuple, list[Posting]] = defaultdict(list)
    for posting in postings:
        groups = tuple(sorted(group.pk for group in posting.restricted_to_groups.all()))
        key = (posting.bundle_page_id, groups) if posting.bundle_page_id else (-posting.pk,)
        grouped[key].append(posting)
    return list(grouped.values())


def send_due_postings(now: datetime.datetime | None = None) -> int:
    """Fan out every posting whose bundling time has passed; returns how many messages were
    queued. Safe to run twice, even at once: each message's idempotency key and each
    delivery's uniqueness mean a member is queued a posting once."""
    now = now or timezone.now()
    due_before = now - datetime.timedelta(seconds=settings.KCP_ALERT_BUNDLE_SECONDS)
    due = list(
        Posting.objects.filter(sent_at__isnull=True, posted_at__lte=due_before)
        .select_related("page")
        .prefetch_related("restricted_to_groups")
        .order_by("posted_at", "pk")
    )
    queued = 0
    for bundle in _bundles(due):
        queued += _fan_out_at_once(bundle)
        # Marked only once every batch is queued: a worker that dies part-way leaves the
        # posting due, and the next run queues the rest (the keys skip what was queued).
        Posting.objects.filter(pk__in=[posting.pk for posting in bundle]).update(sent_at=now)
    return queued


@task(backend="background")
def send_postings() -> int:
    """Queued after a posting is recorded, for when its bundling time has passed."""
    return send_due_postings()


def digest_due_at(digest: DigestSettings, now: datetime.datetime) -> datetime.datetime:
    """The latest scheduled digest time at or before `now`, in the site's time zone."""
    local_now = timezone.localtime(now)
    days_back = (local_now.weekday() - digest.weekday) % 7
    day = local_now.date() - datetime.timedelta(days=days_back)
    due = timezone.make_aware(datetime.datetime.combine(day, digest.time))
    if due > now:
        due -= datetime.timedelta(days=7)
    return due


def _digest_settings() -> DigestSettings:
    return DigestSettings.for_site(Site.objects.get(is_default_site=True))


def send_weekly_digests(now: datetime.datetime | None = None) -> int:
    """The scheduler's job: when this week's digest time has passed and it has not gone yet,
    send each digest member one email with every matching posting since the last digest
    that they have not had; nothing to a member with nothing new. Returns messages queued."""
    now = now or timezone.now()
    digest = _digest_settings()
    due_at = digest_due_at(digest, now)
    if digest.last_sent_for is not None and digest.last_sent_for >= due_at:
        return 0  # this week's digest has gone
    since = digest.last_sent_for or due_at - datetime.timedelta(days=7)
    postings = list(
        Posting.objects.filter(posted_at__gt=since, posted_at__lte=due_at)
        .select_related("page")
        .order_by("posted_at", "pk")
    )
    queued = _queue_digests(postings, due_at) if postings else 0
    # The week is marked sent only once every batch is queued: a run that dies part-way leaves
    # it due, and the next run queues the rest (each member's key for the week, and each
    # delivery's uniqueness, skip what was queued already).
    DigestSettings.objects.filter(pk=digest.pk).filter(
        Q(last_sent_for__isnull=True) | Q(last_sent_for__lt=due_at)
    ).update(last_sent_for=due_at)
    return queued


def _queue_digests(postings: list[Posting], due_at: datetime.datetime) -> int:
    """Queue the week's digest to each digest member with something new, batch by batch."""
    return _queue_messages(
        _active_members([Member.Route.WEEKLY_DIGEST]),
        postings,
        {posting.pk: audience_of(posting.page) for posting in postings},
        MessageRenderer("members/email/digest", {"week_ending": timezone.localtime(due_at)}),
        kind=DIGEST_KIND,
        key_prefix=f"digest:{due_at:%Y%m%d%H%M}",
        channel=Channel.WEEKLY_DIGEST,
    )
