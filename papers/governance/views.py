"""The public side of the meeting cycle: the decisions register (with its feed and CSV), the
action tracker, and the forward plan (with its feed and iCalendar)."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from icalendar import Calendar

from home.roles import is_partnership_officer
from home.spreadsheets import download
from papers import meeting_calendar

from . import registers
from .models import ItemKind, Outcome

SITE_NAME = "Kensington and Chelsea Partnership"
FEED_LENGTH = 30


def _decisions(request):
    groups, years = registers.decision_choices()
    filters = registers.DecisionFilters.from_query(request.GET, groups, years)
    return filters, groups, years, registers.filtered_decisions(filters)


def decisions_register(request):
    filters, groups, years, decisions = _decisions(request)
    return render(
        request,
        "governance/decisions_register.html",
        {
            "filters": filters,
            "groups": groups,
            "years": years,
            "outcomes": Outcome.choices,
            "decisions": decisions,
            "csv_query": request.GET.urlencode(),
        },
    )


DECISION_COLUMNS = (
    "Date",
    "Group",
    "Meeting",
    "Agenda item",
    "Outcome",
    "Decision",
    "Minute",
    "Address",
)


def decisions_csv(request):
    """The register as the visitor filtered it, every cell neutralised."""
    _, _, _, decisions = _decisions(request)
    rows = []
    for decision in decisions:
        link = decision.public_minutes or decision.meeting
        url = request.build_absolute_uri(link.get_url(request))
        if decision.public_minutes and decision.anchor:
            url += f"#{decision.anchor}"
        rows.append(
            [
                decision.decided_on.isoformat(),
                decision.meeting.group_name,
                decision.meeting.title,
                decision.item_title,
                decision.get_outcome_display(),
                decision.wording,
                decision.minute_number,
                url,
            ]
        )
    return download("kcp-decisions", DECISION_COLUMNS, rows, request.GET.get("format"))


class DecisionsFeed(Feed):
    feed_type = Atom1Feed
    title = f"Decisions – {SITE_NAME}"
    subtitle = "What the Partnership's groups decided, meeting by meeting."

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return reverse("governance_decisions")

    def feed_url(self):
        return reverse("governance_decisions_feed")

    def items(self):
        return registers.filtered_decisions(registers.DecisionFilters())[:FEED_LENGTH]

    def item_title(self, decision) -> str:
        return f"{decision.item_title}: {decision.get_outcome_display()}"

    def item_description(self, decision) -> str:
        return f"{decision.meeting.title}. {decision.wording}"

    def item_link(self, decision) -> str:
        return f"{reverse('governance_decisions')}#{decision.anchor_id}"

    def item_guid(self, decision) -> str:
        return f"urn:kcp:decision:{decision.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, decision):
        return decision.recorded_at


def action_tracker(request):
    tracker = registers.action_tracker(group=request.GET.get("group", ""))
    this_year = meeting_calendar.municipal_year_of(timezone.now())
    return render(
        request,
        "governance/action_tracker.html",
        {"tracker": tracker, "report_years": [this_year, this_year - 1]},
    )


def forward_plan(request):
    return render(
        request,
        "governance/forward_plan.html",
        {
            "meetings": registers.forward_plan(),
            "kinds": ItemKind,
            "show_flags": is_partnership_officer(request.user),
        },
    )


class ForwardPlanFeed(Feed):
    feed_type = Atom1Feed
    title = f"Forward plan – {SITE_NAME}"
    subtitle = "The meetings to come and the items planned for them."

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return reverse("governance_forward_plan")

    def feed_url(self):
        return reverse("governance_forward_plan_feed")

    def items(self):
        return registers.forward_plan()[:FEED_LENGTH]

    def item_title(self, meeting) -> str:
        return meeting.title

    def item_description(self, meeting) -> str:
        planned = "; ".join(item.title for item in meeting.plan) or "No items planned yet."
        return f"{timezone.localtime(meeting.start):%-d %B %Y}. Planned: {planned}"

    def item_link(self, meeting) -> str:
        return meeting.get_url(self.request)

    def item_guid(self, meeting) -> str:
        return f"urn:kcp:forward-plan:{meeting.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, meeting):
        return meeting.first_published_at


def forward_plan_calendar(request):
    """The meetings to come, each described with the items planned for it."""
    calendar = Calendar()
    calendar.add("prodid", "-//Kensington and Chelsea Partnership//Forward plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{SITE_NAME} forward plan")
    meetings = registers.forward_plan()
    for meeting in meetings:
        url = request.build_absolute_uri(meeting.get_url(request))
        event = meeting_calendar.meeting_event(meeting, url)
        event["uid"] = f"plan-{meeting.translation_key}@kcp-forward-plan"
        lines = [meeting.group_name, "Planned items:"] if meeting.plan else [meeting.group_name]
        lines += [f"- {item.title} ({item.get_kind_display()})" for item in meeting.plan]
        event["description"] = "\n".join([*lines, url])
        calendar.add_component(event)
    if meetings:
        calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kcp-forward-plan.ics"'
    return response


def _year_report(year: int):
    return registers.actions_of_municipal_year(year), f"{year}/{str(year + 1)[-2:]}"


def municipal_year_actions(request, year: int):
    """Printable: the actions agreed in one municipal year, with their status today."""
    actions, label = _year_report(year)
    return render(
        request,
        "governance/municipal_year_actions.html",
        {"actions": actions, "label": label, "year": year, "today": timezone.localdate()},
    )


ACTION_COLUMNS = ("Meeting", "Paragraph", "Action", "Owner", "Organisation", "Due", "Status")


def municipal_year_actions_csv(request, year: int):
    actions, label = _year_report(year)
    rows = [
        [
            action.meeting.title,
            action.source_number,
            action.text,
            action.who,
            action.owner.organisation if action.owner else "",
            action.due_on.isoformat() if action.due_on else "",
            action.get_status_display(),
        ]
        for action in actions
    ]
    return download(f"kcp-actions-{year}", ACTION_COLUMNS, rows, request.GET.get("format"))
