"""Attendance at Steering Group meetings: one record per meeting and seat, kept by officers,
and the threshold below which a member's attendance is flagged for the Chairman."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class MeetingAttendance(models.Model):
    """Whether a seat was filled at one Steering Group meeting: its holder present, apologies
    sent, absent, or a deputy attending in their place (named). Kept per seat, not per
    person, so a seat's record stays with the organisation it represents."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Sent apologies"
        ABSENT = "absent", "Absent"
        DEPUTY = "deputy", "Deputy attended"

    meeting = models.ForeignKey(
        "papers.MeetingPage", on_delete=models.CASCADE, related_name="seat_attendance"
    )
    seat = models.ForeignKey(
        "home.SteeringGroupSeat", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    deputy_name = models.CharField(
        max_length=255, blank=True, help_text="Who attended in the member's place."
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "meeting attendance"
        verbose_name_plural = "meeting attendance"
        constraints = [
            models.UniqueConstraint("meeting", "seat", name="members_one_attendance_per_seat"),
            models.CheckConstraint(
                condition=~Q(status="deputy") | ~Q(deputy_name=""),
                name="members_deputy_attendance_names_the_deputy",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} (seat {self.seat_id}, meeting {self.meeting_id})"


@register_setting(icon="list-ul")
class AttendanceSettings(BaseSiteSetting):
    threshold_percent = models.PositiveSmallIntegerField(
        "attendance threshold (%)",
        default=75,
        validators=[MaxValueValidator(100)],
        help_text="Members and partner organisations attending a smaller share of the "
        "Steering Group's meetings in a municipal year than this are flagged in the "
        "attendance report, for the Chairman.",
    )

    panels = [FieldPanel("threshold_percent")]

    class Meta:
        verbose_name = "Steering Group attendance"
