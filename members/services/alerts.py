"""Alerts: a page members hear about becomes a posting once, and each member whose interests
match, and who may see the page, hears about it once: by email at once, in the weekly digest,
or by letter (postal batches use `members_for_posting` and `postings_for_member` too).

Rules:
- `record_posting` decides, not Wagtail's `page_published` (which fires for every publish):
  a page of a posting type (papers.models.PostingSubjects) is posted the first time it is
  live, not an alias, ready (a meeting: with its agenda) and either public or restricted to
  groups only (a page for anyone signed in, or behind a password, is never posted). Posted
  again only for a new note of "tell members about this revision".
- A posting's interests are the interest of the group it sits under (or that runs it) plus
  the page's subjects. A member gets a posting when one of their interests is among them,
  they are active, and they pass every group restriction of the page as it is now (an active
  member counts as a member of the wider partnership's group, postal members too).
- Matching and sending happen in the background: the request that publishes only records the
  posting and enqueues the fan-out after KCP_ALERT_BUNDLE_SECONDS, so a meeting's items
  published within that time go out as one message.
- Each alert is one message per member, queued in the outbox in batches of
  KCP_ALERT_BATCH_SIZE with a constant number of queries per batch; the page's restriction is
  checked again just before each message leaves (EMAIL_SEND_CHECKS below, in wagtail_hooks).
- A posting reaches a member once, whatever the route (AlertDelivery is unique per posting
  and member): a member who moves from the digest to alerts at once is not sent it again.
"""

import dataclasses
import datetime
import hashlib
import html
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page, PageViewRestriction, Site

from home.models import Interest, OutgoingEmail
from home.outbox import QueuedEmail, queue_many
from home.roles import WIDER_PARTNERSHIP_MEMBERS
from members.models import AlertDelivery, DigestSettings, Member, MembershipChange, Posting
from papers.models import is_posting_type

Channel = AlertDelivery.Channel
ALERT_KIND = "alert"
DIGEST_KIND = "alert_digest"
ALERT_KINDS = (ALERT_KIND, DIGEST_KIND)
UNSUBSCRIBE_SALT = "kcp.members.alerts.unsubscribe"

# What the templates are rendered with in place of each member's own details: a message is
# rendered once per set of postings, and each member's copy gets their name and link.
NAME_MARK = "\x00member-name\x00"
UNSUBSCRIBE_MARK = "\x00unsubscribe-url\x00"


# --- Who may see a page now ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Audience:
    """Who may see a page now. `is_open` is False for a page that is not live or that only
    signed-in people, or people with a password, may see. Otherwise a reader must be in one
    group of each set in `group_sets` (none: public)."""

    is_open: bool
    group_sets: tuple[frozenset[int], ...] = ()

    @property
    def is_public(self) -> bool:
        return self.is_open and not self.group_sets

    def admits(self, group_ids: Iterable[int], wider_partnership_id: int | None) -> bool:
        """Whether an active member in these groups passes (they are in the wider partnership
        by being active members, whether or not their account is in its group)."""
        held = {*group_ids, *([wider_partnership_id] if wider_partnership_id else [])}
        return self.is_open and all(held & required for required in self.group_sets)


def audience_of(page: Page) -> Audience:
    """The page's audience from its live state and its view restrictions (and its ancestors')."""
    if not page.live or page.alias_of_id:
        return Audience(is_open=False)
    restrictions = PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    ).prefetch_related("groups")
    group_sets = []
    for restriction in restrictions:
        if restriction.restriction_type != PageViewRestriction.GROUPS:
            return Audience(is_open=False)
        group_sets.append(frozenset(group.pk for group in restriction.groups.all()))
    return Audience(is_open=True, group_sets=tuple(group_sets))


def wider_partnership_group_id() -> int | None:
    return Group.objects.filter(name=WIDER_PARTNERSHIP_MEMBERS).values_list("pk", flat=True).first()


# --- Recording a posting: the once-rule --------------------------------------------------------


def _posting_interests(page) -> list[Interest]:
    return list(
        Interest.objects.filter(
            Q(group_page_id__in=page.posting_group_page_ids())
            | Q(pk__in=page.subjects.values("pk"))
        )
    )


