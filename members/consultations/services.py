"""What people and officers do with responses: respond online (once, editable until closing),
record a response received by post, telephone or at an event, see and search responses
(officers everything; a group's lead officers its own consultations' text and organisations,
never names or contact details), mark them read, count them, and confirm a non-member's email
address by a signed link. Every look at personal data goes to the audit log.

Every function that depends on the clock takes `now` (tests pass a fixed clock)."""

import dataclasses
import datetime
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from home.audit import record_access
from home.extension_points import TakingResponses
from home.outbox import queue_templated_email
from home.roles import is_partnership_officer
from papers.groups import group_page_model
from papers.models import CommentPeriod, ConsultationPage

from .audit import Action
from .exceptions import MayNotRespond, NotAllowedToSee, NotTakingResponses, ResponsesError
from .models import Response

LINK_SALT = "kcp.consultations.respond"


@dataclasses.dataclass(frozen=True)
class Responder:
    """Who is responding online: a signed-in account, or a non-member's confirmed address."""

    user: object = None
    email: str = ""
    name: str = ""

    @property
    def is_member(self) -> bool:
        return self.user is not None and self.user.is_authenticated


def taking_responses(page: Page, now: datetime.datetime) -> TakingResponses | None:
    """The consultation, or the paper's comment period, as the form sees it; None when the
    page takes no responses."""
    specific = page.specific
    answer = getattr(specific, "responses_now", None)
    return answer(now) if answer else None


def when_text(moment: datetime.datetime, with_time: bool = True) -> str:
    local = timezone.localtime(moment)
    return f"{local:%-d %B %Y}" + (f", {local:%-I:%M %p}".lower() if with_time else "")


def refusal(taking: TakingResponses) -> str | None:
    """Why the form is not open, in words; None when it is."""
    what = "Comments on this paper" if taking.is_comment_period else "This consultation"
    if taking.status == "upcoming":
        return f"{what} open on {when_text(taking.opens_at)}. You can respond from then."
    if taking.status in ("closed", "results"):
        return (
            f"{what} closed on {when_text(taking.closes_at)}, so it no longer takes responses. "
            "Thank you to everyone who responded."
        )
    return None


def may_respond(taking: TakingResponses, responder: Responder | None) -> bool:
    if responder is None:
        return False
    return responder.is_member or bool(responder.email and taking.allows_non_members)


def _same_person(responder: Responder) -> Q:
    """The responses that are this person's, however they were sent: signed in (by account)
    or by an emailed link (by address). An address is one person, so a member who responded
    signed in and later follows an emailed link to the same address changes that response,
    and the other way round; they never make a second one."""
    if responder.is_member:
        found = Q(user=responder.user)
        if responder.user.email:
            found |= Q(user__isnull=True, email__iexact=responder.user.email)
        return found
    # A subquery, not a join: the saving path locks the row (no FOR UPDATE across a join).
    accounts = get_user_model().objects.filter(email__iexact=responder.email)
    return Q(email__iexact=responder.email) | Q(user__in=accounts.values("pk"))


def response_of(page: Page, responder: Responder | None) -> Response | None:
    if responder is None or not (responder.is_member or responder.email):
        return None
    # The account's own first, should both ever exist.
    found = Response.objects.filter(_same_person(responder), page=page)
    return found.order_by("user_id", "pk").first()


def respond(
    taking: TakingResponses,
    responder: Responder,
    *,
    answers: list[dict],
    organisation: str = "",
    paragraph: str = "",
    now: datetime.datetime | None = None,
) -> Response:
    """Save the person's response, or change the one they sent, while the page is open."""
    now = now or timezone.now()
    message = refusal(taking)
    if message:
        raise NotTakingResponses(message)
    if not may_respond(taking, responder):
        raise MayNotRespond(
            "Sign in to respond"
            + (", or confirm your email address first." if taking.allows_non_members else ".")
        )
    values = {"answers": answers, "organisation": organisation, "paragraph": paragraph}
    try:
        with transaction.atomic():
            return _save_online(taking.page, responder, values, now)
    except IntegrityError:
        # Two submissions at once: the other one created the row; this one changes it.
        with transaction.atomic():
            return _save_online(taking.page, responder, values, now)


def _save_online(page: Page, responder: Responder, values: dict, now) -> Response:
    found = Response.objects.select_for_update().filter(_same_person(responder), page=page)
    response = found.order_by("user_id", "pk").first()
    if response is None:
        return Response.objects.create(
            page=page,
            user=responder.user if responder.is_member else None,
            email="" if responder.is_member else responder.email,
            name=responder.name,
            channel=Response.Channel.ONLINE,
            received_on=timezone.localdate(now),
            created_at=now,
            updated_at=now,
            **values,
        )
    if responder.is_member and response.user_id is None:
        # Sent by the emailed link before they signed in: it is the account's from now on.
        response.user, response.email = responder.user, ""
    for field, value in values.items():
        setattr(response, field, value)
    response.updated_at = now
    response.is_read = False
    response.save()
    return response


