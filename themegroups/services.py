"""Business rules for theme groups: lead officers' rights on their own group and nothing else,
the officers' approval workflow, the lead officers' network page, and News and Views."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import Interest
from home.outbox import queue_templated_email
from home.roles import PARTNERSHIP_OFFICERS, is_partnership_officer
from papers.models import MeetingPage
from papers.services import collection_for_group

from .exceptions import (
    MeetingAlreadyHeld,
    NotALeadOfficer,
    NotAPartnershipOfficer,
    NotASteeringGroupMeeting,
    UnknownPerson,
)
from .models import (
    GroupIndexPage,
    GroupPage,
    LeadOfficerGroup,
    LeadOfficersNetworkPage,
    NewsAndViewsReminder,
    NewsAndViewsUpdate,
)

LEAD_OFFICERS_PREFIX = "Lead officers: "
APPROVAL_WORKFLOW_NAME = "Partnership officer approval"

# On their own group's page and everything below it: add and edit, never publish (unless
# officers trust the group).
LEAD_OFFICER_PAGE_PERMISSIONS = ("add_page", "change_page")
TRUSTED_PAGE_PERMISSIONS = ("publish_page",)
# On their group's collection (documents and images share Wagtail's collections).
LEAD_OFFICER_COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)
# Everywhere: into the admin, and add or choose the records every group shares; changing or
# deleting those is for Partnership officers only.
LEAD_OFFICER_MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("home", "add_organisation"),
    ("home", "view_organisation"),
    ("papers", "add_contactofficer"),
    ("papers", "view_contactofficer"),
)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def lead_officer_group_name(page: GroupPage) -> str:
    name = f"{LEAD_OFFICERS_PREFIX}{page.title}"
    taken = Group.objects.filter(name=name).exclude(lead_officer_group__page=page)
    if len(name) > 150 or taken.exists():
        name = f"{LEAD_OFFICERS_PREFIX}{page.title[:120]} ({page.pk})"
    return name


# --- Provisioning ---------------------------------------------------------------------------


@transaction.atomic
def provision_lead_officers(page: GroupPage) -> LeadOfficerGroup:
    """Create, or bring back in step, the group page's lead-officer group: its name, its
    collection, its rights on the page and the collection, its place on the network page."""
    access = (
        LeadOfficerGroup.objects.select_related("group", "collection").filter(page=page).first()
    )
    if access is None:
        group, _ = Group.objects.get_or_create(name=lead_officer_group_name(page))
        access = LeadOfficerGroup.objects.create(
            page=page, group=group, collection=collection_for_group(page)
        )
    else:
        _rename(access, page)
    _grant(access)
    keep_network_page_restricted()
    assign_officer_approval_workflow()
    return access


GROUPS_WITH_AN_INTEREST = (GroupPage.Kind.THEME_GROUP, GroupPage.Kind.SUB_PARTNERSHIP)


def keep_group_interest(page: GroupPage) -> Interest | None:
    """Each theme group (and sub-partnership) is a subject members can ask to hear about:
    a new group adds its interest, a renamed one renames it."""
    if page.kind not in GROUPS_WITH_AN_INTEREST:
        return None
    interest = Interest.objects.filter(group_page=page).first()
    if interest is None:
        slug = page.slug
        if Interest.objects.filter(slug=slug).exists():
            slug = f"{page.slug}-{page.pk}"
        interest = Interest.objects.filter(name=page.title, group_page__isnull=True).first()
        if interest is None:
            return Interest.objects.create(
                name=page.title, slug=slug, kind=Interest.Kind.THEME_GROUP, group_page=page
            )
        interest.group_page = page
        interest.save(update_fields=["group_page"])
    elif interest.name != page.title and not Interest.objects.filter(name=page.title).exists():
        interest.name = page.title
        interest.save(update_fields=["name"])
    return interest


def _rename(access: LeadOfficerGroup, page: GroupPage) -> None:
    name = lead_officer_group_name(page)
    if access.group.name != name:
        access.group.name = name
        access.group.save(update_fields=["name"])
    if access.collection is None:
        access.collection = collection_for_group(page)
        access.save(update_fields=["collection"])
    elif access.collection.name != page.title:
        siblings = access.collection.get_siblings().filter(name=page.title)
        if not siblings.exists():
            access.collection.name = page.title
            access.collection.save(update_fields=["name"])


def _grant(access: LeadOfficerGroup) -> None:
    """Rights on the group's own page and collection only. Rights officers gave elsewhere by
    hand are left alone; on its own page the group holds exactly these."""
    group, page = access.group, access.page
    codenames = LEAD_OFFICER_PAGE_PERMISSIONS + (
        TRUSTED_PAGE_PERMISSIONS if access.is_trusted else ()
    )
    GroupPagePermission.objects.filter(group=group, page_id=page.pk).exclude(
        permission__codename__in=codenames
    ).delete()
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=_permission("wagtailcore", codename)
        )
    if access.collection_id:
        for app_label, codename in LEAD_OFFICER_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection_id=access.collection_id,
                permission=_permission(app_label, codename),
            )
    group.permissions.add(
        *[
            _permission(app_label, codename)
            for app_label, codename in LEAD_OFFICER_MODEL_PERMISSIONS
        ]
    )


def lead_officer_groups() -> list[Group]:
    return list(Group.objects.filter(lead_officer_group__isnull=False).order_by("name"))


def keep_network_page_restricted() -> None:
    """The network page is for lead officers of every group and for Partnership officers:
    its view restriction names exactly those groups."""
    pages = list(LeadOfficersNetworkPage.objects.all())
    if not pages:
        return
    allowed = [*Group.objects.filter(name=PARTNERSHIP_OFFICERS), *lead_officer_groups()]
    for page in pages:
        restriction = PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.GROUPS
        ).first()
        if restriction is None:
            PageViewRestriction.objects.filter(page=page).delete()
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
        restriction.groups.set(allowed)


def assign_officer_approval_workflow() -> Workflow | None:
    """Lead officers submit, Partnership officers approve and publish: a workflow with one
    group approval task for the Partnership officers, on the theme groups index and on each
    group page outside it (the Steering Group). Safe to run again; an officer's later choice
    of another workflow for those pages is left alone."""
    officers = Group.objects.filter(name=PARTNERSHIP_OFFICERS).first()
    if officers is None:
        return None
    task = GroupApprovalTask.objects.filter(name=APPROVAL_WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_WORKFLOW_NAME)
    task.groups.add(officers)
    workflow, _ = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    pages = list(GroupIndexPage.objects.all())
    top_level_groups = GroupPage.objects.all()
    for index_page in pages:
        top_level_groups = top_level_groups.exclude(path__startswith=index_page.path)
    for page in [*pages, *top_level_groups]:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


# --- Lead officers --------------------------------------------------------------------------


def find_person(email: str):
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise UnknownPerson(
            f"Nobody has an account with the email address {email}. Ask them to sign up at "
            "/accounts/signup/ first, then try again."
        )
    return user


@transaction.atomic
def add_lead_officer(user, page: GroupPage) -> LeadOfficerGroup:
    """Make someone a lead officer of the group: add and edit its pages, files and records."""
    access = provision_lead_officers(page)
    user.groups.add(access.group)
    return access


@transaction.atomic
def remove_lead_officer(user, page: GroupPage) -> None:
    """Take away someone's rights on the group's pages: at once, from their next request."""
    access = LeadOfficerGroup.objects.select_related("group").filter(page=page).first()
    if access is None or not user.groups.filter(pk=access.group_id).exists():
        raise NotALeadOfficer(f"{user.email} is not a lead officer of {page.title}.")
    user.groups.remove(access.group)


@transaction.atomic
def remove_leaver(user) -> list[str]:
    """Someone has left their organisation: take away every lead-officer right they hold.
    Their account stays (they may still be a member of the wider partnership)."""
    groups = list(user.groups.filter(lead_officer_group__isnull=False))
    user.groups.remove(*groups)
    return [group.name for group in groups]


@transaction.atomic
def trust_group(page: GroupPage, *, is_trusted: bool = True) -> LeadOfficerGroup:
    """Let the group's lead officers publish without an officer's approval, or stop them.
    Holding publish rights makes two-factor authentication compulsory for them."""
    access = provision_lead_officers(page)
    access.is_trusted = is_trusted
    access.save(update_fields=["is_trusted"])
    _grant(access)
    return access


def is_lead_officer_of(user, page: GroupPage) -> bool:
    return user.is_authenticated and user.groups.filter(lead_officer_group__page=page).exists()


def groups_led_by(user):
    """The group pages whose lead officer the user is (all of them for an officer)."""
    if is_partnership_officer(user):
        return GroupPage.objects.order_by("title")
    return GroupPage.objects.filter(lead_officer_group__group__user=user).order_by("title")


@dataclass
class AccessHolder:
    """One person in the access review: who they are and every right they hold, where."""

    user: object
    rights: list[str] = field(default_factory=list)
    lead_officer_of: list[GroupPage] = field(default_factory=list)


def access_review() -> list[AccessHolder]:
    """Everyone who holds rights on pages anywhere, with the rights and their last sign-in,
    people who signed in longest ago first. Four queries however many people and groups."""
    User = get_user_model()
    rights_by_group: dict[int, list[str]] = {}
    for grant in GroupPagePermission.objects.select_related("page", "permission").order_by(
        "page__path", "permission__codename"
    ):
        action = grant.permission.codename.removesuffix("_page").replace("_", " ")
        rights_by_group.setdefault(grant.group_id, []).append(
            f"{action} on {grant.page.title} and below"
        )
    lead_groups = {
        access.group_id: access.page
        for access in LeadOfficerGroup.objects.select_related("page").only(
            "group_id", "page__title", "page__slug", "page__path", "page__depth"
        )
    }
    users = (
        User.objects.filter(is_active=True)
        .filter(groups__in=list(rights_by_group))
        .distinct()
        .prefetch_related("groups")
        .order_by("last_login", "email")
    )
    holders = []
    for user in users:
        holder = AccessHolder(user=user)
        for group in user.groups.all():
            holder.rights.extend(
                f"{right} ({group.name})" for right in rights_by_group.get(group.pk, [])
            )
            if group.pk in lead_groups:
                holder.lead_officer_of.append(lead_groups[group.pk])
        holders.append(holder)
    return holders


# --- News and Views -------------------------------------------------------------------------


def steering_group_meetings():
    """Meetings of the Steering Group (or groups) wherever the group page sits."""
    paths = list(
        GroupPage.objects.filter(kind=GroupPage.Kind.STEERING_GROUP).values_list("path", "depth")
    )
    if not paths:
        return MeetingPage.objects.none()
    condition = Q()
    for path, depth in paths:
        condition |= Q(path__startswith=path, depth=depth + 1)
    return MeetingPage.objects.filter(condition)


def news_and_views_deadline(meeting: MeetingPage) -> datetime.datetime:
    return meeting.start - datetime.timedelta(days=settings.KCP_NEWS_AND_VIEWS_DEADLINE_DAYS)


def upcoming_steering_group_meetings(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return (
        steering_group_meetings()
        .filter(start__gt=now)
        .exclude(status=MeetingPage.Status.CANCELLED)
        .order_by("start")
    )


@transaction.atomic
def submit_news_and_views(
    *,
    user,
    group: GroupPage,
    meeting: MeetingPage,
    text: str,
    presenter: str,
    now: datetime.datetime | None = None,
) -> NewsAndViewsUpdate:
    """A lead officer's update for their group at the next Steering Group meeting. Sending
    it again before the meeting replaces the earlier text."""
    now = now or timezone.now()
    if not (is_lead_officer_of(user, group) or is_partnership_officer(user)):
        raise NotALeadOfficer(
            f"Only lead officers of {group.title} can send its News and Views. Ask the "
            "Partnership team to add you as a lead officer."
        )
    if not steering_group_meetings().filter(pk=meeting.pk).exists():
        raise NotASteeringGroupMeeting(
            f"{meeting.title} is not a Steering Group meeting: News and Views go to the "
            "Steering Group. Choose one of its meetings."
        )
    if meeting.start <= now:
        raise MeetingAlreadyHeld(
            f"{meeting.title} has already taken place. Choose the next Steering Group meeting."
        )
    is_approved = (
        is_partnership_officer(user)
        or LeadOfficerGroup.objects.filter(page=group, is_trusted=True).exists()
    )
    update, _ = NewsAndViewsUpdate.objects.update_or_create(
        group=group,
        meeting=meeting,
        defaults={
            "text": text.strip(),
            "presenter": presenter.strip(),
            "submitted_by": user,
            "submitted_at": now,
            "approved_by": user if is_approved else None,
            "approved_at": now if is_approved else None,
        },
    )
    return update


def news_and_views_waiting_for_approval():
    return (
        NewsAndViewsUpdate.objects.filter(
            approved_at__isnull=True, meeting__start__gt=timezone.now()
        )
        .select_related("group", "meeting", "submitted_by")
        .order_by("meeting__start", "group__title")
    )


@transaction.atomic
def approve_news_and_views(*, user, update: NewsAndViewsUpdate) -> NewsAndViewsUpdate:
    """A Partnership officer puts a lead officer's update on the public agenda, as it reads
    now: the same review a lead officer's page goes through."""
    if not is_partnership_officer(user):
        raise NotAPartnershipOfficer(
            "Only Partnership officers approve News and Views. Your update waits for them."
        )
    update.approved_by = user
    update.approved_at = timezone.now()
    update.save(update_fields=["approved_by", "approved_at"])
    return update