def _notes_already_posted(page) -> set[str]:
    """The notes of "tell members about this revision" the page has been posted with: each
    revision posting's note, and any note ticked on the revision that was live when a posting
    was made (a note left on the page from its first publish, which posts as "first published"
    and so never says what changed, must not post a revision at the next routine publish)."""
    notes = set()
    for note, content in Posting.objects.filter(page=page).values_list(
        "revision_note", "revision__content"
    ):
        notes.add(note)
        if content and content.get("tell_members_about_revision"):
            notes.add((content.get("revision_note") or "").strip())
    notes.discard("")
    return notes


def record_posting(page: Page, *, revision=None, now: datetime.datetime | None = None):
    """Make `page` a posting if the once-rule says so (see the module's docstring); returns
    the new Posting, or None. Called on every publish; the fan-out runs in the background."""
    page = page.specific
    if not is_posting_type(page) or page.alias_of_id or not page.live:
        return None
    audience = audience_of(page)
    if not audience.is_open or not page.is_ready_to_post():
        return None
    note = page.revision_note.strip() if page.tell_members_about_revision else ""
    if Posting.objects.filter(page=page, reason=Posting.Reason.FIRST_PUBLISHED).exists():
        if not note or note in _notes_already_posted(page):
            return None
        reason = Posting.Reason.REVISION
    else:
        reason, note = Posting.Reason.FIRST_PUBLISHED, ""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            posting = Posting.objects.create(
                page=page,
                reason=reason,
                revision=revision or page.live_revision,
                title=page.title,
                kind_label=page.specific_class._meta.verbose_name,
                summary=page.posting_summary(),
                url=page.get_full_url() or "",
                revision_note=note,
                bundle_page_id=page.posting_bundle_page_id(),
                posted_at=now,
            )
            posting.interests.set(_posting_interests(page))
            posting.restricted_to_groups.set(
                {group_id for required in audience.group_sets for group_id in required}
            )
    except IntegrityError:
        # Two publishes raced: the other one posted it.
        return None
    run_after = now + datetime.timedelta(seconds=settings.KCP_ALERT_BUNDLE_SECONDS)
    transaction.on_commit(lambda: send_postings.using(run_after=run_after).enqueue())
    return posting


# --- Matching: the one rule every route uses ------------------------------------------------


def _active_members(routes: Sequence[str]) -> QuerySet:
    members = Member.objects.filter(status=Member.Status.ACTIVE, route__in=routes)
    if set(routes) <= set(Member.EMAIL_ROUTES):
        members = members.filter(email_paused_at__isnull=True, user__isnull=False)
    return members


def members_for_posting(
    posting: Posting,
    routes: Sequence[str] = (*Member.EMAIL_ROUTES, Member.Route.POST),
    audience: Audience | None = None,
) -> QuerySet:
    """The active members on `routes` whose interests match the posting and who may see its
    page now (email routes: only members whose email is not paused). One query when read."""
    audience = audience or audience_of(posting.page)
    if not audience.is_open:
        return Member.objects.none()
    matching = _active_members(routes).filter(interests__in=posting.interests.values("pk"))
    wider = wider_partnership_group_id()
    for required in audience.group_sets:
        if wider in required:
            continue
        matching = matching.filter(
            pk__in=Member.objects.filter(user__groups__in=required).values("pk")
        )
    return Member.objects.filter(pk__in=matching.values("pk"))


def _matching(
    postings: Sequence[Posting],
    interests_of_posting: dict[int, set[int]],
    audiences: dict[int, Audience],
    member_interest_ids: set[int],
    member_group_ids: set[int],
    wider_partnership_id: int | None,
) -> list[Posting]:
    return [
        posting
        for posting in postings
        if interests_of_posting[posting.pk] & member_interest_ids
        and audiences[posting.pk].admits(member_group_ids, wider_partnership_id)
    ]


def postings_for_member(member: Member, postings: Iterable[Posting]) -> list[Posting]:
    """Which of `postings` the member gets now (the same rule as `members_for_posting`):
    none for a member who is not active."""
    postings = list(postings)
    if not member.is_active or not postings:
        return []
    group_ids = set(member.user.groups.values_list("pk", flat=True)) if member.user_id else set()
    return _matching(
        postings,
        _interests_of(postings),
        {posting.pk: audience_of(posting.page) for posting in postings},
        {interest.pk for interest in member.interests.all()},
        group_ids,
        wider_partnership_group_id(),
    )


