"""Receivers of members: the security audit log (two-factor changes through allauth's
signals, group memberships: every role and every lead officer's rights are a Django group),
the confirmed email address that starts a wider-partnership membership, each publish offered
to the alerts' once-rule, and the induction
section kept restricted to the Steering Group whoever saves it (admin, demo, tests)."""

from allauth.account.signals import email_changed, email_confirmed
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from members.alerts.services import record_posting
from members.audit.security import log_security_event, rights_changed
from members.induction.services import keep_induction_restricted
from members.models import InductionIndexPage
from members.partnership.own_details import record_email_change
from members.partnership.services import confirm_member


def _acting(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@receiver(email_changed)
def record_new_email_address(sender, request, user, **kwargs):
    """A member confirmed a new address (allauth's verified flow): it is in their history."""
    record_email_change(user)


@receiver(mfa_signals.authenticator_added)
def log_two_factor_added(sender, request, user, authenticator, **kwargs):
    log_security_event(
        "kcp.two_factor_added", user=user, acting_user=_acting(request),
        data={"type": authenticator.type},
    )  # fmt: skip


@receiver(mfa_signals.authenticator_removed)
def log_two_factor_removed(sender, request, user, authenticator, **kwargs):
    log_security_event(
        "kcp.two_factor_removed", user=user, acting_user=_acting(request),
        data={"type": authenticator.type},
    )  # fmt: skip


@receiver(mfa_signals.authenticator_reset)
def log_two_factor_reset(sender, request, user, authenticator, **kwargs):
    log_security_event(
        "kcp.two_factor_reset", user=user, acting_user=_acting(request),
        data={"type": authenticator.type},
    )  # fmt: skip


@receiver(m2m_changed, sender=get_user_model().groups.through)
def log_group_membership(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    added = action == "post_add"
    if reverse:  # group.user_set.add(...): instance is the group
        for user in get_user_model().objects.filter(pk__in=pk_set):
            rights_changed(user=user, groups=[instance], added=added)
    else:
        rights_changed(user=instance, groups=list(Group.objects.filter(pk__in=pk_set)), added=added)


@receiver(email_confirmed)
def start_membership(request, email_address, **kwargs):
    """A confirmed email address starts the wider-partnership membership waiting for it."""
    confirm_member(email_address.user)


@receiver(page_published)
def post_page_to_members(sender, instance, revision=None, **kwargs):
    """Every publish is offered to the alerts' once-rule, which decides (members.alerts.
    services.record_posting); the matching and sending happen in the background."""
    record_posting(instance, revision=revision)


def induction_index_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        keep_induction_restricted(instance)


def connect_signals() -> None:
    post_save.connect(induction_index_saved, sender=InductionIndexPage)
