"""The personal data theme groups store, for export and erasure (kcp_personal_data): who sent
each News and Views update, and the reminders sent to lead officers."""

from dataclasses import dataclass

from django.db import transaction

from home.extension_points import RegisterEntry

from .models import NewsAndViewsReminder, NewsAndViewsUpdate

NEWS_AND_VIEWS_REGISTER = (
    RegisterEntry(
        "Lead officers' News and Views updates, and the reminders sent to them",
        ("themegroups.NewsAndViewsUpdate.*", "themegroups.NewsAndViewsReminder.*"),
        "To collect each group's update for the Steering Group and remind lead officers when "
        "one is due.",
        "Public task (UK GDPR article 6(1)(e))",
        "Partnership officers and the group's lead officers",
        "Updates are the group's word to the Steering Group and stay; who sent them, and the "
        "reminders, go when the person's account does.",
    ),
)


@dataclass(frozen=True)
class NewsAndViewsData:
    name: str = "News and Views"
    models: tuple = (NewsAndViewsUpdate, NewsAndViewsReminder)
    register: tuple = NEWS_AND_VIEWS_REGISTER

    def export(self, user) -> dict:
        updates = NewsAndViewsUpdate.objects.filter(submitted_by=user).select_related("group")
        reminders = NewsAndViewsReminder.objects.filter(user=user).select_related("meeting")
        return {
            "updates_sent": [
                {
                    "group": update.group.title,
                    "meeting_id": update.meeting_id,
                    "text": update.text,
                    "presenter": update.presenter,
                    "submitted_at": update.submitted_at.isoformat(),
                }
                for update in updates
            ],
            "reminders_received": [
                {"meeting": reminder.meeting.title, "sent_at": reminder.sent_at.isoformat()}
                for reminder in reminders
            ],
        }

    @transaction.atomic
    def erase(self, user) -> None:
        """The group's update stays (it was the group's word to the Steering Group); who sent
        it is forgotten, and so are the reminders sent to them."""
        NewsAndViewsUpdate.objects.filter(submitted_by=user).update(submitted_by=None)
        NewsAndViewsReminder.objects.filter(user=user).delete()
