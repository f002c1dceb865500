"""The audit log of member personal data: every view, export and change by an officer (or the
site's own jobs). Entries name a member by id only, so they outlive an erasure and hold no
personal data."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class MemberDataAuditEntry(models.Model):
    class Action(models.TextChoices):
        VIEWED_LIST = "viewed_list", "Viewed the member list"
        INSPECTED = "inspected", "Inspected a member"
        EXPORTED = "exported", "Exported members as CSV"
        ADDED = "added", "Added a member"
        CHANGED = "changed", "Changed a member"
        RENEWED = "renewed", "Recorded renewed consent"
        DOWNLOADED = "downloaded", "Downloaded a member's data"
        ERASED = "erased", "Erased a member"
        VIEWED_RETENTION = "viewed_retention", "Viewed the retention report"
        RECORDED_ATTENDANCE = "recorded_attendance", "Recorded a meeting's attendance"
        VIEWED_ATTENDANCE = "viewed_attendance", "Viewed attendance"
        EXPORTED_ATTENDANCE = "exported_attendance", "Exported the attendance report as CSV"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty for the site's scheduled jobs and for members acting on themselves.",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    member_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    member_count = models.PositiveIntegerField(default=0)
    details = models.JSONField(
        default=dict, blank=True, help_text="Filters used, fields changed: never a value."
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "member data audit entry"
        verbose_name_plural = "member data audit log"

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"
