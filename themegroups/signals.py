"""Keep lead-officer groups, the approval workflow and the network page's restriction in
step with the page tree, whoever creates or renames a page (admin, command, demo, tests)."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_migrate, post_save

from .models import GroupIndexPage, GroupPage, LeadOfficerGroup, LeadOfficersNetworkPage
from .services import (
    assign_officer_approval_workflow,
    grant_lead_officer_model_permissions,
    keep_group_interest,
    keep_network_page_restricted,
    provision_lead_officers,
)


def group_page_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A new group page gets its lead-officer group and collection; a renamed one renames
    them. Saving a draft revision touches only draft fields and changes nothing here."""
    if raw or (update_fields is not None and "title" not in update_fields and not created):
        return
    provision_lead_officers(instance)
    keep_group_interest(instance)


def index_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_officer_approval_workflow()


def network_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        keep_network_page_restricted()


def lead_officer_group_deleted(sender, instance, **kwargs):
    """A group page deleted takes its lead-officer group (and so everyone's rights) with it."""
    Group.objects.filter(pk=instance.group_id).delete()


def after_migrate(**kwargs):
    assign_officer_approval_workflow()
    grant_lead_officer_model_permissions()


def connect() -> None:
    post_save.connect(group_page_saved, sender=GroupPage, dispatch_uid="kcp_group_page_saved")
    post_save.connect(index_page_saved, sender=GroupIndexPage, dispatch_uid="kcp_group_index_saved")
    post_save.connect(
        network_page_saved, sender=LeadOfficersNetworkPage, dispatch_uid="kcp_network_saved"
    )
    post_delete.connect(
        lead_officer_group_deleted, sender=LeadOfficerGroup, dispatch_uid="kcp_lead_group_gone"
    )
    # Once per migrate, after every app has migrated (the officers' group exists by then).
    post_migrate.connect(
        after_migrate,
        sender=apps.get_app_config("themegroups"),
        dispatch_uid="kcp_officer_approval_workflow",
    )
