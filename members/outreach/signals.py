"""Receivers of outreach: a sign-up through allauth is traced to the code it came with, and
every membership's start and end is counted for the figures."""

from allauth.account.signals import user_signed_up
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from members.models import Member, MembershipChange
from members.partnership.views import JOIN_CODE_SESSION_KEY

from . import figures
from .campaigns import attribute_sign_up

JOIN_FORM_FIELD = "heard_from"


@receiver(user_signed_up)
def trace_sign_up_to_its_code(sender, request, user, **kwargs):
    member = Member.objects.filter(user=user).first()
    if member is None or request is None:
        return
    attribute_sign_up(
        member,
        followed=request.session.get(JOIN_CODE_SESSION_KEY, ""),
        typed=request.POST.get(JOIN_FORM_FIELD, ""),
    )


@receiver(post_save, sender=MembershipChange)
def count_joins_and_leaves(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    member = instance.member
    starts = instance.what == "verified" or (
        instance.what == "joined" and member.status == Member.Status.ACTIVE
    )
    if starts:
        figures.count_movement(member, figures.Movement.JOINED, instance.changed_at)
    elif instance.what == "left" and instance.before.get("status") in figures.COUNTED_STATUSES:
        figures.count_movement(member, figures.Movement.LEFT, instance.changed_at)


@receiver(pre_delete, sender=Member)
def count_erased_member_as_left(sender, instance, **kwargs):
    if instance.status in figures.COUNTED_STATUSES:
        figures.count_movement(instance, figures.Movement.LEFT, timezone.now())
