"""What alerts add to the admin and the outbox: the "Alerts sent" screen, and the checks each
alert email passes as it leaves."""

from django.urls import path, reverse
from wagtail import hooks

from home.admin_menu import OfficersMenuItem
from home.extension_points import (
    EMAIL_OUTCOMES,
    EMAIL_SEND_CHECKS,
)
from members.alerts import officer_views as alerts_officer_views
from members.alerts import services as alerts


@hooks.register("register_admin_urls")
def alerts_admin_urls():
    return [
        path(
            "alerts-sent/",
            alerts_officer_views.AlertsSentView.as_view(),
            name="members_alerts_sent",
        )
    ]


@hooks.register("register_admin_menu_item")
def alerts_sent_menu_item():
    return OfficersMenuItem(
        "Alerts sent", reverse("members_alerts_sent"), icon_name="mail", order=855
    )


@hooks.register(EMAIL_SEND_CHECKS)
def alert_still_for_its_reader(email) -> str | None:
    return alerts.reason_not_to_send(email)


@hooks.register(EMAIL_OUTCOMES)
def alert_outcome(email) -> None:
    alerts.record_email_outcome(email)
