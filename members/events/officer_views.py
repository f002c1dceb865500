"""The officers' screens of an event: registrations and waiting list, places, CSV export,
sign-in sheet, check-in, cancel and move; an away day's screen of answers and reminders.
Each action calls members.events.officer_services; refusals come back as EventsError messages."""

import functools
import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.audit import record_access
from home.http_caching import kept_private
from home.roles import is_partnership_officer
from home.spreadsheets import download

from . import access, away_days, export, officer_services
from .audit import Action
from .exceptions import EventsError
from .forms import (
    MoveForm,
    OfficerNoteForm,
    PlacesForm,
    ReminderForm,
    SomeoneForm,
)
from .models import (
    AwayDayReminder,
    EventPage,
    EventPlaces,
    Registration,
    Reply,
)

Status = Registration.Status


# --- Officers -------------------------------------------------------------------------------


def _managed_event(request, event_id: int) -> tuple[EventPage, bool]:
    """The event and whether the person is a Partnership officer (who alone sees needs)."""
    event = get_object_or_404(EventPage, pk=event_id)
    if access.is_partnership_officer(request.user):
        return event, True
    if access.is_lead_officer_for(request.user, event):
        return event, False
    raise PermissionDenied


def managers_only(view):
    """Signed-out visitors go to sign in; what the view then shows is never cached."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return kept_private(view(request, *args, **kwargs))

    return never_cache(wrapped)


def _with_answer_cells(registrations: list[Registration], questions) -> list[Registration]:
    """Each registration's answers in the order of the event's questions now, blank where a
    question was added after they registered."""
    for registration in registrations:
        answers = {a.get("question"): a.get("answer", "") for a in registration.answers}
        registration.answer_cells = [answers.get(question.label, "") for question in questions]
    return registrations


def _registrations(event: EventPage, *, with_needs: bool, statuses=None) -> list[Registration]:
    registrations = Registration.objects.filter(event=event).order_by("created_at", "pk")
    if statuses is not None:
        registrations = registrations.filter(status__in=statuses)
    if with_needs:
        registrations = registrations.select_related("needs")
    return list(registrations)


@managers_only
def manage_events(request):
    events = list(access.events_managed_by(request.user))
    if not events and not access.is_partnership_officer(request.user):
        raise PermissionDenied
    return render(request, "events/manage/events.html", {"events": events})


@managers_only
@require_http_methods(["GET", "POST"])
def manage_event(request, event_id: int):
    """Registrations, the waiting list and the number of places of one event."""
    event, is_officer = _managed_event(request, event_id)
    places_form = PlacesForm(request.POST or None) if is_officer else None
    if request.method == "POST":
        if not is_officer:
            raise PermissionDenied
        if places_form.is_valid():
            try:
                officer_services.set_places(
                    event, places_form.cleaned_data["capacity"], by=request.user
                )
            except EventsError as error:
                places_form.add_error("capacity", error.message)
            else:
                messages.success(request, "The number of places has changed.")
                return redirect("events_manage_event", event_id=event.pk)
    questions = list(event.questions.all())
    registrations = _with_answer_cells(_registrations(event, with_needs=is_officer), questions)
    record_access(request.user, Action.VIEWED, page=event, details={"included_needs": is_officer})
    places = EventPlaces.objects.filter(event_id=event.pk).first()
    if places_form is not None and not places_form.is_bound:
        places_form = PlacesForm(initial={"capacity": places.capacity if places else 0})
    by_status = {status: [] for status in Status.values}
    for registration in registrations:
        by_status[registration.status].append(registration)
    return render(
        request,
        "events/manage/event.html",
        {
            "event": event,
            "places": places,
            "places_form": places_form,
            "is_officer": is_officer,
            "questions": questions,
            "confirmed": by_status[Status.CONFIRMED],
            "offered": by_status[Status.OFFERED],
            "waiting": by_status[Status.WAITING],
            "ended": by_status[Status.CANCELLED]
            + by_status[Status.OFFER_EXPIRED]
            + by_status[Status.OFFER_DECLINED],
            "to_telephone": [r for r in registrations if r.is_active and not r.email],
            "reminders": [r for r in event.event_reminders.all() if r.is_enabled],
        },
        status=400 if places_form is not None and places_form.errors else 200,
    )


@managers_only
@require_http_methods(["GET", "POST"])
def register_someone(request, event_id: int):
    """An officer registers someone, by telephone for someone without email."""
    event, is_officer = _managed_event(request, event_id)
    if not is_officer:
        raise PermissionDenied
    form = SomeoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = officer_services.register_someone(
                event, form.applicant(), by=request.user
            )
        except EventsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"{registration.name}: {registration.get_status_display()}.")
            return redirect("events_manage_event", event_id=event.pk)
    return render(
        request,
        "events/manage/register_someone.html",
        {"event": event, "form": form},
        status=400 if form.errors else 200,
    )


@managers_only
def export_registrations(request, event_id: int):
    event, is_officer = _managed_event(request, event_id)
    registrations = _registrations(event, with_needs=is_officer)
    record_access(
        request.user,
        Action.EXPORTED,
        page=event,
        details={"included_needs": is_officer, "detail": f"{len(registrations)} registrations"},
    )
    headings, rows = export.registrations_table(
        registrations,
        with_needs=is_officer,
        questions=[question.label for question in event.questions.all()],
    )
    return download(f"{event.slug}-registrations", headings, rows, request.GET.get("format"))


@managers_only
def sign_in_sheet(request, event_id: int):
    event, _is_officer = _managed_event(request, event_id)
    questions = list(event.questions.all())
    registrations = _registrations(event, with_needs=False, statuses=[Status.CONFIRMED])
    registrations.sort(key=lambda r: r.name.lower())
    record_access(request.user, Action.PRINTED, page=event, details={"included_needs": False})
    context = {
        "event": event,
        "registrations": _with_answer_cells(registrations, questions),
        "questions": questions,
    }
    return render(request, "events/manage/sign_in_sheet.html", context)


@managers_only
@require_http_methods(["GET", "POST"])
def check_in(request, event_id: int):
    """On the day, from a phone: find someone by name, one tap to check them in."""
    event, _is_officer = _managed_event(request, event_id)
    query = request.GET.get("q", "").strip()[:100]
    if request.method == "POST":
        try:
            registration = officer_services.registration_of(event, request.POST.get("registration"))
            officer_services.check_in(registration, by=request.user)
        except EventsError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"{registration.name} is checked in.")
        url = reverse("events_check_in", args=[event.pk])
        return redirect(f"{url}?q={query}" if query else url)
    confirmed = Registration.objects.filter(event=event, status=Status.CONFIRMED)
    results = list(confirmed.filter(name__icontains=query).order_by("name")[:50]) if query else []
    checked_in = confirmed.filter(checked_in_at__isnull=False).count()
    return render(
        request,
        "events/manage/check_in.html",
        {
            "event": event,
            "query": query,
            "results": results,
            "checked_in": checked_in,
            "confirmed_count": confirmed.count(),
        },
    )


@managers_only
@require_http_methods(["GET", "POST"])
def change_registration(request, event_id: int, registration_id: int):
    """Cancel or move one registration, with a note; officers only."""
    event, is_officer = _managed_event(request, event_id)
    if not is_officer:
        raise PermissionDenied
    try:
        registration = officer_services.registration_of(event, registration_id)
    except EventsError as error:
        raise Http404(error.message) from error
    action = request.POST.get("action")
    cancel_form = OfficerNoteForm(request.POST if action == "cancel" else None, prefix="cancel")
    move_form = MoveForm(
        request.POST if action == "move" else None, prefix="move", from_event=event
    )
    if request.method == "POST":
        try:
            if action == "cancel" and cancel_form.is_valid():
                officer_services.cancel_by_officer(
                    registration, by=request.user, note=cancel_form.cleaned_data["note"]
                )
                messages.success(request, f"{registration.name}'s registration is cancelled.")
                return redirect("events_manage_event", event_id=event.pk)
            if action == "move" and move_form.is_valid():
                to_event = move_form.cleaned_data["to_event"]
                officer_services.move_registration(
                    registration, to_event, by=request.user, note=move_form.cleaned_data["note"]
                )
                messages.success(request, f"{registration.name} is moved to {to_event.title}.")
                return redirect("events_manage_event", event_id=event.pk)
        except EventsError as error:
            (move_form if action == "move" else cancel_form).add_error(None, error.message)
    return render(
        request,
        "events/manage/change_registration.html",
        {
            "event": event,
            "registration": registration,
            "cancel_form": cancel_form,
            "move_form": move_form,
        },
        status=400 if request.method == "POST" else 200,
    )


# --- An away day's answers, for officers --------------------------------------------------


def _officers_only(request):
    if not is_partnership_officer(request.user):
        raise PermissionDenied


@managers_only
def manage_away_day(request, event_id: int):
    """Who answered what (with needs: Partnership officers only) and who has not answered,
    with the one action that reminds them."""
    _officers_only(request)
    event = get_object_or_404(EventPage, pk=event_id)
    if not event.is_away_day:
        raise Http404("This event is not an away day.")
    return _away_day_screen(request, event, ReminderForm(initial={"token": uuid.uuid4().hex}))


def _away_day_screen(request, event, reminder_form, status=200):
    replies = away_days.replies(event, by=request.user)
    return render(
        request,
        "events/manage/away_day.html",
        {
            "event": event,
            "attending": replies.with_reply(Reply.ATTENDING),
            "tentative": replies.with_reply(Reply.TENTATIVE),
            "not_attending": replies.with_reply(Reply.NOT_ATTENDING),
            "non_repliers": replies.non_repliers,
            "reminders": list(
                event.reminders.exclude(token__startswith=AwayDayReminder.BEFORE).select_related(
                    "sent_by"
                )
            ),
            "reminder_form": reminder_form,
            "is_open": away_days.is_taking_answers(event),
        },
        status=status,
    )


@managers_only
@require_http_methods(["POST"])
def remind_away_day(request, event_id: int):
    _officers_only(request)
    event = get_object_or_404(EventPage, pk=event_id)
    if not event.is_away_day:
        raise Http404("This event is not an away day.")
    form = ReminderForm(request.POST)
    if form.is_valid():
        try:
            reminder = away_days.remind_non_repliers(
                event, token=form.cleaned_data["token"], by=request.user
            )
        except EventsError as error:
            form.add_error(None, error.message)
        else:
            if reminder is None:
                messages.info(request, "That reminder was sent already: nobody was emailed twice.")
            else:
                messages.success(
                    request,
                    f"A reminder is on its way to {reminder.recipients} "
                    f"member{'s' if reminder.recipients != 1 else ''} who had not answered.",
                )
            return redirect("events_manage_away_day", event_id=event.pk)
    else:
        # The token is a hidden field: its error is shown with the form's own.
        form.add_error(None, form.errors["token"][0])
    return _away_day_screen(request, event, form, status=400)
