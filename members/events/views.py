"""The public side of events: the registration form, the signed link's page and an away
day's answer form. Each action calls members.events.services; refusals come back as
EventsError messages. The officers' screens are in officer_views."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.http_caching import kept_private

from . import away_days, services
from .emails import event_ics
from .exceptions import AlreadyLeft, EventFull, EventsError, NotInvited, WaitingListClosed
from .forms import (
    AwayDayAnswerForm,
    RegistrationForm,
)
from .links import registration_from_token, registration_path
from .models import Audience, EventPage, EventPlaces, Registration

Status = Registration.Status


def _refused(request, event: EventPage):
    """None when the visitor may see the event; else the response Wagtail would give its page:
    the login page for someone signed out, a 403 page for someone signed in."""
    for restriction in event.get_view_restrictions():
        if not restriction.accept_request(request):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return kept_private(
                render(
                    request,
                    "403.html",
                    {"allowed_groups": [group.name for group in restriction.groups.all()]},
                    status=403,
                )
            )
    return None


# --- Registering ----------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def registration_form(request, event_slug: str):
    event = get_object_or_404(EventPage.objects.live(), slug=event_slug)
    refusal = _refused(request, event)
    if refusal is not None:
        return refusal
    if event.is_away_day:
        return redirect("events_answer", event_slug=event.slug)
    places = EventPlaces.objects.filter(event_id=event.pk).first()
    is_full = places is None or places.left == 0
    wants_waiting_list = request.POST.get("intent") == "waiting_list"
    form = RegistrationForm(request.POST or None, event=event, user=request.user)
    problem = None
    waiting_list_closed = is_full and not event.is_waiting_list_open()
    if not event.is_taking_registrations():
        problem = "Registration for this event has closed."
        if request.method == "POST":
            problem += " Nothing has been saved."
    elif waiting_list_closed and request.method == "POST":
        problem = WaitingListClosed.message
    elif request.method == "POST" and form.is_valid():
        try:
            registration = services.register_for_event(
                event, form.applicant(), join_waiting_list_if_full=wants_waiting_list
            )
        except EventFull as error:
            problem, is_full = error.message, True
            waiting_list_closed = not event.is_waiting_list_open()
        except EventsError as error:
            problem = error.message
        else:
            messages.success(request, services.outcome_message(registration))
            return redirect(registration_path(registration))
    elif request.method == "POST":
        problem = "Check the answers marked below: nothing has been saved yet."
    return kept_private(
        render(
            request,
            "events/registration_form.html",
            {
                "page": event,
                "event": event,
                "form": form,
                "places": places,
                "is_full": is_full,
                "is_open": event.is_taking_registrations() and not waiting_list_closed,
                "waiting_list_closed": waiting_list_closed,
                "problem": problem,
            },
            status=200 if problem is None or request.method == "GET" else 400,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def registration_link(request, token: str):
    """The page the emailed link opens: no sign-in, the signature is the key. An altered link
    finds nothing; a link used again shows what the registration is now."""
    registration = registration_from_token(token)
    if registration is None:
        return kept_private(render(request, "events/link_not_valid.html", status=404))
    problem = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                registration = services.cancel_registration(registration)
                messages.success(request, "Your registration is cancelled. Thank you.")
            elif action == "accept":
                registration = services.accept_offer(registration)
                messages.success(request, services.outcome_message(registration))
            elif action == "decline":
                registration = services.decline_offer(registration)
                messages.success(
                    request,
                    "You have turned down the place: it goes to the next "
                    "person waiting. Thank you for letting us know.",
                )
            else:
                problem = "Choose one of the buttons below."
        except EventsError as error:
            problem = error.message
        if problem is None:
            return redirect(registration_path(registration))
        registration.refresh_from_db()
    position = (
        services.waiting_list_position(registration)
        if registration.status == Status.WAITING
        else None
    )
    return kept_private(
        render(
            request,
            "events/registration_link.html",
            {
                "registration": registration,
                "event": registration.event,
                "position": position,
                "problem": problem,
            },
            status=400 if problem else 200,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def leave_waiting_list(request, token: str):
    """The waiting list's "leave" link: opening it only asks (mail scanners open links by
    themselves); leaving is the POST. Used again, it says so; altered, it finds nothing."""
    registration = registration_from_token(token)
    if registration is None:
        return kept_private(render(request, "events/link_not_valid.html", status=404))
    has_left = registration.status not in Registration.ACTIVE
    problem = None
    if request.method == "POST":
        try:
            registration = services.leave_waiting_list(registration)
        except AlreadyLeft:
            has_left = True
        except EventsError as error:
            problem = error.message
        else:
            messages.success(request, "You have left the waiting list. Thank you for telling us.")
            return redirect(registration_path(registration))
    context = {
        "registration": registration,
        "event": registration.event,
        "position": services.waiting_list_position(registration)
        if registration.status == Status.WAITING
        else None,
        "has_left": has_left,
        "problem": problem,
        "link": registration_path(registration),
    }
    status = 400 if problem else 200
    return kept_private(render(request, "events/leave_waiting_list.html", context, status=status))


@never_cache
def event_calendar(request, event_slug: str):
    """ "Add to calendar": the event as an .ics file, for whoever may see the event."""
    event = get_object_or_404(EventPage.objects.live(), slug=event_slug)
    refusal = _refused(request, event)
    if refusal is not None:
        return refusal
    response = HttpResponse(
        event_ics(event, request.build_absolute_uri(event.url)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response if event.audience == Audience.PUBLIC else kept_private(response)


# --- An away day's sign-up ------------------------------------------------------------------


def _refuse(request, message: str):
    """A clear 403 for someone signed in who may not do this: never a sign-in loop."""
    return kept_private(render(request, "403.html", {"refusal": message}, status=403))


@never_cache
@require_http_methods(["GET", "POST"])
def answer_form(request, event_slug: str):
    """A Steering Group member's own answer: always the signed-in member's, found by who they
    are, never by an id from the request, so nobody reaches another member's answer."""
    event = get_object_or_404(EventPage.objects.live(), slug=event_slug)
    if not event.is_away_day:
        raise Http404("This event is not an away day.")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not away_days.is_invited(request.user):
        return _refuse(request, NotInvited.message)
    current = away_days.answer_of(event, request.user)
    is_open = away_days.is_taking_answers(event)
    form = AwayDayAnswerForm(
        request.POST if request.method == "POST" and is_open else None,
        initial=AwayDayAnswerForm.initial_from(current),
    )
    problem = None
    if request.method == "POST":
        if not is_open:
            problem = away_days.AnswersClosed.message
        elif form.is_valid():
            try:
                registration = away_days.answer_away_day(event, request.user, form.answer())
            except EventsError as error:
                problem = error.message
            else:
                messages.success(
                    request,
                    f"Thank you: your answer, “{registration.get_reply_display().lower()}”, is "
                    "saved. You can change it here until the cut-off.",
                )
                return redirect("events_answer", event_slug=event.slug)
        else:
            problem = "Check the answers marked below: nothing has been saved yet."
    return kept_private(
        render(
            request,
            "events/answer_form.html",
            {
                "page": event,
                "event": event,
                "form": form,
                "current": current,
                "is_open": is_open,
                "problem": problem,
            },
            status=400 if problem else 200,
        )
    )
