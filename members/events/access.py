"""Who may manage an event's registrations, and the audit writer every change of their
personal data goes through."""

from wagtail.models import GroupPagePermission

from home.roles import PARTNERSHIP_OFFICERS

from .models import EventPage


def is_partnership_officer(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=PARTNERSHIP_OFFICERS).exists()
    )


def is_lead_officer_for(user, event: EventPage) -> bool:
    """A lead officer of the group that runs the event: someone holding edit rights on that
    group's own page (how themegroups provisions lead officers)."""
    return bool(
        user.is_authenticated
        and event.run_by_id
        and GroupPagePermission.objects.filter(
            group__user=user, page_id=event.run_by_id, permission__codename="change_page"
        ).exists()
    )


def may_manage(user, event: EventPage) -> bool:
    return is_partnership_officer(user) or is_lead_officer_for(user, event)


def events_managed_by(user):
    events = EventPage.objects.order_by("-start").select_related("places")
    if is_partnership_officer(user):
        return events
    run_by = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values("page_id")
    return events.filter(run_by__in=run_by)
