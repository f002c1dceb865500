"""Alerts' rules of who hears: who may see a posting (its audience), which members match its
interests by route, and the signed link that stops a member's alerts."""

import dataclasses
from collections.abc import Iterable, Sequence

from django.contrib.auth.models import Group
from django.core import signing
from django.db.models import QuerySet
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from home.roles import WIDER_PARTNERSHIP_MEMBERS
from home.site_address import absolute_url
from members.models import AlertDelivery, Member, Posting

Channel = AlertDelivery.Channel


ALERT_KIND = "alert"


DIGEST_KIND = "alert_digest"


ALERT_KINDS = (ALERT_KIND, DIGEST_KIND)


UNSUBSCRIBE_SALT = "kcp.members.alerts.unsubscribe"


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
    return absolute_url(path)
