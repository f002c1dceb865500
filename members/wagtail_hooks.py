# isort: skip_file
# (the order of these imports is the order of the dashboard panels and data holders)
"""Wagtail reads each app's `wagtail_hooks`; members' hooks live with their domains. Importing
them here registers them, in this order: dashboard panels and personal-data holders are listed
in the order their domains are imported."""

from members.accounts import wagtail_hooks as accounts_hooks
from members.alerts import wagtail_hooks as alerts_hooks
from members.attendance import wagtail_hooks as attendance_hooks
from members.audit import wagtail_hooks as audit_hooks
from members.dashboard import wagtail_hooks as dashboard_hooks
from members.data_rights import wagtail_hooks as data_rights_hooks
from members.induction import wagtail_hooks as induction_hooks
from members.partnership import wagtail_hooks as partnership_hooks
from members.postal import wagtail_hooks as postal_hooks

DOMAIN_HOOKS = (
    accounts_hooks,
    induction_hooks,
    attendance_hooks,
    dashboard_hooks,
    partnership_hooks,
    postal_hooks,
    data_rights_hooks,
    audit_hooks,
    alerts_hooks,
)
