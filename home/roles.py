"""The partnership's roles, held as Django groups (created by a data migration). Each app
grants the officers its own models' permissions (`grant_officer_model_permissions`, from its
post_migrate), so this module names only the base's and Wagtail's."""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

PARTNERSHIP_OFFICERS = "Partnership officers"
STEERING_GROUP_MEMBERS = "Steering Group members"
WIDER_PARTNERSHIP_MEMBERS = "Wider partnership members"
# Agrees draft agendas (papers.governance creates the group and its workflow).
AGENDA_PLANNING_GROUP = "Agenda Planning Group"
# Roles whose members review or publish, and so must sign in with two-factor authentication.
TWO_FACTOR_ROLES = (PARTNERSHIP_OFFICERS, AGENDA_PLANNING_GROUP)

ROLES = (PARTNERSHIP_OFFICERS, STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS)

# What a Partnership officer may do: run the site's content, moderate and publish. Granted on
# the root page and root collection so it covers every group's pages and files.
OFFICER_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
OFFICER_COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
)
OFFICER_MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("home", "change_partnershipsettings"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    # The records every group shares: lead officers may add and choose them, only officers
    # change or delete them (papers grants its contact officers' the same way).
    ("home", "add_organisation"),
    ("home", "change_organisation"),
    ("home", "delete_organisation"),
    ("home", "view_organisation"),
    # The interests members choose from, and the privacy notice's versions.
    ("home", "add_interest"),
    ("home", "change_interest"),
    ("home", "view_interest"),
    ("home", "add_privacynoticeversion"),
    ("home", "change_privacynoticeversion"),
    ("home", "view_privacynoticeversion"),
    # Steering Group seats give the members' role: only officers keep them.
    ("home", "add_steeringgroupseat"),
    ("home", "change_steeringgroupseat"),
    ("home", "delete_steeringgroupseat"),
    ("home", "view_steeringgroupseat"),
    # The personal data audit trail: officers read it (home.audit_views); nobody changes it.
    ("home", "view_auditentry"),
)


def grant_officer_model_permissions(permissions: Iterable[tuple[str, str]]) -> None:
    """Give the Partnership officers these (app label, codename) permissions; those not made
    yet are skipped. Safe to run again: apps call it from their post_migrate."""
    officers, _ = Group.objects.get_or_create(name=PARTNERSHIP_OFFICERS)
    for app_label, codename in permissions:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            officers.permissions.add(permission)


def grant_officer_permissions() -> None:
    """Give the Partnership officers group its permissions; safe to run again (post_migrate)."""
    officers, _ = Group.objects.get_or_create(name=PARTNERSHIP_OFFICERS)
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    grant_officer_model_permissions(OFFICER_MODEL_PERMISSIONS)
    root_page = Page.get_first_root_node()
    if root_page:
        for codename in OFFICER_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=officers, page=root_page, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for app_label, codename in OFFICER_COLLECTION_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=officers, collection=root_collection, permission=permission
            )


def _groups_of(request) -> dict[int, str]:
    """The signed-in person's groups (id: name), read once per request however many panels
    or pages ask."""
    cached = getattr(request, "_kcp_groups", None)
    if cached is None:
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        cached = dict(user.groups.values_list("pk", "name")) if signed_in else {}
        request._kcp_groups = cached
    return cached


def group_ids_of(request) -> frozenset[int]:
    return frozenset(_groups_of(request))


def role_names_of(request) -> frozenset[str]:
    return frozenset(_groups_of(request).values())


def is_steering_group_member(request) -> bool:
    return STEERING_GROUP_MEMBERS in role_names_of(request)


def is_partnership_officer(user) -> bool:
    """Kept on the user object, as Django keeps its permission cache: one admin page asks
    for every officers' menu item, and the answer does not change within a request."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_kcp_is_partnership_officer", None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=PARTNERSHIP_OFFICERS).exists()
        user._kcp_is_partnership_officer = cached
    return cached
