"""Views outside the page tree: the papers feeds and the meetings calendars, at addresses that
stay the same for subscribers even if an editor moves or renames the listing pages."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from wagtail.models import Site

from home.extension_points import calendar_sources

from . import meeting_calendar, month_view
from .feeds import NewPapersFeed
from .groups import public_groups

CALENDAR_NAME = "Kensington and Chelsea Partnership meetings"


def papers_feed(request, group_slug: str | None = None):
    return NewPapersFeed()(request, group_slug=group_slug)


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _full_url(request):
    """Addresses on the host the calendar was asked from, as the feeds' are."""
    return lambda meeting: request.build_absolute_uri(meeting.get_url(request))


def meetings_calendar(request, group_slug: str | None = None):
    """Every public meeting of the last year and all future ones, of one group or all, with
    the events other apps add (kcp_calendar_sources)."""
    group = None
    if group_slug is not None:
        group = public_groups().filter(slug=group_slug).first()
        if group is None:
            raise Http404("No group has that address.")
    meetings = meeting_calendar.meetings_for_calendar(meeting_calendar.published_meetings(group))
    name = f"{group.title} meetings" if group else CALENDAR_NAME
    others = [event for source in calendar_sources(group, request) for event in source.events]
    content = meeting_calendar.calendar_of(meetings, name, _full_url(request), others)
    return _calendar_response(content, f"{group_slug or 'kcp-meetings'}.ics")


def meeting_ics(request, meeting_path: str):
    """One meeting as an .ics file, at its page's address with .ics for the final slash."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site answers at this address.")
    url_path = f"{site.root_page.url_path}{meeting_path}/"
    meeting = (
        meeting_calendar.published_meetings()
        .filter(url_path=url_path)
        .prefetch_related("agenda_items")
        .first()
    )
    if meeting is None:
        raise Http404("No published meeting has that address.")
    content = meeting_calendar.calendar_of([meeting], meeting.title, _full_url(request))
    return _calendar_response(content, f"{meeting.slug}.ics")


def calendar_month(request, year: int | None = None, month: int | None = None):
    """The month view of meetings and events: this month at /calendar/, another at
    /calendar/YYYY/MM/ within a year either side (papers.month_view says why)."""
    shown = month_view.this_month() if year is None else month_view.month_from(year, month)
    if shown is None or not month_view.is_shown(shown):
        raise Http404("The calendar shows the months from a year ago to a year ahead.")
    return render(
        request,
        "papers/month_view.html",
        {"calendar": month_view.month_view(shown, request), "weekdays": month_view.WEEKDAYS},
    )
