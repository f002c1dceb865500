"""The records of who takes part: an event's places, each registration (a place or a turn
on the waiting list) and the special-category needs kept apart from it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .choices import Reply


class EventPlaces(models.Model):
    """How many places an event has and how many are taken (confirmed or held for an offer).
    A row of its own, not a page field: pages are revisioned and locked while published, and
    every registration updates this row with `taken < capacity` in its WHERE clause."""

    event = models.OneToOneField(
        "events.EventPage", primary_key=True, on_delete=models.CASCADE, related_name="places"
    )
    capacity = models.PositiveIntegerField(default=0)
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "event places"
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=models.F("capacity")),
                name="events_places_taken_within_capacity",
            )
        ]

    def __str__(self) -> str:
        return f"{self.taken} of {self.capacity} places taken"

    @property
    def left(self) -> int:
        return max(self.capacity - self.taken, 0)


class Registration(models.Model):
    """One person's registration for one event: a place, or a turn on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Place confirmed"
        WAITING = "waiting", "On the waiting list"
        OFFERED = "offered", "Offered a place"
        CANCELLED = "cancelled", "Cancelled"
        OFFER_EXPIRED = "offer_expired", "Offer not taken up in time"
        OFFER_DECLINED = "offer_declined", "Offer turned down"

    ACTIVE = (Status.CONFIRMED, Status.WAITING, Status.OFFERED)
    HOLDS_A_PLACE = (Status.CONFIRMED, Status.OFFERED)

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.PROTECT, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(max_length=200)
    email = models.EmailField(
        blank=True, help_text="Empty for someone an officer registered who has no email."
    )
    telephone = models.CharField(
        max_length=40,
        blank=True,
        help_text="Optional: for someone without email, so officers can telephone reminders.",
    )
    answers = models.JSONField(
        default=list, blank=True, help_text="The event's own questions: [{question, answer}]."
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    officer_note = models.TextField(blank=True)
    reply = models.CharField(
        max_length=20,
        choices=Reply.choices,
        blank=True,
        help_text="An away day's answer. Attending and tentative hold a place (status "
        "confirmed); not attending holds none (status cancelled). Blank for other events.",
    )
    note = models.TextField(blank=True, help_text="The member's own note with their answer.")
    replied_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member last gave or changed their answer."
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event",
                "email",
                condition=Q(status__in=["confirmed", "waiting", "offered"]) & ~Q(email=""),
                name="events_one_active_registration_per_email",
            ),
            models.UniqueConstraint(
                "event",
                "user",
                condition=Q(status__in=["confirmed", "waiting", "offered"]),
                name="events_one_active_registration_per_user",
            ),
            models.UniqueConstraint(
                "event",
                "user",
                condition=~Q(reply=""),
                name="events_one_away_day_answer_per_member",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.event_id}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class RegistrationNeeds(models.Model):
    """Access and dietary needs: special-category data (they can reveal health or religion).
    Kept apart from the registration so only officers' screens ever load it, asked with
    explicit consent, and deleted a set time after the event (KCP_EVENT_NEEDS_KEPT_DAYS)."""

    registration = models.OneToOneField(
        Registration, primary_key=True, on_delete=models.CASCADE, related_name="needs"
    )
    access_needs = models.TextField(blank=True)
    dietary_needs = models.TextField(blank=True)
    consent_given_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "registration needs"

    def __str__(self) -> str:
        return "Access and dietary needs"
