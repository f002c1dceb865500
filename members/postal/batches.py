"""Postal batches: the same postings email members get, as letters an officer prints and posts.

Rules:
- A batch holds every posting made after the last batch marked posted (its `covers_until`) up
  to the moment it is built, matched to postal members by the email route's own rule
  (`alerts.members_for_posting`, asked once per posting): one letter per active postal
  member whose post route is not paused and who has something new; nobody else gets one.
- At most one batch is open (built, not posted). Building again replaces the open batch, so
  a posting made meanwhile is not missed; a posted batch never changes.
- A letter is rendered once, when the batch is built, and kept as rendered: the browser's
  print, the PDF and any reprint show exactly that letter.
- Its letters are frozen, but an email is checked again as it leaves: an open batch whose
  page was unpublished or restricted from one of its members since the build is not
  printed, made into a PDF or marked posted; the officer builds it again.
- Marking a batch posted records each letter as sent to its member (`AlertDelivery`, channel
  post); the next batch starts after it.
- A letter returned undelivered pauses the member's post route and flags them to officers
  until one checks the address and resumes their letters.
"""

import datetime
import logging
from collections import defaultdict
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Sum
from django.utils import timezone

from home.audit import record_access
from home.models import Interest
from home.roles import is_partnership_officer
from members.alerts.matching import audience_of, members_for_posting, wider_partnership_group_id
from members.alerts.models import AlertDelivery, Posting
from members.audit.actions import Action
from members.exceptions import (
    AddressTooLong,
    BatchAlreadyPosted,
    BatchOutOfDate,
    LetterNotPosted,
    NotAnOfficer,
    NothingToPost,
    ReturnAddressNeeded,
)
from members.models import Member, PostalBatch, PostalLetter
from members.postal.enclosures import (
    check_enclosures_still_public,
    chosen_enclosures,
    enclosable_papers,
)
from members.postal.letters import (
    LetterContent,
    LetterPosting,
    PartnershipContact,
    address_lines,
    closing_dates,
    envelope_window,
    letters_document,
    render_letter,
    reply_forms,
)

logger = logging.getLogger(__name__)


# --- Building, posting, returns -----------------------------------------------------------


def check_officer(officer) -> None:
    if not is_partnership_officer(officer):
        raise NotAnOfficer("Only Partnership officers may handle postal batches.")


def open_batch() -> PostalBatch | None:
    return PostalBatch.objects.filter(posted_at__isnull=True).first()


def last_posted_batch() -> PostalBatch | None:
    return PostalBatch.objects.filter(posted_at__isnull=False).order_by("-covers_until").first()


def postal_members():
    """Who gets letters: active postal members whose post route is not paused."""
    return (
        Member.objects.filter(
            route=Member.Route.POST, status=Member.Status.ACTIVE, post_paused_on__isnull=True
        )
        .prefetch_related(Prefetch("interests", queryset=Interest.objects.order_by("name")))
        .order_by("postcode", "name", "pk")
    )


