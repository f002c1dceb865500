"""The security audit log: sign-in failures, paused sign-ins, two-factor changes and changes
to who holds which rights, kept in Wagtail's audit log (ModelLogEntry, against the account
concerned) and shown to Partnership officers on the admin's Security log screen."""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

logger = logging.getLogger("kcp.security")

SECURITY_ACTIONS = {
    "kcp.sign_in_failed": "Sign-in failed",
    "kcp.sign_in_paused": "Sign-in paused after wrong passwords",
    "kcp.two_factor_added": "Two-factor authentication set up",
    "kcp.two_factor_removed": "Two-factor authentication removed",
    "kcp.two_factor_reset": "Recovery codes renewed",
    "kcp.rights_added": "Rights added",
    "kcp.rights_removed": "Rights removed",
}


def log_security_event(action: str, *, user=None, acting_user=None, data=None) -> None:
    """One entry in the audit log (when the account is known) and one structured log line
    (always: a failed sign-in for an address nobody has is worth knowing too)."""
    data = data or {}
    logger.warning("%s %s", action, {"user_id": getattr(user, "pk", None), **data})
    if user is not None:
        log(instance=user, action=action, user=acting_user, data=data)


def security_log():
    return (
        ModelLogEntry.objects.filter(action__in=SECURITY_ACTIONS)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def rights_changed(*, user, groups: list[Group], added: bool, acting_user=None) -> None:
    log_security_event(
        "kcp.rights_added" if added else "kcp.rights_removed",
        user=user,
        acting_user=acting_user,
        data={"groups": sorted(group.name for group in groups)},
    )


def users_in(group_ids) -> list:
    return list(get_user_model().objects.filter(groups__in=group_ids).distinct())
