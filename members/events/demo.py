"""Demo events for `make run`: the annual Partnership Event (few places, full, two people
waiting), an open public workshop with places left, and a Steering Group away day (three
members have answered, two have not). People are registered straight into the tables: a demo
sends nobody an email."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage

from .away_days import AwayDayAnswer, answer_away_day
from .models import (
    Audience,
    EventAgendaItem,
    EventIndexPage,
    EventKind,
    EventPage,
    EventPlaces,
    EventQuestion,
    EventReminder,
    Registration,
    Reply,
)

RUNNING_GROUP_SLUG = "voluntary-organisations-forum"
PARTNERSHIP_EVENT_PEOPLE = [
    ("Grace Mensah", "North Kensington Law Centre"),
    ("Tom Ellis", "Kensington and Chelsea Social Council"),
    ("Priya Shah", "NHS Kensington and Chelsea"),
    ("David Ortiz", "Metropolitan Police, Kensington and Chelsea"),
    ("Fatima Noor", "Golborne residents' association"),
    ("Jack Wilson", "Royal Borough of Kensington and Chelsea"),
]
PARTNERSHIP_EVENT_WAITING = [
    ("Lucy Brown", "Westway Community Transport"),
    ("Samuel Adeyemi", "Kensington and Chelsea Volunteer Centre"),
]
WORKSHOP_PEOPLE = [
    ("Hannah Clarke", "Housing"),
    ("Omar Haddad", "Health"),
    ("Ruth Green", "Housing"),
]


def _day(days_ahead: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = (timezone.localtime() + datetime.timedelta(days=days_ahead)).date()
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, minute))


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@example.org"


def load(stdout) -> None:
    home = HomePage.objects.first()
    if home is None or EventIndexPage.objects.exists():
        return
    index = EventIndexPage(
        title="Events",
        slug="events",
        show_in_menus=True,
        introduction="The annual Partnership Event, workshops and away days: what they are "
        "for, where they are held and how to take part.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    running_group = Page.objects.filter(slug=RUNNING_GROUP_SLUG).first()

    partnership_event = _event(
        index,
        title="Annual Partnership Event",
        slug="annual-partnership-event",
        start=_day(45, 9, 30),
        end=_day(45, 16),
        venue_name="Kensington Town Hall, Great Hall",
        audience=Audience.PUBLIC,
        purpose="<p>Once a year the whole wider network meets: theme groups, sub-partnerships, "
        "voluntary organisations and residents review the Community Strategy's priorities "
        "together and agree what the Partnership should do next.</p>",
        agenda=[
            ("9.30 am", "Welcome and the year in review"),
            ("10.30 am", "Theme group market place"),
            ("1.30 pm", "Workshops on the Community Strategy's priorities"),
            ("3.30 pm", "What we agreed, and next steps"),
        ],
        run_by=running_group,
        places=len(PARTNERSHIP_EVENT_PEOPLE),
        questions=[EventQuestion(label="Organisation", is_required=True)],
        event_reminders=[
            EventReminder(amount=7, unit=EventReminder.Unit.DAYS),
            EventReminder(
                amount=1,
                unit=EventReminder.Unit.DAYS,
                message="Doors open at 9 am; lunch is provided.",
            ),
        ],
        sends_waiting_list_note=True,
    )
    for name, organisation in PARTNERSHIP_EVENT_PEOPLE + PARTNERSHIP_EVENT_WAITING:
        _register(partnership_event, name, [("Organisation", organisation)])

    workshop = _event(
        index,
        title="Community Strategy workshop: housing and health",
        slug="community-strategy-workshop",
        start=_day(20, 18),
        end=_day(20, 20),
        venue_name="Golborne Community Centre",
        audience=Audience.PUBLIC,
        purpose="<p>An open workshop for anyone who lives or works in the borough: tell us "
        "what the next Community Strategy should say about housing and health.</p>",
        agenda=[("6.00 pm", "Introduction"), ("6.20 pm", "Workshops"), ("7.30 pm", "Feedback")],
        run_by=running_group,
        places=40,
        questions=[
            EventQuestion(
                label="Which workshop",
                kind=EventQuestion.Kind.CHOICE,
                choices="Housing\nHealth",
                is_required=True,
            )
        ],
    )
    for name, choice in WORKSHOP_PEOPLE:
        _register(workshop, name, [("Which workshop", choice)])
    # Registered by an officer over the telephone: no email, so on the telephone list.
    _register(workshop, "Doreen Price", [("Which workshop", "Health")], telephone="020 7361 3000")

    away_day = _event(
        index,
        title="Steering Group away day",
        slug="steering-group-away-day",
        start=_day(60, 10),
        end=_day(60, 15),
        venue_name="Chelsea Old Town Hall",
        audience=Audience.STEERING_GROUP,
        kind=EventKind.AWAY_DAY,
        facilitator="Jane Hartley, Community Development Foundation (external facilitator)",
        registration_closes=_day(46, 17),
        reminder_days_before_close=5,
        purpose="<p>The Steering Group's yearly day away from the agenda, externally "
        "facilitated as the 2009 review asks: building the Partnership's capacity, members' "
        "own development, and forward planning for the coming year.</p>",
        agenda=[
            ("10.00 am", "How the Partnership works: capacity building"),
            ("11.30 am", "Member development: what the skills audit told us"),
            ("1.30 pm", "Forward planning: priorities for the coming year"),
        ],
        run_by=None,
        places=25,
    )
    _away_day_answers(away_day)
    stdout.write("Created demo events at /events/")


def _event(index, *, agenda, places, **fields) -> EventPage:
    event = EventPage(
        venue_address="Hornton Street\nLondon W8 7NX",
        is_step_free=True,
        has_hearing_loop=True,
        has_accessible_toilet=True,
        access_notes="The step-free entrance is on Phillimore Walk. Tell us about any other "
        "needs when you register.",
        agenda_items=[EventAgendaItem(time=time, title=title) for time, title in agenda],
        **fields,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    EventPlaces.objects.filter(event=event).update(capacity=places)
    return event


def _register(
    event: EventPage, name: str, answers: list[tuple[str, str]], telephone: str = ""
) -> None:
    places = EventPlaces.objects.get(event=event)
    has_place = places.taken < places.capacity
    Registration.objects.create(
        event=event,
        name=name,
        email="" if telephone else _email(name),
        telephone=telephone,
        answers=[{"question": q, "answer": a} for q, a in answers],
        status=Registration.Status.CONFIRMED if has_place else Registration.Status.WAITING,
        confirmed_at=timezone.now() if has_place else None,
    )
    if has_place:
        EventPlaces.objects.filter(event=event).update(taken=F("taken") + 1)


# Demo Steering Group members' answers (members.demo gives them their seats): two of the
# five have not answered, so the officers' screen has someone to remind.
AWAY_DAY_ANSWERS = [
    ("merrick.cockell@kcp.example", Reply.ATTENDING, "", "Vegetarian"),
    ("derek.myers@kcp.example", Reply.TENTATIVE, "Depends on the budget meeting that week.", ""),
    ("michael.wilson@kcp.example", Reply.NOT_ATTENDING, "On leave: my deputy may come.", ""),
]


def _away_day_answers(away_day: EventPage) -> None:
    users = {user.email: user for user in get_user_model().objects.all()}
    for email, reply, note, dietary_needs in AWAY_DAY_ANSWERS:
        if email in users:
            answer_away_day(
                away_day,
                users[email],
                AwayDayAnswer(
                    reply=reply,
                    note=note,
                    dietary_needs=dietary_needs,
                    has_consented_to_needs=bool(dietary_needs),
                ),
            )
