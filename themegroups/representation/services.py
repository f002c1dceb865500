"""What representation does: the composition of every group by sector, and interests in
joining a group (asked from an account, or through a signed link emailed to the person),
each reaching that group's contact officer and lead officers through the outbox."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from wagtail.models import Site

from home.audit import record_access
from home.models import PartnershipSettings, SteeringGroupSeat
from home.outbox import queue_templated_email
from themegroups.models import GroupMember, GroupPage

from .composition import GroupComposition, composition_of
from .exceptions import LinkNotValid
from .models import InterestRequest, RepresentationSettings

LINK_SALT = "kcp.representation.interest"
LINK_MAX_AGE_SECONDS = 3 * 24 * 3600


def _default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first()


def threshold() -> Decimal:
    """The site's setting (made with its default, one third, when never saved)."""
    return RepresentationSettings.for_site(_default_site()).voluntary_sector_threshold


def compositions() -> list[GroupComposition]:
    """Every live group's members by sector: the Steering Group by its current seats, other
    groups by the members recorded on their page. Three queries, however many groups."""
    minimum = threshold()
    groups = list(GroupPage.objects.live().order_by("path"))
    members: dict[int, list] = {}
    for member in GroupMember.objects.filter(page__in=groups).select_related("organisation"):
        sector = member.organisation.sector if member.organisation else None
        members.setdefault(member.page_id, []).append(sector)
    seats = [
        seat.organisation.sector
        for seat in SteeringGroupSeat.objects.current().select_related("organisation")
    ]
    return [
        composition_of(
            group.title,
            seats if group.kind == GroupPage.Kind.STEERING_GROUP else members.get(group.pk, []),
            minimum,
        )
        for group in groups
    ]


@dataclass(frozen=True)
class Interest:
    name: str
    email: str
    organisation: str
    message: str


def recipients_for(group: GroupPage) -> list[str]:
    """The group's contact officer and its lead officers' accounts: nobody else."""
    addresses = []
    if group.contact_id and group.contact.email:
        addresses.append(group.contact.email)
    access = getattr(group, "lead_officer_group", None)
    if access is not None:
        addresses += list(
            get_user_model()
            .objects.filter(groups=access.group, is_active=True)
            .order_by("email")
            .values_list("email", flat=True)
        )
    return sorted(set(addresses), key=addresses.index)


@transaction.atomic
def express_interest(group: GroupPage, interest: Interest, *, user=None) -> InterestRequest:
    """Record the request and tell the group's officers, in one transaction."""
    request = InterestRequest.objects.create(
        group=group,
        user=user,
        name=interest.name,
        email=interest.email,
        organisation=interest.organisation,
        message=interest.message,
    )
    record_access(user, "representation.requested", subject=request)
    to = recipients_for(group)
    if not to:
        # Nobody named for the group: the Partnership team hears of it instead.
        to = [PartnershipSettings.for_site(_default_site()).contact_email]
    queue_templated_email(
        kind="Interest in joining a group",
        to=to,
        template="representation/email/interest_received",
        context={
            "group": group,
            "interest": request,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("interest_requests:edit", args=[request.pk]),
        },
        idempotency_key=f"interest-request:{request.pk}",
    )
    return request


def link_token(group: GroupPage, interest: Interest) -> str:
    return signing.dumps(
        {
            "group": group.pk,
            "name": interest.name,
            "email": interest.email,
            "organisation": interest.organisation,
            "message": interest.message,
        },
        salt=LINK_SALT,
    )


def send_confirmation_link(group: GroupPage, interest: Interest) -> None:
    """For someone not signed in: email them a signed link that confirms their address; the
    request is made, and the officers told, only when they follow it."""
    token = link_token(group, interest)
    queue_templated_email(
        kind="Confirm your interest in joining a group",
        to=[interest.email],
        template="representation/email/confirm_interest",
        context={
            "group": group,
            "name": interest.name,
            "confirm_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("representation_confirm", args=[token]),
        },
        idempotency_key=f"interest-link:{group.pk}:{interest.email}:{token[-16:]}",
    )


def interest_from_link(token: str) -> tuple[GroupPage, Interest]:
    try:
        found = signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise LinkNotValid(
            "This link has expired: links last three days. Ask again from the group's page."
        ) from None
    except signing.BadSignature:
        raise LinkNotValid(
            "This link is not complete or not one we sent. Copy the whole link from the email, "
            "or ask again from the group's page."
        ) from None
    group = GroupPage.objects.live().public().filter(pk=found["group"]).first()
    if group is None:
        raise LinkNotValid("The group this link was for is no longer on the site.")
    interest = Interest(found["name"], found["email"], found["organisation"], found["message"])
    return group, interest


@transaction.atomic
def confirm_interest(token: str) -> InterestRequest:
    """Make the request the link carries, once: following it again finds the same request."""
    group, interest = interest_from_link(token)
    existing = InterestRequest.objects.filter(
        group=group, email=interest.email, user__isnull=True, message=interest.message
    ).first()
    return existing or express_interest(group, interest)


@transaction.atomic
def change_state(officer, request: InterestRequest, state: str) -> InterestRequest:
    request.state = state
    request.save(update_fields=["state"])
    record_access(officer, "representation.changed", subject=request)
    return request
