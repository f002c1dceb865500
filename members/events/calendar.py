"""Events as iCalendar entries: for the site's calendar feeds (through the
`kcp_calendar_sources` hook) and for the .ics attached to a confirmation email; and as
entries of the month view of meetings and events (`kcp_calendar_month_entries`)."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from home.extension_points import CalendarEntry

from .models import Audience, EventPage

CALENDAR_HISTORY = datetime.timedelta(days=365)
LONDON = ZoneInfo("Europe/London")


def event_uid(event: EventPage) -> str:
    """The same for an event for ever, even if its page moves or is renamed."""
    return f"{event.translation_key}@kcp-events"


def event_location(event: EventPage) -> str:
    address = ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
    return ", ".join(part for part in (event.venue_name, address) if part)


def calendar_event(event: EventPage, url: str) -> Event:
    stamp = event.last_published_at or event.first_published_at or timezone.now()
    entry = Event()
    entry.add("uid", event_uid(event))
    entry.add("summary", event.title)
    entry.add("dtstart", timezone.localtime(event.start))
    entry.add("dtend", timezone.localtime(event.end))
    entry.add("dtstamp", stamp.astimezone(datetime.UTC))
    entry.add("location", event_location(event))
    entry.add("url", url)
    entry.add("status", "CONFIRMED")
    description = [event.venue_name]
    if event.access_notes:
        description.append(event.access_notes)
    description.append(url)
    entry.add("description", "\n".join(description))
    return entry


def calendar_entries(events, url_for) -> list[Event]:
    return [calendar_event(event, url_for(event)) for event in events]


def public_events_for_calendar(run_by=None, now=None):
    """What a public feed carries: live public events of the last year and every future one,
    of one group (its page) or of all."""
    since = (now or timezone.now()) - CALENDAR_HISTORY
    events = EventPage.objects.live().public().filter(end__gte=since).order_by("start")
    if run_by is not None:
        events = events.filter(run_by=run_by)
    return events


def month_entries(first_day: datetime.date, last_day: datetime.date, request) -> list:
    """Public events starting between the two days (London time), for the month view of
    meetings and events: one query for the events, one for the view restrictions."""
    since = datetime.datetime.combine(first_day, datetime.time(), LONDON)
    until = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time(), LONDON
    )
    events = (
        EventPage.objects.live()
        .public()
        .filter(audience=Audience.PUBLIC, start__gte=since, start__lt=until)
        .order_by("start", "pk")
    )
    return [
        CalendarEntry(event.title, event.get_url(request), event.start, "Event") for event in events
    ]


def month_view_addresses(page) -> list[str]:
    """The month views that show an event, for the cache in front to forget when it changes
    (FRONT_CACHE_LISTINGS): this month's, and the month it starts in."""
    if not isinstance(page, EventPage):
        return []
    start = timezone.localtime(page.start, LONDON)
    return [
        reverse("calendar_this_month"),
        reverse("calendar_month", args=[start.year, start.month]),
    ]


def ics_file(events, url_for, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Kensington and Chelsea Partnership//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    events = list(events)
    for entry in calendar_entries(events, url_for):
        calendar.add_component(entry)
    if events:
        calendar.add_missing_timezones(
            first_date=datetime.date(min(e.start.year for e in events) - 1, 1, 1),
            last_date=datetime.date(max(e.end.year for e in events) + 2, 1, 1),
        )
    return calendar.to_ical()