# --- Officers -------------------------------------------------------------------------------


def record_response(
    page: Page,
    *,
    by,
    channel: str,
    received_on: datetime.date,
    answers: list[dict],
    member=None,
    name: str = "",
    address: str = "",
    organisation: str = "",
    paragraph: str = "",
) -> Response:
    """A response received by post, telephone or at an event, recorded by an officer against
    the same questions, so it counts in every total. A postal member's name and address stay
    on their membership (and go with it); anyone else's are kept here."""
    if not is_partnership_officer(by):
        raise NotAllowedToSee("Only the Partnership's officers record responses.")
    if taking_responses(page, timezone.now()) is None:
        raise ResponsesError(
            "This page takes no responses: open the paper for comments first, or choose the "
            "consultation."
        )
    if channel not in Response.OFFLINE:
        raise ResponsesError("Choose how the response came: by post, telephone or at an event.")
    # No check before the insert: two officers (or a double click) saving at once would both
    # pass it. The constraint one_response_per_member decides, inside a savepoint.
    try:
        with transaction.atomic():
            response = Response.objects.create(
                page=page,
                member=member,
                name="" if member else name,
                address="" if member else address,
                organisation=organisation,
                channel=channel,
                received_on=received_on,
                answers=answers,
                paragraph=paragraph,
                recorded_by=by,
            )
            record_access(
                by, Action.RECORDED, page=page, subject=response, details={"included_names": True}
            )
    except IntegrityError as error:
        if member is None:
            raise
        raise ResponsesError(
            f"A response from {member.name} is already recorded for this page: there is one "
            "response per person. Find it in the list to read it."
        ) from error
    return response


def _led_paths(user) -> list[str]:
    """The tree paths of the group pages (papers.groups: the page type meetings sit under)
    the user holds edit rights on, as a group's lead officer does. Rights on any other page,
    such as the index of groups above them all, lead no group, so show no responses."""
    if not user.is_authenticated:
        return []
    group_type = ContentType.objects.get_for_model(group_page_model())
    return list(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page", page__content_type=group_type
        ).values_list("page__path", flat=True)
    )


def may_see_responses(user, page: Page) -> bool:
    return is_partnership_officer(user) or any(page.path.startswith(p) for p in _led_paths(user))


def may_see_names(user) -> bool:
    """Names, contact details, the export and the printable list: officers only."""
    return is_partnership_officer(user)


def _under(paths: list[str]) -> Q:
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def pages_taking_responses_for(user) -> list[Page]:
    """The consultations and the papers opened for comments whose responses the user may see,
    newest first: all of them for an officer, their own groups' for a lead officer."""
    pages = Page.objects.filter(
        Q(pk__in=ConsultationPage.objects.values("pk"))
        | Q(pk__in=CommentPeriod.objects.values("page_id"))
    )
    if not is_partnership_officer(user):
        pages = pages.filter(_under(_led_paths(user)))
    return list(pages.order_by("-first_published_at", "-pk").select_related("content_type"))


