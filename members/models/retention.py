"""How long a membership may go without activity or renewed consent before it is reviewed."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="lock")
class MembershipRetentionSettings(BaseSiteSetting):
    retention_months = models.PositiveSmallIntegerField(
        default=24,
        help_text="A membership with no activity and no renewed consent for this many months "
        "is listed in the retention report, and erased by the nightly job unless renewed.",
    )
    warning_days = models.PositiveSmallIntegerField(
        default=30,
        help_text="The report also lists memberships that reach the limit within this many days.",
    )

    panels = [FieldPanel("retention_months"), FieldPanel("warning_days")]

    class Meta:
        verbose_name = "membership retention"
