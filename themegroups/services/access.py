"""Lead officers' rights on their own group and nothing else: provisioning each group's lead
officers, adding and removing them, trusting a group to publish, the officers' approval
workflow, the lead officers' network page and the review of who holds access."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
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
from home.roles import PARTNERSHIP_OFFICERS, is_partnership_officer
from papers.services import collection_for_group

from ..exceptions import (
    NotALeadOfficer,
    UnknownPerson,
)
from ..models import (
    GroupIndexPage,
    GroupPage,
    LeadOfficerGroup,
    LeadOfficersNetworkPage,
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
    # The meeting cycle's records (papers.governance): the admin lists a lead officer only
    # their own groups' decisions and actions, and its service refuses any other group's.
    ("governance", "add_decision"),
    ("governance", "change_decision"),
    ("governance", "view_decision"),
    ("governance", "add_action"),
    ("governance", "change_action"),
    ("governance", "view_action"),
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
    group.permissions.add(*_model_permissions())


def _model_permissions() -> list[Permission]:
    """The lead officers' model permissions that exist (an app migrating after this one has
    not created its own yet: the next migrate grants them)."""
    wanted = Q()
    for app_label, codename in LEAD_OFFICER_MODEL_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(wanted))


def grant_lead_officer_model_permissions() -> None:
    """Bring every lead-officer group's model permissions up to date (after a migrate, so a
    right added here reaches the groups that already exist)."""
    permissions = _model_permissions()
    for group in lead_officer_groups():
        group.permissions.add(*permissions)


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