def managed_page(user, page_id: int) -> Page:
    """The page, if the user may see its responses; NotAllowedToSee otherwise (also when it
    takes no responses, so a guessed id tells nothing)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not may_see_responses(user, page):
        raise NotAllowedToSee("You cannot see the responses to that page.")
    if taking_responses(page, timezone.now()) is None:
        raise NotAllowedToSee("You cannot see the responses to that page.")
    return page


@dataclasses.dataclass(frozen=True)
class ResponseRow:
    """A response as an officers' screen shows it. `name`, `email`, `address` are None for a
    lead officer: they are never read from the database for them."""

    pk: int
    channel: str
    received_on: datetime.date
    organisation: str
    answers: list
    paragraph: str
    is_read: bool
    name: str | None = None
    email: str | None = None
    address: str | None = None

    @property
    def channel_label(self) -> str:
        return Response.Channel(self.channel).label


WITHOUT_NAMES = ("pk", "channel", "received_on", "organisation", "answers", "paragraph", "is_read")


def responses_to(page: Page, words: str = "", *, with_names: bool) -> QuerySet:
    responses = Response.objects.filter(page=page).order_by("received_on", "pk")
    if words:
        responses = responses.annotate(answers_text=Cast("answers", TextField()))
        found = Q(answers_text__icontains=words) | Q(organisation__icontains=words)
        found |= Q(paragraph__icontains=words)
        if with_names:
            found |= Q(name__icontains=words) | Q(member__name__icontains=words)
            found |= Q(user__first_name__icontains=words) | Q(user__last_name__icontains=words)
        responses = responses.filter(found)
    return responses


def response_rows(user, page: Page, words: str = "") -> list[ResponseRow]:
    """The responses the user may see, searched by `words`. For a lead officer only the
    columns without personal data are read."""
    if not may_see_responses(user, page):
        raise NotAllowedToSee("You cannot see the responses to that page.")
    if not may_see_names(user):
        return [
            ResponseRow(**row)
            for row in responses_to(page, words, with_names=False).values(*WITHOUT_NAMES)
        ]
    rows = []
    for response in responses_to(page, words, with_names=True).select_related("member", "user"):
        email = response.email or (response.user.email if response.user_id else "")
        address = response.address
        if response.member_id:
            address = "\n".join(
                part for part in (response.member.postal_address, response.member.postcode) if part
            )
        rows.append(
            ResponseRow(
                pk=response.pk,
                channel=response.channel,
                received_on=response.received_on,
                organisation=response.organisation,
                answers=response.answers,
                paragraph=response.paragraph,
                is_read=response.is_read,
                name=response.responder_name,
                email=email,
                address=address,
            )
        )
    return rows


def mark_read(user, page: Page, response_ids: list[int]) -> int:
    if not may_see_responses(user, page):
        raise NotAllowedToSee("You cannot see the responses to that page.")
    with transaction.atomic():
        marked = Response.objects.filter(page=page, pk__in=response_ids).update(is_read=True)
        record_access(
            user, Action.MARKED_READ, page=page, count=marked, details={"included_names": False}
        )
    return marked


@dataclasses.dataclass(frozen=True)
class ResponseTotals:
    """How many responded, by channel, and how many chose each choice: safe to publish."""

    total: int
    by_channel: list[tuple[str, int]]
    choices: list[tuple[str, list[tuple[str, int]]]]

    @property
    def channels_in_words(self) -> str:
        """E.g. "3 online, 1 by post": the channels that had any."""
        return ", ".join(f"{count} {label.lower()}" for label, count in self.by_channel if count)


def totals(taking: TakingResponses) -> ResponseTotals:
    """One query, whatever the number of responses: their channels and answers."""
    found = list(Response.objects.filter(page=taking.page).values_list("channel", "answers"))
    channels = Counter(channel for channel, _answers in found)
    chosen = {q["key"]: Counter() for q in taking.questions if q["type"] == "choice"}
    for _channel, answers in found:
        for answer in answers:
            if answer.get("key") in chosen:
                chosen[answer["key"]][answer.get("answer", "")] += 1
    return ResponseTotals(
        total=len(found),
        by_channel=[(label, channels[value]) for value, label in Response.Channel.choices],
        choices=[
            (q["question"], [(choice, chosen[q["key"]][choice]) for choice in q["choices"]])
            for q in taking.questions
            if q["type"] == "choice"
        ],
    )


# --- A non-member's confirmed email address -------------------------------------------------


def link_token(page: Page, email: str, name: str) -> str:
    return signing.dumps({"page": page.pk, "email": email, "name": name}, salt=LINK_SALT)


def responder_from_token(page: Page, token: str) -> Responder | None:
    """The person a signed link was sent to, if the link is for this page and still valid."""
    if not token:
        return None
    try:
        found = signing.loads(
            token, salt=LINK_SALT, max_age=settings.KCP_CONSULTATION_LINK_VALID_SECONDS
        )
    except signing.BadSignature:
        return None
    if not isinstance(found, dict) or found.get("page") != page.pk or not found.get("email"):
        return None
    return Responder(email=found["email"], name=found.get("name", ""))


def respond_path(page: Page, token: str = "") -> str:
    path = reverse("consultations_respond", args=[page.pk])
    return f"{path}?link={token}" if token else path


def send_response_link(
    taking: TakingResponses, *, email: str, name: str, site_url: str, now=None
) -> None:
    """Email a non-member the link that lets them respond as that address. At most one email
    per address, page and hour, so the form cannot be used to flood someone's inbox."""
    if not taking.allows_non_members:
        raise MayNotRespond("Only members can respond to this: sign in to respond.")
    now = now or timezone.now()
    page = taking.page
    token = link_token(page, email, name)
    queue_templated_email(
        kind="consultation_link",
        to=[email],
        template="consultations/email/response_link",
        context={
            "name": name,
            "title": page.title,
            "link": site_url + respond_path(page, token),
            "closes": when_text(taking.closes_at),
            "valid_days": settings.KCP_CONSULTATION_LINK_VALID_SECONDS // 86400,
        },
        idempotency_key=f"consultation-link:{page.pk}:{email.lower()}:{now:%Y%m%d%H}",
    )
