"""Background work of theme groups: the News and Views reminder email."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from papers.models import MeetingPage


@task(backend="background")
def send_news_and_views_reminder(user_id: int, meeting_id: int) -> None:
    """Remind a lead officer that their group's News and Views update is due."""
    from .services import groups_led_by, news_and_views_deadline

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    meeting = MeetingPage.objects.filter(pk=meeting_id).first()
    if user is None or meeting is None:
        return
    groups = ", ".join(groups_led_by(user).values_list("title", flat=True))
    deadline = news_and_views_deadline(meeting)
    form_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("themegroups_news_and_views")
    meeting_date = f"{meeting.local_start:%A} {meeting.local_start.day} {meeting.local_start:%B %Y}"
    deadline_date = f"{deadline:%A} {deadline.day} {deadline:%B}"
    send_mail(
        subject=f"News and Views for the Steering Group on {meeting_date}: due {deadline_date}",
        message=(
            f"Dear {user.first_name or user.email},\n\n"
            f"The Steering Group meets on {meeting_date}. Please send a short News and Views "
            f"update for {groups} by {deadline_date}, and say which Steering Group member will "
            f"present it:\n\n{form_url}\n\n"
            "Thank you,\nThe Kensington and Chelsea Partnership team\n"
        ),
        from_email=None,
        recipient_list=[user.email],
    )
