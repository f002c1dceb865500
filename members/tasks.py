"""Background work of the members' side: the emails its services queue, each written from a
text and an HTML template and sent through the site's email backend (the outbox)."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from home.models import SteeringGroupSeat
from home.roles import PARTNERSHIP_OFFICERS

from .models import Pairing


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_templated_email(template: str, context: dict, to: list[str], *, subject: str) -> None:
    """One email from members/email/<template>.txt and .html."""
    text = render_to_string(f"members/email/{template}.txt", context)
    html = render_to_string(f"members/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    message.send()


@task(backend="background")
def send_induction_reminder(member_ids: list[int]) -> None:
    """Tell the Partnership officers which Steering Group members have not started."""
    officers = Group.objects.filter(name=PARTNERSHIP_OFFICERS).first()
    recipients = (
        list(officers.user_set.filter(is_active=True).values_list("email", flat=True))
        if officers
        else []
    )
    seats = list(
        SteeringGroupSeat.objects.current()
        .filter(person_id__in=member_ids)
        .select_related("person", "organisation")
        .order_by("joined")
    )
    if not recipients or not seats:
        return
    send_templated_email(
        "induction_reminder",
        {
            "seats": seats,
            "days": settings.KCP_INDUCTION_REMINDER_DAYS,
            "progress_url": site_url(reverse("members_induction_progress")),
        },
        recipients,
        subject=f"Induction not started: {len(seats)} Steering Group member"
        + ("s" if len(seats) != 1 else ""),
    )


@task(backend="background")
def send_pairing_introduction(pairing_id: int) -> None:
    """Introduce the two members of a pairing to each other, with what is expected."""
    pairing = (
        Pairing.objects.select_related("new_member", "existing_member", "meeting")
        .filter(pk=pairing_id)
        .first()
    )
    if pairing is None:
        return
    dashboard_url = site_url(reverse("members_dashboard"))
    for person in (pairing.new_member, pairing.existing_member):
        other = pairing.other_than(person)
        send_templated_email(
            "pairing_introduction",
            {
                "pairing": pairing,
                "person": person,
                "other": other,
                "is_new_member": person.pk == pairing.new_member_id,
                "dashboard_url": dashboard_url,
            },
            [person.email],
            subject=f"Meet {other.get_full_name() or other.email}: "
            f"{pairing.get_kind_display().lower()}",
        )
