"""Representation's site setting (the voluntary sector threshold) and people's requests to
join a group, with their state."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="group")
class RepresentationSettings(BaseSiteSetting):
    voluntary_sector_threshold = models.DecimalField(
        "voluntary and community sector threshold (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("33.33"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="The composition report flags any group where the voluntary and community "
        "sector holds a smaller share of the members than this. The Partnership Plan asks for "
        "at least one third (33.33).",
    )

    panels = [FieldPanel("voluntary_sector_threshold")]

    class Meta:
        verbose_name = "representation"


class InterestRequest(models.Model):
    """Someone asking to join a group: from their account, or confirmed through the link
    emailed to them."""

    class State(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        JOINED = "joined", "Joined"
        DECLINED = "declined", "Declined"

    group = models.ForeignKey(
        "themegroups.GroupPage", on_delete=models.CASCADE, related_name="interest_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interest_requests",
    )
    name = models.CharField(max_length=255)
    email = models.EmailField()
    organisation = models.CharField(max_length=255, blank=True)
    message = models.TextField(blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.NEW)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("state")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "interest in joining a group"
        verbose_name_plural = "interests in joining groups"

    def __str__(self) -> str:
        return f"{self.name}: {self.group.title}"
