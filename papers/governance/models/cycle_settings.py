"""The meeting cycle's site setting: how long before a meeting the Agenda Planning Group is
to agree its agenda, and on which days people are reminded. Officers change these in the
admin (Settings > Meeting cycle), not in the code."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

LONGEST_REMINDER_DAYS = 365


def parse_days(text: str) -> tuple[int, ...]:
    """ "21, 15" -> (21, 15): whole numbers of days, largest first, each once."""
    days = set()
    for part in str(text).replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise ValidationError(
                f"“{part}” is not a number of days: write whole numbers separated by commas, "
                "for example 21, 15."
            )
        day = int(part)
        if not 0 < day <= LONGEST_REMINDER_DAYS:
            raise ValidationError(
                f"{day} is not between 1 and {LONGEST_REMINDER_DAYS} days: give each reminder "
                "day as a number of days from 1 to a year."
            )
        days.add(day)
    return tuple(sorted(days, reverse=True))


def validate_days(text: str) -> None:
    parse_days(text)


@register_setting(icon="date")
class MeetingCycleSettings(BaseSiteSetting):
    agreement_days = models.PositiveSmallIntegerField(
        "agenda agreed (days before the meeting)",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(LONGEST_REMINDER_DAYS)],
        help_text="The Agenda Planning Group is to agree a meeting's draft agenda this many "
        "days before the meeting (the Partnership Plan says two weeks: 14).",
    )
    agenda_reminder_days = models.CharField(
        "agenda reminders (days before the meeting)",
        max_length=100,
        default="21, 15",
        validators=[validate_days],
        help_text="While a draft agenda is not agreed, the group and the officers are reminded "
        "on each of these days before the meeting. Whole numbers separated by commas.",
    )
    action_reminder_days_before = models.CharField(
        "action reminders (days before it is due)",
        max_length=100,
        default="7",
        blank=True,
        validators=[validate_days],
        help_text="An open action's owner is reminded this many days before it is due.",
    )
    action_reminder_days_overdue = models.CharField(
        "overdue action reminders (days after it was due)",
        max_length=100,
        default="1, 14",
        blank=True,
        validators=[validate_days],
        help_text="An open action's owner is reminded this many days after it was due.",
    )

    panels = [
        HelpPanel(content="Reminders go by email, once on each day given, through the outbox."),
        FieldPanel("agreement_days"),
        FieldPanel("agenda_reminder_days"),
        FieldPanel("action_reminder_days_before"),
        FieldPanel("action_reminder_days_overdue"),
    ]

    class Meta:
        verbose_name = "meeting cycle"

    @classmethod
    def current(cls) -> "MeetingCycleSettings":
        """The default site's settings (unsaved defaults when there is no site yet)."""
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site is not None else cls()

    @property
    def agenda_reminders(self) -> tuple[int, ...]:
        return parse_days(self.agenda_reminder_days)

    @property
    def action_reminders_before(self) -> tuple[int, ...]:
        return parse_days(self.action_reminder_days_before)

    @property
    def action_reminders_overdue(self) -> tuple[int, ...]:
        return parse_days(self.action_reminder_days_overdue)