@transaction.atomic
def build_batch(officer, *, now: datetime.datetime | None = None) -> PostalBatch:
    """Build the batch of every posting since the last one posted, replacing an open batch."""
    check_officer(officer)
    now = now or timezone.now()
    partnership = PartnershipContact.current()
    if not partnership.address_lines:
        raise ReturnAddressNeeded(
            "Letters tell members to write to the Partnership: add its postal address under "
            "Settings, Partnership contact details, then build the batch."
        )
    previous = last_posted_batch()
    covers_from = previous.covers_until if previous else None
    postings = Posting.objects.filter(posted_at__lte=now).select_related("page")
    if covers_from is not None:
        postings = postings.filter(posted_at__gt=covers_from)
    postings = list(postings.order_by("posted_at", "pk"))
    replaced = PostalBatch.objects.select_for_update().filter(posted_at__isnull=True).first()
    if replaced is not None:
        _discard(replaced)
    closes = closing_dates(postings)
    forms = reply_forms(postings, now)
    members = list(postal_members())
    # A member who had a posting by email before switching to post is not sent it again.
    already = set(
        AlertDelivery.objects.filter(member__in=members, posting__in=postings).values_list(
            "member_id", "posting_id"
        )
    )
    # The email route's own rule, asked once per posting (so the number of queries does not
    # grow with the number of members): who on the post route gets each posting now.
    receives = {
        posting.pk: set(
            members_for_posting(posting, routes=[Member.Route.POST]).values_list("pk", flat=True)
        )
        for posting in postings
    }
    envelope = envelope_window()
    today = timezone.localdate(now)
    papers = enclosable_papers(postings)
    letters: list[tuple[PostalLetter, list[Posting]]] = []
    too_long: list[int] = []
    for member in members:
        matching = [
            posting
            for posting in postings
            if member.pk in receives[posting.pk] and (member.pk, posting.pk) not in already
        ]
        if not matching:
            continue
        enclosures = chosen_enclosures(member.papers_by_post, matching, papers, closes, today)
        content = LetterContent(
            position=len(letters) + 1,
            member_number=member.pk,
            name=member.name,
            address_lines=tuple(address_lines(member)),
            is_large_print=member.is_large_print,
            date=today,
            interest_names=tuple(interest.name for interest in member.interests.all()),
            postings=tuple(
                LetterPosting.of(posting, closes.get(posting.pk)) for posting in matching
            ),
            reply_forms=tuple(forms[posting.pk] for posting in matching if posting.pk in forms),
            enclosures=tuple(enclosure.title for enclosure in enclosures),
        )
        if not content.fits_its_boxes:
            too_long.append(member.pk)
            continue
        letter = PostalLetter(
            member=member,
            position=content.position,
            address_lines=list(content.address_lines),
            is_large_print=content.is_large_print,
            html=render_letter(content, partnership),
            enclosures=[enclosure.as_json() for enclosure in enclosures],
        )
        letters.append((letter, matching))
    if too_long:
        raise AddressTooLong(
            "These members' names or addresses are longer than the letter's boxes hold, even "
            "set smaller (the envelope's window shows about seven lines of address, six in "
            "large print): "
            + ", ".join(f"member {pk}" for pk in too_long)
            + ". Join some lines on their records (for example the flat and the street), or "
            "shorten the name to how they sign their letters, then build the batch again."
        )
    if not letters:
        raise NothingToPost(
            "No postal member has anything new: nothing has been posted on their subjects "
            "since the last batch was posted."
        )
    try:
        with transaction.atomic():
            batch = PostalBatch.objects.create(
                built_at=now,
                built_by=officer,
                covers_from=covers_from,
                covers_until=now,
                envelope=envelope.code,
            )
    except IntegrityError as error:  # another officer built one at the same moment
        raise NothingToPost(
            "Another officer has just built the batch: open it from Postal mailing."
        ) from error
    batch.postings.set({posting for _, matching in letters for posting in matching})
    for letter, _ in letters:
        letter.batch = batch
    PostalLetter.objects.bulk_create([letter for letter, _ in letters])
    PostalLetter.postings.through.objects.bulk_create(
        [
            PostalLetter.postings.through(postalletter_id=letter.pk, posting_id=posting.pk)
            for letter, matching in letters
            for posting in matching
        ]
    )
    record_access(
        officer,
        Action.BUILT_POSTAL_BATCH,
        count=len(letters),
        details={"batch": batch.pk},
    )
    return batch


def check_still_for_its_members(batch: PostalBatch) -> None:
    """An open batch's letters were frozen when it was built, but an email is checked again
    just before it leaves: so before its letters are printed, made into a PDF or marked
    posted, each posting is checked with the email route's rule (`audience_of`) for every
    member whose letter holds it. BatchOutOfDate if one is no longer live, or is now
    restricted from one of them. A posted batch is a record and is never checked."""
    if batch.is_posted:
        return
    holders: dict[int, set[int]] = {}
    through = PostalLetter.postings.through.objects.filter(postalletter__batch=batch)
    for posting_id, member_id in through.values_list("posting_id", "postalletter__member_id"):
        holders.setdefault(posting_id, set()).add(member_id)
    postings = batch.postings.select_related("page").order_by("posted_at", "pk")
    groups_of: dict[int, set[int]] = defaultdict(set)  # postal members mostly have no account
    for member_id, group_id in Member.objects.filter(
        pk__in={pk for ids in holders.values() for pk in ids}, user__groups__isnull=False
    ).values_list("pk", "user__groups"):
        groups_of[member_id].add(group_id)
    wider = wider_partnership_group_id()
    for posting in postings:
        audience = audience_of(posting.page)
        if all(
            audience.admits(groups_of[member_id], wider)
            for member_id in holders.get(posting.pk, ())
        ):
            continue
        raise BatchOutOfDate(
            f"“{posting.title}” has been unpublished or restricted since this batch was built, "
            "so some of its letters tell members about a page they may no longer see. Build "
            "the batch again from Postal mailing (it replaces this one), then print the new "
            "letters."
        )
    check_enclosures_still_public(
        enclosure
        for enclosures in batch.letters.values_list("enclosures", flat=True)
        for enclosure in enclosures
    )


