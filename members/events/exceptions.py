"""What can go wrong with an event registration, each with a message for the person."""

from members.exceptions import MembersError


class EventsError(MembersError):
    """The base of every events error (a members' error): each kind has its `code` and a
    default `message`, which a caller may replace with a more exact one."""

    code = "events"
    message = "Something went wrong with this registration."

    def __init__(self, message: str | None = None):
        super().__init__(message or self.message)


class RegistrationClosed(EventsError):
    code = "registration_closed"
    message = "Registration for this event has closed: nothing has been saved."


class EventFull(EventsError):
    code = "event_full"
    message = (
        "The last place has just gone, so nothing has been saved yet. You can join the "
        "waiting list below: we will email you if a place comes free."
    )


class AlreadyRegistered(EventsError):
    code = "already_registered"
    message = (
        "This email address already has a place at this event, or is on its waiting list. "
        "Use the link in your confirmation email to see or cancel it."
    )


class NeedsWithoutConsent(EventsError):
    code = "needs_without_consent"
    message = (
        "Tick the box to agree that we may keep your access and dietary needs, or leave "
        "those boxes empty."
    )


class OfferExpired(EventsError):
    code = "offer_expired"
    message = (
        "Sorry: the time to accept this place ran out, so it has gone to the next person "
        "on the waiting list. Nothing else has changed."
    )


class OfferNotAvailable(EventsError):
    code = "offer_not_available"
    message = "There is no place waiting for you to accept on this registration."


class CapacityBelowTaken(EventsError):
    code = "capacity_below_taken"


class NotAllowed(EventsError):
    code = "not_allowed"
    message = "Only Partnership officers can do that."


class RegistrationNotFound(EventsError):
    code = "registration_not_found"
    message = "That registration does not belong to this event."


class NotInvited(EventsError):
    code = "not_invited"
    message = (
        "The away day's sign-up is for Steering Group members. If you have just joined the "
        "Steering Group, ask the Partnership team to record your seat."
    )


class NotAnAwayDay(EventsError):
    code = "not_an_away_day"
    message = "This event is not an away day: register for it from its page instead."


class AnswersClosed(EventsError):
    code = "answers_closed"
    message = (
        "The cut-off for answers has passed, so your answer cannot be changed now: nothing "
        "has been saved. Contact the Partnership team if your plans have changed."
    )


class AnswerChangedElsewhere(EventsError):
    code = "answer_changed_elsewhere"
    message = (
        "Your answer was saved from another window at the same moment: check it below and "
        "save again if it is not what you meant."
    )


class WaitingListClosed(EventsError):
    code = "waiting_list_closed"
    message = (
        "All places are taken and the waiting list has closed, because an offer could no "
        "longer reach you in time before the event: nothing has been saved."
    )


class AlreadyLeft(EventsError):
    code = "already_left"
    message = "You have already left the waiting list: there is nothing more to do."


class NotOnWaitingList(EventsError):
    code = "not_on_waiting_list"
    message = (
        "You are not on the waiting list: you have a confirmed place. To cancel it, use "
        "“Cancel my place” on your registration page."
    )


class NoWayToContact(EventsError):
    code = "no_way_to_contact"
    message = "Give an email address or a telephone number, so we can tell them about the event."