def _interests_of(postings: Sequence[Posting]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {posting.pk: set() for posting in postings}
    through = Posting.interests.through.objects.filter(posting_id__in=list(found))
    for posting_id, interest_id in through.values_list("posting_id", "interest_id"):
        found[posting_id].add(interest_id)
    return found


# --- Unsubscribing ----------------------------------------------------------------------------


def unsubscribe_token(member: Member | int) -> str:
    """A signed token naming the member, under its own salt: the credential of the
    unsubscribe link, so it never expires and works without signing in."""
    member_id = member if isinstance(member, int) else member.pk
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(member_id))


def member_for_token(token: str) -> Member | None:
    """The member an unsubscribe link was made for; None for a tampered or unknown token."""
    try:
        member_id = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    if not member_id.isdigit():
        return None
    return Member.objects.filter(pk=int(member_id)).first()


def unsubscribe_url(member: Member | int) -> str:
    return _absolute(reverse("members_unsubscribe", args=[unsubscribe_token(member)]))


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def unsubscribe(member: Member) -> bool:
    """One click from an alert: the member hears nothing more until they resume in their
    preferences (their membership stays). Returns False when they had already stopped."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.status != Member.Status.ACTIVE:
        return False
    MembershipChange.objects.create(
        member=member,
        what="unsubscribed",
        before={"status": member.status},
        after={"status": Member.Status.PAUSED},
    )
    member.status = Member.Status.PAUSED
    member.last_active_at = timezone.now()
    member.save(update_fields=["status", "last_active_at"])
    return True


# --- Fan-out: one message per member, queued in batches --------------------------------------


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


# --- The weekly digest ------------------------------------------------------------------------


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


# --- When the outbox sends, withdraws or gives up ---------------------------------------------


def reason_not_to_send(email: OutgoingEmail) -> str | None:
    """Checked just before an alert leaves: withdrawn if the member is no longer active, or
    may no longer see one of its pages (unpublished, restricted, or they left the group)."""
    if email.kind not in ALERT_KINDS:
        return None
    deliveries = list(
        AlertDelivery.objects.filter(email=email).select_related("posting__page", "member")
    )
    if not deliveries:
        return None
    member = deliveries[0].member
    if not member.is_active or member.is_email_paused:
        return "The member has stopped their alerts."
    group_ids = set(member.user.groups.values_list("pk", flat=True)) if member.user_id else set()
    wider = wider_partnership_group_id()
    for delivery in deliveries:
        if not audience_of(delivery.posting.page).admits(group_ids, wider):
            return f"The member may no longer see “{delivery.posting.title}”."
    return None


def record_email_outcome(email: OutgoingEmail) -> None:
    """Keep the deliveries' state with the outbox's; a permanent refusal pauses the member's
    email alerts and flags them to officers."""
    if email.kind not in ALERT_KINDS:
        return
    deliveries = AlertDelivery.objects.filter(email_id=email.pk)
    State = OutgoingEmail.State
    if email.state == State.SENT:
        deliveries.update(state=AlertDelivery.State.SENT, sent_at=email.sent_at)
    elif email.state == State.WITHDRAWN:
        deliveries.update(state=AlertDelivery.State.WITHDRAWN)
    elif email.state == State.FAILED:
        deliveries.update(state=AlertDelivery.State.FAILED)
        if getattr(email, "is_refused_for_good", False):
            pause_email(
                Member.objects.filter(pk__in=deliveries.values("member_id")),
                reason=email.last_error,
            )


def pause_email(members: QuerySet, *, reason: str) -> int:
    """The mail server refused an alert for good: no more alerts by email until the address
    is checked. Officers see these members flagged."""
    now = timezone.now()
    paused = 0
    for member in members.filter(email_paused_at__isnull=True):
        MembershipChange.objects.create(
            member=member, what="email_paused", after={"reason": "refused by the mail server"}
        )
        member.email_paused_at = now
        member.email_paused_reason = reason[:300]
        member.save(update_fields=["email_paused_at", "email_paused_reason"])
        paused += 1
    return paused


# --- For officers -----------------------------------------------------------------------------


def postings_with_counts() -> QuerySet:
    """Every posting, newest first, with how many members it was sent to, failed for, waits
    for and was withdrawn from (one query per page of the list)."""
    State = AlertDelivery.State
    return Posting.objects.annotate(
        sent_count=Count("deliveries", filter=Q(deliveries__state=State.SENT)),
        failed_count=Count("deliveries", filter=Q(deliveries__state=State.FAILED)),
        queued_count=Count("deliveries", filter=Q(deliveries__state=State.QUEUED)),
        withdrawn_count=Count("deliveries", filter=Q(deliveries__state=State.WITHDRAWN)),
    ).order_by("-posted_at", "-pk")
