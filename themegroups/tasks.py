"""The News and Views reminder email, queued in the outbox (home.outbox) in the transaction
that records the reminder, so a failed send is retried and a second run sends nothing."""

from django.conf import settings
from django.urls import reverse

from home.outbox import queue_templated_email
from papers.models import MeetingPage


def send_news_and_views_reminder(user, meeting: MeetingPage) -> None:
    """Remind a lead officer that their group's News and Views update is due."""
    from .services import groups_led_by, news_and_views_deadline

    queue_templated_email(
        kind="News and Views reminder",
        to=[user.email],
        template="themegroups/email/news_and_views_reminder",
        context={
            "person": user,
            "meeting": meeting,
            "groups": ", ".join(groups_led_by(user).values_list("title", flat=True)),
            "deadline": news_and_views_deadline(meeting),
            "form_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("themegroups_news_and_views"),
        },
        idempotency_key=f"news-and-views-reminder:{meeting.pk}:{user.pk}",
    )