def _discard(batch: PostalBatch) -> None:
    if batch.pdf:
        batch.pdf.delete(save=False)
    batch.delete()


@transaction.atomic
def mark_posted(officer, batch: PostalBatch, *, posted_on: datetime.date) -> PostalBatch:
    """The letters went in the post: each is recorded as sent, and the next batch starts
    after this one."""
    check_officer(officer)
    batch = PostalBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.is_posted:
        raise BatchAlreadyPosted(
            f"This batch was marked posted on {timezone.localdate(batch.posted_at):%-d %B %Y}."
        )
    check_still_for_its_members(batch)
    posted_at = timezone.make_aware(datetime.datetime.combine(posted_on, datetime.time(12)))
    batch.posted_at = posted_at
    batch.posted_by = officer
    batch.save(update_fields=["posted_at", "posted_by"])
    through = PostalLetter.postings.through.objects.filter(postalletter__batch=batch)
    AlertDelivery.objects.bulk_create(
        [
            AlertDelivery(
                posting_id=posting_id,
                member_id=member_id,
                channel=AlertDelivery.Channel.POST,
                state=AlertDelivery.State.SENT,
                queued_at=batch.built_at,
                sent_at=posted_at,
            )
            for posting_id, member_id in through.values_list(
                "posting_id", "postalletter__member_id"
            )
        ],
        ignore_conflicts=True,
    )
    counts = batch.letters.aggregate(pages=Sum("page_count"), sheets=Sum("sheet_count"))
    record_access(
        officer,
        Action.MARKED_POSTED,
        count=batch.letters.count(),
        details={"batch": batch.pk, "pages": counts["pages"], "sheets": counts["sheets"]},
    )
    return batch


@transaction.atomic
def record_returned_letter(
    officer, letter: PostalLetter, *, returned_on: datetime.date, reason: str
) -> PostalLetter:
    """A letter came back: it is recorded, the member's letters stop and officers see the
    member flagged until one checks the address and resumes them."""
    check_officer(officer)
    letter = (
        PostalLetter.objects.select_for_update().select_related("batch", "member").get(pk=letter.pk)
    )
    if not letter.batch.is_posted:
        raise LetterNotPosted(
            "This batch has not been marked posted yet, so none of its letters can have come "
            "back: mark it posted first."
        )
    letter.returned_on = returned_on
    letter.returned_reason = reason
    letter.returned_recorded_by = officer
    letter.save(update_fields=["returned_on", "returned_reason", "returned_recorded_by"])
    member = letter.member
    if not member.is_post_paused:
        member.post_paused_on = returned_on
        member.post_paused_reason = reason
        member.save(update_fields=["post_paused_on", "post_paused_reason"])
        member.changes.create(
            changed_by=officer,
            what="post_paused",
            before={"post_paused": False},
            after={"post_paused": True, "letter": letter.pk},
        )
    record_access(
        officer, Action.RECORDED_RETURN, subject=member, details={"batch": letter.batch_id}
    )
    return letter


def members_with_returned_letters():
    """The flag officers see: members whose letters stopped because one came back."""
    return Member.objects.filter(post_paused_on__isnull=False).order_by("post_paused_on", "pk")


@transaction.atomic
def resume_post(officer, member: Member) -> Member:
    """An officer checked the address: letters start again with the next batch."""
    check_officer(officer)
    if member.is_post_paused:
        member.changes.create(
            changed_by=officer,
            what="post_resumed",
            before={"post_paused": True},
            after={"post_paused": False},
        )
        member.post_paused_on = None
        member.post_paused_reason = ""
        member.save(update_fields=["post_paused_on", "post_paused_reason"])
    return member


# --- Reading a batch (each read is audited) --------------------------------------------------


def batch_letters(batch: PostalBatch):
    return batch.letters.select_related("member").order_by("position")


def letters_for_print(officer, batch: PostalBatch, letters: Sequence[PostalLetter], **kwargs):
    """The HTML document of the given letters of the batch, for the browser's print."""
    check_officer(officer)
    check_still_for_its_members(batch)
    record_access(
        officer,
        Action.OPENED_LETTERS,
        subject=letters[0].member if len(letters) == 1 else None,
        count=len(letters),
        details={"batch": batch.pk},
    )
    return letters_document(
        [letter.html for letter in letters],
        title=f"Letters of postal batch {batch.pk}"
        if len(letters) != 1
        else f"Letter {letters[0].position} of postal batch {batch.pk}",
        envelope=envelope_window(batch.envelope),
        **kwargs,
    )
