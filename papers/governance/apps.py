"""The meeting cycle: forward plan, draft agendas agreed by the Agenda Planning Group,
decisions and actions followed up until they are done.

A sub-app of `papers` with its own label (`governance`) because it stands on its own: its own
tables, workflow, public registers, scheduler jobs and demo content. It points at papers'
meetings and paragraphs (by the paragraph's stable anchor), and `papers` never imports it:
the meeting's publish check and the members' dashboard reach it through the hooks in
`home/extension_points.py`."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

OFFICER_PERMISSIONS = tuple(
    ("governance", f"{verb}_{model}")
    for model in ("decision", "action", "actionupdate", "planneditem", "draftagenda")
    for verb in ("add", "change", "delete", "view")
) + (("governance", "change_meetingcyclesettings"),)
# What the Agenda Planning Group may do: reach the admin, see the forward plan, and read and
# edit draft agendas, and agree them (publish: their workflow task does it). No page
# rights at all; officers may not publish a draft agenda, so only the group agrees one.
AGENDA_PLANNING_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("governance", "view_planneditem"),
    ("governance", "view_draftagenda"),
    ("governance", "change_draftagenda"),
    ("governance", "publish_draftagenda"),
)


def grant_officers_governance_permissions(**kwargs) -> None:
    # The auth models, and roles (which imports them and Wagtail's), cannot load before the
    # app registry is ready: apps.py is imported while it is being filled.
    from django.contrib.auth.models import Group, Permission

    # roles imports the auth and Wagtail models too.
    from home.roles import AGENDA_PLANNING_GROUP, grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)
    group, _ = Group.objects.get_or_create(name=AGENDA_PLANNING_GROUP)
    for app_label, codename in AGENDA_PLANNING_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            group.permissions.add(permission)


class GovernanceConfig(AppConfig):
    name = "papers.governance"
    label = "governance"
    verbose_name = "Meeting cycle"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each imports Wagtail's models, which cannot load before the registry is ready.
        from home import page_cache

        from . import signals  # noqa: F401 - connects the agreement to Wagtail's published

        # Decisions and actions show on papers and registers: a change forgets cached pages.
        page_cache.forget_pages_when_app_changes(self.label)

        # After every app's migrate, not only this one's: Wagtail creates the draft agenda's
        # publish permission in a post_migrate handler connected after this app's.
        post_migrate.connect(
            grant_officers_governance_permissions, dispatch_uid="kcp_governance_officers"
        )
