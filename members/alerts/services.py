"""Alerts: a page members hear about becomes a posting once (here: `record_posting`), and each
member whose interests match, and who may see the page, hears about it once (matching.py):
by email at once or in the weekly digest (sending.py), or by letter (postal batches use
`members_for_posting` and `postings_for_member` too). Stopping a member's alerts, and the
outbox's checks and outcomes for alert emails, are here too.

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
  checked again just before each message leaves (EMAIL_SEND_CHECKS, in wagtail_hooks).
- A posting reaches a member once, whatever the route (AlertDelivery is unique per posting
  and member): a member who moves from the digest to alerts at once is not sent it again.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from home.models import Interest, OutgoingEmail
from home.site_address import page_url
from members.alerts.matching import ALERT_KINDS, audience_of, wider_partnership_group_id
from members.alerts.sending import send_postings
from members.models import AlertDelivery, Member, MembershipChange, Posting
from papers.models import is_posting_type


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
                url=page_url(page),
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