def send_news_and_views_reminder(user, meeting: MeetingPage) -> None:
    """Queue the email reminding a lead officer that their group's News and Views update is
    due, in the outbox, inside the transaction that records the reminder: a failed send is
    retried, and a second run sends nothing."""
    queue_templated_email(
        kind="News and Views reminder",
        to=[user.email],
        template="themegroups/email/news_and_views_reminder",
        context={
            "person": user,
            "meeting": meeting,
            "groups": ", ".join(groups_led_by(user).values_list("title", flat=True)),
            "deadline": news_and_views_deadline(meeting),
            "form_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("themegroups_news_and_views"),
        },
        idempotency_key=f"news-and-views-reminder:{meeting.pk}:{user.pk}",
    )


@transaction.atomic
def remind_lead_officers_about_news_and_views(now: datetime.datetime | None = None) -> int:
    """Email each lead officer whose group has sent no update, once per meeting, from
    KCP_NEWS_AND_VIEWS_REMINDER_DAYS days before the deadline until the deadline. The
    reminder and its email (in the outbox) are recorded in one transaction, so a second run
    sends nothing and a failed send is retried. Returns how many were queued."""
    now = now or timezone.now()
    deadline_days = settings.KCP_NEWS_AND_VIEWS_DEADLINE_DAYS
    reminder_days = settings.KCP_NEWS_AND_VIEWS_REMINDER_DAYS
    meetings = upcoming_steering_group_meetings(now).filter(
        live=True,
        start__gt=now + datetime.timedelta(days=deadline_days),
        start__lte=now + datetime.timedelta(days=deadline_days + reminder_days),
    )
    User = get_user_model()
    queued = 0
    for meeting in meetings:
        answered = NewsAndViewsUpdate.objects.filter(meeting=meeting).values("group_id")
        already = NewsAndViewsReminder.objects.filter(meeting=meeting).values("user_id")
        unanswered = LeadOfficerGroup.objects.exclude(page_id__in=answered)
        people = (
            User.objects.filter(is_active=True, groups__lead_officer_group__in=unanswered)
            .exclude(pk__in=already)
            .distinct()
        )
        for person in people:
            NewsAndViewsReminder.objects.create(meeting=meeting, user=person)
            send_news_and_views_reminder(person, meeting)
            queued += 1
    return queued


def news_and_views_for_meeting(meeting: MeetingPage) -> list[NewsAndViewsUpdate]:
    """The approved updates for the meeting: what the public agenda shows."""
    return list(
        NewsAndViewsUpdate.objects.filter(meeting=meeting, approved_at__isnull=False)
        .select_related("group")
        .order_by("group__title")
    )
