"""The Steering Group's seats: who holds one, for which partner organisation, since when."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .vocabulary import Organisation


class SteeringGroupSeatQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Seats held on the day: joined on or before it, and not yet left."""
        on = on or timezone.localdate()
        return self.filter(joined__lte=on).filter(
            models.Q(left__isnull=True) | models.Q(left__gt=on)
        )


class SteeringGroupSeat(models.Model):
    """A seat on the Steering Group: who holds it, for which partner organisation, since and
    until when. A plain record kept by Partnership officers, not page content, so that a
    change takes effect at once, without review or publishing.

    It lives in `home`, the bottom layer, because everything it ties together is already
    here: the person's account, the partner organisation (home.Organisation) and the role it
    gives (home.roles.STEERING_GROUP_MEMBERS). Both the Steering Group's public page
    (themegroups) and the members' area (members) read it; those two are siblings that never
    import each other, and `papers` (meetings and papers) has nothing to say about who sits
    on a group. Whoever holds a current seat has the Steering Group members' role, and only
    they: home.seats keeps that group in step when a seat is saved and when a date passes."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="steering_group_seats",
        help_text="The member's account. Create the account first under Users if they have none.",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="steering_group_seats",
        verbose_name="partner organisation",
        help_text="The partner organisation they represent.",
    )
    title = models.CharField(
        "seat",
        max_length=120,
        help_text="For example: Voluntary sector representative.",
    )
    deputy = models.CharField(
        max_length=255,
        blank=True,
        help_text="The named deputy who attends in their place: name and role.",
    )
    joined = models.DateField(
        help_text="The day they took the seat. Access to the members' area starts that day."
    )
    left = models.DateField(
        null=True,
        blank=True,
        help_text="The day they stopped holding the seat. Their access ends that day; "
        "leave blank while they hold it.",
    )

    objects = SteeringGroupSeatQuerySet.as_manager()

    panels = [
        FieldPanel("person"),
        FieldPanel("organisation"),
        FieldPanel("title"),
        FieldPanel("deputy"),
        MultiFieldPanel([FieldPanel("joined"), FieldPanel("left")], heading="Dates"),
    ]

    class Meta:
        ordering = ["organisation__name", "joined"]
        verbose_name = "Steering Group seat"

    def __str__(self) -> str:
        return f"{self.person} – {self.title}, {self.organisation}"

    def clean(self):
        super().clean()
        if self.joined and self.left and self.left < self.joined:
            raise ValidationError(
                {
                    "left": "The day they left must be on or after the day they joined: check "
                    "both dates."
                }
            )

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.joined <= on and (self.left is None or self.left > on)
