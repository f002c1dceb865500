"""The progress report's "live actions" block: the actions of a meeting, of a plan or of a
municipal year, with their status and whether they are overdue as they stand when the page
is read (not when it was written). Only actions of live, public meetings are shown, and
nothing at all from a meeting or plan that is a draft or restricted."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.site_chrome import known_restrictions
from papers.meeting_calendar import FIRST_MONTH_OF_MUNICIPAL_YEAR, LONDON

from .models import Action


def _is_public(page) -> bool:
    return page is not None and page.live and not page.path.startswith(known_restrictions()[0])


def municipal_year_actions(year: int):
    """The public actions agreed at meetings of the municipal year starting in April `year`."""
    start = datetime.datetime(year, FIRST_MONTH_OF_MUNICIPAL_YEAR, 1, tzinfo=LONDON)
    end = datetime.datetime(year + 1, FIRST_MONTH_OF_MUNICIPAL_YEAR, 1, tzinfo=LONDON)
    return Action.objects.public().filter(meeting__start__gte=start, meeting__start__lt=end)


def live_actions(value, today: datetime.date | None = None) -> list:
    """The block's actions, each marked `overdue` as of `today`: one query."""
    meeting, plan, year = value.get("meeting"), value.get("plan"), value.get("municipal_year")
    if meeting is not None:
        actions = Action.objects.public().filter(meeting=meeting) if _is_public(meeting) else None
    elif plan is not None:
        actions = Action.objects.public().filter(source_page=plan) if _is_public(plan) else None
    elif year:
        actions = municipal_year_actions(year)
    else:
        actions = None
    if actions is None:
        return []
    today = today or timezone.localdate()
    rows = list(
        actions.select_related("meeting", "owner").order_by(
            "meeting__start", "source_number", "due_on", "pk"
        )
    )
    for action in rows:
        action.overdue = action.is_overdue(today)
    return rows


class LiveActionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, help_text="For example: Actions agreed in 2009/10.")
    meeting = blocks.PageChooserBlock(
        page_type="papers.MeetingPage",
        required=False,
        help_text="Show the actions agreed at this meeting.",
    )
    plan = blocks.PageChooserBlock(
        page_type="papers.ActionPlanPage",
        required=False,
        help_text="Or the actions that came from this action plan.",
    )
    municipal_year = blocks.IntegerBlock(
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="Or every action agreed in the municipal year starting in April of this year.",
    )

    class Meta:
        icon = "list-ul"
        label = "Live actions"
        template = "governance/blocks/live_actions.html"
        help_text = (
            "Lists the actions with their status as it is when the page is read, so the report "
            "never goes stale. Choose one source: a meeting, a plan or a municipal year."
        )

    def clean(self, value):
        value = super().clean(value)
        chosen = [
            name for name in ("meeting", "plan", "municipal_year") if value.get(name) is not None
        ]
        if len(chosen) != 1:
            message = "Choose one source of actions: a meeting, a plan or a municipal year."
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name in chosen or ["meeting"]}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["actions"] = live_actions(value)
        context["today"] = timezone.localdate()
        return context


class LiveActionsStreamBlock(blocks.StreamBlock):
    live_actions = LiveActionsBlock()
